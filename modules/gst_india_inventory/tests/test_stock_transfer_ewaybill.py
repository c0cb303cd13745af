"""Goods moved between a GSTIN's own godowns travel under a delivery challan and, from the
threshold, an e-way bill of sub-supply type 5 For Own Use; between two GSTINs they are a
supply and need a tax invoice.

    Stores (Pune, 27AAPFU0939F1ZV) receives 100 x Chair @ 1,200.00
    50 x Chair to Nagpur Godown (same GSTIN) at valuation: 50 x 1,200.00 = 60,000.00,
    no tax, so 60,000.00 against the 50,000.00 threshold; 715 km by road:
    ceil(715 / 200) = 4 days of validity.
"""

import datetime as dt

import pytest

from core import lifecycle
from core.db import query
from modules.gst_india.einvoice.errors import EWayBillLive
from modules.gst_india.tests.builders import CO, PUNE_GSTIN
from modules.gst_india.tests.einvoice_builders import address, einvoicing_company
from modules.gst_india.tests.ewaybill_builders import call, jobs_of, nic_fields, sandbox_ewaybills
from tests.fixtures import make_tenant

SE = "Stock Entry"
BRANCH_GSTIN = "29AAPFU0939F1ZR"  # the company's registration in Karnataka
STORES, NAGPUR, BENGALURU = "Stores - PF", "Nagpur Godown - PF", "Bengaluru Depot - PF"
BY_ROAD = {"mode_of_transport": "Road", "distance": 715, "vehicle_no": "MH 12 AB 1234",
           "vehicle_type": "Regular"}


@pytest.fixture
def godowns(site):
    handle = make_tenant(site, modules=["gst_india", "inventory"])
    with handle.tx() as ctx:
        assert "gst_india_inventory" in ctx.tenant.modules  # installed with both
        einvoicing_company(ctx)
        office = query.get_value(ctx, "Company", CO, "company_address")
        query.update_row(ctx, "Warehouse", STORES, {"address": office})
        warehouse(ctx, "Nagpur Godown", address(ctx, "Nagpur Godown", "Plot 7, Hingna MIDC",
                                                "Nagpur", "Maharashtra", "440016"))
        warehouse(ctx, "Bengaluru Depot", address(
            ctx, "Bengaluru Depot", "12 Peenya Industrial Area", "Bengaluru", "Karnataka",
            "560058", BRANCH_GSTIN))
        lifecycle.insert(ctx, lifecycle.new_doc(ctx, "Item", {
            "item_code": "CHAIR", "item_name": "Chair", "item_group": "Products",
            "is_stock_item": 1, "gst_hsn_code": "94017100"}))
        move(ctx, "Material Receipt", None, STORES, "2025-05-02", basic_rate="1200.00",
             qty=100)
    return handle


def warehouse(ctx, name, at):
    lifecycle.insert(ctx, lifecycle.new_doc(ctx, "Warehouse", {
        "warehouse_name": name, "company": CO, "address": at}))


def move(ctx, kind, source, target, date, qty=50, **row):
    return lifecycle.insert(ctx, lifecycle.new_doc(ctx, SE, {
        "stock_entry_type": kind, "company": CO, "posting_date": date, "docstatus": 1,
        "items": [{"item_code": "CHAIR", "qty": qty, "s_warehouse": source,
                   "t_warehouse": target, **row}], **BY_ROAD})).name


def transfer(godowns, target=NAGPUR):
    with godowns.tx() as ctx:
        return move(ctx, "Material Transfer", STORES, target, "2025-06-02")


def ewaybill_json(godowns, name):
    with godowns.client(headers=godowns.auth) as api:
        return api.get("/api/method/gst.ewaybill_json", params={"doctype": SE, "name": name})


