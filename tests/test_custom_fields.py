"""Custom fields added at run time: stored, validated, listed, filtered, documented."""

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


def test_two_tenants_add_the_same_fieldname_with_different_types(tenant, other_tenant):
    with tenant.client(headers=tenant.auth) as a, \
            other_tenant.client(headers=other_tenant.auth) as b:
        add_field(a, dt="User", fieldname="badge", fieldtype="Int", label="Badge")
        add_field(b, dt="User", fieldname="badge", fieldtype="Data", label="Badge")
        assert a.put("/api/resource/User/admin", json={"badge": 7}).status_code == 200
        assert b.put("/api/resource/User/admin", json={"badge": "GOLD"}).status_code == 200
        assert a.get("/api/resource/User/admin").json()["data"]["badge"] == 7
        assert b.get("/api/resource/User/admin").json()["data"]["badge"] == "GOLD"


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
