"""Generating, cancelling and completing e-way bills at the NIC (the fake NIC, which
answers like the sandbox) through ``gst.generate_ewaybill``, ``gst.cancel_ewaybill`` and
``gst.update_ewaybill_vehicle``: each queues a job that runs after the commit.

The Bengaluru consignment: 40 x Chair @ 1,275.50 = 51,020.00 + IGST 18% 9,183.60 =
60,203.60 (above 50,000.00), 840 km by road: ceil(840 / 200) = 5 days of validity,
the last one ending at midnight, so generated on day D it is valid until D+5 23:59.
"""

import datetime as dt

import pytest

from core import lifecycle
from core.db import query
from modules.gst_india.einvoice.errors import EWayBillLive
from modules.gst_india.ewaybill import jobs
from modules.gst_india.ewaybill.lifecycle import (
    refuse_cancel_while_live,
    request_cancellation,
)
from modules.gst_india.ewaybill.validity import valid_upto, validity_days
from modules.gst_india.tests.einvoice_builders import (
    einvoicing_shop,
)
from modules.gst_india.tests.ewaybill_builders import (
    BY_ROAD,
    bengaluru_consignment,
    call,
    jobs_of,
    nic_fields,
    sandbox_ewaybills,
)

SI = "Sales Invoice"
FIRST_EWB = "331000000001"  # the fake NIC's first 12-digit number in a tenant


@pytest.fixture
def shop(site):
    return einvoicing_shop(site)


def generated(shop, **transport):
    name = bengaluru_consignment(shop, **(transport or BY_ROAD))
    response = call(shop, "generate_ewaybill", doctype=SI, name=name)
    assert response.status_code == 200, response.text
    return name


def end_of_day(day: dt.date, days: int) -> dt.datetime:
    return dt.datetime.combine(day + dt.timedelta(days=days), dt.time(23, 59))


def test_validity_is_a_day_per_200_km_or_20_km_of_over_dimensional_cargo():
    assert [validity_days(km, False) for km in (1, 200, 201, 840, 4000)] == [1, 1, 2, 5, 20]
    assert [validity_days(km, True) for km in (20, 21, 45)] == [1, 2, 3]
    # 11:30 on 2 June, one day: until midnight of 3 June; 840 km: until 7 June
    assert valid_upto(dt.datetime(2025, 6, 2, 11, 30), 150, False) == \
        dt.datetime(2025, 6, 3, 23, 59)
    assert valid_upto(dt.datetime(2025, 6, 2, 11, 30), 840, False) == \
        dt.datetime(2025, 6, 7, 23, 59)


def test_generating_stores_the_number_and_a_validity_of_five_days_for_840_km(shop):
    name = bengaluru_consignment(shop, **BY_ROAD)
    response = call(shop, "generate_ewaybill", doctype=SI, name=name)
    assert response.status_code == 200, response.text
    assert response.json()["message"] == {"ewaybill_status": "Pending", "ewaybill_no": None,
                                          "ewaybill_valid_upto": None}
    stored = nic_fields(shop, SI, name)
    assert (stored["ewaybill_status"], stored["ewaybill_no"], stored["ewaybill_error"]) == (
        "Generated", FIRST_EWB, None)
    assert stored["ewaybill_valid_upto"] == end_of_day(stored["ewaybill_date"].date(), 5)
    assert jobs_of(shop, "generate_ewaybill") == ["finished"]
    assert sandbox_ewaybills(shop) == [{
        "ewaybill_no": FIRST_EWB, "doc_type": "INV", "doc_no": "SI-2526-00001",
        "valid_upto": stored["ewaybill_valid_upto"], "vehicle_no": "MH12AB1234",
        "cancel_date": None}]


def test_asking_twice_answers_the_e_way_bill_it_has(shop):
    name = generated(shop)
    again = call(shop, "generate_ewaybill", doctype=SI, name=name).json()["message"]
    assert (again["ewaybill_status"], again["ewaybill_no"]) == ("Generated", FIRST_EWB)
    assert jobs_of(shop, "generate_ewaybill") == ["finished"]  # nothing queued again
    with shop.tx() as ctx:
        jobs.generate_ewaybill(ctx, SI, name)  # a retry of the job asks nothing either
    assert len(sandbox_ewaybills(shop)) == 1


