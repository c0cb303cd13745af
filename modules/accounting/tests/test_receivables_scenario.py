"""April at Pune Furniture: sales, payments, a credit note, an advance, a write-off, and
a purchase in dollars paid at a different rate. Every figure is worked out here by hand.

    SINV-1  2 Chair @ 5,000 + 1 Table @ 12,500 = 22,500; CGST 9% 2,025; SGST 9% 2,025
            grand total 26,550                               outstanding 26,550
    PAY-1   receipt 10,000 allocated to SINV-1              outstanding 16,550
    SINV-2  credit note: -1 Chair = -5,000; taxes -450 each = -5,900    10,650
    PAY-2   advance of 8,000 (nothing allocated)
    JV      8,000 of the advance allocated to SINV-1         outstanding  2,650
    PAY-3   receipt 2,600 and 50 written off, 2,650 allocated   outstanding 0
    PINV-1  10 Oak Plank @ USD 120 = USD 1,200 at 83.00 = INR 99,600
    PAY-4   USD 1,200 paid at 84.00 = INR 100,800: exchange loss 1,200

    Closing balances: Bank 1,19,800 Dr (2,00,000 capital + 20,600 received - 1,00,800
    paid); Write Off 50 Dr; COGS 99,600 Dr; Exchange Gain/Loss 1,200 Dr;
    Capital 2,00,000 Cr; Sales 17,500 Cr; CGST 1,575 Cr; SGST 1,575 Cr; Debtors and
    Creditors nil. Debits = credits = 2,20,650.
"""

import datetime as dt
from decimal import Decimal as D

import pytest

from core import lifecycle
from core.db import query
from core.errors import LinkExistsError
from modules.accounting.payments.reconcile import allocate_advance
from modules.accounting.reports import aging, cash_flow, statements
from modules.accounting.tests.builders import (
    account_balances,
    assert_ledger_balanced,
    assert_subledger_consistent,
    gl_lines,
    journal,
    make_company,
    make_fiscal_year,
)
from tests.conftest import make_tenant

CO = "Pune Furniture"


def insert(ctx, doctype, values):
    return lifecycle.insert(ctx, lifecycle.new_doc(ctx, doctype, values)).name


def sales_invoice(ctx, date, items, taxes=True, **extra):
    return insert(ctx, "Sales Invoice", {
        "customer": "Rao Traders", "company": CO, "posting_date": date, "docstatus": 1,
        "due_date": "2026-05-31",
        "items": [{"item_code": code, "qty": qty, "rate": rate} for code, qty, rate in items],
        "taxes": [{"charge_type": "On Net Total", "account_head": f"Output Tax {t} - PF",
                   "rate": 9} for t in ("CGST", "SGST")] if taxes else [], **extra})


def receipt(ctx, date, amount, allocations=(), deductions=()):
    return insert(ctx, "Payment Entry", {
        "payment_type": "Receive", "company": CO, "posting_date": date,
        "party_type": "Customer", "party": "Rao Traders", "paid_to": "Bank Account - PF",
        "paid_amount": amount,
        "references": [{"reference_doctype": "Sales Invoice", "reference_name": name,
                        "allocated_amount": allocated} for name, allocated in allocations],
        "deductions": [{"account": account, "amount": value}
                       for account, value in deductions], "docstatus": 1})


def outstanding(ctx, doctype, name):
    row = query.select_rows(ctx, doctype, fields=["outstanding_amount", "status"],
                            filters={"name": name})[0]
    return row["outstanding_amount"], row["status"]


@pytest.fixture
def books(site):
    handle = make_tenant(site, modules=["accounting"])
    with handle.tx() as ctx:
        make_company(ctx, CO, "PF")
        make_fiscal_year(ctx)
        insert(ctx, "Customer", {"customer_name": "Rao Traders",
                                 "customer_group": "Commercial"})
        insert(ctx, "Supplier", {"supplier_name": "Oak Imports",
                                 "supplier_group": "Raw Material"})
        for code, name in (("CHAIR", "Chair"), ("TABLE", "Table"), ("PLANK", "Oak Plank")):
            insert(ctx, "Item", {"item_code": code, "item_name": name,
                                 "item_group": "Products"})
        journal(ctx, CO, "2026-04-01", [("Bank Account - PF", "200000", 0),
                                        ("Capital Stock - PF", 0, "200000")])
    return handle