def test_a_transfer_between_godowns_of_one_gstin_travels_under_a_challan(godowns):
    name = transfer(godowns)
    response = ewaybill_json(godowns, name)
    assert response.status_code == 200, response.text
    assert response.json()["message"] == {"version": "1.0.0621", "billLists": [{
        "userGstin": PUNE_GSTIN, "supplyType": "O", "subSupplyType": 5,
        "subSupplyDesc": "", "docType": "CHL", "docNo": "DC-2526-00001",
        "docDate": "02/06/2025", "transType": 1,
        "fromGstin": PUNE_GSTIN, "fromTrdName": "Pune Furniture",
        "fromAddr1": "Plot 12, MIDC Bhosari", "fromAddr2": "", "fromPlace": "Pune",
        "fromPincode": 411026, "fromStateCode": 27, "actualFromStateCode": 27,
        "toGstin": PUNE_GSTIN, "toTrdName": "Pune Furniture",
        "toAddr1": "Plot 7, Hingna MIDC", "toAddr2": "", "toPlace": "Nagpur",
        "toPincode": 440016, "toStateCode": 27, "actualToStateCode": 27,
        "totalValue": 60000.0, "cgstValue": 0.0, "sgstValue": 0.0, "igstValue": 0.0,
        "cessValue": 0.0, "TotNonAdvolVal": 0.0, "OthValue": 0.0, "totInvValue": 60000.0,
        "transMode": 1, "transDistance": "715", "transporterName": "", "transporterId": "",
        "transDocNo": "", "transDocDate": "", "vehicleNo": "MH12AB1234", "vehicleType": "R",
        "mainHsnCode": 94017100,
        "itemList": [{"itemNo": 1, "productName": "Chair", "productDesc": "Chair",
                      "hsnCode": 94017100, "quantity": 50.0, "qtyUnit": "NOS",
                      "taxableAmount": 60000.0, "sgstRate": 0, "cgstRate": 0,
                      "igstRate": 0, "cessRate": 0, "cessNonAdvol": 0}]}]}


def test_a_transfer_to_another_gstin_needs_a_tax_invoice(godowns):
    name = transfer(godowns, BENGALURU)
    response = call(godowns, "generate_ewaybill", doctype=SE, name=name)
    assert response.status_code == 422
    body = response.json()
    assert (body["exc_type"], body["field"]) == ("EWayBillNeedsTaxInvoice", "to_warehouse")
    assert PUNE_GSTIN in body["message"] and BRANCH_GSTIN in body["message"]
    assert "Sales Invoice to the branch" in body["message"]
    assert nic_fields(godowns, SE, name)["ewaybill_status"] is None
    assert jobs_of(godowns, "generate_ewaybill") == []


def test_a_godown_without_address_is_named(godowns):
    with godowns.tx() as ctx:
        query.update_row(ctx, "Warehouse", NAGPUR, {"address": None})
    name = transfer(godowns)
    body = ewaybill_json(godowns, name).json()
    assert (body["exc_type"], body["field"]) == ("EWayBillIncomplete", "to_warehouse")
    assert NAGPUR in body["message"]


def test_a_receipt_moves_nothing_between_places(godowns):
    with godowns.tx() as ctx:
        name = move(ctx, "Material Receipt", None, STORES, "2025-06-02",
                    basic_rate="1200.00")
    body = ewaybill_json(godowns, name).json()
    assert (body["exc_type"], body["field"]) == ("EWayBillNotApplicable",
                                                 "stock_entry_type")


def test_the_transfer_gets_its_e_way_bill_and_is_cancelled_after_it(godowns):
    name = transfer(godowns)
    response = call(godowns, "generate_ewaybill", doctype=SE, name=name)
    assert response.status_code == 200, response.text
    stored = nic_fields(godowns, SE, name)
    assert (stored["ewaybill_status"], stored["ewaybill_no"]) == ("Generated",
                                                                  "331000000001")
    assert stored["ewaybill_valid_upto"] == dt.datetime.combine(
        stored["ewaybill_date"].date() + dt.timedelta(days=4), dt.time(23, 59))
    assert [(r["doc_type"], r["doc_no"]) for r in sandbox_ewaybills(godowns)] == [
        ("CHL", "DC-2526-00001")]
    with godowns.tx() as ctx, pytest.raises(EWayBillLive) as live:
        lifecycle.cancel(ctx, SE, name)
    assert live.value.field == "ewaybill_no"
    call(godowns, "cancel_ewaybill", doctype=SE, name=name, reason="1",
         remark="Entered twice")
    assert nic_fields(godowns, SE, name)["ewaybill_status"] == "Cancelled"
    with godowns.tx() as ctx:
        lifecycle.cancel(ctx, SE, name)
        bins = query.select_rows(ctx, "Bin", fields=["warehouse", "actual_qty"],
                                 filters={"item_code": "CHAIR"}, order_by="warehouse")
    assert [(b["warehouse"], b["actual_qty"]) for b in bins if b["actual_qty"]] == [
        (STORES, 100)]


def test_an_amended_transfer_gets_a_challan_and_e_way_bill_of_its_own(godowns):
    name = transfer(godowns)
    call(godowns, "generate_ewaybill", doctype=SE, name=name)
    call(godowns, "cancel_ewaybill", doctype=SE, name=name, reason="3", remark="Wrong qty")
    with godowns.tx() as ctx:
        lifecycle.cancel(ctx, SE, name)
        amended = lifecycle.amend(ctx, SE, name)
        assert (amended.challan_no, amended.ewaybill_no, amended.ewaybill_status) == (
            None, None, None)
        lifecycle.submit(ctx, amended)
        assert amended.challan_no == "DC-2526-00002"
