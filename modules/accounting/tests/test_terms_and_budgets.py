"""Payment terms set an invoice's instalments and due date; budgets stop or warn."""

import datetime as dt
from decimal import Decimal as D

import pytest

from core import lifecycle
from core.db import query
from modules.accounting.errors import BudgetExceeded
from modules.accounting.posting import PostingLine, Voucher, post_many
from modules.accounting.tests.builders import (
    assert_ledger_balanced,
    journal,
    make_company,
    make_fiscal_year,
)
from tests.conftest import make_tenant

CO = "Pune Furniture"


@pytest.fixture
def books(site):
    handle = make_tenant(site, modules=["accounting"])
    with handle.tx() as ctx:
        make_company(ctx)
        make_fiscal_year(ctx)
    return handle


def test_payment_terms_split_the_total_into_instalments(books):
    """1,000.01 in two halves: 500.005 rounds to 500.01; the last takes the rest, 500.00."""
    with books.tx() as ctx:
        lifecycle.insert(ctx, lifecycle.new_doc(ctx, "Payment Terms Template", {
            "template_name": "Half 30 Half 60", "terms": [
                {"description": "Advance", "invoice_portion": 50, "credit_days": 30},
                {"description": "Balance", "invoice_portion": 50, "credit_days": 60}]}))
        lifecycle.insert(ctx, lifecycle.new_doc(ctx, "Customer", {
            "customer_name": "Rao Traders", "customer_group": "Commercial",
            "payment_terms": "Half 30 Half 60"}))
        invoice = lifecycle.insert(ctx, lifecycle.new_doc(ctx, "Sales Invoice", {
            "customer": "Rao Traders", "company": CO, "posting_date": "2026-04-01",
            "items": [{"item_name": "Consulting", "qty": 1, "rate": "1000.01"}]}))
        schedule = [(str(r.due_date), r.payment_amount)
                    for r in invoice.children("payment_schedule")]
        assert schedule == [("2026-05-01", D("500.01")), ("2026-05-31", D("500.00"))]
        assert str(invoice.due_date) == "2026-05-31"
    with books.client(headers=books.auth) as api:
        bad = api.post("/api/resource/Payment Terms Template", json={
            "template_name": "Broken", "terms": [{"invoice_portion": 60, "credit_days": 0}]})
        assert bad.status_code == 422 and "60" in bad.json()["message"]


def test_a_stop_budget_refuses_overspending_and_a_warn_budget_tells(books):
    """Rent budget 10,000 for Main: 9,000 passes; 1,500 more would make 10,500."""
    with books.tx() as ctx:
        budget = lifecycle.insert(ctx, lifecycle.new_doc(ctx, "Budget", {
            "company": CO, "fiscal_year": "2026-2027", "cost_center": "Main - PF",
            "accounts": [{"account": "Office Rent - PF", "budget_amount": 10000}],
            "docstatus": 1}))
        journal(ctx, CO, "2026-04-05", [("Office Rent - PF", 9000, 0),
                                        ("Bank Account - PF", 0, 9000)])
    with pytest.raises(BudgetExceeded, match="10500"), books.tx() as ctx:
        journal(ctx, CO, "2026-05-05", [("Office Rent - PF", 1500, 0),
                                        ("Bank Account - PF", 0, 1500)])
    with books.tx() as ctx:
        assert query.count(ctx, "GL Entry", {"account": "Office Rent - PF"}) == 1
        query.update_row(ctx, "Budget", budget.name,
                         {"action_if_annual_budget_exceeded": "Warn"})
    with books.client(headers=books.auth) as api:
        response = api.post("/api/resource/Journal Entry", json={
            "company": CO, "posting_date": "2026-05-05", "docstatus": 1, "accounts": [
                {"account": "Office Rent - PF", "debit_in_account_currency": 1500},
                {"account": "Bank Account - PF", "credit_in_account_currency": 1500}]})
        assert response.status_code == 200
        assert "over the budget of 10000" in response.json()["_server_messages"][0]


def test_a_bulk_posting_counts_its_own_vouchers_against_the_budget(books):
    """Budget 10,000; two vouchers of 6,000 posted in one bulk call go over it together,
    though each alone would not: refused, and nothing of the batch is written."""
    rent, bank, main = "Office Rent - PF", "Bank Account - PF", "Main - PF"

    def voucher(no: str, amount: int) -> tuple[Voucher, list[PostingLine]]:
        return (Voucher("Journal Entry", no, dt.date(2026, 6, 1), CO),
                [PostingLine(rent, debit=D(amount), cost_center=main),
                 PostingLine(bank, credit=D(amount))])

    with books.tx() as ctx:
        lifecycle.insert(ctx, lifecycle.new_doc(ctx, "Budget", {
            "company": CO, "fiscal_year": "2026-2027", "cost_center": main,
            "accounts": [{"account": rent, "budget_amount": 10000}], "docstatus": 1}))
    with pytest.raises(BudgetExceeded, match="12000"), books.tx() as ctx:
        post_many(ctx, [voucher("BULK-1", 6000), voucher("BULK-2", 6000)])
    with books.tx() as ctx:
        assert query.count(ctx, "GL Entry", {"account": rent}) == 0
        rows = post_many(ctx, [voucher("BULK-3", 4000), voucher("BULK-4", 5000)])
        assert sorted((r["voucher_no"], r["account"], r["debit"], r["credit"])
                      for r in rows) == [
            ("BULK-3", bank, D("0.00"), D("4000.00")), ("BULK-3", rent, D("4000.00"), D("0.00")),
            ("BULK-4", bank, D("0.00"), D("5000.00")), ("BULK-4", rent, D("5000.00"), D("0.00"))]
        assert query.count(ctx, "GL Entry", {"account": rent}) == 2
        assert_ledger_balanced(ctx, CO)