def test_a_month_of_receivables_and_payables_to_the_paisa(books):
    with books.tx() as ctx:
        ctx.now = dt.datetime(2026, 4, 28, 17, 0)  # the story happens in April
        sinv1 = sales_invoice(ctx, "2026-04-02", [("CHAIR", 2, "5000"), ("TABLE", 1, "12500")])
        assert gl_lines(ctx, sinv1) == [
            ("Debtors - PF", D("26550.00"), D("0.00")),
            ("Output Tax CGST - PF", D("0.00"), D("2025.00")),
            ("Output Tax SGST - PF", D("0.00"), D("2025.00")),
            ("Sales - PF", D("0.00"), D("22500.00"))]
        assert outstanding(ctx, "Sales Invoice", sinv1) == (D("26550.00"), "Unpaid")

        receipt(ctx, "2026-04-10", "10000", [(sinv1, "10000")])
        assert outstanding(ctx, "Sales Invoice", sinv1) == (D("16550.00"), "Partly Paid")

        sinv2 = sales_invoice(ctx, "2026-04-12", [("CHAIR", -1, "5000")], is_return=1,
                              return_against=sinv1)
        assert gl_lines(ctx, sinv2) == [
            ("Debtors - PF", D("0.00"), D("5900.00")),
            ("Output Tax CGST - PF", D("450.00"), D("0.00")),
            ("Output Tax SGST - PF", D("450.00"), D("0.00")),
            ("Sales - PF", D("5000.00"), D("0.00"))]
        assert outstanding(ctx, "Sales Invoice", sinv1) == (D("10650.00"), "Partly Paid")
        assert outstanding(ctx, "Sales Invoice", sinv2)[1] == "Return"

        advance = receipt(ctx, "2026-04-15", "8000")
        assert query.get_value(ctx, "Payment Entry", advance, "unallocated_amount") == \
            D("8000.00")
        allocate_advance(ctx, advance, "Sales Invoice", sinv1, D("8000"))
        assert outstanding(ctx, "Sales Invoice", sinv1) == (D("2650.00"), "Partly Paid")

        last = receipt(ctx, "2026-04-25", "2600", [(sinv1, "2650")],
                       deductions=[("Write Off - PF", "50")])
        assert gl_lines(ctx, last) == [
            ("Bank Account - PF", D("2600.00"), D("0.00")),
            ("Debtors - PF", D("0.00"), D("2650.00")),
            ("Write Off - PF", D("50.00"), D("0.00"))]
        assert outstanding(ctx, "Sales Invoice", sinv1) == (D("0.00"), "Credit Note Issued")

        insert(ctx, "Currency Exchange", {"date": "2026-04-05", "from_currency": "USD",
                                          "to_currency": "INR", "exchange_rate": "83"})
        insert(ctx, "Account", {"account_name": "Creditors USD", "company": CO,
                                "parent_account": "Accounts Payable - PF",
                                "account_type": "Payable", "account_currency": "USD"})
        pinv = insert(ctx, "Purchase Invoice", {
            "supplier": "Oak Imports", "company": CO, "posting_date": "2026-04-06",
            "currency": "USD", "credit_to": "Creditors USD - PF", "bill_no": "OI-77",
            "due_date": "2026-05-06",
            "items": [{"item_code": "PLANK", "qty": 10, "rate": "120"}], "docstatus": 1})
        assert gl_lines(ctx, pinv) == [("Cost of Goods Sold - PF", D("99600.00"), D("0.00")),
                                       ("Creditors USD - PF", D("0.00"), D("99600.00"))]
        assert outstanding(ctx, "Purchase Invoice", pinv) == (D("1200.00"), "Unpaid")

        pay = insert(ctx, "Payment Entry", {
            "payment_type": "Pay", "company": CO, "posting_date": "2026-04-28",
            "party_type": "Supplier", "party": "Oak Imports",
            "paid_from": "Bank Account - PF", "paid_to": "Creditors USD - PF",
            "paid_amount": "100800", "received_amount": "1200", "target_exchange_rate": "84",
            "references": [{"reference_doctype": "Purchase Invoice", "reference_name": pinv,
                            "allocated_amount": "1200"}], "docstatus": 1})
        assert gl_lines(ctx, pay) == [
            ("Bank Account - PF", D("0.00"), D("100800.00")),
            ("Creditors USD - PF", D("99600.00"), D("0.00")),
            ("Exchange Gain/Loss - PF", D("1200.00"), D("0.00"))]
        assert outstanding(ctx, "Purchase Invoice", pinv) == (D("0.00"), "Paid")

        assert account_balances(ctx, CO) == {
            "Bank Account - PF": D("119800.00"), "Write Off - PF": D("50.00"),
            "Cost of Goods Sold - PF": D("99600.00"),
            "Exchange Gain/Loss - PF": D("1200.00"), "Capital Stock - PF": D("-200000.00"),
            "Sales - PF": D("-17500.00"), "Output Tax CGST - PF": D("-1575.00"),
            "Output Tax SGST - PF": D("-1575.00")}
        assert_ledger_balanced(ctx, CO)
        assert_subledger_consistent(ctx)

        check_statements(ctx)

        # Undo in reverse: each cancellation restores exactly what its document settled.
        with pytest.raises(LinkExistsError, match=f"Sales Invoice {sinv2}"):
            lifecycle.cancel(ctx, "Sales Invoice", sinv1)
        lifecycle.cancel(ctx, "Sales Invoice", sinv2)
        assert outstanding(ctx, "Sales Invoice", sinv1) == (D("5900.00"), "Partly Paid")
        with pytest.raises(LinkExistsError, match="Payment Entry"):
            lifecycle.cancel(ctx, "Sales Invoice", sinv1)
        lifecycle.cancel(ctx, "Payment Entry", last)
        assert outstanding(ctx, "Sales Invoice", sinv1) == (D("8550.00"), "Partly Paid")
        assert_ledger_balanced(ctx, CO)
        assert_subledger_consistent(ctx)
        late = aging.aging(ctx, CO, "Receivable", dt.date(2026, 9, 15))
        assert [(r["voucher_no"], r["outstanding"], r["age"], r["range_90_above"])
                for r in late["rows"]] == [(sinv1, D("8550.00"), 107, D("8550.00"))]

        # Year end. With the credit note and the last receipt cancelled, Sales is back to
        # 22,500 against COGS 99,600 and the exchange loss 1,200: a loss of 78,300.
        closing = insert(ctx, "Period Closing Voucher", {
            "company": CO, "fiscal_year": "2026-2027", "posting_date": "2027-03-31",
            "docstatus": 1})
        assert query.get_value(ctx, "Period Closing Voucher", closing, "net_profit") == \
            D("-78300.00")
        closed = statements.balance_sheet(ctx, CO, dt.date(2027, 3, 31))
        assert (closed["unclosed_profit"], closed["equity"]["total"]) == (0, D("121700.00"))
        assert closed["total_assets"] == closed["total_liabilities_and_equity"]

    with books.client(headers=books.auth) as api:
        totals = api.get("/api/method/accounting.trial_balance", params={
            "company": CO, "from_date": "2026-04-01", "to_date": "2026-04-30"}
        ).json()["message"]["totals"]
        assert totals["closing_debit"] == totals["closing_credit"]


