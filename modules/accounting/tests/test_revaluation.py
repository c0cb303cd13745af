"""Period-end revaluation of a dollar receivable.

    Invoice USD 1,000 at 82.00 = INR 82,000 on a USD receivable account.
    At 31 May the rate is 84.00: the balance is worth 84,000, an unrealised gain of 2,000:
    Debtors USD Dr 2,000 (USD 0), Exchange Gain/Loss Cr 2,000. The invoice still owes
    USD 1,000.
"""

from decimal import Decimal as D

from core import lifecycle
from core.db import query
from modules.accounting.tests.builders import gl_lines, make_company, make_fiscal_year
from tests.conftest import make_tenant

CO = "Pune Furniture"


def test_revaluation_books_the_unrealised_gain_on_foreign_balances(site):
    handle = make_tenant(site, modules=["accounting"])
    with handle.tx() as ctx:
        make_company(ctx)
        make_fiscal_year(ctx)
        for date, rate in (("2026-05-01", "82"), ("2026-05-31", "84")):
            lifecycle.insert(ctx, lifecycle.new_doc(ctx, "Currency Exchange", {
                "date": date, "from_currency": "USD", "to_currency": "INR",
                "exchange_rate": rate}))
        lifecycle.insert(ctx, lifecycle.new_doc(ctx, "Account", {
            "account_name": "Debtors USD", "company": CO,
            "parent_account": "Accounts Receivable - PF", "account_type": "Receivable",
            "account_currency": "USD"}))
        lifecycle.insert(ctx, lifecycle.new_doc(ctx, "Customer", {
            "customer_name": "Acme Inc", "customer_group": "Commercial"}))
        invoice = lifecycle.insert(ctx, lifecycle.new_doc(ctx, "Sales Invoice", {
            "customer": "Acme Inc", "company": CO, "posting_date": "2026-05-02",
            "currency": "USD", "debit_to": "Debtors USD - PF", "due_date": "2026-06-30",
            "items": [{"item_name": "Design work", "qty": 1, "rate": "1000"}],
            "docstatus": 1}))
        revaluation = lifecycle.insert(ctx, lifecycle.new_doc(ctx, "Exchange Rate Revaluation",
                                                              {"company": CO,
                                                               "posting_date": "2026-05-31",
                                                               "docstatus": 1}))
        row = revaluation.children("accounts")[0]
        assert (row.account, row.party, row.balance_in_account_currency,
                row.balance_in_base_currency, row.new_balance_in_base_currency,
                row.gain_loss) == ("Debtors USD - PF", "Acme Inc", D("1000.00"),
                                   D("82000.00"), D("84000.00"), D("2000.00"))
        assert gl_lines(ctx, revaluation.name) == [
            ("Debtors USD - PF", D("2000.00"), D("0.00")),
            ("Exchange Gain/Loss - PF", D("0.00"), D("2000.00"))]
        assert query.get_value(ctx, "Sales Invoice", invoice.name,
                               "outstanding_amount") == D("1000.00")
