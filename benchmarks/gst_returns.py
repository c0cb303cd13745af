"""The gstr1 workload: GSTR-1 of a month of 100,000 sales invoices (at the standard
scale) with two lines each, built through bulk row inserts (the read is measured, not
the writing: each invoice carries the GST field contract as a submitted one would).

A quarter go to registered buyers in and out of the state (b2b), one in twenty is an
inter-state sale above the B2CL limit, one in twenty an export, the rest small sales to
consumers across five states (b2cs); one in fifty is cancelled.
"""

from __future__ import annotations

import datetime as dt
import time
from decimal import Decimal
from typing import Any

from benchmarks.harness import Run, measure, summary
from core import lifecycle

COMPANY, GSTIN = "Bench Co", "27AAPFU0939F1ZV"
BUYERS = (("27AABCR1234M1ZD", "27-Maharashtra"), ("29AAGCB7383J1Z4", "29-Karnataka"))
STATES = ("27-Maharashtra", "29-Karnataka", "24-Gujarat", "33-Tamil Nadu", "07-Delhi")
BATCH = 5_000
PERIOD = "112026"


def _setup(run: Run) -> None:
    run.new_tenant(modules=["gst_india"])
    with run.site.transaction(run.tenant, "admin") as ctx:
        def insert(doctype: str, values: dict[str, Any]) -> None:
            lifecycle.insert(ctx, lifecycle.new_doc(ctx, doctype, values))
        insert("Fiscal Year", {"year": "2026-2027", "year_start_date": "2026-04-01",
                               "year_end_date": "2027-03-31"})
        insert("Company", {"company_name": COMPANY, "abbr": "BC", "gstin": GSTIN,
                           "chart_of_accounts": "India"})
        for code, hsn in (("CHAIR", "94017100"), ("STOOL", "94013000")):
            insert("Item", {"item_code": code, "item_name": code.title(),
                            "item_group": "Products", "is_stock_item": 0,
                            "gst_hsn_code": hsn})


def _invoice(i: int) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """Invoice i and its two lines at 18%."""
    kind = i % 20
    gstin, category, pos, amount = "", "Unregistered", STATES[i % 5], Decimal(1000 + i % 500)
    if kind < 5:
        gstin, pos = BUYERS[i % 2]
        category = "Registered Regular"
    elif kind == 5:
        pos, amount = "29-Karnataka", Decimal(150_000)
    elif kind == 6:
        category, pos = "Overseas", "96-Other Countries"
    intra = pos == "27-Maharashtra"
    name = f"SINV-{i:07d}"
    lines = []
    for idx, code in enumerate(("CHAIR", "STOOL"), start=1):
        value = amount / 2
        tax = value * Decimal("0.18") if category != "Overseas" else Decimal(0)
        half = (tax / 2).quantize(Decimal("0.01"))
        lines.append({"name": f"{name}-{idx}", "parent": name, "parenttype": "Sales Invoice",
                      "parentfield": "items", "idx": idx, "item_code": code,
                      "item_name": code.title(), "qty": 1, "rate": value, "amount": value,
                      "uom": "Nos", "gst_hsn_code": "94017100" if idx == 1 else "94013000",
                      "gst_rate": Decimal(18), "cess_rate": Decimal(0),
                      "taxable_value": value, "cgst_amount": half if intra else 0,
                      "sgst_amount": half if intra else 0,
                      "igst_amount": 0 if intra else tax, "cess_amount": 0})
    total = amount + sum((Decimal(str(v)) for ln in lines for v in (
        ln["cgst_amount"], ln["sgst_amount"], ln["igst_amount"])), Decimal(0))
    day = dt.date(2026, 11, 1 + i % 30)
    header = {"name": name, "docstatus": 2 if i % 50 == 49 else 1, "company": COMPANY,
              "posting_date": day, "customer": "Bench Buyer", "currency": "INR",
              "conversion_rate": 1, "company_gstin": GSTIN, "billing_gstin": gstin,
              "gst_category": category, "place_of_supply": pos, "is_return": 0,
              "is_reverse_charge": 0, "is_export_with_gst": 0, "total": amount,
              "total_taxable_value": amount, "grand_total": total,
              "base_grand_total": total}
    return header, lines


def gstr1(run: Run) -> dict[str, Any]:
    from benchmarks.workloads import refresh_statistics
    from core.db import query
    from modules.gst_india.returns.gstr1 import gstr1 as build
    from modules.gst_india.returns.period import parse_period

    _setup(run)
    invoices = run.count(100_000)
    t0 = time.perf_counter()
    for first in range(0, invoices, BATCH):
        built = [_invoice(i) for i in range(first, min(first + BATCH, invoices))]
        with run.site.transaction(run.tenant, "admin") as ctx:
            query.insert_rows(ctx, "Sales Invoice", [h for h, _ in built])
            query.insert_rows(ctx, "Sales Invoice Item", [ln for _, lines in built
                                                          for ln in lines])
    build_s = time.perf_counter() - t0
    refresh_statistics(run)
    period = parse_period(PERIOD)

    def op(i: int) -> None:
        with run.site.transaction(run.tenant, "admin", write=False) as ctx:
            data = build(ctx, COMPANY, period)
            assert data["b2b"] and data["doc_issue"]["doc_det"][0]["docs"][0]["cancel"]

    seconds, latencies = measure(3, op)
    return summary(3, seconds, latencies, invoices * 3, invoices=invoices,
                   build_s=round(build_s, 1))
