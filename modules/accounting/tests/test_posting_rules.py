"""The ledger's rules: balance to the paisa, open periods, ledger accounts, parties."""

import datetime as dt
from decimal import Decimal as D

import pytest

from core import lifecycle
from core.db import query
from core.errors import ValidationError
from modules.accounting.errors import (
    GroupAccountPosting,
    LedgerIsAppendOnly,
    NoFiscalYear,
    PartyRequired,
    UnbalancedPosting,
)
from modules.accounting.posting import PostingLine, Voucher, post
from modules.accounting.tests.builders import gl_lines, journal, make_company, make_fiscal_year
from tests.conftest import make_tenant


@pytest.fixture
def books(site):
    handle = make_tenant(site, modules=["accounting"])
    with handle.tx() as ctx:
        make_company(ctx)
        make_fiscal_year(ctx)
    return handle


def gl_count(handle):
    with handle.tx() as ctx:
        return query.count(ctx, "GL Entry")


def test_an_unbalanced_journal_is_refused_and_nothing_is_written(books):
    with pytest.raises(UnbalancedPosting, match="difference is 0.01"), books.tx() as ctx:
        journal(ctx, "Pune Furniture", "2026-04-02", [("Cash - PF", "100.01", 0),
                                                      ("Sales - PF", 0, "100")])
    with books.tx() as ctx:
        assert query.count(ctx, "Journal Entry") == 0
    assert gl_count(books) == 0


def test_posting_service_refuses_lines_that_do_not_balance_exactly(books):
    voucher = Voucher("Test", "T-1", dt.date(2026, 4, 2), "Pune Furniture")
    with pytest.raises(UnbalancedPosting, match="debits exceed credits by 0.001"), \
            books.tx() as ctx:
        post(ctx, voucher, [PostingLine("Cash - PF", debit=D("10.001")),
                            PostingLine("Sales - PF", credit=D("10"))])
    assert gl_count(books) == 0


def test_sub_paisa_rounding_goes_to_the_round_off_account(books):
    """Three sales lines of 33.333 (exact amounts) against 99.999 received:

    each rounds to 33.33, so credits are 99.99 while the debit rounds to 100.00;
    the 0.01 left over is credited to Round Off.
    """
    voucher = Voucher("Test", "T-2", dt.date(2026, 4, 2), "Pune Furniture")
    with books.tx() as ctx:
        post(ctx, voucher, [PostingLine("Cash - PF", debit=D("99.999")),
                            PostingLine("Sales - PF", credit=D("33.333"),
                                        cost_center="Main - PF"),
                            PostingLine("Service - PF", credit=D("33.333")),
                            PostingLine("Interest Income - PF", credit=D("33.333"))])
        assert gl_lines(ctx, "T-2") == [
            ("Cash - PF", D("100.00"), D("0.00")),
            ("Interest Income - PF", D("0.00"), D("33.33")),
            ("Round Off - PF", D("0.00"), D("0.01")),
            ("Sales - PF", D("0.00"), D("33.33")),
            ("Service - PF", D("0.00"), D("33.33"))]


def test_lines_of_the_same_account_are_merged_and_netted(books):
    voucher = Voucher("Test", "T-3", dt.date(2026, 4, 2), "Pune Furniture")
    with books.tx() as ctx:
        post(ctx, voucher, [PostingLine("Cash - PF", debit=D("70")),
                            PostingLine("Cash - PF", debit=D("50")),
                            PostingLine("Cash - PF", credit=D("20")),
                            PostingLine("Sales - PF", credit=D("100"))])
        assert gl_lines(ctx, "T-3") == [("Cash - PF", D("100.00"), D("0.00")),
                                        ("Sales - PF", D("0.00"), D("100.00"))]


def test_posting_in_a_frozen_period_is_refused(books):
    with books.client(headers=books.auth) as api:
        api.put("/api/resource/Company/Pune Furniture",
                json={"accounts_frozen_till_date": "2026-04-30"})
        response = api.post("/api/resource/Journal Entry", json={
            "company": "Pune Furniture", "posting_date": "2026-04-15", "docstatus": 1,
            "accounts": [{"account": "Cash - PF", "debit_in_account_currency": 10},
                         {"account": "Sales - PF", "credit_in_account_currency": 10}]})
        assert response.status_code == 409
        assert response.json()["exc_type"] == "PeriodLocked"
        assert api.get("/api/resource/Journal Entry").json()["data"] == []
    assert gl_count(books) == 0
    with books.tx() as ctx:
        assert journal(ctx, "Pune Furniture", "2026-05-01", [("Cash - PF", 10, 0),
                                                             ("Sales - PF", 0, 10)])


