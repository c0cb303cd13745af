"""The erp command's tenant administration: new-tenant, list-tenants, new-api-key,
install-module, drop-tenant, and the audited agency report. Each test runs the commands
against its own SQLite file through ERP_DATABASE_URL."""

import pytest
from sqlalchemy import func, select
from starlette.testclient import TestClient

from core import lifecycle
from core.cli import main
from core.db.tables import agency_audit, installed_module
from core.db.tables import tenant as tenant_table
from core.server import create_app
from core.site import Site
from tenants.provisioning import tenant_tables
from tests.doctypes import TRIP, TRIP_STOP
from tests.fixtures import PASSWORD


@pytest.fixture
def cli_url(monkeypatch, tmp_path):
    url = f"sqlite:///{tmp_path / 'cli.db'}"
    monkeypatch.setenv("ERP_DATABASE_URL", url)
    return url


@pytest.fixture
def cli_site(cli_url):
    """A Site on the command's database, to look at what the commands did."""
    site = Site.load(cli_url)
    yield site
    site.db.dispose()


def tenant_id_of(site, name):
    with site.db.owner.connect() as conn:
        return conn.execute(select(tenant_table.c.id).where(tenant_table.c.name == name)
                            ).scalar()


def rows_of(site, tenant_id):
    """Every row holding ``tenant_id``, across platform, standard and custom tables."""
    with site.db.owner.connect() as conn:
        return sum(conn.execute(select(func.count()).select_from(t).where(
            t.c.tenant_id == tenant_id)).scalar() for t in tenant_tables(site, conn))


def test_new_tenant_and_list_tenants(cli_url, capsys):
    main(["new-tenant", "acme", "--admin-password", PASSWORD, "--modules", "",
          "--host", "acme.example.com"])
    main(["new-tenant", "beta", "--admin-password", PASSWORD, "--modules", ""])
    capsys.readouterr()
    main(["list-tenants"])
    assert capsys.readouterr().out.splitlines() == [
        "acme\tactive\tacme.example.com", "beta\tactive\tbeta.localhost"]


def test_a_tenant_name_cannot_be_taken_twice(cli_url, capsys):
    main(["new-tenant", "acme", "--admin-password", PASSWORD, "--modules", ""])
    with pytest.raises(SystemExit) as exit_info:
        main(["new-tenant", "acme", "--admin-password", PASSWORD, "--modules", ""])
    assert exit_info.value.code == 2
    assert "already exists" in capsys.readouterr().err


def test_new_api_key_prints_a_key_that_works_on_the_tenants_host(cli_site, capsys):
    main(["new-tenant", "acme", "--admin-password", PASSWORD, "--modules", ""])
    capsys.readouterr()
    main(["new-api-key", "--tenant", "acme", "--user", "admin"])
    token = capsys.readouterr().out.strip()
    key, secret = token.split(":")
    assert (len(key), len(secret)) == (16, 32)
    with TestClient(create_app(cli_site), base_url="http://acme.localhost",
                    headers={"Authorization": f"token {token}"}) as api:
        assert api.get("/api/resource/User").json()["data"] == [{"name": "admin"}]


def test_install_module_installs_it_into_one_tenant(cli_site, capsys):
    for name in ("acme", "beta"):
        main(["new-tenant", name, "--admin-password", PASSWORD, "--modules", ""])
    main(["install-module", "contacts", "--tenant", "acme"])
    assert "installed: contacts" in capsys.readouterr().out
    main(["install-module", "contacts", "--tenant", "acme"])
    assert "nothing (already installed)" in capsys.readouterr().out
    with cli_site.db.owner.connect() as conn:
        installed = conn.execute(select(tenant_table.c.name, installed_module.c.module)
                                 .join(installed_module,
                                       installed_module.c.tenant_id == tenant_table.c.id)
                                 ).all()
    assert [tuple(r) for r in installed] == [("acme", "contacts")]
    with cli_site.transaction("acme", "admin") as ctx:
        assert "Contact" in ctx.schema.doctypes
    with cli_site.transaction("beta", "admin") as ctx:
        assert "Contact" not in ctx.schema.doctypes


def test_drop_tenant_removes_every_row_of_that_tenant_and_no_other(cli_site, capsys):
    for name in ("acme", "beta"):
        main(["new-tenant", name, "--admin-password", PASSWORD, "--modules", "contacts",
              "--demo"])
    main(["new-api-key", "--tenant", "acme", "--user", "admin"])
    with cli_site.transaction("acme", "admin") as ctx:  # a custom doctype: its own table
        for definition in (TRIP_STOP, TRIP):
            lifecycle.insert(ctx, lifecycle.new_doc(ctx, "DocType", definition))
        lifecycle.insert(ctx, lifecycle.new_doc(ctx, "Trip", {
            "plate": "KA-1", "stops": [{"place": "Depot"}]}))
    acme, beta = tenant_id_of(cli_site, "acme"), tenant_id_of(cli_site, "beta")
    beta_rows = rows_of(cli_site, beta)
    assert rows_of(cli_site, acme) > beta_rows > 10
    with pytest.raises(SystemExit):
        main(["drop-tenant", "acme"])  # refused without --yes
    assert tenant_id_of(cli_site, "acme") == acme
    main(["drop-tenant", "acme", "--yes"])
    assert tenant_id_of(cli_site, "acme") is None
    assert rows_of(cli_site, acme) == 0
    assert rows_of(cli_site, beta) == beta_rows
    capsys.readouterr()
    main(["list-tenants"])
    assert capsys.readouterr().out.splitlines() == ["beta\tactive\tbeta.localhost"]


def test_the_agency_report_spans_tenants_and_is_recorded(cli_site, capsys):
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
    with cli_site.db.owner.connect() as conn:
        audit = conn.execute(select(agency_audit)).all()
    assert [(a.operator, a.report, a.tenants) for a in audit] == [("ops", "activity", 2)]
