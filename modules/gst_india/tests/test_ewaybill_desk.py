"""The e-way bill from the desk: a submitted invoice shows Generate e-Way Bill, and once
it is generated, Cancel e-Way Bill, which takes the reason and remark filled on the form
(the Bengaluru consignment of ewaybill_builders.py, 840 km by road)."""

import re

import pytest

from modules.gst_india.tests.einvoice_builders import (
    einvoicing_shop,
)
from modules.gst_india.tests.ewaybill_builders import BY_ROAD, bengaluru_consignment, nic_fields
from tests.fixtures import PASSWORD

SI = "Sales Invoice"
GENERATE, CANCEL = "gst_india.generate_ewaybill", "gst_india.cancel_ewaybill"


def csrf(html):
    return re.search(r'name="csrf_token" value="([^"]+)"', html).group(1)


@pytest.fixture
def shop(site):
    return einvoicing_shop(site)


@pytest.fixture
def desk(shop):
    with shop.client(follow_redirects=False) as web:
        page = web.get("/login")
        web.post("/login", data={"usr": "admin", "pwd": PASSWORD,
                                 "csrf_token": csrf(page.text), "next": "/app"})
        yield web


def buttons(desk, name):
    page = desk.get(f"/app/{SI}/{name}").text
    return [m for m in (GENERATE, CANCEL) if f'value="{m}"' in page], csrf(page)


def test_the_form_generates_and_cancels_the_e_way_bill(shop, desk):
    name = bengaluru_consignment(shop, **BY_ROAD)
    shown, token = buttons(desk, name)
    assert shown == [GENERATE]
    pressed = desk.post(f"/app/{SI}/{name}/button", data={"csrf_token": token,
                                                          "method": GENERATE})
    assert (pressed.status_code, pressed.headers["location"]) == (
        303, f"/app/Sales%20Invoice/{name}?requested=1")
    assert nic_fields(shop, SI, name)["ewaybill_status"] == "Generated"

    shown, token = buttons(desk, name)
    assert shown == [CANCEL]
    refused = desk.post(f"/app/{SI}/{name}/button", data={"csrf_token": token,
                                                          "method": CANCEL})
    assert refused.status_code == 422
    assert "Cancellation reason" in refused.text
    assert nic_fields(shop, SI, name)["ewaybill_status"] == "Generated"

    with shop.client(headers=shop.auth) as api:
        api.put(f"/api/resource/{SI}/{name}", json={"ewaybill_cancel_reason": "3",
                                                    "ewaybill_cancel_remark": "Wrong qty"})
    _, token = buttons(desk, name)
    desk.post(f"/app/{SI}/{name}/button", data={"csrf_token": token, "method": CANCEL})
    assert nic_fields(shop, SI, name)["ewaybill_status"] == "Cancelled"
    assert buttons(desk, name)[0] == []


def test_a_button_not_shown_now_cannot_be_pressed(shop, desk):
    name = bengaluru_consignment(shop, **BY_ROAD)
    _, token = buttons(desk, name)
    refused = desk.post(f"/app/{SI}/{name}/button", data={"csrf_token": token,
                                                          "method": CANCEL})
    assert refused.status_code == 404
    assert nic_fields(shop, SI, name)["ewaybill_status"] is None
