"""The desk, page by page, as a person uses it: log in, browse, fill a form, submit."""

import re

import pytest

from tests.doctypes import create_trip_doctypes
from tests.fixtures import PASSWORD


def csrf(html):
    return re.search(r'name="csrf_token" value="([^"]+)"', html).group(1)


@pytest.fixture
def desk(tenant, api):
    create_trip_doctypes(api)
    with tenant.client(follow_redirects=False) as web:
        page = web.get("/login")
        response = web.post("/login", data={"usr": "admin", "pwd": PASSWORD,
                                             "csrf_token": csrf(page.text), "next": "/app"})
        assert response.status_code == 303 and response.headers["location"] == "/app"
        yield web


def test_pages_need_a_login_and_a_wrong_password_says_so(tenant):
    with tenant.client(follow_redirects=False) as web:
        assert web.get("/app/Trip").headers["location"] == "/login?next=/app/Trip"
        page = web.get("/login")
        wrong = web.post("/login", data={"usr": "admin", "pwd": "nope",
                                         "csrf_token": csrf(page.text)})
        assert wrong.status_code == 401 and "Invalid login or password" in wrong.text
        forged = web.post("/login", data={"usr": "admin", "pwd": PASSWORD,
                                          "csrf_token": "forged"})
        assert forged.status_code == 403


def test_home_lists_modules_and_a_metadata_only_doctype(desk):
    home = desk.get("/app").text
    assert "Settings" in home and 'href="/app/Trip"' in home and "Fleet" in home


def test_a_form_post_creates_the_document_with_its_child_rows(desk, api):
    form = desk.get("/app/Trip/new").text
    for name in ("plate", "trip_date", "started_at", "km", "fare", "night", "kind",
                 "meta_json", "driver"):
        assert f'name="{name}"' in form
    saved = desk.post("/app/Trip/new", data={
        "csrf_token": csrf(form), "plate": "KA-09", "fare": "99.5", "night": "1",
        "kind": "Airport", "trip_date": "2026-11-20", "started_at": "2026-11-20T07:45:00",
        "stops-present": "1", "stops-0-place": "Gate 4", "stops-0-wait_minutes": "3",
        "stops-1-place": "Terminal"})
    assert saved.status_code == 303
    name = saved.headers["location"].split("/")[-1].split("?")[0]
    trip = api.get(f"/api/resource/Trip/{name}").json()["data"]
    assert (trip["plate"], trip["fare"], trip["night"], trip["kind"]) == (
        "KA-09", 99.5, 1, "Airport")
    assert trip["started_at"] == "2026-11-20 07:45:00"
    assert [(s["place"], s["wait_minutes"]) for s in trip["stops"]] == [
        ("Gate 4", 3), ("Terminal", None)]
    listing = desk.get("/app/Trip?q=KA-09").text
    assert name in listing and "1–1 of 1" in listing


def test_a_bad_value_shows_at_its_field_and_writes_nothing(desk, api):
    form = desk.get("/app/Trip/new").text
    refused = desk.post("/app/Trip/new", data={"csrf_token": csrf(form), "plate": "KA-1",
                                               "passengers": "many"})
    assert refused.status_code == 422
    assert "has-error" in refused.text and "whole number" in refused.text
    assert 'value="KA-1"' in refused.text  # what the user typed is kept
    assert api.get("/api/resource/Trip").json()["data"] == []


def test_a_form_post_without_the_csrf_token_is_refused(desk, api):
    refused = desk.post("/app/Trip/new", data={"plate": "KA-1"})
    assert refused.status_code == 403
    assert api.get("/api/resource/Trip").json()["data"] == []


