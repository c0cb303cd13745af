"""Tenants never see or touch each other's rows: through the API, the query layer, Link
validation, and on PostgreSQL through row-level security itself."""

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from core.db import query
from tests.doctypes import TRIP, create_trip_doctypes
from tests.fixtures import PASSWORD, make_tenant


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
        assert b.post("/api/resource/User", json={"login": "b-only", "full_name": "B Only"}
                      ).status_code == 200
        assert a.get("/api/resource/User/b-only").status_code == 404
        assert a.put("/api/resource/User/b-only", json={"full_name": "Taken"}
                     ).status_code == 404
        assert a.delete("/api/resource/User/b-only").status_code == 404
        by_name = a.get("/api/resource/User", params={
            "filters": '[["name", "=", "b-only"]]'}).json()["data"]
        assert by_name == []
        like = a.get("/api/resource/User", params={
            "fields": '["name"]', "filters": '[["full_name", "like", "B %"]]'}).json()
        assert like["data"] == []
        count = a.get("/api/method/core.get_count", params={
            "doctype": "User", "filters": '[["name", "in", ["admin", "b-only"]]]'}).json()
        assert count["message"] == 1
        found = a.get("/api/method/core.search_link",
                      params={"doctype": "User", "txt": "b-"}).json()["message"]
        assert found == []
        assert b.get("/api/resource/User/b-only").json()["data"]["full_name"] == "B Only"


def test_same_named_documents_of_two_tenants_stay_apart(tenant, other_tenant):
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
        assert a.put(f"/api/resource/Trip/{mine}", json={"plate": "A-CHANGED"}
                     ).status_code == 200
        assert a.delete(f"/api/resource/Trip/{mine}").status_code == 200
        assert b.get(f"/api/resource/Trip/{secret}").json()["data"]["plate"] == "B-SECRET"
        assert b.get("/api/method/core.get_count", params={"doctype": "Trip"}
                     ).json()["message"] == 1


def test_a_link_to_another_tenants_record_is_refused(tenant, other_tenant):
    with tenant.client(headers=tenant.auth) as a, \
            other_tenant.client(headers=other_tenant.auth) as b:
        create_trip_doctypes(a)
        b.post("/api/resource/User", json={"login": "b-driver", "full_name": "B Driver"})
        response = a.post("/api/resource/Trip", json={"plate": "X", "driver": "b-driver"})
        assert response.status_code == 422
        assert response.json()["field"] == "driver"
        assert "b-driver" in response.json()["message"]
        assert a.get("/api/resource/Trip").json()["data"] == []
        name = make_trip(a, "Y")
        changed = a.put(f"/api/resource/Trip/{name}", json={"driver": "b-driver"})
        assert changed.status_code == 422 and changed.json()["field"] == "driver"
        assert a.get(f"/api/resource/Trip/{name}").json()["data"].get("driver") is None


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
        assert b.get("/api/resource/Trip", params={"fields": '["destination", "nights"]'}
                     ).json()["data"] == [{"destination": "Goa", "nights": 3}]
        a_doctype = a.get("/api/resource/DocType/Trip").json()["data"]
        assert [f["fieldname"] for f in a_doctype["fields"]] == ["plate"]
        bad = a.get("/api/resource/Trip", params={"filters": '[["nights", ">", 1]]'})
        assert bad.status_code == 400 and bad.json()["field"] == "nights"
        assert b.get("/api/resource/Trip", params={"fields": '["plate"]'}).status_code == 400


def test_a_tenant_without_a_custom_doctype_gets_404(tenant, other_tenant):
    with tenant.client(headers=tenant.auth) as a, \
            other_tenant.client(headers=other_tenant.auth) as b:
        create_trip_doctypes(a)
        make_trip(a, "A-1")
        assert b.get("/api/resource/Trip").status_code == 404
        assert b.get("/api/resource/Trip/TRIP-00001").status_code == 404
        assert b.post("/api/resource/Trip", json={"plate": "B-1"}).status_code == 404
        assert b.get("/api/method/core.get_count", params={"doctype": "Trip"}
                     ).status_code == 404
        assert "Trip" not in b.get("/api/openapi.json").json()["components"]["schemas"]
        assert b.get("/api/resource/DocType/Trip").status_code == 404


