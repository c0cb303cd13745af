"""The e-way bill bulk-upload JSON of goods worth at least ₹50,000 (GST Settings),
through ``/api/method/gst.ewaybill_json``.

    Bengaluru: 40 x Chair @ 1,275.50 = 51,020.00 + IGST 18% 9,183.60 = 60,203.60
    Mumbai, shipped to Bhiwandi: 50 x Chair @ 1,000.00 = 50,000.00
        + CGST 9% 4,500.00 + SGST 9% 4,500.00 = 59,000.00
"""

import pytest

from modules.gst_india.tests.builders import sales_invoice
from modules.gst_india.tests.einvoice_builders import (
    CHAIR_AND_STOOL,
    address,
    einvoicing_shop,
    settings,
)

CONSIGNOR = {"fromGstin": "27AAPFU0939F1ZV", "fromTrdName": "Pune Furniture",
             "fromAddr1": "Plot 12, MIDC Bhosari", "fromAddr2": "", "fromPlace": "Pune",
             "fromPincode": 411026, "fromStateCode": 27, "actualFromStateCode": 27}


@pytest.fixture
def shop(site):
    return einvoicing_shop(site)


def ewaybill(shop, name):
    with shop.client(headers=shop.auth) as api:
        return api.get("/api/method/gst.ewaybill_json", params={"name": name})


def test_an_inter_state_consignment_by_road(shop):
    with shop.tx() as ctx:
        invoice = sales_invoice(ctx, "Bengaluru Interiors", "2025-06-02",
                                [("CHAIR", 40, "1275.50")])
    with shop.client(headers=shop.auth) as api:
        # the transport is known after the invoice: these fields change after submit
        saved = api.put(f"/api/resource/Sales Invoice/{invoice.name}", json={
            "mode_of_transport": "Road", "vehicle_no": "MH 12 AB 1234",
            "vehicle_type": "Regular", "distance": 840,
            "transporter_name": "Kaveri Logistics", "transporter_gstin": "27AAGCK1234L1Z5",
            "lr_no": "LR-8841", "lr_date": "2025-06-02"})
    assert saved.status_code == 200, saved.text
    response = ewaybill(shop, invoice.name)
    assert response.status_code == 200, response.text
    assert response.json()["message"] == {"version": "1.0.0621", "billLists": [{
        "userGstin": "27AAPFU0939F1ZV", "supplyType": "O", "subSupplyType": 1,
        "subSupplyDesc": "", "docType": "INV", "docNo": "SI-2526-00001",
        "docDate": "02/06/2025", "transType": 1, **CONSIGNOR,
        "toGstin": "29AAGCB7383J1Z4", "toTrdName": "Bengaluru Interiors",
        "toAddr1": "80 MG Road", "toAddr2": "", "toPlace": "Bengaluru",
        "toPincode": 560001, "toStateCode": 29, "actualToStateCode": 29,
        "totalValue": 51020.0, "cgstValue": 0.0, "sgstValue": 0.0, "igstValue": 9183.6,
        "cessValue": 0.0, "TotNonAdvolVal": 0.0, "OthValue": 0.0, "totInvValue": 60203.6,
        "transMode": 1, "transDistance": "840", "transporterName": "Kaveri Logistics",
        "transporterId": "27AAGCK1234L1Z5", "transDocNo": "LR-8841",
        "transDocDate": "02/06/2025", "vehicleNo": "MH12AB1234", "vehicleType": "R",
        "mainHsnCode": 94017100,
        "itemList": [{"itemNo": 1, "productName": "Chair", "productDesc": "Chair",
                      "hsnCode": 94017100, "quantity": 40.0, "qtyUnit": "OTH",
                      "taxableAmount": 51020.0, "sgstRate": 0, "cgstRate": 0,
                      "igstRate": 18, "cessRate": 0, "cessNonAdvol": 0}]}]}


def test_goods_shipped_elsewhere_within_the_state(shop):
    with shop.tx() as ctx:
        godown = address(ctx, "Mumbai Traders Godown", "Gala 7, Logistics Park",
                         "Bhiwandi", "Maharashtra", "421302")
        invoice = sales_invoice(ctx, "Mumbai Traders", "2025-06-02",
                                [("CHAIR", 50, "1000.00")], shipping_address_name=godown)
    bill = ewaybill(shop, invoice.name).json()["message"]["billLists"][0]
    assert bill["transType"] == 2  # bill to Mumbai, ship to Bhiwandi
    assert (bill["toAddr1"], bill["toPlace"], bill["toPincode"], bill["toStateCode"],
            bill["actualToStateCode"]) == ("Gala 7, Logistics Park", "Bhiwandi", 421302,
                                           27, 27)
    assert (bill["totalValue"], bill["cgstValue"], bill["sgstValue"], bill["igstValue"],
            bill["totInvValue"]) == (50000.0, 4500.0, 4500.0, 0.0, 59000.0)
    assert (bill["itemList"][0]["cgstRate"], bill["itemList"][0]["sgstRate"],
            bill["itemList"][0]["igstRate"]) == (9, 9, 0)


def test_a_consignment_below_the_threshold_needs_no_e_way_bill(shop):
    """1,250.00 + GST 225.00 = 1,475.00 is below 50,000.00."""
    with shop.tx() as ctx:
        invoice = sales_invoice(ctx, "Mumbai Traders", "2025-06-02", CHAIR_AND_STOOL)
    response = ewaybill(shop, invoice.name)
    assert response.status_code == 422
    body = response.json()
    assert (body["exc_type"], body["field"]) == ("EWayBillNotApplicable", "grand_total")
    assert "1,475.00" in body["message"] and "50,000.00" in body["message"]


def test_the_threshold_is_data(shop):
    with shop.tx() as ctx:
        settings(ctx, ewaybill_threshold="1000")
        invoice = sales_invoice(ctx, "Mumbai Traders", "2025-06-02", CHAIR_AND_STOOL)
    assert ewaybill(shop, invoice.name).status_code == 200


def test_services_alone_move_no_goods(shop):
    """50 x Fitting (SAC 998717) @ 1,200.00 = 60,000.00: no goods, no e-way bill."""
    with shop.tx() as ctx:
        invoice = sales_invoice(ctx, "Mumbai Traders", "2025-06-02",
                                [("FITTING", 50, "1200.00")])
    response = ewaybill(shop, invoice.name)
    assert response.status_code == 422
    assert response.json()["field"] == "items"


def test_only_the_goods_count_towards_the_threshold(shop):
    """30 x Chair @ 1,000.00 = 30,000.00 + GST 5,400.00 = 35,400.00 of goods, below the
    threshold even though 20 x Fitting @ 1,200.00 takes the invoice past it."""
    with shop.tx() as ctx:
        invoice = sales_invoice(ctx, "Mumbai Traders", "2025-06-02",
                                [("CHAIR", 30, "1000.00"), ("FITTING", 20, "1200.00")])
    response = ewaybill(shop, invoice.name)
    assert response.status_code == 422
    assert "35,400.00" in response.json()["message"]
