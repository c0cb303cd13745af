"""Tenants never see or touch each other's rows: through the API, the query layer, Link
validation, and on PostgreSQL through row-level security itself."""

import pytest
from sqlalchemy import text

from tests.doctypes import TRIP, create_trip_doctypes


def make_trip(api, plate):
    response = api.post("/api/resource/Trip", json={"plate": plate})
    assert response.status_code == 200, response.text
    return response.json()["data"]["name"]


def test_a_key_of_one_tenant_is_refused_on_another_tenants_host(tenant, other_tenant):
    with other_tenant.client(headers=tenant.auth) as wrong_host:
        response = wrong_host.get("/api/resource/User")
        assert response.status_code == 401
        assert response.json()["exc_type"] == "AuthenticationError"


def test_one_tenant_cannot_read_list_count_change_or_delete_anothers_rows(tenant,
                                                                          other_tenant):
    with tenant.client(headers=tenant.auth) as a, \
            other_tenant.client(headers=other_tenant.auth) as b:
        create_trip_doctypes(a)
        create_trip_doctypes(b)
        secret = make_trip(b, "B-SECRET")
        mine = make_trip(a, "A-1")
        assert secret == mine == "TRIP-00001"  # names are per tenant
        assert a.get(f"/api/resource/Trip/{secret}").json()["data"]["plate"] == "A-1"
        listed = a.get("/api/resource/Trip", params={
            "fields": '["plate"]', "filters": '[["plate", "=", "B-SECRET"]]'}).json()
        assert listed["data"] == []
        count = a.get("/api/method/core.get_count", params={
            "doctype": "Trip", "filters": '[["plate", "like", "B-%"]]'}).json()
        assert count["message"] == 0
        a.put(f"/api/resource/Trip/{secret}", json={"plate": "A-CHANGED"})
        a.delete(f"/api/resource/Trip/{secret}")
        b_trip = b.get(f"/api/resource/Trip/{secret}").json()["data"]
        assert b_trip["plate"] == "B-SECRET"
        found = a.get("/api/method/core.search_link",
                      params={"doctype": "User", "txt": ""}).json()["message"]
        assert [f["value"] for f in found] == ["admin"]


def test_a_link_to_another_tenants_record_is_refused(tenant, other_tenant):
    with tenant.client(headers=tenant.auth) as a, \
            other_tenant.client(headers=other_tenant.auth) as b:
        create_trip_doctypes(a)
        b.post("/api/resource/User", json={"login": "b-driver", "full_name": "B Driver"})
        response = a.post("/api/resource/Trip", json={"plate": "X", "driver": "b-driver"})
        assert response.status_code == 422
        assert response.json()["field"] == "driver"
        assert a.get("/api/resource/Trip").json()["data"] == []


def test_two_tenants_define_the_same_doctype_with_different_fields(tenant, other_tenant):
    fleet = dict(TRIP, fields=[{"fieldname": "plate", "fieldtype": "Data", "reqd": 1}],
                 permissions=[])
    tours = {"name": "Trip", "module": "Tours", "custom": 1, "autoname": "hash",
             "fields": [{"fieldname": "destination", "fieldtype": "Data", "reqd": 1},
                        {"fieldname": "nights", "fieldtype": "Int"}]}
    with tenant.client(headers=tenant.auth) as a, \
            other_tenant.client(headers=other_tenant.auth) as b:
        assert a.post("/api/resource/DocType", json=fleet).status_code == 200
        assert b.post("/api/resource/DocType", json=tours).status_code == 200
        assert a.post("/api/resource/Trip", json={"plate": "KA-1"}).status_code == 200
        assert b.post("/api/resource/Trip", json={"destination": "Goa",
                                                  "nights": 3}).status_code == 200
        a_fields = a.get("/api/openapi.json").json()["components"]["schemas"]["Trip"]
        b_fields = b.get("/api/openapi.json").json()["components"]["schemas"]["Trip"]
        assert "plate" in a_fields["properties"] and "nights" not in a_fields["properties"]
        assert "nights" in b_fields["properties"] and "plate" not in b_fields["properties"]
        assert a.get("/api/resource/Trip", params={"fields": '["plate"]'}).json()[
            "data"] == [{"plate": "KA-1"}]
        bad = a.get("/api/resource/Trip", params={"filters": '[["nights", ">", 1]]'})
        assert bad.status_code == 400


def test_a_tenant_without_a_custom_doctype_gets_404(tenant, other_tenant):
    with tenant.client(headers=tenant.auth) as a, \
            other_tenant.client(headers=other_tenant.auth) as b:
        create_trip_doctypes(a)
        assert b.get("/api/resource/Trip").status_code == 404


def test_row_level_security_hides_every_row_without_a_tenant(site, tenant, other_tenant):
    if not site.db.is_postgres:
        pytest.skip("row-level security is PostgreSQL's")
    with site.db.app.connect() as conn:
        assert conn.execute(text('SELECT count(*) FROM "user"')).scalar() == 0
        assert conn.execute(text("SELECT count(*) FROM version")).scalar() == 0
        conn.rollback()
        with conn.begin():
            tenant_id = conn.execute(text("SELECT id FROM tenant WHERE name = :n"),
                                     {"n": tenant.name}).scalar()
            other_id = conn.execute(text("SELECT id FROM tenant WHERE name = :n"),
                                    {"n": other_tenant.name}).scalar()
            conn.execute(text("SELECT set_config('app.tenant_id', :t, true)"),
                         {"t": str(tenant_id)})
            seen = conn.execute(text('SELECT DISTINCT tenant_id FROM "user"')).scalars().all()
            assert seen == [tenant_id]
        with pytest.raises(Exception, match="row-level security"), conn.begin():
            conn.execute(text("SELECT set_config('app.tenant_id', :t, true)"),
                         {"t": str(tenant_id)})
            conn.execute(text(
                "INSERT INTO role (tenant_id, name, docstatus, idx, role_name) "
                "VALUES (:t, 'Intruder', 0, 0, 'Intruder')"), {"t": other_id})
        assert conn.execute(text("SELECT current_user")).scalar() == site.db.app_role


def test_a_session_of_one_tenant_is_no_session_on_another(tenant, other_tenant):
    from tests.fixtures import PASSWORD

    with tenant.client() as a:
        assert a.post("/api/method/login", json={"usr": "admin", "pwd": PASSWORD}
                      ).status_code == 200
        sid = a.cookies.get("sid")
    with other_tenant.client(cookies={"sid": sid}) as b:
        assert b.get("/api/resource/User").status_code == 401


def test_reports_of_one_tenant_cannot_name_anothers_company(site):
    from modules.accounting.tests.builders import journal, make_company, make_fiscal_year
    from tests.fixtures import make_tenant

    owner = make_tenant(site, modules=["accounting"])
    with owner.tx() as ctx:
        make_company(ctx)
        make_fiscal_year(ctx)
        journal(ctx, "Pune Furniture", "2026-04-02", [("Cash - PF", 10, 0),
                                                      ("Sales - PF", 0, 10)])
    stranger = make_tenant(site, modules=["accounting"])
    with stranger.client(headers=stranger.auth) as api:
        report = api.get("/api/method/accounting.trial_balance", params={
            "company": "Pune Furniture", "from_date": "2026-04-01", "to_date": "2026-04-30"})
        assert report.status_code == 422 and report.json()["field"] == "company"
        assert api.get("/api/resource/GL Entry").json()["data"] == []
