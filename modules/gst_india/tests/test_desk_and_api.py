"""GST through the REST API and the desk: the same lifecycle, the same figures."""

import re

import pytest

from modules.accounting.tests.builders import gl_lines
from modules.gst_india.tests.builders import (
    MUMBAI_GSTIN,
    D,
    customer,
    gst_tenant,
    item,
    make_gst_company,
)
from tests.fixtures import PASSWORD


@pytest.fixture
def shop(site):
    handle = gst_tenant(site)
    with handle.tx() as ctx:
        make_gst_company(ctx)
        item(ctx, "CHAIR", "94017100", [("2025-04-01", "18")])
        customer(ctx, "Mumbai Traders", MUMBAI_GSTIN)
    return handle


def test_an_invoice_posted_through_the_api_carries_its_gst(shop):
    """3 x Chair @ 333.33 = 999.99; CGST 9% = 89.9991 -> 90.00; SGST 90.00; 1,179.99."""
    with shop.client(headers=shop.auth) as api:
        response = api.post("/api/resource/Sales Invoice", json={
            "customer": "Mumbai Traders", "company": "Pune Furniture",
            "posting_date": "2025-06-02", "docstatus": 1,
            "items": [{"item_code": "CHAIR", "qty": 3, "rate": "333.33"}]})
    assert response.status_code == 200, response.text
    data = response.json()["data"]
    assert data["place_of_supply"] == "27-Maharashtra"
    assert [D(str(data[f])) for f in ("total_cgst", "total_sgst", "grand_total")] == [
        D("90.00"), D("90.00"), D("1179.99")]
    assert data["items"][0]["gst_hsn_code"] == "94017100"
    with shop.tx() as ctx:
        assert gl_lines(ctx, data["name"]) == [
            ("Debtors - PF", D("1179.99"), D("0")),
            ("Output Tax CGST - PF", D("0"), D("90.00")),
            ("Output Tax SGST - PF", D("0"), D("90.00")),
            ("Sales - PF", D("0"), D("999.99"))]


def test_a_bad_gstin_on_an_invoice_is_refused_with_its_field(shop):
    with shop.client(headers=shop.auth) as api:
        response = api.post("/api/resource/Sales Invoice", json={
            "customer": "Mumbai Traders", "company": "Pune Furniture",
            "posting_date": "2025-06-02", "billing_gstin": "27AABCR1234M1ZX",
            "items": [{"item_code": "CHAIR", "qty": 1, "rate": "100"}]})
        assert response.status_code == 422
        assert response.json()["field"] == "billing_gstin"
        listed = api.get("/api/resource/Sales Invoice").json()["data"]
    assert listed == []


def test_the_invoice_form_shows_the_gst_fields(shop):
    with shop.client(follow_redirects=False) as web:
        page = web.get("/login")
        token = re.search(r'name="csrf_token" value="([^"]+)"', page.text).group(1)
        web.post("/login", data={"usr": "admin", "pwd": PASSWORD, "csrf_token": token,
                                 "next": "/app"})
        form = web.get("/app/Sales Invoice/new")
    assert form.status_code == 200
    assert "Place of Supply" in form.text and "27-Maharashtra" in form.text
    assert "Customer GSTIN" in form.text
