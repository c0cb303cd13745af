"""GSTR-2B of Pune Furniture for June 2025 against its purchase invoices.

    Books                                      GSTR-2B                          verdict
    Mumbai Timber MT/0042, 09-06, 12,400       mt-42, 09-06, 12,400            Matched
      tax 1,900.00                               tax 950.25 + 950.25 = 1,900.50 (within 1)
    Bengaluru Tools BT-118, 11-06, 43,000      BT/118, 11-06, 43,000           Mismatched
      tax 7,200.00                               tax 7,250.00                   (tax)
    Mumbai Timber MT/0050, bill of 14-06       MT/50, 13-06, same amounts      Mismatched
                                                                                (date)
    Mumbai Timber credit note MT-CN-3, 1,000   cdnr MT/CN/03, 1,000, tax 180   Matched
    (none)                                     Surat Supplies SS/9             Missing in Books
    Bengaluru Tools BT-120                     (none)                          Missing in GSTR-2B
    Deccan Transport (unregistered, RCM)       (none)                          not expected
"""

import json
import re

import pytest

from core import lifecycle
from core.db import query
from core.errors import AppError
from modules.accounting.tests.builders import assert_ledger_balanced
from modules.gst_india.returns.reconcile_2b import bill_number_key
from modules.gst_india.tests.builders import (
    BENGALURU_GSTIN,
    CO,
    MUMBAI_GSTIN,
    PUNE_GSTIN,
    SURAT_SEZ_GSTIN,
    D,
    gst_tenant,
    insert,
    make_gst_company,
    purchase_invoice,
)
from modules.gst_india.tests.returns_builders import june_purchases, return_items
from tests.fixtures import PASSWORD


def portal_item(txval, igst=0, cgst=0, sgst=0):
    return {"num": 1, "rt": 18, "txval": txval, "igst": igst, "cgst": cgst, "sgst": sgst,
            "cess": 0}


def gstr2b_file(gstin=PUNE_GSTIN, period="062025"):
    return json.dumps({"chksum": "x", "data": {"gstin": gstin, "rtnprd": period,
                                                "docdata": {
        "b2b": [
            {"ctin": MUMBAI_GSTIN, "trdnm": "Mumbai Timber", "inv": [
                {"inum": "mt-42", "dt": "09-06-2025", "val": 14300.5, "pos": "27",
                 "rev": "N", "typ": "R",
                 "items": [portal_item(12400, cgst=950.25, sgst=950.25)]},
                {"inum": "MT/50", "dt": "13-06-2025", "val": 1180, "pos": "27",
                 "rev": "N", "typ": "R", "items": [portal_item(1000, cgst=90, sgst=90)]}]},
            {"ctin": BENGALURU_GSTIN, "trdnm": "Bengaluru Tools", "inv": [
                {"inum": "BT/118", "dt": "11-06-2025", "val": 50250, "pos": "27",
                 "rev": "N", "typ": "R", "items": [portal_item(43000, igst=7250)]}]},
            {"ctin": SURAT_SEZ_GSTIN, "trdnm": "Surat Supplies", "inv": [
                {"inum": "SS/9", "dt": "05-06-2025", "val": 590, "pos": "27",
                 "rev": "N", "typ": "R", "items": [portal_item(500, igst=90)]}]}],
        "cdnr": [
            {"ctin": MUMBAI_GSTIN, "trdnm": "Mumbai Timber", "nt": [
                {"ntnum": "MT/CN/03", "typ": "C", "dt": "20-06-2025", "val": 1180,
                 "pos": "27", "rev": "N", "items": [portal_item(1000, cgst=90, sgst=90)]}]}]}}})


@pytest.fixture
def books(site):
    handle = gst_tenant(site)
    with handle.tx() as ctx:
        make_gst_company(ctx)
        return_items(ctx)
        bills = june_purchases(ctx)
        handle.names = {k: v.name for k, v in bills.items()}
        handle.names["late"] = purchase_invoice(
            ctx, "Mumbai Timber", "2025-06-15", [{"item_code": "OAK", "qty": 1,
                                                  "rate": "1000"}],
            bill_no="MT/0050", bill_date="2025-06-14").name
        handle.names["credit"] = purchase_invoice(
            ctx, "Mumbai Timber", "2025-06-20", [{"item_code": "OAK", "qty": -1,
                                                  "rate": "1000"}],
            is_return=1, return_against=bills["intra"].name, bill_no="MT-CN-3",
            bill_date="2025-06-20").name
        handle.names["unfiled"] = purchase_invoice(
            ctx, "Bengaluru Tools", "2025-06-25", [{"item_code": "LATHE", "qty": 1,
                                                    "rate": "1000"}],
            bill_no="BT-120", bill_date="2025-06-25").name
        assert_ledger_balanced(ctx, CO)
    return handle


def import_2b(ctx, text):
    return insert(ctx, "GSTR 2B Import", {"company": CO, "period": "062025",
                                          "gstr2b_json": text})


