"""The returns over HTTP: the JSON methods, the desk reports and their exports, and the
GST Returns page's JSON download. Two June 2025 sales of Pune Furniture:

    Mumbai Traders (27): 2 Chair @ 500 = 1,000; CGST 90 + SGST 90; 1,180    -> b2b
    walk-in, Karnataka:  1 Chair @ 2,000; IGST 360; 2,360                   -> b2cs

The branch page test adds the Bengaluru branch (29AAPFU0939F1ZR, same PAN) selling
Bengaluru Interiors (29) 1 Chair @ 3,000: intra-state there, CGST 270 + SGST 270.
"""

import json
import re

import pytest

from core.auth.api_keys import issue_api_key
from modules.gst_india.tests.builders import (
    BENGALURU_GSTIN,
    CO,
    MUMBAI_GSTIN,
    PUNE_GSTIN,
    customer,
    gst_tenant,
    insert,
    make_gst_company,
    sales_invoice,
)
from modules.gst_india.tests.returns_builders import return_items
from tests.fixtures import PASSWORD

JUNE = {"company": CO, "period": "062025"}
BRANCH_GSTIN = "29AAPFU0939F1ZR"


@pytest.fixture
def shop(site):
    handle = gst_tenant(site)
    with handle.tx() as ctx:
        make_gst_company(ctx)
        return_items(ctx)
        customer(ctx, "Mumbai Traders", MUMBAI_GSTIN)
        customer(ctx, "Walk-in")
        sales_invoice(ctx, "Mumbai Traders", "2025-06-02", [("CHAIR", 2, "500")])
        sales_invoice(ctx, "Walk-in", "2025-06-03", [("CHAIR", 1, "2000")],
                      place_of_supply="29-Karnataka")
    return handle


def test_gstr1_method_answers_the_portal_json(shop):
    with shop.client(headers=shop.auth) as api:
        response = api.get("/api/method/gst_india.gstr1", params=JUNE)
    assert response.status_code == 200, response.text
    data = response.json()["message"]
    assert (data["gstin"], data["fp"], [p["ctin"] for p in data["b2b"]]) == (
        PUNE_GSTIN, "062025", [MUMBAI_GSTIN])
    assert data["b2cs"] == [{"sply_ty": "INTER", "pos": "29", "typ": "OE", "txval": 2000.0,
                             "rt": 18.0, "iamt": 360.0, "camt": 0.0, "samt": 0.0,
                             "csamt": 0.0}]


def test_gstr3b_method_answers_the_portal_json(shop):
    with shop.client(headers=shop.auth) as api:
        response = api.get("/api/method/gst_india.gstr3b", params=JUNE)
    assert response.status_code == 200, response.text
    assert response.json()["message"]["sup_details"]["osup_det"] == {
        "txval": 3000.0, "iamt": 360.0, "camt": 90.0, "samt": 90.0, "csamt": 0.0}


def test_a_bad_period_is_a_422_naming_the_argument(shop):
    with shop.client(headers=shop.auth) as api:
        response = api.get("/api/method/gst_india.gstr1",
                           params={"company": CO, "period": "2025-06"})
    assert response.status_code == 422
    assert response.json()["exc_type"] == "InvalidReturnPeriod"


def test_gstr1_summary_report_and_its_csv_export(shop):
    with shop.client(headers=shop.auth) as api:
        report = api.get("/api/report/gst_india.gstr1_summary", params=JUNE)
        csv = api.get("/api/report/gst_india.gstr1_summary/export",
                      params=JUNE | {"format": "csv"})
    assert report.status_code == 200, report.text
    rows = {r["section"]: r for r in report.json()["message"]["result"]["rows"]}
    assert (rows["b2b"]["documents"], rows["b2b"]["cgst"], rows["b2cs"]["igst"]) == (
        1, 90.0, 360.0)
    assert csv.status_code == 200
    assert "b2cs,7 - B2C (others),1,2000.00,360.00" in csv.content.decode("utf-8-sig")


def test_gstr3b_report_lists_the_lines_of_the_tables(shop):
    with shop.client(headers=shop.auth) as api:
        report = api.get("/api/report/gst_india.gstr3b_summary", params=JUNE)
    rows = report.json()["message"]["result"]["rows"]
    assert [(r["section"], r["taxable_value"]) for r in rows[:2]] == [
        ("3.1 (a)", 3000.0), ("3.1 (b)", 0.0)]
    assert ("3.2", "Inter-state to unregistered persons, 29", 2000.0) in [
        (r["section"], r["description"], r["taxable_value"]) for r in rows]


def login(web):
    page = web.get("/login")
    token = re.search(r'name="csrf_token" value="([^"]+)"', page.text).group(1)
    web.post("/login", data={"usr": "admin", "pwd": PASSWORD, "csrf_token": token,
                             "next": "/app"})


