"""The POS screen page: who sees it, the session it sells in, and the parts it shows."""

import html
import json
import re

from core.db import query
from modules.pos.tests.builders import PROFILE, D
from modules.pos.tests.counter import SCREEN, add_user, counter, csrf, desk
from tests.fixtures import make_tenant

PREVIEW = "/api/method/pos.preview_invoice"


def config_of(page: str) -> dict:
    found = re.search(r'data-config="([^"]+)"', page)
    assert found, "the screen's settings are on the page"
    return json.loads(html.unescape(found[1]))


def test_a_cashier_with_an_open_session_gets_the_screen(site):
    handle = counter(site)
    with desk(handle) as web:
        page = web.get(SCREEN)
    assert page.status_code == 200, page.text
    config = config_of(page.text)
    assert {k: config[k] for k in ("profile", "warehouse", "cashier", "customer",
                                   "currency", "precision")} == {
        "profile": PROFILE, "warehouse": "Stores - PF", "cashier": "admin",
        "customer": "Walk-in Customer", "currency": "INR", "precision": 2}
    assert config["session"].startswith("POS-OPE-")
    assert config["payments"] == [{"mode": "Cash", "type": "Cash", "default": True},
                                  {"mode": "Card", "type": "Bank", "default": False},
                                  {"mode": "UPI", "type": "Phone", "default": False}]
    assert config["receipt_url"] == "/printview/POS%20Invoice/"
    # the pos module alone: no coupon field, no loyalty fields, so neither part shows
    assert (config["coupon"], config["loyalty"], config["loyalty_lookup"]) == (
        False, False, False)
    assert 'id="coupon"' not in page.text and 'id="points"' not in page.text
    assert 'id="scan"' in page.text and "/assets/pos/pos.js" in page.text
    assert "<kbd>F9</kbd>" in page.text  # the shortcut legend
    assert 'href="/app/page/pos.pos"' in page.text  # listed in the sidebar


def test_the_coupon_input_shows_once_pos_invoice_has_the_field(site):
    """A tenant whose POS Invoice has coupon_code (a discounts module, here a custom
    field) gets the coupon input; the screen reads the tenant's metadata."""
    handle = counter(site)
    with handle.client(headers=handle.auth) as api:
        assert api.post("/api/resource/Custom Field", json={
            "dt": "POS Invoice", "fieldname": "coupon_code", "fieldtype": "Data",
            "label": "Coupon Code"}).status_code == 200
    with desk(handle) as web:
        page = web.get(SCREEN).text
    assert config_of(page)["coupon"] is True and 'id="coupon"' in page
    assert config_of(page)["loyalty"] is False


def test_coupon_and_points_show_with_the_discounts_and_loyalty_modules(site):
    """With both modules the screen shows both inputs, asks loyalty for the balance, and
    what it sends reaches their checks: an unknown coupon and points of a customer
    without a program are refused by name."""
    handle = counter(site, modules=("pos", "discounts", "loyalty"))
    with desk(handle) as web:
        page = web.get(SCREEN).text
        token = re.search(r'data-csrf="([^"]+)"', page)[1]
        config = config_of(page)
        assert (config["coupon"], config["loyalty"], config["loyalty_lookup"]) == (
            True, True, True)
        assert 'id="coupon"' in page and 'id="points"' in page
        cart = {"pos_profile": PROFILE, "posting_date": "2026-05-04",
                "items": [{"item_code": "PEN", "qty": 1}]}
        coupon = web.post(PREVIEW, json={"invoice": cart | {"coupon_code": "NOPE"}},
                          headers={"X-Frappe-CSRF-Token": token})
        points = web.post(PREVIEW, json={"invoice": cart | {
            "customer": "Anita Desai", "redeem_loyalty_points": 1, "loyalty_points": 10}},
            headers={"X-Frappe-CSRF-Token": token})
    assert coupon.status_code == 422 and coupon.json()["field"] == "coupon_code"
    assert points.status_code == 422 and "Anita Desai" in points.json()["message"]


def test_without_a_session_the_cashier_is_told_and_can_open_one(site):
    """No open session: a clear message and a form; opening with 1,500.00 in the drawer
    submits a POS Opening Entry with that cash float, and the screen follows."""
    handle = counter(site, session=False)
    with desk(handle) as web:
        page = web.get(SCREEN)
        assert page.status_code == 200
        assert "No open session" in page.text and 'id="scan"' not in page.text
        assert f'<option value="{PROFILE}">' in page.text
        opened = web.post(SCREEN, data={"csrf_token": csrf(page.text),
                                        "pos_profile": PROFILE, "opening_amount": "1500"})
        assert opened.status_code == 303
        assert opened.headers["location"] == f"{SCREEN}?profile=Counter%201"
        assert config_of(web.get(opened.headers["location"]).text)["profile"] == PROFILE
    with handle.tx() as ctx:
        entry = query.select_rows(ctx, "POS Opening Entry", fields=[
            "name", "user", "status", "docstatus"])
        assert [(e["user"], e["status"], e["docstatus"]) for e in entry] == [
            ("admin", "Open", 1)]
        balances = query.select_rows(ctx, "POS Opening Balance", fields=[
            "mode_of_payment", "opening_amount"], filters={"parent": entry[0]["name"]})
        assert balances == [{"mode_of_payment": "Cash", "opening_amount": D("1500.00")}]


def test_a_bad_opening_amount_is_refused_and_opens_nothing(site):
    handle = counter(site, session=False)
    with desk(handle) as web:
        page = web.get(SCREEN)
        refused = web.post(SCREEN, data={"csrf_token": csrf(page.text),
                                         "pos_profile": PROFILE, "opening_amount": "-5"})
    assert refused.status_code == 422
    assert "cannot be negative" in refused.text
    with handle.tx() as ctx:
        assert query.count(ctx, "POS Opening Entry") == 0


def test_a_user_who_may_not_sell_is_refused_and_does_not_see_the_page(site):
    handle = counter(site)
    with handle.tx() as ctx:
        add_user(ctx, "auditor", "Accounts User")  # reads POS invoices, creates none
    with desk(handle, "auditor") as web:
        assert web.get(SCREEN).status_code == 403
        assert "/app/page/pos.pos" not in web.get("/app").text


def test_a_tenant_without_the_pos_module_has_no_screen(site):
    handle = make_tenant(site, modules=["accounting"])
    with desk(handle) as web:
        assert web.get(SCREEN).status_code == 404


def test_the_page_needs_a_login(site):
    handle = counter(site)
    with handle.client(follow_redirects=False) as web:
        answer = web.get(SCREEN)
    assert answer.status_code == 303
    assert answer.headers["location"] == "/login?next=/app/page/pos.pos"
