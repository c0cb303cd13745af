"""A module adds fields and behaviour to another module's doctype (``extends/``), visible
only to tenants that installed it."""

import pytest

from core.site import Site
from tenants.provisioning import install_modules
from tests.conftest import make_tenant


@pytest.fixture(scope="module", params=["sqlite", "postgres"])
def ext_site(request, tmp_path_factory):
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path_factory.mktemp('ext') / 'erp.db'}"
    else:
        url = request.getfixturevalue("pg_url")
    site = Site.load(url, modules_package="tests.ext_modules")
    site.migrate()
    yield site
    site.db.dispose()


def test_extension_fields_appear_only_once_the_extending_module_is_installed(ext_site):
    handle = make_tenant(ext_site, modules=["catalog"])
    with handle.client(headers=handle.auth) as api:
        api.post("/api/resource/Ext Product", json={"code": "P1", "list_price": "10"})
        plain = api.get("/api/resource/Ext Product/P1").json()["data"]
        assert "list_price" not in plain and "gross_price" not in plain
        refused = api.get("/api/resource/Ext Product",
                          params={"filters": '[["list_price", ">", 1]]'})
        assert refused.status_code == 400 and refused.json()["field"] == "list_price"

        with handle.tx() as ctx:
            assert install_modules(ctx, ["pricing"]) == ["pricing"]
        priced = api.post("/api/resource/Ext Product", json={"code": "P2",
                                                             "list_price": "12.50"})
        assert priced.status_code == 200, priced.text
        assert priced.json()["data"]["gross_price"] == 15.0
        schema = api.get("/api/openapi.json").json()["components"]["schemas"]["Ext_Product"]
        # the extension's field sits where it asked to: right after "code"
        assert list(schema["properties"])[3:6] == ["code", "list_price", "title"]


def test_another_tenant_without_the_module_keeps_the_plain_doctype(ext_site):
    priced = make_tenant(ext_site, modules=["pricing"])
    plain = make_tenant(ext_site, modules=["catalog"])
    with priced.client(headers=priced.auth) as api:
        assert api.post("/api/resource/Ext Product", json={
            "code": "P1", "list_price": 5}).json()["data"]["gross_price"] == 6.0
    with plain.client(headers=plain.auth) as api:
        created = api.post("/api/resource/Ext Product", json={"code": "P1",
                                                              "list_price": 5})
        assert created.status_code == 200
        assert "gross_price" not in created.json()["data"]