def test_posting_to_a_group_account_is_refused(books):
    with pytest.raises(GroupAccountPosting, match="Current Assets - PF is a group"), \
            books.tx() as ctx:
        journal(ctx, "Pune Furniture", "2026-04-02", [("Current Assets - PF", 10, 0),
                                                      ("Sales - PF", 0, 10)])
    assert gl_count(books) == 0


def test_a_receivable_line_needs_a_party(books):
    with pytest.raises(PartyRequired), books.tx() as ctx:
        journal(ctx, "Pune Furniture", "2026-04-02", [("Debtors - PF", 10, 0),
                                                      ("Sales - PF", 0, 10)])
    assert gl_count(books) == 0


def test_a_date_outside_every_fiscal_year_is_refused(books):
    with pytest.raises(NoFiscalYear), books.tx() as ctx:
        journal(ctx, "Pune Furniture", "2030-01-01", [("Cash - PF", 10, 0),
                                                      ("Sales - PF", 0, 10)])


def test_another_companys_account_is_refused(books):
    with books.tx() as ctx:
        make_company(ctx, "Other Co", "OC")
    with pytest.raises(ValidationError, match="not an account of Pune Furniture"), \
            books.tx() as ctx:
        journal(ctx, "Pune Furniture", "2026-04-02", [("Cash - OC", 10, 0),
                                                      ("Sales - PF", 0, 10)])


def test_gl_entries_cannot_be_written_edited_or_deleted_through_the_api(books):
    with books.tx() as ctx:
        name = journal(ctx, "Pune Furniture", "2026-04-02", [("Cash - PF", 10, 0),
                                                             ("Sales - PF", 0, 10)])
    with books.client(headers=books.auth) as api:
        listing = {"fields": '["name", "account", "debit", "credit"]',
                   "filters": f'[["voucher_no", "=", "{name}"]]'}
        rows = api.get("/api/resource/GL Entry", params=listing).json()["data"]
        assert len(rows) == 2
        made = api.post("/api/resource/GL Entry", json={"account": "Cash - PF", "debit": 5})
        assert made.status_code == 403
        # a GL entry is born submitted, so the lifecycle refuses edits before its own rule
        changed = api.put(f"/api/resource/GL Entry/{rows[0]['name']}", json={"debit": 5})
        assert changed.status_code == 409
        deleted = api.delete(f"/api/resource/GL Entry/{rows[0]['name']}")
        assert deleted.status_code == 409
        assert api.get("/api/resource/GL Entry", params=listing).json()["data"] == rows
    assert gl_count(books) == 2
    with books.tx() as ctx, pytest.raises(LedgerIsAppendOnly):
        lifecycle.insert(ctx, lifecycle.new_doc(ctx, "GL Entry", {"account": "Cash - PF"}))


def test_foreign_currency_line_is_converted_at_the_days_rate(books):
    """USD 1,000 at 83.2567 INR = 83,256.70 INR into a USD bank account."""
    with books.tx() as ctx:
        lifecycle.insert(ctx, lifecycle.new_doc(ctx, "Currency Exchange", {
            "date": "2026-04-01", "from_currency": "USD", "to_currency": "INR",
            "exchange_rate": "83.2567"}))
        lifecycle.insert(ctx, lifecycle.new_doc(ctx, "Account", {
            "account_name": "HDFC USD", "company": "Pune Furniture",
            "parent_account": "Bank Accounts - PF", "account_type": "Bank",
            "account_currency": "USD"}))
        name = journal(ctx, "Pune Furniture", "2026-04-10", [
            ("HDFC USD - PF", "1000", 0), ("Capital Stock - PF", 0, "83256.70")])
        rows = query.select_rows(ctx, "GL Entry", fields=[
            "account", "debit", "debit_in_account_currency", "account_currency"],
            filters={"voucher_no": name, "debit": [">", 0]})
        assert rows == [{"account": "HDFC USD - PF", "debit": D("83256.70"),
                         "debit_in_account_currency": D("1000.00"),
                         "account_currency": "USD"}]
