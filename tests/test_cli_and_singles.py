"""The erp command's tenant administration, and Single (settings) doctypes."""

from sqlalchemy import func, select

from core.cli import main
from core.db.tables import tenant as tenant_table
from core.site import Site
from tenants.provisioning import tenant_tables
from tests.fixtures import PASSWORD


def rows_of(url, name):
    site = Site.load(url)
    with site.db.owner.connect() as conn:
        tenant_id = conn.execute(select(tenant_table.c.id).where(
            tenant_table.c.name == name)).scalar()
        total = sum(conn.execute(select(func.count()).select_from(t).where(
            t.c.tenant_id == tenant_id)).scalar() for t in tenant_tables(site, conn)) \
            if tenant_id else 0
    site.db.dispose()
    return tenant_id, total


def test_tenant_administration_from_the_command_line(monkeypatch, tmp_path, capsys):
    url = f"sqlite:///{tmp_path / 'cli.db'}"
    monkeypatch.setenv("ERP_DATABASE_URL", url)
    main(["new-tenant", "acme", "--admin-password", PASSWORD, "--modules", "",
          "--host", "acme.example.com"])
    main(["new-tenant", "beta", "--admin-password", PASSWORD, "--modules", ""])
    main(["install-module", "contacts", "--tenant", "acme", "--demo"])
    main(["new-api-key", "--tenant", "acme", "--user", "admin"])
    main(["migrate"])
    main(["list-tenants"])
    out = capsys.readouterr().out
    assert "installed: contacts" in out
    key_line = next(line for line in out.splitlines() if ":" in line and " " not in line)
    assert len(key_line.split(":")[0]) == 16 and len(key_line.split(":")[1]) == 32
    assert "acme\tactive\tacme.example.com" in out and "beta\tactive\tbeta.localhost" in out
    acme_id, acme_rows = rows_of(url, "acme")
    assert acme_rows > 10
    main(["drop-tenant", "acme", "--yes"])
    assert rows_of(url, "acme") == (None, 0)
    assert rows_of(url, "beta")[1] > 0


def test_a_single_doctype_is_one_settings_document(api):
    spec = {"name": "Fleet Settings", "module": "Fleet", "custom": 1, "issingle": 1,
            "fields": [{"fieldname": "default_fare", "fieldtype": "Currency"},
                       {"fieldname": "night_surcharge", "fieldtype": "Percent",
                        "default": "25"},
                       {"fieldname": "dispatch_email", "fieldtype": "Data"}]}
    assert api.post("/api/resource/DocType", json=spec).status_code == 200
    fresh = api.get("/api/resource/Fleet Settings/Fleet Settings").json()["data"]
    assert fresh["night_surcharge"] == 25.0 and fresh["default_fare"] is None
    saved = api.put("/api/resource/Fleet Settings/Fleet Settings",
                    json={"default_fare": "120.5"})
    assert saved.status_code == 200
    again = api.get("/api/resource/Fleet Settings/Fleet Settings").json()["data"]
    assert (again["default_fare"], again["night_surcharge"]) == (120.5, 25.0)
    bad = api.put("/api/resource/Fleet Settings/Fleet Settings",
                  json={"default_fare": "lots"})
    assert bad.status_code == 422


def test_the_agency_report_spans_tenants_and_is_recorded(monkeypatch, tmp_path, capsys):
    import pytest

    url = f"sqlite:///{tmp_path / 'agency.db'}"
    monkeypatch.setenv("ERP_DATABASE_URL", url)
    for name in ("acme", "beta"):
        main(["new-tenant", name, "--admin-password", PASSWORD, "--modules", "contacts"])
    capsys.readouterr()
    with pytest.raises(SystemExit):
        main(["agency-report", "activity", "--operator", "ops", "--reason", "why"])
    main(["agency-report", "activity", "--operator", "ops",
          "--reason", "monthly usage review for billing"])
    lines = capsys.readouterr().out.splitlines()
    assert [line.split("\t")[0] for line in lines] == ["tenant=acme", "tenant=beta"]
    assert all("users=1" in line and "modules=contacts" in line for line in lines)
    site = Site.load(url)
    with site.db.owner.connect() as conn:
        from core.db.tables import agency_audit

        audit = conn.execute(select(agency_audit)).all()
    assert [(a.operator, a.report, a.tenants) for a in audit] == [("ops", "activity", 2)]
