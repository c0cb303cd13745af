"""Sales debit notes: Pune Furniture raises the price of chairs it billed Rao Traders.

    SINV-1  2 Chair @ 5,000 = 10,000; CGST 9% 900; SGST 9% 900        grand total 11,800
    Debit note on SINV-1: the price was 5,250, so 2 Chair @ 250 = 500;
            CGST 9% 45.00; SGST 9% 45.00                               grand total 590.00
            Dr Debtors 590.00; Cr Sales 500.00, Output CGST 45.00, Output SGST 45.00
    It is owed on its own: SINV-1 stays at 11,800.00 Unpaid, the note at 590.00 Unpaid,
    the customer owes 12,390.00. A receipt of 590.00 against the note pays it.
    A price difference without a quantity: 1 line, qty 0, rate 300 -> amount 300.00;
            CGST 27.00 + SGST 27.00 = 354.00.
"""

import datetime as dt
from decimal import Decimal as D

import pytest

from core import lifecycle
from core.db import query
from core.errors import ValidationError
from modules.accounting.subledger import party_balance
from modules.accounting.tests.builders import (
    assert_ledger_balanced,
    assert_subledger_consistent,
    gl_lines,
    make_company,
    make_fiscal_year,
)
from tests.conftest import make_tenant

CO = "Pune Furniture"
TAXES = [{"charge_type": "On Net Total", "account_head": f"Output Tax {t} - PF", "rate": 9}
         for t in ("CGST", "SGST")]


def insert(ctx, doctype, values):
    return lifecycle.insert(ctx, lifecycle.new_doc(ctx, doctype, values)).name


def invoice(ctx, date, items, customer="Rao Traders", **extra):
    return insert(ctx, "Sales Invoice", {
        "customer": customer, "company": CO, "posting_date": date, "docstatus": 1,
        "due_date": "2026-05-31",
        "items": [{"item_code": code, "qty": qty, "rate": rate} for code, qty, rate in items],
        "taxes": TAXES, **extra})


def outstanding(ctx, name):
    row = query.select_rows(ctx, "Sales Invoice", fields=["outstanding_amount", "status"],
                            filters={"name": name})[0]
    return row["outstanding_amount"], row["status"]


@pytest.fixture
def books(site):
    handle = make_tenant(site, modules=["accounting"])
    with handle.tx() as ctx:
        make_company(ctx, CO, "PF")
        make_fiscal_year(ctx)
        for name in ("Rao Traders", "Shah Stores"):
            insert(ctx, "Customer", {"customer_name": name, "customer_group": "Commercial"})
        insert(ctx, "Item", {"item_code": "CHAIR", "item_name": "Chair",
                             "item_group": "Products"})
    return handle


def test_a_debit_note_posts_like_an_invoice_and_is_owed_on_its_own(books):
    with books.tx() as ctx:
        ctx.now = dt.datetime(2026, 4, 20, 10, 0)
        original = invoice(ctx, "2026-04-02", [("CHAIR", 2, "5000")])
        note = invoice(ctx, "2026-04-15", [("CHAIR", 2, "250")], is_debit_note=1,
                       return_against=original)
        assert gl_lines(ctx, note) == [
            ("Debtors - PF", D("590.00"), D("0.00")),
            ("Output Tax CGST - PF", D("0.00"), D("45.00")),
            ("Output Tax SGST - PF", D("0.00"), D("45.00")),
            ("Sales - PF", D("0.00"), D("500.00"))]
        assert outstanding(ctx, original) == (D("11800.00"), "Unpaid")
        assert outstanding(ctx, note) == (D("590.00"), "Unpaid")
        assert party_balance(ctx, CO, "Customer", "Rao Traders") == D("12390.00")

        insert(ctx, "Payment Entry", {
            "payment_type": "Receive", "company": CO, "posting_date": "2026-04-18",
            "party_type": "Customer", "party": "Rao Traders",
            "paid_to": "Bank Account - PF", "paid_amount": "590",
            "references": [{"reference_doctype": "Sales Invoice", "reference_name": note,
                            "allocated_amount": "590"}], "docstatus": 1})
        assert outstanding(ctx, note) == (D("0.00"), "Paid")
        assert outstanding(ctx, original) == (D("11800.00"), "Unpaid")
        assert_ledger_balanced(ctx, CO)
        assert_subledger_consistent(ctx)


def test_a_price_difference_without_quantity_is_billed_at_its_rate(books):
    with books.tx() as ctx:
        original = invoice(ctx, "2026-04-02", [("CHAIR", 2, "5000")])
        note = invoice(ctx, "2026-04-15", [("CHAIR", 0, "300")], is_debit_note=1,
                       return_against=original)
        assert query.select_rows(ctx, "Sales Invoice Item", fields=["qty", "amount"],
                                 filters={"parent": note}) == [
            {"qty": D("0"), "amount": D("300.00")}]
        assert gl_lines(ctx, note) == [
            ("Debtors - PF", D("354.00"), D("0.00")),
            ("Output Tax CGST - PF", D("0.00"), D("27.00")),
            ("Output Tax SGST - PF", D("0.00"), D("27.00")),
            ("Sales - PF", D("0.00"), D("300.00"))]

        lifecycle.cancel(ctx, "Sales Invoice", note)
        assert outstanding(ctx, note) == (D("0.00"), "Cancelled")
        assert party_balance(ctx, CO, "Customer", "Rao Traders") == D("11800.00")
        assert_ledger_balanced(ctx, CO)
        assert_subledger_consistent(ctx)


@pytest.mark.parametrize(("extra", "field", "message"), [
    ({"is_return": 1}, "is_debit_note", "cannot also be a debit note"),
    ({"return_against": None}, "return_against", "names the invoice"),
    ({"customer": "Shah Stores"}, "return_against", "not a submitted Sales Invoice"),
    ({"items": [{"item_code": "CHAIR", "qty": -1, "rate": "250"}]}, "items",
     "quantity cannot be negative"),
])
def test_a_bad_debit_note_is_refused_naming_the_field(books, extra, field, message):
    with books.tx() as ctx:
        original = invoice(ctx, "2026-04-02", [("CHAIR", 2, "5000")])
    values = {"customer": "Rao Traders", "company": CO, "posting_date": "2026-04-15",
              "is_debit_note": 1, "return_against": original,
              "items": [{"item_code": "CHAIR", "qty": 2, "rate": "250"}], "taxes": TAXES}
    with books.tx() as ctx, pytest.raises(ValidationError, match=message) as error:
        insert(ctx, "Sales Invoice", values | extra)
    assert error.value.field == field
    with books.tx() as ctx:
        assert [r["name"] for r in query.select_rows(
            ctx, "Sales Invoice", fields=["name"])] == [original]


def test_a_debit_note_cannot_raise_another_debit_note(books):
    with books.tx() as ctx:
        original = invoice(ctx, "2026-04-02", [("CHAIR", 2, "5000")])
        note = invoice(ctx, "2026-04-15", [("CHAIR", 2, "250")], is_debit_note=1,
                       return_against=original)
    with books.tx() as ctx, pytest.raises(ValidationError, match="not a submitted"):
        invoice(ctx, "2026-04-16", [("CHAIR", 2, "50")], is_debit_note=1,
                return_against=note)