def test_bill_numbers_match_whatever_their_case_separators_and_leading_zeros():
    assert bill_number_key("mt-42") == bill_number_key("MT/0042") == "MT42"
    assert bill_number_key("MT/CN/03") == bill_number_key("MT-CN-3") == "MTCN3"
    assert bill_number_key("BT-118") != bill_number_key("BT-120")


def test_each_document_is_classified(books):
    n = books.names
    with books.tx() as ctx:
        doc = import_2b(ctx, gstr2b_file())
        lines = [(r.status, r.document_type, r.bill_no, r.purchase_invoice, r.reason)
                 for r in doc.children("items")]
        assert lines == [
            ("Matched", "Invoice", "mt-42", n["intra"], ""),
            ("Mismatched", "Invoice", "MT/50", n["late"],
             "date 13-06-2025 in GSTR-2B, 14-06-2025 in books"),
            ("Mismatched", "Invoice", "BT/118", n["inter"],
             "tax 7250.00 in GSTR-2B, 7200.00 in books"),
            ("Missing in Books", "Invoice", "SS/9", None, ""),
            ("Matched", "Credit Note", "MT/CN/03", n["credit"], ""),
            ("Missing in GSTR-2B", "Invoice", None, n["unfiled"], "")]
        assert (doc.company_gstin, doc.matched, doc.mismatched, doc.missing_in_books,
                doc.missing_in_2b) == (PUNE_GSTIN, 2, 2, 1, 1)
        first = doc.children("items")[0]
        assert (first.taxable_value_2b, first.tax_2b, first.taxable_value_books,
                first.tax_books) == (D("12400"), D("1900.50"), D("12400.00"),
                                     D("1900.00"))


def test_the_import_keeps_its_result_and_reconciles_again_when_saved(books):
    with books.tx() as ctx:
        name = import_2b(ctx, gstr2b_file()).name
    with books.tx() as ctx:
        kept = lifecycle.get_doc(ctx, "GSTR 2B Import", name)
        assert [r.status for r in kept.children("items")].count("Missing in Books") == 1
        supplier_surat = insert(ctx, "Supplier", {"supplier_name": "Surat Supplies",
                                                  "supplier_group": "Raw Material",
                                                  "gstin": SURAT_SEZ_GSTIN,
                                                  "gst_category": "Registered Regular"})
        purchase_invoice(ctx, supplier_surat.name, "2025-06-05", [
            {"item_code": "OAK", "qty": 1, "rate": "500"}], bill_no="SS-009",
            bill_date="2025-06-05")
        again = lifecycle.save(ctx, kept)
        assert (again.matched, again.missing_in_books) == (3, 0)


@pytest.mark.parametrize("text, message", [
    ("not json", "not a GSTR-2B JSON"),
    (json.dumps({"data": {"gstin": PUNE_GSTIN}}), "no 'rtnprd'"),
    (gstr2b_file(gstin=MUMBAI_GSTIN), "of GSTIN 27AABCR1234M1ZD"),
    (gstr2b_file(period="052025"), "of period 052025"),
])
def test_a_wrong_file_is_refused_and_nothing_is_saved(books, text, message):
    with books.tx() as ctx, pytest.raises(AppError) as refused:
        import_2b(ctx, text)
    assert (refused.value.code, refused.value.field) == ("GST-2B-FILE", "gstr2b_json")
    assert message in str(refused.value)
    with books.tx() as ctx:
        assert query.count(ctx, "GSTR 2B Import") == 0


def test_the_reconciliation_report_shows_the_lines_of_one_status(books):
    with books.tx() as ctx:
        name = import_2b(ctx, gstr2b_file()).name
    with books.client(headers=books.auth) as api:
        report = api.get("/api/report/gst_india.gstr2b_reconciliation",
                         params={"gstr2b_import": name, "status": "Mismatched"})
        wrong = api.get("/api/report/gst_india.gstr2b_reconciliation",
                        params={"gstr2b_import": name, "status": "Unknown"})
    assert report.status_code == 200, report.text
    assert [(r["bill_no"], r["purchase_invoice"]) for r in
            report.json()["message"]["result"]["rows"]] == [
        ("MT/50", books.names["late"]), ("BT/118", books.names["inter"])]
    assert (wrong.status_code, wrong.json()["exc_type"]) == (422, "ValidationError")


def test_the_import_form_opens_in_the_desk(books):
    with books.client(follow_redirects=False) as web:
        page = web.get("/login")
        token = re.search(r'name="csrf_token" value="([^"]+)"', page.text).group(1)
        web.post("/login", data={"usr": "admin", "pwd": PASSWORD, "csrf_token": token,
                                 "next": "/app"})
        form = web.get("/app/GSTR 2B Import/new")
    assert form.status_code == 200
    assert "GSTR-2B JSON" in form.text and "Tolerance" in form.text
