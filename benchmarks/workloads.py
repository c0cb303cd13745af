"""The named workloads. Each builds what it needs in a fresh tenant and measures one thing.

Business workloads (invoice, order_to_cash, pos, api_read) run in the India tenant of
``benchmarks/india_tenant.py``; doc_insert and tenants measure the engine alone on a
small custom doctype.
"""

from __future__ import annotations

import datetime as dt
import statistics
import time
import urllib.parse
import uuid
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from decimal import Decimal
from typing import Any

from benchmarks.gst_returns import gstr1
from benchmarks.harness import Run, measure, summary
from benchmarks.india_tenant import COMPANY, ITEMS, customer_name, india_tenant, item_code
from benchmarks.server import Client, serve
from core import lifecycle
from core.auth.api_keys import issue_api_key
from tenants.provisioning import new_tenant

ENTRY = {
    "name": "Bench Entry", "module": "Bench", "custom": 1, "is_submittable": 1,
    "autoname": "BE-.YYYY.-.#####",
    "fields": [
        {"fieldname": "posting_date", "fieldtype": "Date", "reqd": 1, "in_list_view": 1},
        {"fieldname": "party", "fieldtype": "Link", "options": "User", "in_list_view": 1},
        {"fieldname": "total", "fieldtype": "Currency", "in_list_view": 1},
        {"fieldname": "lines", "fieldtype": "Table", "options": "Bench Entry Line"},
    ],
}
ENTRY_LINE = {
    "name": "Bench Entry Line", "module": "Bench", "custom": 1, "istable": 1,
    "fields": [
        {"fieldname": "item", "fieldtype": "Data", "reqd": 1},
        {"fieldname": "qty", "fieldtype": "Float"},
        {"fieldname": "rate", "fieldtype": "Currency"},
        {"fieldname": "amount", "fieldtype": "Currency"},
    ],
}


def _setup_entry_doctypes(run: Run) -> None:
    run.new_tenant()
    with run.site.transaction(run.tenant, "admin") as ctx:
        for definition in (ENTRY_LINE, ENTRY):
            lifecycle.insert(ctx, lifecycle.new_doc(ctx, "DocType", definition))


def _entry(i: int) -> dict[str, Any]:
    lines = [{"item": f"ITEM-{i % 200}-{k}", "qty": k + 1, "rate": "125.50",
              "amount": str((k + 1) * 125.5)} for k in range(3)]
    return {"posting_date": "2026-11-24", "party": "admin", "total": "753.00",
            "lines": lines, "docstatus": 1}


def doc_insert(run: Run) -> dict[str, Any]:
    """Submitted documents with three child rows, one transaction each, via the lifecycle."""
    _setup_entry_doctypes(run)
    n = run.count(2000)

    def op(i: int) -> None:
        with run.site.transaction(run.tenant, "admin") as ctx:
            lifecycle.insert(ctx, lifecycle.new_doc(ctx, "Bench Entry", _entry(i)))

    warm_up(run, n, op)
    before = run.rows()
    seconds, latencies = measure(n, op)
    return summary(n, seconds, latencies, run.rows() - before)


def _api_tenant(run: Run, docs: int) -> tuple[str, str]:
    _setup_entry_doctypes(run)
    with run.site.transaction(run.tenant, "admin") as ctx:
        for i in range(docs):
            lifecycle.insert(ctx, lifecycle.new_doc(ctx, "Bench Entry", _entry(i)))
        key, secret = issue_api_key(ctx, "admin")
    return f"{run.tenant}.localhost", f"{key}:{secret}"


def _concurrent(clients: list[Client], n: int, call: Callable[[Client, int], None]
                ) -> tuple[float, list[float]]:
    per_client = n // len(clients)

    def worker(client: Client) -> list[float]:
        out = []
        for i in range(per_client):
            t0 = time.perf_counter()
            call(client, i)
            out.append((time.perf_counter() - t0) * 1000)
        return out

    start = time.perf_counter()
    with ThreadPoolExecutor(len(clients)) as pool:
        results = list(pool.map(worker, clients))
    return time.perf_counter() - start, [x for r in results for x in r]


