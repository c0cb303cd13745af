"""Goods delivered before their invoice travel under a delivery challan and, from the
threshold, an e-way bill: document type CHL, sub-supply type 8 Others (the NIC takes no
challan as 1 Supply), the note's GST figures as on an invoice.

    Pune (27) to Bengaluru Interiors (29): 40 x Desk @ 1,275.50 = 51,020.00
        + IGST 18% 9,183.60 = 60,203.60 (above the 50,000.00 threshold)
    840 km by road: ceil(840 / 200) = 5 days of validity, to 23:59 of the fifth day.
"""

import datetime as dt
from decimal import Decimal

import pytest

from core import lifecycle
from core.db import query
from modules.gst_india.einvoice.errors import EWayBillLive
from modules.gst_india.tests.builders import BENGALURU_GSTIN, CO, PUNE_GSTIN, item
from modules.gst_india.tests.einvoice_builders import customers, einvoicing_company
from modules.gst_india.tests.ewaybill_builders import BY_ROAD, call, nic_fields
from tests.fixtures import make_tenant

DN, STORES = "Delivery Note", "Stores - PF"


@pytest.fixture
def shop(site):
    handle = make_tenant(site, modules=["gst_india", "sales"])
    with handle.tx() as ctx:
        einvoicing_company(ctx)
        customers(ctx)
        item(ctx, "DESK", "94033010", [("2025-04-01", "18")])
        query.update_row(ctx, "Item", "DESK", {"is_stock_item": 1})
        lifecycle.insert(ctx, lifecycle.new_doc(ctx, "Stock Entry", {
            "stock_entry_type": "Material Receipt", "company": CO,
            "posting_date": "2025-05-02", "docstatus": 1,
            "items": [{"item_code": "DESK", "qty": 100, "basic_rate": "900",
                       "t_warehouse": STORES}]}))
    return handle


def delivery(shop):
    with shop.tx() as ctx:
        return lifecycle.insert(ctx, lifecycle.new_doc(ctx, DN, {
            "customer": "Bengaluru Interiors", "company": CO, "posting_date": "2025-06-02",
            "set_warehouse": STORES, "docstatus": 1, **BY_ROAD,
            "items": [{"item_code": "DESK", "qty": 40, "rate": "1275.50"}]}))


def test_a_delivery_note_travels_under_a_challan_and_its_e_way_bill(shop):
    note = delivery(shop)
    assert (note.challan_no, note.place_of_supply, note.total_igst) == (
        "DC-2526-00001", "29-Karnataka", Decimal("9183.60"))
    with shop.client(headers=shop.auth) as api:
        response = api.get("/api/method/gst.ewaybill_json",
                           params={"doctype": DN, "name": note.name})
    assert response.status_code == 200, response.text
    bill = response.json()["message"]["billLists"][0]
    assert {k: bill[k] for k in ("userGstin", "supplyType", "subSupplyType",
                                 "subSupplyDesc", "docType", "docNo", "docDate",
                                 "fromGstin", "toGstin", "toStateCode", "totalValue",
                                 "igstValue", "cgstValue", "totInvValue", "transDistance",
                                 "vehicleNo")} == {
        "userGstin": PUNE_GSTIN, "supplyType": "O", "subSupplyType": 8,
        "subSupplyDesc": "Delivery before invoice", "docType": "CHL",
        "docNo": "DC-2526-00001", "docDate": "02/06/2025", "fromGstin": PUNE_GSTIN,
        "toGstin": BENGALURU_GSTIN, "toStateCode": 29, "totalValue": 51020.0,
        "igstValue": 9183.6, "cgstValue": 0.0, "totInvValue": 60203.6,
        "transDistance": "840", "vehicleNo": "MH12AB1234"}
    assert bill["itemList"] == [{
        "itemNo": 1, "productName": "Desk", "productDesc": "Desk", "hsnCode": 94033010,
        "quantity": 40.0, "qtyUnit": "NOS", "taxableAmount": 51020.0, "sgstRate": 0,
        "cgstRate": 0, "igstRate": 18, "cessRate": 0, "cessNonAdvol": 0}]


def test_the_note_gets_its_e_way_bill_and_is_not_cancelled_while_it_lives(shop):
    note = delivery(shop)
    response = call(shop, "generate_ewaybill", doctype=DN, name=note.name)
    assert response.status_code == 200, response.text
    stored = nic_fields(shop, DN, note.name)
    assert (stored["ewaybill_status"], stored["ewaybill_no"]) == ("Generated",
                                                                  "331000000001")
    assert stored["ewaybill_valid_upto"] == dt.datetime.combine(
        stored["ewaybill_date"].date() + dt.timedelta(days=5), dt.time(23, 59))
    with shop.tx() as ctx, pytest.raises(EWayBillLive) as live:
        lifecycle.cancel(ctx, DN, note.name)
    assert live.value.field == "ewaybill_no"
    call(shop, "cancel_ewaybill", doctype=DN, name=note.name, reason="2",
         remark="Order cancelled")
    assert nic_fields(shop, DN, note.name)["ewaybill_status"] == "Cancelled"
    with shop.tx() as ctx:
        assert lifecycle.cancel(ctx, DN, note.name).docstatus == 2