def test_a_number_lost_on_the_way_back_is_taken_from_the_duplicate_answer(shop):
    """The NIC issued the e-way bill but the answer never arrived: asked again it refuses
    with 604, and the fake NIC's refusal carries the number (the GSP client looks it up
    with GetEwayBillGeneratedByConsigner)."""
    name = generated(shop)
    first = nic_fields(shop, SI, name)
    with shop.tx() as ctx:
        query.update_row(ctx, SI, name, {"ewaybill_status": "Pending", "ewaybill_no": None,
                                         "ewaybill_date": None, "ewaybill_valid_upto": None})
        jobs.generate_ewaybill(ctx, SI, name)
    assert nic_fields(shop, SI, name) == first
    assert len(sandbox_ewaybills(shop)) == 1


def test_the_nic_refusal_is_recorded_on_the_document(shop):
    """Without a distance the NIC answers 221."""
    name = generated(shop, mode_of_transport="Road", vehicle_no="MH12AB1234")
    stored = nic_fields(shop, SI, name)
    assert (stored["ewaybill_status"], stored["ewaybill_no"], stored["ewaybill_error"]) == (
        "Failed", None, "221: Invalid Approximate Distance")


def test_below_the_threshold_nothing_is_queued(shop):
    """2 x Chair @ 500.00 + 1 x Stool @ 250.00 = 1,250.00 + GST 225.00 = 1,475.00."""
    with shop.tx() as ctx:
        from modules.gst_india.tests.builders import sales_invoice
        name = sales_invoice(ctx, "Mumbai Traders", "2025-06-02",
                             [("CHAIR", 2, "500.00"), ("STOOL", 1, "250.00")]).name
    response = call(shop, "generate_ewaybill", doctype=SI, name=name)
    assert response.status_code == 422
    assert (response.json()["exc_type"], response.json()["field"]) == (
        "EWayBillNotApplicable", "grand_total")
    assert nic_fields(shop, SI, name)["ewaybill_status"] is None
    assert jobs_of(shop, "generate_ewaybill") == []


def test_cancelling_within_24_hours_then_the_invoice(shop):
    name = generated(shop)
    refused = call(shop, "cancel_ewaybill", doctype=SI, name=name, reason="9",
                   remark="wrong")
    assert (refused.status_code, refused.json()["field"]) == (422, "reason")
    with shop.tx() as ctx, pytest.raises(EWayBillLive) as live:
        lifecycle.cancel(ctx, SI, name)
    assert live.value.field == "ewaybill_no"
    assert "cancel the e-way bill first" in live.value.message
    response = call(shop, "cancel_ewaybill", doctype=SI, name=name, reason="2",
                    remark="Order cancelled by the buyer")
    assert response.status_code == 200, response.text
    stored = nic_fields(shop, SI, name)
    assert (stored["ewaybill_status"], stored["ewaybill_error"]) == ("Cancelled", None)
    assert sandbox_ewaybills(shop)[0]["cancel_date"] == stored["ewaybill_cancel_date"]
    with shop.tx() as ctx:  # now the invoice may go (its IRN is cancelled with it)
        lifecycle.cancel(ctx, SI, name)
    assert nic_fields(shop, SI, name)["docstatus"] == 2