def tenant_id(conn, handle):
    return conn.execute(text("SELECT id FROM tenant WHERE name = :n"),
                        {"n": handle.name}).scalar_one()


def act_as(conn, handle):
    conn.execute(text("SELECT set_config('app.tenant_id', :t, true)"),
                 {"t": str(tenant_id(conn, handle))})


@pytest.fixture
def two_pg_tenants(postgres_site):
    return make_tenant(postgres_site), make_tenant(postgres_site)


def test_row_level_security_shows_no_row_to_a_connection_without_a_tenant(
        postgres_site, two_pg_tenants):
    with postgres_site.db.app.connect() as conn:
        assert conn.execute(text("SELECT current_user")).scalar() == postgres_site.db.app_role
        assert conn.execute(text('SELECT count(*) FROM "user"')).scalar() == 0
        assert conn.execute(text("SELECT count(*) FROM has_role")).scalar() == 0
        assert conn.execute(text("SELECT count(*) FROM version")).scalar() == 0
        assert conn.execute(text('UPDATE "user" SET full_name = \'x\'')).rowcount == 0


def test_row_level_security_shows_only_the_tenant_set_for_the_transaction(
        postgres_site, two_pg_tenants):
    mine, theirs = two_pg_tenants
    with postgres_site.db.app.connect() as conn, conn.begin():
        act_as(conn, mine)
        seen = conn.execute(text('SELECT DISTINCT tenant_id FROM "user"')).scalars().all()
        assert seen == [tenant_id(conn, mine)]
        assert conn.execute(text('SELECT count(*) FROM "user" WHERE tenant_id = :t'),
                            {"t": tenant_id(conn, theirs)}).scalar() == 0
        assert conn.execute(text('UPDATE "user" SET full_name = \'x\' WHERE tenant_id = :t'),
                            {"t": tenant_id(conn, theirs)}).rowcount == 0
        assert conn.execute(text('DELETE FROM "user" WHERE tenant_id = :t'),
                            {"t": tenant_id(conn, theirs)}).rowcount == 0
    with theirs.tx() as ctx:
        assert query.count(ctx, "User") == 1


def test_row_level_security_refuses_a_row_written_for_another_tenant(postgres_site,
                                                                     two_pg_tenants):
    mine, theirs = two_pg_tenants
    with postgres_site.db.app.connect() as conn:
        with pytest.raises(DBAPIError, match="row-level security"), conn.begin():
            act_as(conn, mine)
            conn.execute(text(
                "INSERT INTO role (tenant_id, name, docstatus, idx, role_name) "
                "VALUES (:t, 'Intruder', 0, 0, 'Intruder')"), {"t": tenant_id(conn, theirs)})
        with pytest.raises(DBAPIError, match="row-level security"), conn.begin():
            act_as(conn, mine)
            conn.execute(text("UPDATE role SET tenant_id = :t WHERE name = 'Guest'"),
                         {"t": tenant_id(conn, theirs)})
    with theirs.tx() as ctx:
        assert not query.exists(ctx, "Role", "Intruder")
        assert query.count(ctx, "Role") == 4


def test_a_session_of_one_tenant_is_no_session_on_another(tenant, other_tenant):
    with tenant.client() as a:
        assert a.post("/api/method/login", json={"usr": "admin", "pwd": PASSWORD}
                      ).status_code == 200
        sid = a.cookies.get("sid")
        assert sid and a.get("/api/resource/User").status_code == 200
    with other_tenant.client(cookies={"sid": sid}) as b:
        assert b.get("/api/resource/User").status_code == 401
        assert b.post("/api/resource/Role", json={"role_name": "X"}).status_code == 401
    with other_tenant.tx() as ctx:
        assert not query.exists(ctx, "Role", "X")


def test_reports_of_one_tenant_cannot_name_anothers_company(site):
    from modules.accounting.tests.builders import journal, make_company, make_fiscal_year

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
