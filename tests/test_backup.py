"""A tenant's backup restores into a tenant of another installation, even on the other kind
of database, with every value, custom doctype and custom field intact; a restore never
overwrites a tenant's own data."""

import gzip
import json
from collections import Counter

import pytest
from sqlalchemy import func, select

from core import lifecycle
from core.auth.api_keys import issue_api_key
from core.cli import main
from core.db.tables import tenant
from core.errors import TenantError
from core.site import Site
from tenants.backup import backup, restore
from tenants.provisioning import list_tenants, tenant_tables
from tests.doctypes import create_trip_doctypes
from tests.fixtures import PASSWORD, TenantHandle, make_tenant


def fill(handle):
    """Trip (submittable, custom) with a Trip Stop child table; a custom Int field "badge"
    on User; TRIP-00001 submitted, TRIP-00002 a draft, TRIP-00003 deleted, so the series
    stands at 3."""
    with handle.client(headers=handle.auth) as api:
        create_trip_doctypes(api)
        ok(api.post("/api/resource/Custom Field", json={
            "dt": "User", "fieldname": "badge", "fieldtype": "Int", "label": "Badge"}))
        ok(api.put("/api/resource/User/admin", json={"badge": 7}))
        ok(api.post("/api/resource/Trip", json={
            "plate": "KA-1", "fare": "1234.56", "trip_date": "2026-11-02",
            "started_at": "2026-11-02 08:30:15", "meta_json": {"zone": [1, 2]},
            "stops": [{"place": "Depot", "wait_minutes": 4},
                      {"place": "Airport", "wait_minutes": 0}], "docstatus": 1}))
        ok(api.post("/api/resource/Trip", json={"plate": "KA-2", "km": "0.125"}))
        ok(api.post("/api/resource/Trip", json={"plate": "KA-3"}))
        ok(api.delete("/api/resource/Trip/TRIP-00003"))


def ok(response):
    assert response.status_code == 200, response.text
    return response.json()


def trips(handle):
    """Every Trip in full, child rows included."""
    with handle.client(headers=handle.auth) as api:
        names = [t["name"] for t in ok(api.get("/api/resource/Trip", params={
            "order_by": "name asc"}))["data"]]
        return [ok(api.get(f"/api/resource/Trip/{name}"))["data"] for name in names]


def with_new_key(site, name):
    """A handle on a restored tenant, through its own host and a key issued there."""
    with site.transaction(name, "admin") as ctx:
        key, secret = issue_api_key(ctx, "admin")
    return TenantHandle(site, name, f"{name}.localhost", f"{key}:{secret}")


def rows_by_table(site, name):
    """How many rows the tenant has in each table that holds any."""
    with site.db.owner.connect() as conn:
        tenant_id = conn.execute(select(tenant.c.id).where(tenant.c.name == name)).scalar()
        counts = {t.name: conn.execute(select(func.count()).select_from(t).where(
            t.c.tenant_id == tenant_id)).scalar() for t in tenant_tables(site, conn)}
    return {table: n for table, n in counts.items() if n}


def rows_in_file(path):
    """How many rows the backup holds per table, as the file names them."""
    counts, table = Counter(), None
    with gzip.open(path, "rt") as src:
        for record in map(json.loads, src):
            if "columns" in record:
                table = record.get("engine") or record.get("doctype")
            elif "r" in record:
                counts[table] += 1
    return counts


@pytest.mark.parametrize(("source", "target"), [("sqlite_site", "postgres_site"),
                                                ("postgres_site", "sqlite_site")])
def test_a_backup_restores_into_the_other_database(request, monkeypatch, tmp_path, source,
                                                   target):
    monkeypatch.setattr("tenants.backup.BATCH", 3)  # many fetches and inserts per table
    source_site = request.getfixturevalue(source)
    target_site = request.getfixturevalue(target)
    original = make_tenant(source_site)
    fill(original)
    before = trips(original)
    source_rows = rows_by_table(source_site, original.name)
    path = str(tmp_path / "tenant.erp.gz")
    written = backup(source_site, original.name, path)

    # Restore under a new name: the tenant is created with the host NAME.localhost.
    name = f"r{original.name}"
    assert restore(target_site, name, path) == written
    restored = with_new_key(target_site, name)

    # Every document, child row, decimal, date, datetime and JSON value comes back as it was,
    # and so does the submitted state.
    again = trips(restored)
    assert again == before
    assert [(t["name"], t["docstatus"], t["fare"], t["km"], t["trip_date"], t["started_at"],
             t["meta_json"], [(s["place"], s["wait_minutes"]) for s in t["stops"]])
            for t in again] == [
        ("TRIP-00001", 1, 1234.56, None, "2026-11-02", "2026-11-02 08:30:15",
         {"zone": [1, 2]}, [("Depot", 4), ("Airport", 0)]),
        ("TRIP-00002", 0, None, 0.125, None, None, None, []),
    ]
    with restored.client(headers=restored.auth) as api:
        assert ok(api.get("/api/resource/User/admin"))["data"]["badge"] == 7
        # TRIP-00003 was deleted at the source: the series goes on, it is not reused.
        assert ok(api.post("/api/resource/Trip", json={"plate": "KA-4"}))["data"][
            "name"] == "TRIP-00004"
    with restored.client() as web:
        assert web.post("/api/method/login", json={"usr": "admin", "pwd": PASSWORD}
                        ).status_code == 200

    # The source is untouched.
    assert trips(original) == before
    assert rows_by_table(source_site, original.name) == source_rows