def test_the_returns_page_downloads_the_json_file(shop):
    with shop.client(follow_redirects=False) as web:
        login(web)
        form = web.get("/app/page/gst_india.gst_returns")
        download = web.get("/app/page/gst_india.gst_returns",
                           params=JUNE | {"return": "gstr1"})
        refused = web.get("/app/page/gst_india.gst_returns",
                          params={"company": CO, "period": "13", "return": "gstr1"})
    assert form.status_code == 200 and "GSTR-1 JSON" in form.text
    assert download.status_code == 200
    assert download.headers["content-disposition"] == \
        f'attachment; filename="GSTR1_{PUNE_GSTIN}_062025.json"'
    assert json.loads(download.content)["gstin"] == PUNE_GSTIN
    assert refused.status_code == 422 and "must be MMYYYY" in refused.text


def test_the_methods_answer_under_the_gst_prefix_too(shop):
    with shop.client(headers=shop.auth) as api:
        response = api.get("/api/method/gst.gstr1", params=JUNE)
    assert response.status_code == 200, response.text
    assert response.json()["message"]["gstin"] == PUNE_GSTIN


def test_a_user_who_may_not_read_purchases_gets_no_gstr3b(shop):
    """A Sales User reads sales invoices (GSTR-1) but not purchase invoices (GSTR-3B)."""
    with shop.client(headers=shop.auth) as api:
        made = api.post("/api/resource/User", json={"login": "seller",
                                                    "roles": [{"role": "Sales User"}]})
    assert made.status_code == 200, made.text
    with shop.tx() as ctx:
        key, secret = issue_api_key(ctx, "seller")
    with shop.client(headers={"Authorization": f"token {key}:{secret}"}) as seller:
        sales = seller.get("/api/method/gst_india.gstr1", params=JUNE)
        both = seller.get("/api/method/gst_india.gstr3b", params=JUNE)
    assert sales.status_code == 200, sales.text
    assert (both.status_code, both.json()["exc_type"]) == (403, "PermissionDenied")


def test_the_desk_report_page_shows_the_gstr1_summary(shop):
    with shop.client(follow_redirects=False) as web:
        login(web)
        page = web.get("/app/report/gst_india.gstr1_summary", params=JUNE)
    assert page.status_code == 200
    assert "GSTR-1 Summary" in page.text and "7 - B2C (others)" in page.text


def table_row(html, table, section):
    """The cells of one row of a figures table on the returns page."""
    body = re.search(rf'<table[^>]*id="{table}".*?</table>', html, re.S).group(0)
    row = re.search(rf"<tr><td>{re.escape(section)}</td>(.*?)</tr>", body, re.S).group(1)
    return [c.strip() for c in re.findall(r"<td[^>]*>(.*?)</td>", row, re.S)]


def test_the_returns_page_files_a_branch_gstin(shop):
    with shop.tx() as ctx:
        customer(ctx, "Bengaluru Interiors", BENGALURU_GSTIN)
        branch = insert(ctx, "Address", {
            "address_title": "PF Bengaluru", "city": "Bengaluru", "address_line1": "MG Road",
            "state": "Karnataka", "gstin": BRANCH_GSTIN}).name
        sales_invoice(ctx, "Bengaluru Interiors", "2025-06-04", [("CHAIR", 1, "3000")],
                      company_address=branch)
    branch_june = JUNE | {"company_gstin": BRANCH_GSTIN}
    with shop.client(follow_redirects=False) as web:
        login(web)
        form = web.get("/app/page/gst_india.gst_returns")
        own = web.get("/app/page/gst_india.gst_returns", params=JUNE)
        shown = web.get("/app/page/gst_india.gst_returns", params=branch_june)
        download = web.get("/app/page/gst_india.gst_returns",
                           params=branch_june | {"return": "gstr1"})
        stranger = web.get("/app/page/gst_india.gst_returns",
                           params=JUNE | {"company_gstin": "29AAGCB7383J1Z4"})
    assert f'<option value="{PUNE_GSTIN}" data-company="{CO}" selected>' \
        f"{PUNE_GSTIN} (Pune Furniture)</option>" in form.text
    assert f">{BRANCH_GSTIN} (PF Bengaluru)</option>" in form.text
    # the company's own figures: b2b 1,000 (CGST 90), b2cs 2,000 (IGST 360)
    assert table_row(own.text, "gstr1-figures", "b2b")[1:] == [
        "1", "1,000.00", "0.00", "90.00", "90.00", "0.00"]
    assert shown.status_code == 200
    assert f"GSTR-1 of {BRANCH_GSTIN} for 062025" in shown.text
    assert table_row(shown.text, "gstr1-figures", "b2b")[1:] == [
        "1", "3,000.00", "0.00", "270.00", "270.00", "0.00"]
    assert table_row(shown.text, "gstr1-figures", "b2cs")[1:] == [
        "0", "0.00", "0.00", "0.00", "0.00", "0.00"]
    assert table_row(shown.text, "gstr3b-figures", "3.1 (a)")[1:] == [
        "3,000.00", "0.00", "270.00", "270.00", "0.00"]
    assert f"company_gstin={BRANCH_GSTIN}" in shown.text  # the report links carry it
    assert download.headers["content-disposition"] == \
        f'attachment; filename="GSTR1_{BRANCH_GSTIN}_062025.json"'
    assert [p["ctin"] for p in json.loads(download.content)["b2b"]] == [BENGALURU_GSTIN]
    assert stranger.status_code == 422 and "is not a registration of" in stranger.text
