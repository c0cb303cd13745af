"""Custom fields added at run time: stored, validated, listed, filtered, documented."""

import pytest

from tests.doctypes import create_trip_doctypes


def add_field(api, **field):
    response = api.post("/api/resource/Custom Field", json=field)
    assert response.status_code == 200, response.text
    return response.json()["data"]


def test_a_custom_field_on_a_standard_doctype_works_without_a_restart(api):
    made = add_field(api, dt="User", fieldname="employee_code", fieldtype="Int",
                     label="Employee Code", insert_after="full_name")
    assert made["name"] == "User-employee_code"
    assert api.put("/api/resource/User/admin", json={"employee_code": "42"}
                   ).status_code == 200
    assert api.get("/api/resource/User/admin").json()["data"]["employee_code"] == 42
    bad = api.put("/api/resource/User/admin", json={"employee_code": "forty"})
    assert bad.status_code == 422 and bad.json()["field"] == "employee_code"
    listed = api.get("/api/resource/User", params={
        "fields": '["name", "employee_code"]',
        "filters": '[["employee_code", ">", 40]]'}).json()["data"]
    assert listed == [{"name": "admin", "employee_code": 42}]
    schema = api.get("/api/openapi.json").json()["components"]["schemas"]["User"]
    names = list(schema["properties"])
    assert names.index("employee_code") == names.index("full_name") + 1
    assert schema["properties"]["employee_code"] == {"type": "integer",
                                                     "title": "Employee Code"}
    stored = api.get("/api/resource/Custom Field/User-employee_code").json()["data"]
    assert (stored["dt"], stored["fieldtype"], stored["insert_after"]) == (
        "User", "Int", "full_name")
    assert api.get("/api/resource/User/admin").json()["data"]["employee_code"] == 42


def test_a_custom_select_field_checks_its_options(api):
    add_field(api, dt="Role", fieldname="tier", fieldtype="Select", label="Tier",
              options="Gold\nSilver")
    made = api.post("/api/resource/Role", json={"role_name": "Buyer", "tier": "Gold"})
    assert made.status_code == 200 and made.json()["data"]["tier"] == "Gold"
    bad = api.post("/api/resource/Role", json={"role_name": "Seller", "tier": "Bronze"})
    assert bad.status_code == 422 and bad.json()["field"] == "tier"
    assert api.get("/api/resource/Role/Seller").status_code == 404
    schema = api.get("/api/openapi.json").json()["components"]["schemas"]["Role"]
    assert schema["properties"]["tier"]["enum"] == ["Gold", "Silver"]
    gold = api.get("/api/resource/Role", params={"filters": '{"tier": "Gold"}'}).json()
    assert gold["data"] == [{"name": "Buyer"}]


def test_a_custom_link_field_must_name_an_existing_record(api):
    add_field(api, dt="User", fieldname="main_role", fieldtype="Link", options="Role",
              label="Main Role")
    bad = api.put("/api/resource/User/admin", json={"main_role": "Pilot"})
    assert bad.status_code == 422 and bad.json()["field"] == "main_role"
    assert api.put("/api/resource/User/admin", json={"main_role": "System Manager"}
                   ).status_code == 200
    refused = api.delete("/api/resource/Role/System Manager")
    assert refused.status_code == 409  # the user links to it through the custom field


def test_a_deleted_custom_field_leaves_the_api(api):
    add_field(api, dt="User", fieldname="nickname", fieldtype="Data", label="Nickname")
    api.put("/api/resource/User/admin", json={"nickname": "boss"})
    assert api.delete("/api/resource/Custom Field/User-nickname").status_code == 200
    assert "nickname" not in api.get("/api/resource/User/admin").json()["data"]
    listed = api.get("/api/resource/User", params={"filters": '{"nickname": "boss"}'})
    assert listed.status_code == 400 and listed.json()["field"] == "nickname"


@pytest.mark.parametrize(("field", "problem"), [
    ({"dt": "User", "fieldname": "Bad Name", "fieldtype": "Data"}, "fields"),
    ({"dt": "User", "fieldname": "rows", "fieldtype": "Table", "options": "Has Role"},
     "fieldtype"),
    ({"dt": "User", "fieldname": "boss", "fieldtype": "Link", "options": "Nope"}, "options"),
    ({"dt": "User", "fieldname": "owner", "fieldtype": "Data"}, "fields"),
])
def test_a_bad_custom_field_is_refused_and_not_stored(api, field, problem):
    response = api.post("/api/resource/Custom Field", json=field)
    assert response.status_code == 422, response.text
    assert response.json()["field"] == problem
    assert api.get("/api/resource/Custom Field").json()["data"] == []
    user = api.get("/api/openapi.json").json()["components"]["schemas"]["User"]
    assert field["fieldname"] not in user["properties"]


def test_two_tenants_add_the_same_fieldname_with_different_types(tenant, other_tenant):
    with tenant.client(headers=tenant.auth) as a, \
            other_tenant.client(headers=other_tenant.auth) as b:
        add_field(a, dt="User", fieldname="badge", fieldtype="Int", label="Badge")
        add_field(b, dt="User", fieldname="badge", fieldtype="Data", label="Badge")
        assert a.put("/api/resource/User/admin", json={"badge": 7}).status_code == 200
        assert b.put("/api/resource/User/admin", json={"badge": "GOLD"}).status_code == 200
        add_field(a, dt="User", fieldname="shift", fieldtype="Data", label="Shift")
        assert a.get("/api/resource/User/admin").json()["data"]["badge"] == 7
        assert b.get("/api/resource/User/admin").json()["data"]["badge"] == "GOLD"
        assert a.put("/api/resource/User/admin", json={"badge": "GOLD"}).status_code == 422
        assert a.get("/api/resource/User", params={"filters": '{"badge": 7}'}
                     ).json()["data"] == [{"name": "admin"}]
        assert b.get("/api/resource/User", params={"filters": '{"badge": "GOLD"}'}
                     ).json()["data"] == [{"name": "admin"}]
        a_user = a.get("/api/openapi.json").json()["components"]["schemas"]["User"]
        b_user = b.get("/api/openapi.json").json()["components"]["schemas"]["User"]
        assert a_user["properties"]["badge"]["type"] == "integer"
        assert b_user["properties"]["badge"]["type"] == "string"
        assert "shift" in a_user["properties"] and "shift" not in b_user["properties"]
        assert b.get("/api/resource/User", params={"filters": '{"shift": "night"}'}
                     ).status_code == 400
        assert b.get("/api/resource/Custom Field", params={"fields": '["name"]'}
                     ).json()["data"] == [{"name": "User-badge"}]


def test_a_custom_field_on_a_custom_doctype_and_a_clash_is_refused(api):
    create_trip_doctypes(api)
    add_field(api, dt="Trip", fieldname="toll", fieldtype="Currency", label="Toll")
    trip = api.post("/api/resource/Trip", json={"plate": "KA", "toll": "45.5"}).json()
    assert trip["data"]["toll"] == 45.5
    clash = api.post("/api/resource/Custom Field", json={
        "dt": "Trip", "fieldname": "plate", "fieldtype": "Data"})
    assert clash.status_code == 422 and clash.json()["field"] == "fieldname"
    unknown = api.post("/api/resource/Custom Field", json={
        "dt": "Nope", "fieldname": "x", "fieldtype": "Data"})
    assert unknown.status_code == 422 and unknown.json()["field"] == "dt"
