"""The selling reports over HTTP: the method answers, the export's totals row, the desk
page, a foreign-currency invoice in company currency, and who may see buying costs.

    Acme Inc is billed USD 1,000.00 at 82.00 on 2 May: 82,000.00 in the register, its
    USD 1,000.00 outstanding is 82,000.00 at the invoice's rate. Rao Traders buys 2 CHAIR
    @ 150.00 from stock received @ 100.00 (update stock): selling 300.00, buying 200.00,
    gross profit 100.00 (33.33%). Together: grand total 82,300.00.
"""

import csv
import io
from decimal import Decimal as D

from core import lifecycle
from core.auth.api_keys import issue_api_key
from modules.inventory.tests.builders import CO, make_item, make_party, receive, stock_books

MAY = {"company": CO, "from_date": "2026-05-01", "to_date": "2026-05-31"}


def two_invoices(ctx):
    lifecycle.insert(ctx, lifecycle.new_doc(ctx, "Currency Exchange", {
        "date": "2026-05-01", "from_currency": "USD", "to_currency": "INR",
        "exchange_rate": "82"}))
    lifecycle.insert(ctx, lifecycle.new_doc(ctx, "Account", {
        "account_name": "Debtors USD", "company": CO,
        "parent_account": "Accounts Receivable - PF", "account_type": "Receivable",
        "account_currency": "USD"}))
    make_party(ctx, "Customer", "Acme Inc")
    make_party(ctx, "Customer", "Rao Traders")
    make_item(ctx, "CHAIR")
    receive(ctx, "CHAIR", 5, 100)
    for customer, extra, line in (
            ("Acme Inc", {"currency": "USD", "debit_to": "Debtors USD - PF"},
             {"item_name": "Design work", "qty": 1, "rate": "1000"}),
            ("Rao Traders", {"update_stock": 1}, {"item_code": "CHAIR", "qty": 2,
                                                  "rate": 150})):
        lifecycle.insert(ctx, lifecycle.new_doc(ctx, "Sales Invoice", {
            "customer": customer, "company": CO, "posting_date": "2026-05-02",
            "due_date": "2026-06-30", "items": [line], "docstatus": 1} | extra))


def test_the_register_answers_in_company_currency_and_exports_its_totals(site):
    handle = stock_books(site, ("sales",))
    with handle.tx() as ctx:
        two_invoices(ctx)
    with handle.client(headers=handle.auth) as api:
        answer = api.get("/api/method/sales.sales_register", params=MAY)
        assert answer.status_code == 200
        register = answer.json()["message"]
        assert [(r["customer"], D(str(r["net_total"])), D(str(r["grand_total"])),
                 D(str(r["outstanding_amount"]))) for r in register["rows"]] == [
            ("Acme Inc", D("82000"), D("82000"), D("82000")),
            ("Rao Traders", D("300"), D("300"), D("300"))]
        assert D(str(register["totals"]["grand_total"])) == D("82300")
        exported = api.get("/api/report/sales.sales_register/export",
                           params=MAY | {"format": "csv"})
        rows = list(csv.reader(io.StringIO(exported.content.decode("utf-8-sig"))))
        assert rows[0][:4] == ["Invoice", "Date", "Customer", "Net Total"]
        assert len(rows) == 4
        assert rows[-1][0] == "Total" and rows[-1][3:7] == [
            "82300.00", "0.00", "82300.00", "82300.00"]
        missing = api.get("/api/method/sales.sales_register", params={"company": CO})
        assert missing.status_code == 422 and "from_date" in missing.text
        backwards = api.get("/api/method/sales.sales_register", params=MAY | {
            "from_date": "2026-06-01"})
        assert backwards.status_code == 422 and "from_date is after to_date" in \
            backwards.text


def test_gross_profit_by_item_on_the_api_and_the_desk(site):
    handle = stock_books(site, ("sales",))
    with handle.tx() as ctx:
        two_invoices(ctx)
    with handle.client(headers=handle.auth) as api:
        by_item = api.get("/api/method/sales.gross_profit",
                          params=MAY | {"group_by": "Item"}).json()["message"]
        assert [(r["item_code"], r["item_name"], D(str(r["selling_amount"])),
                 D(str(r["buying_amount"])), D(str(r["gross_profit_percent"])))
                for r in by_item["rows"]] == [
            (None, "Design work", D("82000"), D("0"), D("100")),
            ("CHAIR", "Chair", D("300"), D("200"), D("33.33"))]
        shown = api.get("/api/report/sales.gross_profit", params=MAY | {"group_by": "Item"})
        assert [c["fieldname"] for c in shown.json()["message"]["report"]["columns"]][:2] \
            == ["item_code", "item_name"]
        wrong = api.get("/api/method/sales.gross_profit", params=MAY | {"group_by": "Day"})
        assert wrong.status_code == 422 and "Invoice or Item" in wrong.text
        page = api.get("/app/report/sales.gross_profit", params=MAY)
        assert page.status_code == 200
        assert "<option selected>Invoice</option>" in page.text  # the default grouping
        footer = page.text[page.text.index("<tfoot>"):page.text.index("</tfoot>")]
        assert "Total" in footer and "82,300.00" in footer and "82,100.00" in footer


def test_only_those_who_may_read_stock_costs_see_gross_profit(site):
    handle = stock_books(site, ("sales",))
    with handle.tx() as ctx:
        two_invoices(ctx)
        lifecycle.insert(ctx, lifecycle.new_doc(ctx, "User", {
            "login": "seller", "password": "seller-pass-1234",
            "roles": [{"role": "Sales User"}]}))
        key, secret = issue_api_key(ctx, "seller")
    with handle.client(headers={"Authorization": f"token {key}:{secret}"}) as seller:
        assert seller.get("/api/method/sales.sales_register", params=MAY).status_code == 200
        refused = seller.get("/api/method/sales.gross_profit", params=MAY)
        assert refused.status_code == 403 and "Stock Ledger Entry" in refused.text