def test_a_backup_holds_only_its_own_tenants_rows(site, tmp_path):
    mine, other = make_tenant(site), make_tenant(site)
    fill(mine)
    fill(other)
    path = str(tmp_path / "mine.erp.gz")
    written = backup(site, mine.name, path)

    in_file = rows_in_file(path)
    assert sum(in_file.values()) == written
    assert in_file["Trip"] == 2 and in_file["Trip Stop"] == 2
    assert in_file["User"] == 1 and in_file["Custom Field"] == 1
    assert in_file["naming_counter"] == rows_by_table(site, mine.name)["naming_counter"]
    # Sessions do not travel.
    assert "web_session" not in in_file and "login_attempt" not in in_file


def test_a_restore_replaces_a_tenant_that_holds_only_its_set_up(site, tmp_path):
    original = make_tenant(site)
    fill(original)
    path = str(tmp_path / "t.erp.gz")
    backup(site, original.name, path)
    fresh = make_tenant(site)  # as erp new-tenant left it, plus an API key

    restore(site, fresh.name, path)

    assert trips(with_new_key(site, fresh.name)) == trips(original)
    # its users came from the backup: the key issued before the restore is gone
    with fresh.client(headers=fresh.auth) as api:
        assert api.get("/api/resource/Trip").status_code == 401


def test_a_restore_into_a_tenant_with_data_is_refused_and_changes_nothing(site, tmp_path):
    original = make_tenant(site)
    fill(original)
    path = str(tmp_path / "t.erp.gz")
    backup(site, original.name, path)
    busy = make_tenant(site)
    with busy.client(headers=busy.auth) as api:
        ok(api.post("/api/resource/Role", json={"role_name": "Driver"}))
    rows = rows_by_table(site, busy.name)

    with pytest.raises(TenantError, match=r"holds data of its own \(.*role has 1 rows"):
        restore(site, busy.name, path)

    assert rows_by_table(site, busy.name) == rows
    with busy.client(headers=busy.auth) as api:
        assert ok(api.get("/api/resource/Role/Driver"))["data"]["role_name"] == "Driver"


def rewrite(source, target, change):
    """Copy a backup, passing each record through ``change`` (None drops it)."""
    with gzip.open(source, "rt") as src, gzip.open(target, "wt") as out:
        for record in map(json.loads, src):
            record = change(record)
            if record is not None:
                out.write(json.dumps(record) + "\n")


def test_a_backup_needing_missing_or_newer_modules_is_refused(sqlite_site, tmp_path):
    original = make_tenant(sqlite_site, modules=["contacts"])
    good, bad = str(tmp_path / "good.gz"), str(tmp_path / "bad.gz")
    backup(sqlite_site, original.name, good)

    def needs(modules):
        return lambda r: dict(r, modules=r["modules"] | modules) if "format" in r else r

    rewrite(good, bad, needs({"fleet": "1.0.0", "payroll": "2.1.0"}))
    with pytest.raises(TenantError, match="lacks: fleet, payroll"):
        restore(sqlite_site, "needs-fleet", bad)
    rewrite(good, bad, needs({"contacts": "9.0.0"}))
    with pytest.raises(TenantError, match=r"newer modules: contacts 9.0.0 \(here 1.0.0\)"):
        restore(sqlite_site, "needs-contacts-9", bad)
    assert not {"needs-fleet", "needs-contacts-9"} & {t["name"] for t in list_tenants(
        sqlite_site)}


def test_a_file_that_is_not_a_backup_is_refused(sqlite_site, tmp_path):
    junk = tmp_path / "junk.gz"
    junk.write_bytes(b"not gzip")
    with pytest.raises(TenantError, match="not a tenant backup"):
        restore(sqlite_site, "junk", str(junk))
    with gzip.open(tmp_path / "other.gz", "wt") as out:
        out.write('{"some": "json"}\n')
    with pytest.raises(TenantError, match="not a tenant backup"):
        restore(sqlite_site, "junk", str(tmp_path / "other.gz"))


def test_a_damaged_backup_restores_nothing(site, tmp_path):
    original = make_tenant(site)
    fill(original)
    good, cut = str(tmp_path / "good.gz"), str(tmp_path / "cut.gz")
    backup(site, original.name, good)
    target = make_tenant(site)
    rows = rows_by_table(site, target.name)

    # The end record is missing, as when a copy stopped at a line boundary.
    rewrite(good, cut, lambda r: None if "end" in r else r)
    with pytest.raises(TenantError, match="incomplete"):
        restore(site, target.name, cut)
    assert rows_by_table(site, target.name) == rows
    # A tenant the failed restore had created is gone again.
    with pytest.raises(TenantError, match="incomplete"):
        restore(site, "cut-short", cut)
    assert "cut-short" not in {t["name"] for t in list_tenants(site)}

    # A gzip stream cut short is caught too.
    with open(good, "rb") as src:
        data = src.read()
    with open(cut, "wb") as out:
        out.write(data[:len(data) // 2])
    with pytest.raises(TenantError, match="damaged"):
        restore(site, target.name, cut)
    assert rows_by_table(site, target.name) == rows


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
    # acme holds only its set-up, so restoring again replaces it ...
    main(["restore", "--tenant", "acme", str(tmp_path / "acme.gz")])
    # ... until it has data of its own.
    main(["new-tenant", "busy", "--admin-password", PASSWORD, "--modules", "contacts"])
    site = Site.load()
    with site.transaction("busy", "admin") as ctx:
        lifecycle.insert(ctx, lifecycle.new_doc(ctx, "Role", {"role_name": "Driver"}))
    site.db.dispose()
    with pytest.raises(SystemExit):
        main(["restore", "--tenant", "busy", str(tmp_path / "acme.gz")])
    assert "holds data of its own" in capsys.readouterr().err
