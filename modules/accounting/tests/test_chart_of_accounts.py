"""Creating a company builds its chart of accounts, cost centers and defaults."""

from core.db import query
from modules.accounting.tests.builders import make_company
from tests.conftest import make_tenant


def test_india_company_gets_gst_accounts_and_defaults(site):
    handle = make_tenant(site, modules=["accounting"])
    with handle.tx() as ctx:
        make_company(ctx, "Pune Furniture", "PF", chart="India")
        company = query.select_rows(ctx, "Company", filters={"name": "Pune Furniture"})[0]
        assert company["default_receivable_account"] == "Debtors - PF"
        assert company["default_payable_account"] == "Creditors - PF"
        assert company["round_off_account"] == "Round Off - PF"
        assert company["cost_center"] == "Main - PF"
        taxes = {r["name"] for r in query.select_rows(
            ctx, "Account", fields=["name"], filters={"parent_account": "Duties and Taxes - PF"})}
        assert {"Output Tax CGST - PF", "Output Tax SGST - PF", "Output Tax IGST - PF",
                "Output Tax Cess - PF", "Input Tax CGST - PF", "Input Tax SGST - PF",
                "Input Tax IGST - PF", "Input Tax Cess - PF", "TDS Payable - PF"} <= taxes
        debtors = query.select_rows(ctx, "Account", filters={"name": "Debtors - PF"})[0]
        assert (debtors["root_type"], debtors["report_type"], debtors["account_type"],
                debtors["account_currency"]) == ("Asset", "Balance Sheet", "Receivable", "INR")
        cash = query.select_rows(ctx, "Mode of Payment Account", fields=["default_account"],
                                 filters={"parent": "Cash", "company": "Pune Furniture"})
        assert cash == [{"default_account": "Cash - PF"}]
        assert query.exists(ctx, "Customer", "Walk-in Customer")


def test_standard_chart_has_no_gst_and_two_companies_keep_their_own_accounts(site):
    handle = make_tenant(site, modules=["accounting"])
    with handle.tx() as ctx:
        make_company(ctx, "Acme Trading", "AT", chart="Standard", currency="USD")
        make_company(ctx, "Acme India", "AI", chart="India")
        assert not query.exists(ctx, "Account", "Output Tax CGST - AT")
        assert query.get_value(ctx, "Account", "Sales - AT", "account_currency") == "USD"
        at = query.count(ctx, "Account", {"company": "Acme Trading"})
        ai = query.count(ctx, "Account", {"company": "Acme India"})
        assert ai - at == 14 - 2  # India: 14 tax accounts; Standard: 2
        assert query.get_value(ctx, "Mode of Payment Account",
                               {"parent": "Cash", "company": "Acme Trading"},
                               "default_account") == "Cash - AT"


def test_an_account_under_a_ledger_account_is_refused(site):
    handle = make_tenant(site, modules=["accounting"])
    with handle.tx() as ctx:
        make_company(ctx)
    with handle.client(headers=handle.auth) as api:
        response = api.post("/api/resource/Account", json={
            "account_name": "Petty Cash", "company": "Pune Furniture",
            "parent_account": "Cash - PF"})
        assert response.status_code == 422
        assert response.json()["field"] == "parent_account"
        ok = api.post("/api/resource/Account", json={
            "account_name": "Petty Cash", "company": "Pune Furniture",
            "parent_account": "Cash In Hand - PF", "account_type": "Cash"})
        assert ok.status_code == 200, ok.text
        assert ok.json()["data"]["name"] == "Petty Cash - PF"
        assert ok.json()["data"]["root_type"] == "Asset"