def api_read(run: Run) -> dict[str, Any]:
    """8 concurrent API clients alternating list pages of Sales Invoices and whole
    invoices (lines and GST rows included), over submitted invoices of the India tenant."""
    docs = max(20, run.count(200))
    india_tenant(run, ["inventory"], units=docs * 3)
    with run.site.transaction(run.tenant, "admin") as ctx:
        names = [lifecycle.insert(ctx, lifecycle.new_doc(ctx, "Sales Invoice", {
            "customer": customer_name(i), "company": COMPANY, "posting_date": "2026-11-24",
            "update_stock": 1, "docstatus": 1, "items": _sale_lines(i)})).name
            for i in range(docs)]
        key, secret = issue_api_key(ctx, "admin")
    list_path = "/api/resource/Sales%20Invoice?" + urllib.parse.urlencode(
        {"fields": '["name","customer","posting_date","grand_total","status"]',
         "limit_page_length": 20})
    n = run.count(4000)
    with serve(run.site.db.url) as (port, pid):
        clients = [Client(port, f"{run.tenant}.localhost", f"{key}:{secret}")
                   for _ in range(8)]

        def call(client: Client, i: int) -> None:
            if i % 2:
                client.get(list_path)
            else:
                client.get("/api/resource/Sales%20Invoice/" + names[i % len(names)])

        seconds, latencies = _concurrent(clients, n, call)
        return summary(len(latencies), seconds, latencies, 0, server_pid=pid)


def tenants(run: Run) -> dict[str, Any]:
    """p50 of one tenant's reads with few tenants, and again with 1,000 in the database."""
    host, token = _api_tenant(run, docs=20)
    target = run.count(1000)
    reads = 300
    with serve(run.site.db.url) as (port, pid):
        client = Client(port, host, token)
        path = "/api/resource/Bench%20Entry?limit_page_length=20"
        for _ in range(20):
            client.get(path)  # warm the server's caches before either measurement
        _, alone = measure(reads, lambda i: client.get(path))
        t0 = time.perf_counter()
        for _ in range(target - 1):
            new_tenant(run.site, f"bench-{time.perf_counter_ns()}", "tenant-pass-1",
                       modules=[])
        provisioning = time.perf_counter() - t0
        refresh_statistics(run)
        seconds, crowded = measure(reads, lambda i: client.get(path))
        p50_alone, p50_crowded = statistics.median(alone), statistics.median(crowded)
        return summary(reads, seconds, crowded, 0, server_pid=pid, tenants=target,
                       p50_ms_one_tenant=round(p50_alone, 2),
                       p50_ratio=round(p50_crowded / p50_alone, 3),
                       provisioning_s=round(provisioning, 1))


def _books_tenant(run: Run, modules: list[str]) -> None:
    """A tenant with the 2026-27 fiscal year and Bench Co on the India chart."""
    run.new_tenant(modules=modules)
    with run.site.transaction(run.tenant, "admin") as ctx:
        lifecycle.insert(ctx, lifecycle.new_doc(ctx, "Fiscal Year", {
            "year": "2026-2027", "year_start_date": "2026-04-01",
            "year_end_date": "2027-03-31"}))
        lifecycle.insert(ctx, lifecycle.new_doc(ctx, "Company", {
            "company_name": "Bench Co", "abbr": "BC", "chart_of_accounts": "India"}))


def journal(run: Run) -> dict[str, Any]:
    """Balanced journal entries with four lines, submitted one per transaction."""
    _books_tenant(run, ["accounting"])
    n = run.count(2000)
    lines = [("Cash - BC", "1180.00", 0), ("Sales - BC", 0, "1000.00"),
             ("Output Tax CGST - BC", 0, "90.00"), ("Output Tax SGST - BC", 0, "90.00")]

    def op(i: int) -> None:
        with run.site.transaction(run.tenant, "admin") as ctx:
            lifecycle.insert(ctx, lifecycle.new_doc(ctx, "Journal Entry", {
                "company": "Bench Co", "posting_date": "2026-11-24", "docstatus": 1,
                "accounts": [{"account": a, "debit_in_account_currency": d,
                              "credit_in_account_currency": c} for a, d, c in lines]}))

    warm_up(run, n, op)
    before = run.rows()
    seconds, latencies = measure(n, op)
    return summary(n, seconds, latencies, run.rows() - before)


LEDGER_BATCH = 2_500  # vouchers per transaction while building the ledger


