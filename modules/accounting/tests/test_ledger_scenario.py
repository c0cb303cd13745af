"""A month of a furniture shop's journal entries, checked against the ledger by hand.

    1 Apr  owner brings capital             Bank 5,00,000.00 / Capital Stock
    5 Apr  rent paid from the bank           Office Rent 25,000.00 / Bank
    9 Apr  a customer owes for a service     Debtors (Rao Traders) 11,800.00 / Service
    20 Apr cash sale                         Cash 2,360.00 / Sales
    30 Apr the rent entry is cancelled       reversal dated the cancel day

    Trial balance 1-30 Apr, closing:
      Bank 5,00,000.00 Dr   Cash 2,360.00 Dr   Debtors 11,800.00 Dr
      Capital Stock 5,00,000.00 Cr   Service 11,800.00 Cr   Sales 2,360.00 Cr
      Office Rent: 25,000.00 Dr and 25,000.00 Cr in the period, closing nil
"""

import datetime as dt
from decimal import Decimal as D

from core import lifecycle
from modules.accounting.tests.builders import (
    account_balances,
    assert_ledger_balanced,
    gl_lines,
    journal,
    make_company,
    make_fiscal_year,
)
from tests.conftest import make_tenant


def test_a_month_of_journal_entries_and_its_trial_balance(site):
    handle = make_tenant(site, modules=["accounting"])
    with handle.tx() as ctx:
        company = make_company(ctx)
        make_fiscal_year(ctx)
        lifecycle.insert(ctx, lifecycle.new_doc(ctx, "Customer", {
            "customer_name": "Rao Traders", "customer_group": "Commercial"}))
        journal(ctx, company, "2026-04-01", [("Bank Account - PF", "500000", 0),
                                             ("Capital Stock - PF", 0, "500000")])
        rent = journal(ctx, company, "2026-04-05", [("Office Rent - PF", "25000", 0),
                                                    ("Bank Account - PF", 0, "25000")])
        service = journal(ctx, company, "2026-04-09", [
            ("Debtors - PF", "11800", 0, "Customer", "Rao Traders"),
            ("Service - PF", 0, "11800")])
        journal(ctx, company, "2026-04-20", [("Cash - PF", "2360", 0),
                                             ("Sales - PF", 0, "2360")])
        assert gl_lines(ctx, service) == [("Debtors - PF", D("11800.00"), D("0.00")),
                                          ("Service - PF", D("0.00"), D("11800.00"))]
        ctx.now = dt.datetime(2026, 4, 30, 18, 0)
        lifecycle.cancel(ctx, "Journal Entry", rent)
        assert gl_lines(ctx, rent) == [
            ("Bank Account - PF", D("0.00"), D("25000.00")),
            ("Bank Account - PF", D("25000.00"), D("0.00")),
            ("Office Rent - PF", D("0.00"), D("25000.00")),
            ("Office Rent - PF", D("25000.00"), D("0.00"))]
        assert account_balances(ctx, company) == {
            "Bank Account - PF": D("500000.00"), "Capital Stock - PF": D("-500000.00"),
            "Debtors - PF": D("11800.00"), "Service - PF": D("-11800.00"),
            "Cash - PF": D("2360.00"), "Sales - PF": D("-2360.00")}
        assert_ledger_balanced(ctx, company)

    with handle.client(headers=handle.auth) as api:
        report = api.get("/api/method/accounting.trial_balance", params={
            "company": company, "from_date": "2026-04-01", "to_date": "2026-04-30"})
        assert report.status_code == 200, report.text
        message = report.json()["message"]
        ledger = {r["account"]: (r["debit"], r["credit"], r["closing_debit"],
                                 r["closing_credit"])
                  for r in message["rows"] if not r["is_group"]}
        assert ledger == {
            "Bank Account - PF": (525000.0, 25000.0, 500000.0, 0.0),
            "Capital Stock - PF": (0.0, 500000.0, 0.0, 500000.0),
            "Office Rent - PF": (25000.0, 25000.0, 0.0, 0.0),
            "Debtors - PF": (11800.0, 0.0, 11800.0, 0.0),
            "Service - PF": (0.0, 11800.0, 0.0, 11800.0),
            "Cash - PF": (2360.0, 0.0, 2360.0, 0.0),
            "Sales - PF": (0.0, 2360.0, 0.0, 2360.0)}
        totals = message["totals"]
        assert totals["closing_debit"] == totals["closing_credit"] == 514160.0
        assert totals["debit"] == totals["credit"] == 564160.0
        groups = {r["account"]: r for r in message["rows"] if r["is_group"]}
        assert groups["Current Assets - PF"]["closing_debit"] == 514160.0
        may = api.get("/api/method/accounting.trial_balance", params={
            "company": company, "from_date": "2026-05-01", "to_date": "2026-05-31"}).json()
        may_rows = {r["account"]: r for r in may["message"]["rows"] if not r["is_group"]}
        assert may_rows["Bank Account - PF"]["opening_debit"] == 500000.0
        assert may_rows["Bank Account - PF"]["debit"] == 0.0
