"""A tenant's backup restores into a new tenant of another installation, even on the other
kind of database, with every value, custom doctype and custom field intact."""

import pytest

from core.auth.api_keys import issue_api_key
from core.cli import main
from core.db import query
from tenants.backup import backup, restore
from tests.doctypes import create_trip_doctypes
from tests.fixtures import PASSWORD, TenantHandle, make_tenant


def fill(handle):
    with handle.client(headers=handle.auth) as api:
        create_trip_doctypes(api)
        api.post("/api/resource/Custom Field", json={
            "dt": "User", "fieldname": "badge", "fieldtype": "Int", "label": "Badge"})
        api.put("/api/resource/User/admin", json={"badge": 7})
        api.post("/api/resource/Trip", json={
            "plate": "KA-1", "fare": "1234.56", "trip_date": "2026-11-02",
            "started_at": "2026-11-02 08:30:15", "meta_json": {"zone": [1, 2]},
            "stops": [{"place": "Depot", "wait_minutes": 4}], "docstatus": 1})
        api.post("/api/resource/Trip", json={"plate": "KA-2", "km": "0.125"})
        return api.get("/api/resource/Trip", params={
            "fields": '["*"]', "order_by": "name asc"}).json()["data"]


def read_back(site, name):
    with site.transaction(name, "admin") as ctx:
        key, secret = issue_api_key(ctx, "admin")
    handle = TenantHandle(site, name, f"{name}.localhost", f"{key}:{secret}")
    return handle


@pytest.mark.parametrize(("source", "target"), [("sqlite_site", "postgres_site"),
                                                ("postgres_site", "sqlite_site")])
def test_a_backup_restores_into_the_other_database(request, tmp_path, source, target):
    source_site = request.getfixturevalue(source)
    target_site = request.getfixturevalue(target)
    original = make_tenant(source_site)
    trips = fill(original)
    bystander = make_tenant(source_site)
    fill(bystander)
    path = str(tmp_path / "tenant.erp.gz")
    written = backup(source_site, original.name, path)
    name = f"r{original.name}"
    assert restore(target_site, name, path) == written
    restored = read_back(target_site, name)
    with restored.client(headers=restored.auth) as api:
        again = api.get("/api/resource/Trip", params={
            "fields": '["*"]', "order_by": "name asc"}).json()["data"]
        assert again == trips
        trip = api.get("/api/resource/Trip/TRIP-00001").json()["data"]
        assert trip["stops"][0]["place"] == "Depot" and trip["docstatus"] == 1
        assert api.get("/api/resource/User/admin").json()["data"]["badge"] == 7
        assert api.post("/api/resource/Trip", json={"plate": "KA-3"}).json()["data"][
            "name"] == "TRIP-00003"
    with restored.client() as web:
        assert web.post("/api/method/login", json={"usr": "admin", "pwd": PASSWORD}
                        ).status_code == 200
    with original.tx() as ctx:
        assert query.count(ctx, "Trip") == 2


def test_restoring_into_a_tenant_with_data_is_refused_and_changes_nothing(sqlite_site,
                                                                          tmp_path):
    original = make_tenant(sqlite_site)
    fill(original)
    path = str(tmp_path / "t.erp.gz")
    backup(sqlite_site, original.name, path)
    busy = make_tenant(sqlite_site)
    with pytest.raises(Exception, match="not empty"):
        restore(sqlite_site, busy.name, path)
    with busy.tx() as ctx:
        assert query.count(ctx, "User") == 1


def test_the_cli_backs_up_and_restores(monkeypatch, tmp_path, capsys):
    monkeypatch.setenv("ERP_DATABASE_URL", f"sqlite:///{tmp_path / 'a.db'}")
    main(["new-tenant", "acme", "--admin-password", PASSWORD, "--modules", "contacts"])
    main(["backup", "--tenant", "acme", str(tmp_path / "acme.gz")])
    monkeypatch.setenv("ERP_DATABASE_URL", f"sqlite:///{tmp_path / 'b.db'}")
    main(["restore", "--tenant", "acme", str(tmp_path / "acme.gz")])
    main(["list-tenants"])
    out = capsys.readouterr().out
    assert "rows written" in out and "rows restored into acme" in out
    assert "acme\tactive\tacme.localhost" in out
    with pytest.raises(SystemExit):
        main(["restore", "--tenant", "acme", str(tmp_path / "acme.gz")])


def test_a_file_that_is_not_a_backup_is_refused(sqlite_site, tmp_path):
    path = tmp_path / "junk.gz"
    path.write_bytes(b"not gzip")
    with pytest.raises(Exception, match="not a tenant backup"):
        restore(sqlite_site, "junk", str(path))