def check_statements(ctx):
    """April's statements, before anything is cancelled.

    P&L: Sales 17,500 less COGS 99,600, exchange loss 1,200, write-off 50 = loss 83,350.
    Balance sheet: Bank 1,19,800 = taxes 3,150 + capital 2,00,000 - loss 83,350.
    Cash flow: -83,350 + 3,150 taxes payable (operating) + 2,00,000 capital (financing)
    = 1,19,800, the change in the bank.
    On 20 April the customer owed 10,650 on SINV-1 and had 8,000 in advance.
    """
    pl = statements.profit_and_loss(ctx, CO, dt.date(2026, 4, 1), dt.date(2026, 4, 30))
    assert (pl["income"]["total"], pl["expense"]["total"], pl["net_profit"]) == (
        D("17500.00"), D("100850.00"), D("-83350.00"))
    bs = statements.balance_sheet(ctx, CO, dt.date(2026, 4, 30))
    assert (bs["total_assets"], bs["liabilities"]["total"], bs["equity"]["total"],
            bs["unclosed_profit"]) == (D("119800.00"), D("3150.00"), D("200000.00"),
                                       D("-83350.00"))
    assert bs["total_liabilities_and_equity"] == bs["total_assets"]
    flow = cash_flow.cash_flow(ctx, CO, dt.date(2026, 4, 1), dt.date(2026, 4, 30))
    assert flow["totals"] == {"operating": D("-80200.00"), "investing": D("0"),
                              "financing": D("200000.00")}
    assert flow["net_change"] == flow["cash_change"] == D("119800.00")
    ar = aging.aging(ctx, CO, "Receivable", dt.date(2026, 4, 20))
    assert [(r["voucher_type"], r["outstanding"], r["range_0_30"]) for r in ar["rows"]] == [
        ("Sales Invoice", D("10650.00"), D("10650.00")),
        ("Payment Entry", D("-8000.00"), D("-8000.00"))]
    assert ar["totals"]["outstanding"] == D("2650.00")
    ap = aging.aging(ctx, CO, "Payable", dt.date(2026, 4, 20))
    assert [(r["party"], r["outstanding"]) for r in ap["rows"]] == [
        ("Oak Imports", D("1200.00"))]


