"""Reports declared in the manifest: shown as data and exported as CSV, XLSX and PDF."""

import csv
import io

from openpyxl import load_workbook

from modules.accounting.tests.builders import journal, make_company, make_fiscal_year
from tests.conftest import make_tenant

PARAMS = {"company": "Pune Furniture", "from_date": "2026-04-01", "to_date": "2026-04-30"}


def test_trial_balance_exports_the_same_rows_as_csv_xlsx_and_pdf(site):
    handle = make_tenant(site, modules=["accounting"])
    with handle.tx() as ctx:
        make_company(ctx)
        make_fiscal_year(ctx)
        journal(ctx, "Pune Furniture", "2026-04-02", [("Cash - PF", "1234.5", 0),
                                                      ("Sales - PF", 0, "1234.5")])
    with handle.client(headers=handle.auth) as api:
        shown = api.get("/api/report/accounting.trial_balance", params=PARAMS).json()
        report, result = shown["message"]["report"], shown["message"]["result"]
        assert report["label"] == "Trial Balance"
        assert [c["fieldname"] for c in report["columns"]][:3] == [
            "account", "opening_debit", "opening_credit"]
        cash = next(r for r in result["rows"] if r["account"] == "Cash - PF")
        assert cash["closing_debit"] == 1234.5

        exported = api.get("/api/report/accounting.trial_balance/export",
                           params=PARAMS | {"format": "csv"})
        assert exported.headers["content-type"].startswith("text/csv")
        rows = list(csv.reader(io.StringIO(exported.content.decode("utf-8-sig"))))
        assert rows[0][:2] == ["Account", "Opening (Dr)"]
        assert ["Cash - PF", "0.00", "0.00", "1234.50", "0.00", "1234.50", "0.00"] in rows
        assert len(rows) == len(result["rows"]) + 1

        xlsx = api.get("/api/report/accounting.trial_balance/export",
                       params=PARAMS | {"format": "xlsx"})
        sheet = load_workbook(io.BytesIO(xlsx.content)).active
        values = [[c.value for c in row] for row in sheet.iter_rows()]
        assert ["Cash - PF", 0, 0, 1234.5, 0, 1234.5, 0] in values

        pdf = api.get("/api/report/accounting.trial_balance/export",
                      params=PARAMS | {"format": "pdf"})
        assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")

        bad = api.get("/api/report/accounting.trial_balance/export",
                      params=PARAMS | {"format": "doc"})
        assert bad.status_code == 400
        missing = api.get("/api/report/accounting.nope")
        assert missing.status_code == 404
