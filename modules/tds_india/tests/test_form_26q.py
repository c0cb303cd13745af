"""Form 26Q for Q1 2025-26 (April to June) of Pune Furniture:

    10 May  Lakshmi Works (no PAN), 194C: 40,000.00 at 20% = 8,000.00, remarks C
    20 May  Sai Carriers (individual, PAN ABDPS9876M), advance 50,000.00 under 194C:
            1% = 500.00
    10 June Ravi Builders (individual), 194C, certificate LDC/2025/001 (0.5% up to
            50,000.00), bill 60,000.00: 50,000.00 at 0.5% = 250.00 (remarks A) and
            10,000.00 at 1% = 100.00 -> two rows
    5 July  Ravi Builders 40,000.00: Q2, not in the report
    Totals: amount 1,50,000.00; TDS 8,850.00
"""

import csv
import io
import json

import pytest

from modules.tds_india.tests.builders import (
    CO,
    CONTRACTOR,
    RAVI_PAN,
    D,
    bill,
    insert,
    make_company,
    supplier,
    tds_tenant,
)

PARAMS = {"company": CO, "fiscal_year": "2025-26", "quarter": "Q1"}


@pytest.fixture
def deductor(site):
    handle = tds_tenant(site)
    with handle.tx() as ctx:
        make_company(ctx)
        supplier(ctx, "Lakshmi Works", CONTRACTOR)
        supplier(ctx, "Sai Carriers", CONTRACTOR, "ABDPS9876M")
        supplier(ctx, "Ravi Builders", CONTRACTOR, RAVI_PAN)
        insert(ctx, "Lower Deduction Certificate", {
            "certificate_no": "LDC/2025/001", "company": CO, "pan": RAVI_PAN,
            "tax_withholding_category": CONTRACTOR, "valid_from": "2025-04-01",
            "valid_upto": "2026-03-31", "rate": "0.5", "certificate_limit": "50000"})
        bill(ctx, "Lakshmi Works", "2025-05-10", "40000")
        insert(ctx, "Payment Entry", {
            "payment_type": "Pay", "party_type": "Supplier", "party": "Sai Carriers",
            "company": CO, "posting_date": "2025-05-20", "paid_amount": "50000",
            "tax_withholding_category": CONTRACTOR, "docstatus": 1})
        bill(ctx, "Ravi Builders", "2025-06-10", "60000")
        bill(ctx, "Ravi Builders", "2025-07-05", "40000")
    return handle


def test_26q_rows_of_the_quarter(deductor):
    with deductor.client(headers=deductor.auth) as api:
        shown = api.get("/api/report/tds_india.tds_26q", params=PARAMS)
        assert shown.status_code == 200, shown.text
        result = shown.json()["message"]["result"]
    rows = [(r["section"], r["deductee_code"], r["pan"], r["deductee_name"],
             D(str(r["amount_paid"])), r["date_of_credit"], D(str(r["rate"])),
             D(str(r["tds_amount"])), r["reason"], r["certificate_no"], r["voucher_type"])
            for r in result["rows"]]
    assert rows == [
        ("194C", "02", "PANNOTAVBL", "Lakshmi Works", D("40000"), "2025-05-10", D("20"),
         D("8000"), "C", None, "Purchase Invoice"),
        ("194C", "02", "ABDPS9876M", "Sai Carriers", D("50000"), "2025-05-20", D("1"),
         D("500"), "", None, "Payment Entry"),
        ("194C", "02", RAVI_PAN, "Ravi Builders", D("50000"), "2025-06-10", D("0.5"),
         D("250"), "A", "LDC/2025/001", "Purchase Invoice"),
        ("194C", "02", RAVI_PAN, "Ravi Builders", D("10000"), "2025-06-10", D("1"),
         D("100"), "", None, "Purchase Invoice")]
    assert {k: D(str(v)) for k, v in result["totals"].items()} == {
        "amount_paid": D("150000"), "tds_amount": D("8850")}


def test_26q_exports_as_csv_and_refuses_a_bad_quarter(deductor):
    with deductor.client(headers=deductor.auth) as api:
        exported = api.get("/api/report/tds_india.tds_26q/export",
                           params=PARAMS | {"format": "csv"})
        assert exported.headers["content-type"].startswith("text/csv")
        rows = list(csv.reader(io.StringIO(exported.content.decode("utf-8-sig"))))
        assert rows[0][:4] == ["Section", "Deductee Code", "PAN of Deductee",
                               "Name of Deductee"]
        assert rows[1][:5] == ["194C", "02", "PANNOTAVBL", "Lakshmi Works", "40000.00"]
        bad = api.get("/api/report/tds_india.tds_26q", params=PARAMS | {"quarter": "Q5"})
        assert bad.status_code == 422
        assert json.loads(bad.text)["exc_type"] == "ValidationError"