def test_an_invoice_with_bad_lines_is_refused_and_nothing_is_written(books):
    with books.client(headers=books.auth) as api:
        response = api.post("/api/resource/Sales Invoice", json={
            "customer": "Rao Traders", "company": CO, "posting_date": "2026-04-02",
            "items": [{"item_code": "CHAIR", "qty": 0, "rate": 100}]})
        assert response.status_code == 422
        assert "quantity must be above zero" in response.json()["message"]
        assert api.get("/api/resource/Sales Invoice").json()["data"] == []


def test_a_submitted_invoices_system_fields_cannot_be_set_over_the_api(books):
    """Status and outstanding are the ledger's: a PUT that changes them is refused, one
    that sends them back unchanged passes and keeps them."""
    with books.tx() as ctx:
        name = sales_invoice(ctx, "2026-04-02", [("CHAIR", 1, 1000)])
    with books.client(headers=books.auth) as api:
        path = f"/api/resource/Sales Invoice/{name}"
        before = api.get(path).json()["data"]
        assert before["status"] in ("Unpaid", "Overdue")
        assert before["outstanding_amount"] == 1180.0
        refused = api.put(path, json={"status": "Paid"})
        assert refused.status_code == 422 and refused.json()["field"] == "status"
        refused = api.put(path, json={"outstanding_amount": 0})
        assert refused.status_code == 422
        after = api.get(path).json()["data"]
        assert (after["status"], after["outstanding_amount"]) == (
            before["status"], before["outstanding_amount"])
        same = api.put(path, json={"status": before["status"], "outstanding_amount": 1180})
        assert same.status_code == 200, same.json()
        assert same.json()["data"]["status"] == before["status"]
    with books.tx() as ctx:
        assert_subledger_consistent(ctx)


def test_a_journal_entry_settles_only_a_submitted_invoice(books):
    """An invoice's submit takes its outstanding from the rows it posts, so nothing may
    be booked against a draft: the journal entry is refused and writes nothing; once the
    invoice is submitted the same entry settles it."""
    with books.tx() as ctx:
        draft = insert(ctx, "Sales Invoice", {
            "customer": "Rao Traders", "company": CO, "posting_date": "2026-04-02",
            "due_date": "2027-03-31", "items": [{"item_code": "CHAIR", "qty": 1,
                                                 "rate": 1000}]})
    settle = {"company": CO, "posting_date": "2026-04-03", "docstatus": 1, "accounts": [
        {"account": "Bank Account - PF", "debit_in_account_currency": 400},
        {"account": "Debtors - PF", "credit_in_account_currency": 400,
         "party_type": "Customer", "party": "Rao Traders",
         "reference_type": "Sales Invoice", "reference_name": draft}]}
    with books.client(headers=books.auth) as api:
        refused = api.post("/api/resource/Journal Entry", json=settle)
        assert refused.status_code == 422, refused.json()
        assert refused.json()["message"] == f"Row 2: Sales Invoice {draft} is not submitted"
    with books.tx() as ctx:
        assert len(query.select_rows(ctx, "Journal Entry")) == 1  # the opening entry
        assert query.select_rows(ctx, "GL Entry", filters={"against_voucher": draft}) == []
        lifecycle.submit(ctx, lifecycle.get_doc(ctx, "Sales Invoice", draft))
        assert outstanding(ctx, "Sales Invoice", draft) == (D("1000.00"), "Unpaid")
    with books.client(headers=books.auth) as api:
        accepted = api.post("/api/resource/Journal Entry", json=settle)
        assert accepted.status_code == 200, accepted.json()
    with books.tx() as ctx:
        assert outstanding(ctx, "Sales Invoice", draft) == (D("600.00"), "Partly Paid")
        assert_subledger_consistent(ctx)
