"""What the IRP would refuse is refused here first, each problem named by its field path:
in the JSON the API returns (422), at submission of an invoice that needs an IRN, and in
the invoice number a GST invoice may carry."""

import copy

import pytest

from core import lifecycle
from core.db import query
from modules.gst_india.einvoice.errors import EInvoiceSchemaError
from modules.gst_india.einvoice.validation import check_einvoice
from modules.gst_india.tests.builders import CO, gst_tenant, insert, make_gst_company
from modules.gst_india.tests.einvoice_builders import (
    customer_at,
    customers,
    einvoicing_shop,
    furniture,
)


@pytest.fixture
def shop(site):
    handle = einvoicing_shop(site)
    with handle.tx() as ctx:
        customer_at(ctx, "Thane Decor", "27AABCR1234M1ZD", "3 Station Road", "Thane",
                    "Maharashtra", "40060")  # a PIN code of five digits
    return handle


def draft(ctx, party):
    return insert(ctx, "Sales Invoice", {
        "customer": party, "company": CO, "posting_date": "2025-06-02",
        "items": [{"item_code": "CHAIR", "qty": 1, "rate": "500.00"}]})


def test_a_bad_pin_code_is_a_422_naming_the_field(shop):
    with shop.tx() as ctx:
        name = draft(ctx, "Thane Decor").name
    with shop.client(headers=shop.auth) as api:
        response = api.get("/api/method/gst.einvoice_json", params={"name": name})
    assert response.status_code == 422
    body = response.json()
    assert (body["exc_type"], body["field"]) == ("EInvoiceSchemaError", "BuyerDtls.Pin")
    assert body["errors"] == [{"field": "BuyerDtls.Pin", "message": "must be a whole number"}]


def test_an_invoice_the_irp_would_refuse_is_not_submitted(shop):
    with shop.client(headers=shop.auth) as api:
        response = api.post("/api/resource/Sales Invoice", json={
            "customer": "Thane Decor", "company": CO, "posting_date": "2025-06-02",
            "docstatus": 1, "items": [{"item_code": "CHAIR", "qty": 1, "rate": "500"}]})
    assert response.status_code == 422
    assert response.json()["field"] == "BuyerDtls.Pin"
    with shop.tx() as ctx:
        assert query.count(ctx, "Sales Invoice") == 0
        assert query.count(ctx, "GL Entry") == 0
        assert query.count(ctx, "Background Job") == 0


def test_an_invoice_number_longer_than_16_characters_is_refused(shop):
    """PUNEFURN-2025-00001 has 19 characters."""
    with shop.client(headers=shop.auth) as api:
        response = api.post("/api/resource/Sales Invoice", json={
            "customer": "Mumbai Traders", "company": CO, "posting_date": "2025-06-02",
            "naming_series": "PUNEFURN-.YYYY.-.#####", "docstatus": 1,
            "items": [{"item_code": "CHAIR", "qty": 1, "rate": "500"}]})
    assert response.status_code == 422
    body = response.json()
    assert (body["exc_type"], body["field"]) == ("InvalidInvoiceNumber", "naming_series")
    assert "19 characters" in body["message"]
    with shop.tx() as ctx:
        assert query.count(ctx, "Sales Invoice") == 0


def test_numbers_restart_each_financial_year(shop):
    """31 March 2026 is in 2025-26, 1 April 2026 starts 2026-27."""
    with shop.tx() as ctx:
        march = insert(ctx, "Sales Invoice", {
            "customer": "Mumbai Traders", "company": CO, "posting_date": "2026-03-31",
            "items": [{"item_code": "CHAIR", "qty": 1, "rate": "500"}]})
        april = insert(ctx, "Sales Invoice", {
            "customer": "Mumbai Traders", "company": CO, "posting_date": "2026-04-01",
            "items": [{"item_code": "CHAIR", "qty": 1, "rate": "500"}]})
        assert (march.name, april.name) == ("SI-2526-00001", "SI-2627-00001")


@pytest.fixture
def valid_payload(shop):
    with shop.tx() as ctx:
        from modules.gst_india.einvoice.payload import build_einvoice
        return build_einvoice(ctx, draft(ctx, "Mumbai Traders"))


def refusal(payload):
    with pytest.raises(EInvoiceSchemaError) as refused:
        check_einvoice(payload)
    return refused.value.field, refused.value.extra["errors"]


def test_a_missing_buyer_gstin_is_named(valid_payload):
    check_einvoice(valid_payload)  # as built, the invoice passes
    payload = copy.deepcopy(valid_payload)
    del payload["BuyerDtls"]["Gstin"]
    assert refusal(payload) == ("BuyerDtls.Gstin", [{"field": "BuyerDtls.Gstin",
                                                     "message": "is required"}])


def test_a_document_number_of_17_characters_is_named(valid_payload):
    payload = copy.deepcopy(valid_payload)
    payload["DocDtls"]["No"] = "SI-2526-000000001"
    field, errors = refusal(payload)
    assert field == "DocDtls.No"
    assert "longer than 16 characters" in errors[0]["message"]


def test_totals_that_do_not_add_up_are_named(valid_payload):
    """500.00 + CGST 45.00 + SGST 45.00 = 590.00; 592.00 is off by more than 1.00."""
    payload = copy.deepcopy(valid_payload)
    assert payload["ValDtls"]["TotInvVal"] == 590
    payload["ValDtls"]["TotInvVal"] = 592
    assert refusal(payload) == ("ValDtls.TotInvVal", [{
        "field": "ValDtls.TotInvVal",
        "message": "is 592 but the amounts it sums come to 590.00"}])
    payload["ValDtls"]["TotInvVal"] = 590.5  # within the IRP's tolerance of one rupee
    check_einvoice(payload)


def test_an_unknown_supply_type_and_date_format_are_named(valid_payload):
    payload = copy.deepcopy(valid_payload)
    payload["TranDtls"]["SupTyp"] = "B2C"
    payload["DocDtls"]["Dt"] = "2025-06-02"
    field, errors = refusal(payload)
    assert [e["field"] for e in errors] == ["TranDtls.SupTyp", "DocDtls.Dt"]


def test_an_invoice_numbered_before_the_rule_is_saved_again_under_its_number(site):
    """Numbered ACC-SINV-2026-00001 (19 characters) while its company had no GSTIN."""
    handle = gst_tenant(site)
    with handle.tx() as ctx:
        make_gst_company(ctx, gstin=None)
        furniture(ctx)
        customers(ctx)
        old = insert(ctx, "Sales Invoice", {
            "customer": "Mumbai Traders", "company": CO, "posting_date": "2025-06-02",
            "items": [{"item_code": "CHAIR", "qty": 1, "rate": "500.00"}]})
        assert len(old.name) == 19
    with handle.tx() as ctx:
        company = lifecycle.get_doc(ctx, "Company", CO)
        company.gstin = "27AAPFU0939F1ZV"
        lifecycle.save(ctx, company)
    with handle.tx() as ctx:
        draft = lifecycle.get_doc(ctx, "Sales Invoice", old.name)
        draft.remarks = "Delivered on 3 June"
        saved = lifecycle.save(ctx, draft)
        assert (saved.name, saved.company_gstin) == (old.name, "27AAPFU0939F1ZV")