def trial_balance(run: Run) -> dict[str, Any]:
    """The trial balance for the year once the ledger holds a million GL entries (at the
    standard scale), written through the accounting's bulk posting path: vouchers of four
    lines spread over the year and over twelve income, expense and balance accounts."""
    from modules.accounting.posting import PostingLine, Voucher, post_many
    from modules.accounting.reports.trial_balance import trial_balance as report

    _books_tenant(run, ["accounting"])
    entries = run.count(1_000_000)
    debit = ["Cash - BC", "Bank Account - BC", "Office Rent - BC", "Salary - BC",
             "Travel Expenses - BC", "Utility Expenses - BC"]
    credit = ["Sales - BC", "Service - BC", "Output Tax CGST - BC", "Output Tax SGST - BC",
              "Interest Income - BC", "Unsecured Loans - BC"]
    start = dt.date(2026, 4, 1)

    def voucher(i: int) -> tuple[Any, list[Any]]:
        amount = Decimal(100 + i % 900) + Decimal(i % 100) / 100
        lines = [PostingLine(debit[i % 6], debit=amount, cost_center="Main - BC"),
                 PostingLine(debit[(i + 1) % 6], debit=amount, cost_center="Main - BC"),
                 PostingLine(credit[i % 6], credit=amount),
                 PostingLine(credit[(i + 1) % 6], credit=amount)]
        date = start + dt.timedelta(days=i % 365)
        return Voucher("Bench Voucher", f"BV-{i:07d}", date, "Bench Co"), lines

    t0 = time.perf_counter()
    vouchers = entries // 4
    for first in range(0, vouchers, LEDGER_BATCH):
        with run.site.transaction(run.tenant, "admin") as ctx:
            post_many(ctx, [voucher(i) for i in range(first, min(first + LEDGER_BATCH,
                                                                 vouchers))])
    build = time.perf_counter() - t0
    refresh_statistics(run)

    def op(i: int) -> None:
        with run.site.transaction(run.tenant, "admin") as ctx:
            totals = report(ctx, "Bench Co", start, dt.date(2027, 3, 31))["totals"]
            assert totals["debit"] == totals["credit"] > 0

    seconds, latencies = measure(5, op)
    return summary(5, seconds, latencies, vouchers * 4, gl_entries=vouchers * 4,
                   build_s=round(build, 1))


def _sale_lines(i: int) -> list[dict[str, Any]]:
    """Three lines of sale i, spread over the 200 items and their GST rates."""
    return [{"item_code": item_code(3 * i + k), "qty": 1 + k, "rate": "249.50"}
            for k in range(3)]


def invoice(run: Run) -> dict[str, Any]:
    """Sales invoices of 3 stock items to the 50 customers, update_stock = 1, GST worked
    out by the GST module (CGST and SGST in Maharashtra, IGST elsewhere): stock ledger,
    cost of goods sold, the sale and its taxes posted in one transaction each."""
    n = run.count(1000)
    india_tenant(run, ["inventory"], units=(n + warm_up_count(n)) * 3)

    def op(i: int) -> None:
        with run.site.transaction(run.tenant, "admin") as ctx:
            lifecycle.insert(ctx, lifecycle.new_doc(ctx, "Sales Invoice", {
                "customer": customer_name(i), "company": COMPANY,
                "posting_date": "2026-11-24", "update_stock": 1, "docstatus": 1,
                "items": _sale_lines(i)}))

    warm_up(run, n, op)
    before = run.rows()
    seconds, latencies = measure(n, op)
    return summary(n, seconds, latencies, run.rows() - before)


def order_to_cash(run: Run) -> dict[str, Any]:
    """A sales order, its delivery note, the invoice made from the delivery and the
    payment that settles it: four documents, each submitted in its own transaction as a
    user would, made from each other by the same functions the desk's buttons call."""
    from modules.sales.billing import make_sales_invoice
    from modules.sales.ordering import make_delivery_note

    n = run.count(250)
    india_tenant(run, ["sales"], units=(n + warm_up_count(n)) * 3)

    def submit(made: dict[str, Any]) -> Any:
        with run.site.transaction(run.tenant, "admin") as ctx:
            return lifecycle.insert(ctx, lifecycle.new_doc(ctx, made["doctype"],
                                                           made | {"docstatus": 1}))

    def op(i: int) -> None:
        so = submit({"doctype": "Sales Order", "customer": customer_name(i),
                     "company": COMPANY, "transaction_date": "2026-11-24",
                     "delivery_date": "2026-11-24", "items": _sale_lines(i)})
        with run.site.transaction(run.tenant, "admin") as ctx:
            made = make_delivery_note(ctx, so.name)
        dn = submit(made)
        with run.site.transaction(run.tenant, "admin") as ctx:
            made = make_sales_invoice(ctx, dn.name)
        si = submit(made)
        submit({"doctype": "Payment Entry", "payment_type": "Receive", "company": COMPANY,
                "posting_date": "2026-11-24", "party_type": "Customer",
                "party": si.customer, "paid_to": "Cash - BC",
                "paid_amount": si.grand_total,
                "references": [{"reference_doctype": "Sales Invoice",
                                "reference_name": si.name,
                                "allocated_amount": si.grand_total}]})

    warm_up(run, n, op)
    before = run.rows()
    seconds, latencies = measure(n, op)
    return summary(n, seconds, latencies, run.rows() - before)