def test_submit_cancel_and_amend_buttons_and_the_version_log(desk, api):
    name = api.post("/api/resource/Trip", json={"plate": "KA-7", "fare": 10}).json()[
        "data"]["name"]
    page = desk.get(f"/app/Trip/{name}").text
    edited = desk.post(f"/app/Trip/{name}", data={
        "csrf_token": csrf(page), "plate": "KA-7", "fare": "12", "stops-present": "1"})
    assert edited.status_code == 303
    page = desk.get(f"/app/Trip/{name}").text
    assert "fare</code>: 10.0 → <b>12.0" in page
    assert desk.post(f"/app/Trip/{name}/submit", data={"csrf_token": csrf(page)}
                     ).status_code == 303
    assert api.get(f"/api/resource/Trip/{name}").json()["data"]["docstatus"] == 1
    page = desk.get(f"/app/Trip/{name}").text
    assert "Submitted" in page and f"{name}/cancel" in page
    desk.post(f"/app/Trip/{name}/cancel", data={"csrf_token": csrf(page)})
    amended = desk.post(f"/app/Trip/{name}/amend", data={"csrf_token": csrf(page)})
    assert amended.headers["location"] == f"/app/Trip/{name}-1?amended=1"
    assert api.get(f"/api/resource/Trip/{name}-1").json()["data"]["amended_from"] == name


def test_a_report_page_runs_with_its_filters_and_offers_exports(site):
    from modules.accounting.tests.builders import journal, make_company, make_fiscal_year
    from tests.fixtures import make_tenant

    handle = make_tenant(site, modules=["accounting"])
    with handle.tx() as ctx:
        make_company(ctx)
        make_fiscal_year(ctx)
        journal(ctx, "Pune Furniture", "2026-04-02", [("Cash - PF", 500, 0),
                                                      ("Sales - PF", 0, 500)])
    with handle.client(follow_redirects=False) as web:
        page = web.get("/login")
        web.post("/login", data={"usr": "admin", "pwd": PASSWORD,
                                 "csrf_token": csrf(page.text)})
        empty = web.get("/app/report/accounting.trial_balance").text
        assert "Fill in the filters" in empty
        report = web.get("/app/report/accounting.trial_balance", params={
            "company": "Pune Furniture", "from_date": "2026-04-01",
            "to_date": "2026-04-30"}).text
        assert "Cash - PF" in report and "500.00" in report
        assert "/api/report/accounting.trial_balance/export?" in report


def test_a_tenant_admin_builds_a_doctype_and_a_custom_field_from_the_desk(desk, api):
    form = desk.get("/app/DocType/new").text
    assert 'name="__newname"' in form
    made = desk.post("/app/DocType/new", data={
        "csrf_token": csrf(form), "__newname": "Vehicle", "module": "Fleet",
        "autoname": "field:registration", "fields-present": "1",
        "fields-0-fieldname": "registration", "fields-0-fieldtype": "Data",
        "fields-0-label": "Registration", "fields-0-reqd": "1",
        "fields-0-in_list_view": "1",
        "fields-1-fieldname": "seats", "fields-1-fieldtype": "Int", "fields-1-label": "Seats",
        "permissions-present": "1"})
    assert made.status_code == 303, made.text[-500:]
    new_vehicle = desk.get("/app/Vehicle/new").text
    assert 'name="registration"' in new_vehicle and 'name="seats"' in new_vehicle
    api.post("/api/resource/Custom Field", json={
        "dt": "Vehicle", "fieldname": "fuel", "fieldtype": "Select",
        "options": "Diesel\nPetrol\nCNG", "label": "Fuel", "insert_after": "registration"})
    form = desk.get("/app/Vehicle/new").text
    assert '<option >CNG</option>' in form.replace("<option>", "<option >")
    saved = desk.post("/app/Vehicle/new", data={"csrf_token": csrf(form),
                                                "registration": "MH-12-AB-1234",
                                                "seats": "7", "fuel": "CNG"})
    assert saved.headers["location"].startswith("/app/Vehicle/MH-12-AB-1234")
    assert api.get("/api/resource/Vehicle/MH-12-AB-1234").json()["data"]["fuel"] == "CNG"
