"""A company registered in two states: its Bengaluru branch has a GSTIN of its own (the
same PAN), and each invoice is issued under the registration of its Company Address.

    Pune Furniture (27AAPFU0939F1ZV) and its Bengaluru branch (29AAPFU0939F1ZR).
    1 Table @ 10,000.00 at 12% to Bengaluru Interiors (29):
      from the branch:      intra-state, CGST 600.00 + SGST 600.00
      from the head office: inter-state, IGST 1,200.00
    GSTR-1 for June 2025 is filed per GSTIN: each lists only its own invoice.
"""

import pytest

from core.db import query
from modules.gst_india.errors import InvalidGSTIN
from modules.gst_india.returns.gstr1 import gstr1
from modules.gst_india.returns.period import parse_period
from modules.gst_india.tests.builders import (
    BENGALURU_GSTIN,
    CO,
    PUNE_GSTIN,
    D,
    customer,
    gst_tenant,
    insert,
    item,
    make_gst_company,
    sales_invoice,
)

BRANCH_GSTIN = "29AAPFU0939F1ZR"
OTHER_PAN_GSTIN = "29AAGCB7383J1Z4"  # Bengaluru Interiors' own registration


@pytest.fixture
def books(site):
    handle = gst_tenant(site)
    with handle.tx() as ctx:
        make_gst_company(ctx)
        item(ctx, "TABLE", "9403", [("2025-04-01", "12")])
        customer(ctx, "Bengaluru Interiors", BENGALURU_GSTIN)
        insert(ctx, "Address", {"address_title": "PF Bengaluru", "city": "Bengaluru",
                                "address_line1": "MG Road", "state": "Karnataka",
                                "gstin": BRANCH_GSTIN})
    return handle


def branch(ctx):
    return query.get_value(ctx, "Address", {"gstin": BRANCH_GSTIN}, "name")


def test_the_company_address_picks_the_registration_an_invoice_is_issued_under(books):
    with books.tx() as ctx:
        local = sales_invoice(ctx, "Bengaluru Interiors", "2025-06-02",
                              [("TABLE", 1, "10000")], company_address=branch(ctx))
        assert (local.company_gstin, local.place_of_supply) == (BRANCH_GSTIN,
                                                                "29-Karnataka")
        assert (local.total_cgst, local.total_sgst, local.total_igst) == (
            D("600.00"), D("600.00"), D("0.00"))
        remote = sales_invoice(ctx, "Bengaluru Interiors", "2025-06-03",
                               [("TABLE", 1, "10000")])
        assert (remote.company_gstin, remote.total_igst) == (PUNE_GSTIN, D("1200.00"))

        june = parse_period("062025")
        head_office, bengaluru = gstr1(ctx, CO, june), gstr1(ctx, CO, june, BRANCH_GSTIN)
        assert head_office["gstin"] == PUNE_GSTIN and bengaluru["gstin"] == BRANCH_GSTIN
        assert [i["inum"] for row in head_office["b2b"] for i in row["inv"]] == [
            remote.name]
        assert [(i["inum"], i["itms"][0]["itm_det"]["camt"])
                for row in bengaluru["b2b"] for i in row["inv"]] == [(local.name, 600.0)]


def test_a_registration_of_another_pan_is_refused(books):
    with books.tx() as ctx:
        stranger = insert(ctx, "Address", {"address_title": "Not ours", "city": "Bengaluru",
                                           "address_line1": "Brigade Road",
                                           "state": "Karnataka", "gstin": OTHER_PAN_GSTIN})
    with books.tx() as ctx, pytest.raises(InvalidGSTIN) as refused:
        sales_invoice(ctx, "Bengaluru Interiors", "2025-06-02", [("TABLE", 1, "10000")],
                      company_address=stranger.name)
    assert refused.value.field == "company_gstin"
    with books.tx() as ctx, pytest.raises(InvalidGSTIN) as refused:
        gstr1(ctx, CO, parse_period("062025"), OTHER_PAN_GSTIN)
    assert refused.value.field == "company_gstin"


def test_the_branch_return_over_the_api(books):
    with books.tx() as ctx:
        sales_invoice(ctx, "Bengaluru Interiors", "2025-06-02", [("TABLE", 1, "10000")],
                      company_address=branch(ctx))
    with books.client(headers=books.auth) as api:
        answer = api.get("/api/method/gst.gstr1", params={
            "company": CO, "period": "062025", "company_gstin": BRANCH_GSTIN})
        assert answer.status_code == 200, answer.text
        assert answer.json()["message"]["gstin"] == BRANCH_GSTIN
        refused = api.get("/api/method/gst.gstr1", params={
            "company": CO, "period": "062025", "company_gstin": OTHER_PAN_GSTIN})
        assert (refused.status_code, refused.json()["field"]) == (422, "company_gstin")


def test_the_invoice_billing_address_goes_before_the_customer_primary_one(books):
    """A consumer living in Surat (primary address) billed at a Bengaluru address:
    the place of supply is Karnataka."""
    with books.tx() as ctx:
        home = insert(ctx, "Address", {"address_title": "Mehta", "city": "Surat",
                                       "address_line1": "Ring Road", "state": "Gujarat"})
        office = insert(ctx, "Address", {"address_title": "Mehta office",
                                         "city": "Bengaluru", "address_line1": "MG Road",
                                         "state": "Karnataka"})
        customer(ctx, "Mr Mehta", gst_category="Consumer",
                 customer_primary_address=home.name)
        at_home = sales_invoice(ctx, "Mr Mehta", "2025-06-02", [("TABLE", 1, "10000")])
        at_office = sales_invoice(ctx, "Mr Mehta", "2025-06-02", [("TABLE", 1, "10000")],
                                  customer_address=office.name)
        assert (at_home.place_of_supply, at_office.place_of_supply) == (
            "24-Gujarat", "29-Karnataka")
