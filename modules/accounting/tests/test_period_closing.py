"""Closing the year: income and expense move to retained earnings and the period locks.

    April: Sales 1,000 (cash); rent 300 (bank)      profit 700
    PCV at 31 Mar 2027: Sales Dr 1,000, Office Rent Cr 300, Retained Earnings Cr 700
"""

import datetime as dt
from decimal import Decimal as D

import pytest

from core import lifecycle
from modules.accounting.errors import PeriodLocked
from modules.accounting.reports import statements
from modules.accounting.tests.builders import (
    account_balances,
    gl_lines,
    journal,
    make_company,
    make_fiscal_year,
)
from tests.conftest import make_tenant

CO = "Pune Furniture"


def test_closing_the_year_moves_profit_to_retained_earnings_and_locks_it(site):
    handle = make_tenant(site, modules=["accounting"])
    with handle.tx() as ctx:
        make_company(ctx)
        make_fiscal_year(ctx)
        make_fiscal_year(ctx, "2027-2028", "2027-04-01", "2028-03-31")
        journal(ctx, CO, "2026-04-10", [("Cash - PF", 1000, 0), ("Sales - PF", 0, 1000)])
        journal(ctx, CO, "2026-04-12", [("Office Rent - PF", 300, 0),
                                        ("Bank Account - PF", 0, 300)])
        pcv = lifecycle.insert(ctx, lifecycle.new_doc(ctx, "Period Closing Voucher", {
            "company": CO, "fiscal_year": "2026-2027", "posting_date": "2027-03-31",
            "docstatus": 1}))
        assert pcv.net_profit == D("700")
        assert gl_lines(ctx, pcv.name) == [
            ("Office Rent - PF", D("0.00"), D("300.00")),
            ("Retained Earnings - PF", D("0.00"), D("700.00")),
            ("Sales - PF", D("1000.00"), D("0.00"))]
        assert account_balances(ctx, CO) == {
            "Cash - PF": D("1000.00"), "Bank Account - PF": D("-300.00"),
            "Retained Earnings - PF": D("-700.00")}
        sheet = statements.balance_sheet(ctx, CO, dt.date(2027, 3, 31))
        assert sheet["unclosed_profit"] == 0 and sheet["equity"]["total"] == D("700.00")

    with pytest.raises(PeriodLocked, match="closed by"), handle.tx() as ctx:
        journal(ctx, CO, "2027-03-15", [("Cash - PF", 5, 0), ("Sales - PF", 0, 5)])
    with handle.tx() as ctx:
        journal(ctx, CO, "2027-04-02", [("Cash - PF", 5, 0), ("Sales - PF", 0, 5)])
        ctx.now = dt.datetime(2027, 4, 3, 9, 0)
        lifecycle.cancel(ctx, "Period Closing Voucher", pcv.name)
        journal(ctx, CO, "2027-03-15", [("Cash - PF", 5, 0), ("Sales - PF", 0, 5)])
        assert account_balances(ctx, CO)["Sales - PF"] == D("-1010.00")
