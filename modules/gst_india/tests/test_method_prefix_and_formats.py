"""GST's methods answer to ``gst.`` (the manifest's method_prefix) as well as to the
module's name, only in tenants that installed it; its print format is chosen by name,
and the invoice form offers it."""

import re

import pytest

from modules.gst_india.tests.builders import sales_invoice
from modules.gst_india.tests.einvoice_builders import (
    CHAIR_AND_STOOL,
    einvoicing_shop,
)
from tests.conftest import make_tenant
from tests.fixtures import PASSWORD


@pytest.fixture
def shop(site):
    handle = einvoicing_shop(site)
    with handle.tx() as ctx:
        handle.invoice = sales_invoice(ctx, "Mumbai Traders", "2025-06-02",
                                       CHAIR_AND_STOOL).name
    return handle


def test_both_prefixes_reach_the_same_method(shop):
    with shop.client(headers=shop.auth) as api:
        short = api.get("/api/method/gst.einvoice_json", params={"name": shop.invoice})
        full = api.get("/api/method/gst_india.einvoice_json",
                       params={"name": shop.invoice})
    assert short.status_code == full.status_code == 200
    assert short.json() == full.json()
    assert short.json()["message"]["DocDtls"]["No"] == "SI-2526-00001"


def test_a_tenant_without_gst_has_no_gst_methods(site):
    handle = make_tenant(site, modules=["accounting"])
    with handle.client(headers=handle.auth) as api:
        response = api.get("/api/method/gst.einvoice_json", params={"name": "X"})
    assert response.status_code == 404
    assert response.json()["message"] == "No method gst.einvoice_json"


def test_an_unknown_print_format_is_404_naming_it(shop):
    with shop.client(headers=shop.auth) as api:
        response = api.get(f"/printview/Sales Invoice/{shop.invoice}",
                           params={"format": "Packing Slip"})
        html = api.get(f"/printview/Sales Invoice/{shop.invoice}",
                       params={"format": "GST Tax Invoice"})
    assert response.status_code == 404
    assert "Sales Invoice has no print format &#39;Packing Slip&#39;" in response.text
    assert html.status_code == 200 and "Tax Invoice" in html.text
    assert "Maharashtra (code 27)" in html.text
    assert '<img src="data:image/svg+xml' in html.text  # the signed QR code, drawn


def test_the_invoice_form_offers_the_gst_tax_invoice(shop):
    with shop.client(follow_redirects=False) as web:
        page = web.get("/login")
        token = re.search(r'name="csrf_token" value="([^"]+)"', page.text).group(1)
        web.post("/login", data={"usr": "admin", "pwd": PASSWORD, "csrf_token": token,
                                 "next": "/app"})
        form = web.get(f"/app/Sales Invoice/{shop.invoice}")
    assert form.status_code == 200
    assert (f'href="/printview/Sales%20Invoice/{shop.invoice}.pdf?format=GST%20Tax%20Invoice"'
            in form.text)
    assert "SI-2526-00001" in form.text and "Generated" in form.text  # e-invoice status
