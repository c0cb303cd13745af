"""The accounting reports over the REST API: running balances, arguments checked."""

from modules.accounting.tests.builders import journal, make_company, make_fiscal_year
from tests.conftest import make_tenant


def test_general_ledger_carries_an_opening_and_a_running_balance(site):
    """Bank: 1,000 in on 1 Apr (before the period), then +500 and -200 in May."""
    handle = make_tenant(site, modules=["accounting"])
    with handle.tx() as ctx:
        make_company(ctx)
        make_fiscal_year(ctx)
        journal(ctx, "Pune Furniture", "2026-04-01", [("Bank Account - PF", 1000, 0),
                                                      ("Capital Stock - PF", 0, 1000)])
        journal(ctx, "Pune Furniture", "2026-05-03", [("Bank Account - PF", 500, 0),
                                                      ("Sales - PF", 0, 500)])
        journal(ctx, "Pune Furniture", "2026-05-09", [("Office Rent - PF", 200, 0),
                                                      ("Bank Account - PF", 0, 200)])
    with handle.client(headers=handle.auth) as api:
        ledger = api.get("/api/method/accounting.general_ledger", params={
            "company": "Pune Furniture", "from_date": "2026-05-01", "to_date": "2026-05-31",
            "account": "Bank Account - PF"}).json()["message"]
        assert ledger["opening"] == 1000.0
        assert [(r["debit"], r["credit"], r["balance"]) for r in ledger["rows"]] == [
            (500.0, 0.0, 1500.0), (0.0, 200.0, 1300.0)]
        assert ledger["closing"] == 1300.0


def test_report_arguments_are_checked_and_named(site):
    handle = make_tenant(site, modules=["accounting"])
    with handle.client(headers=handle.auth) as api:
        missing = api.get("/api/method/accounting.trial_balance",
                          params={"company": "X", "from_date": "2026-13-01"})
        assert missing.status_code == 422
        fields = {e["field"] for e in missing.json()["errors"]}
        assert fields == {"from_date", "to_date"}
        unknown = api.get("/api/method/accounting.balance_sheet",
                          params={"company": "Nope", "to_date": "2026-04-30"})
        assert unknown.status_code == 422 and unknown.json()["field"] == "company"
        backwards = api.get("/api/method/accounting.profit_and_loss", params={
            "company": "Nope", "from_date": "2026-05-01", "to_date": "2026-04-01"})
        assert backwards.status_code == 422