TERMINALS = 8


def pos(run: Run) -> dict[str, Any]:
    """8 counters, each with its POS profile, number series, cashier and open session,
    posting sales (3 lines with GST, 1 cash payment) concurrently through
    ``pos.submit_invoice`` over HTTP against ``erp serve`` (2 worker processes), each
    sale with its own uuid."""
    n = run.count(5000)
    cashiers = [f"cashier{k}@bench.test" for k in range(TERMINALS)]
    warm = warm_up_count(n) // TERMINALS * TERMINALS
    india_tenant(run, ["pos"], units=(n + warm) * 3)
    with run.site.transaction(run.tenant, "admin") as ctx:
        lifecycle.insert(ctx, lifecycle.new_doc(ctx, "Price List", {
            "price_list_name": "Counter", "selling": 1}))
        for k in range(ITEMS):
            lifecycle.insert(ctx, lifecycle.new_doc(ctx, "Item Price", {
                "item_code": item_code(k), "price_list": "Counter",
                "price_list_rate": "49.50"}))
        tokens = []
        for k, user in enumerate(cashiers):
            lifecycle.insert(ctx, lifecycle.new_doc(ctx, "User", {
                "login": user, "roles": [{"role": "Sales User"}]}))
            lifecycle.insert(ctx, lifecycle.new_doc(ctx, "POS Profile", {
                "pos_profile_name": f"Counter {k}", "company": COMPANY,
                "warehouse": "Stores - BC", "selling_price_list": "Counter",
                "naming_series": f"T{k}-.FY.-.#####",
                "payments": [{"mode_of_payment": "Cash", "default": 1}],
                "users": [{"user": user}]}))
            lifecycle.insert(ctx, lifecycle.new_doc(ctx, "POS Opening Entry", {
                "pos_profile": f"Counter {k}", "user": user, "posting_date": "2026-11-24",
                "balance_details": [{"mode_of_payment": "Cash", "opening_amount": 2000}],
                "docstatus": 1}))
            key, secret = issue_api_key(ctx, user)
            tokens.append((f"Counter {k}", f"{key}:{secret}"))

    def call(client: Client, i: int) -> None:
        first = i * 7 + id(client)
        # 297.00 before tax, at most 380.16 with 28% GST: paid 400.00 cash, with change
        client.post("/api/method/pos.submit_invoice", {"invoice": {
            "uuid": str(uuid.uuid4()), "pos_profile": counters[client],
            "posting_date": "2026-11-24",
            "items": [{"item_code": item_code(first + k), "qty": 1 + k} for k in range(3)],
            "payments": [{"mode_of_payment": "Cash", "amount": "400"}]}})

    with serve(run.site.db.url, workers=2) as (port, pid):
        counters = {Client(port, f"{run.tenant}.localhost", token): counter
                    for counter, token in tokens}
        clients = list(counters)
        _concurrent(clients, warm, call)
        refresh_statistics(run)
        before = run.rows()
        seconds, latencies = _concurrent(clients, n, call)
        return summary(len(latencies), seconds, latencies, run.rows() - before,
                       server_pid=pid, terminals=len(clients))


WARM_UP = 0.1  # of a workload's count, run first and not measured


def warm_up_count(n: int) -> int:
    return max(1, int(n * WARM_UP))


def warm_up(run: Run, n: int, op: Callable[[int], Any]) -> None:
    """Measure the steady state, not the first seconds of a new database: run a tenth of
    the operations unmeasured (numbered after the measured ones), then refresh the
    planner's statistics, as autovacuum does within a minute in production."""
    for i in range(warm_up_count(n)):
        op(n + i)
    refresh_statistics(run)


def refresh_statistics(run: Run) -> None:
    """Fresh planner statistics (autovacuum's ANALYZE). A database made a second ago has
    none, and PostgreSQL then chooses among a table's indexes blindly: with the tables
    of a POS sale analysed while still empty, every update of an invoice row by name
    scanned all the tenant's invoices, through a cached plan that never changed."""
    if run.site.db.is_postgres:
        with run.site.db.owner.connect() as conn:
            conn.execution_options(isolation_level="AUTOCOMMIT").exec_driver_sql("ANALYZE")


WORKLOADS: dict[str, Callable[[Run], dict[str, Any]]] = {
    "journal": journal,
    "invoice": invoice,
    "order_to_cash": order_to_cash,
    "trial_balance": trial_balance,
    "pos": pos,
    "gstr1": gstr1,
    "doc_insert": doc_insert,
    "api_read": api_read,
    "tenants": tenants,
}