def test_after_24_hours_the_nic_keeps_the_e_way_bill(shop):
    name = generated(shop)
    generated_on = nic_fields(shop, SI, name)["ewaybill_date"]
    with shop.tx() as ctx:
        ctx.now = generated_on + dt.timedelta(hours=24, minutes=1)
        doc = lifecycle.get_doc(ctx, SI, name)
        with pytest.raises(Exception) as closed:
            request_cancellation(ctx, doc, "3", "Data entry mistake")
        assert (type(closed.value).__name__, closed.value.field) == (
            "EWayBillCancelWindowClosed", "ewaybill_no")
        with pytest.raises(EWayBillLive) as live:  # (its IRN refuses the cancel too)
            refuse_cancel_while_live(ctx, doc)
        assert "no longer cancels" in live.value.message
    with shop.tx() as ctx:  # the fake NIC refuses a late cancellation too (315)
        ctx.now = generated_on + dt.timedelta(hours=25)
        jobs.cancel_ewaybill(ctx, SI, name, "3", "Data entry mistake")
    stored = nic_fields(shop, SI, name)
    assert (stored["ewaybill_status"], stored["docstatus"]) == ("Generated", 1)
    assert stored["ewaybill_error"].startswith("Cancellation refused: 315:")


def test_part_b_given_later_starts_the_validity(shop):
    """Part-A only (no vehicle): no validity. The first vehicle starts it: 5 days from
    the update for 840 km."""
    name = generated(shop, mode_of_transport="Road", distance=840)
    stored = nic_fields(shop, SI, name)
    assert (stored["ewaybill_status"], stored["ewaybill_valid_upto"]) == ("Generated", None)
    refused = call(shop, "update_ewaybill_vehicle", doctype=SI, name=name,
                   vehicle_no="12 AB", reason="4", remark="Loaded")
    assert (refused.status_code, refused.json()["field"]) == (422, "vehicle_no")
    response = call(shop, "update_ewaybill_vehicle", doctype=SI, name=name,
                    vehicle_no="KA 01 XY 9876", reason="4", remark="Loaded at Bhosari")
    assert response.status_code == 200, response.text
    updated = nic_fields(shop, SI, name)
    assert updated["vehicle_no"] == "KA01XY9876"
    assert updated["ewaybill_error"] is None
    assert updated["ewaybill_valid_upto"] is not None
    assert updated["ewaybill_valid_upto"].time() == dt.time(23, 59)
    start = updated["ewaybill_valid_upto"].date() - dt.timedelta(days=5)
    assert stored["ewaybill_date"].date() <= start <= dt.date.today()
    assert sandbox_ewaybills(shop)[0]["vehicle_no"] == "KA01XY9876"
    # a change of vehicle on the way keeps the validity
    call(shop, "update_ewaybill_vehicle", doctype=SI, name=name, vehicle_no="KA01XY1111",
         reason="1", remark="Break down at Hubballi", from_place="Hubballi")
    again = nic_fields(shop, SI, name)
    assert (again["vehicle_no"], again["ewaybill_valid_upto"]) == (
        "KA01XY1111", updated["ewaybill_valid_upto"])


def test_only_a_user_who_may_change_the_invoice_asks(shop):
    name = bengaluru_consignment(shop, **BY_ROAD)
    response = call(shop, "generate_ewaybill", doctype="Customer", name="Mumbai Traders")
    assert (response.status_code, response.json()["field"]) == (422, "doctype")
    with shop.client() as anonymous:
        refused = anonymous.post("/api/method/gst.generate_ewaybill",
                                 json={"doctype": SI, "name": name})
    assert refused.status_code in (401, 403)
    assert nic_fields(shop, SI, name)["ewaybill_status"] is None


def test_the_fake_nic_pairs_document_and_sub_supply_types_as_the_nic_does():
    """Outward Supply takes a tax invoice or bill of supply, not a delivery challan
    (205); 8 Others takes a challan with a description (377 without)."""
    from modules.gst_india.ewaybill.sandbox_checks import first_error

    base = {"supplyType": "O", "userGstin": "27AAPFU0939F1ZV",
            "fromGstin": "27AAPFU0939F1ZV", "docNo": "DC-2526-00001"}
    assert first_error(base | {"subSupplyType": 1, "docType": "CHL"})[0] == "205"
    assert first_error(base | {"subSupplyType": 8, "docType": "CHL"})[0] == "377"
    assert first_error(base | {"subSupplyType": 5, "docType": "INV"})[0] == "205"
    assert first_error(base | {"subSupplyType": 8, "docType": "CHL",
                               "subSupplyDesc": "Delivery before invoice"})[0] == "207"
