"""A module adds fields and behaviour to another module's doctype (``extends/``), visible
only to tenants that installed it."""

import datetime as dt
import re

import pytest

from core.db import query
from core.errors import MetaError
from core.scheduler import event_from_dict, tick
from core.site import Site
from tenants.provisioning import install_modules
from tests.conftest import make_tenant
from tests.fixtures import PASSWORD

METHOD = "tests.ext_modules.catalog.shelf.daily_count"


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


def _logged_in(handle):
    web = handle.client(follow_redirects=False)
    login = web.get("/login").text
    token = re.search(r'name="csrf_token" value="([^"]+)"', login).group(1)
    assert web.post("/login", data={"usr": "admin", "pwd": PASSWORD, "csrf_token": token,
                                    "next": "/app"}).status_code == 303
    return web


def test_a_module_page_is_served_to_tenants_that_installed_the_module(ext_site):
    shop = make_tenant(ext_site, modules=["catalog"])
    with shop.client(headers=shop.auth) as api:
        api.post("/api/resource/Ext Product", json={"code": "P1", "list_price": "10"})
    web = _logged_in(shop)
    home = web.get("/app").text
    assert 'href="/app/page/catalog.shelf"' in home
    shelf = web.get("/app/page/catalog.shelf")
    assert shelf.status_code == 200 and '<p id="count">1 products</p>' in shelf.text
    token = re.search(r'data-csrf="([^"]+)"', shelf.text).group(1)
    posted = web.post("/app/page/catalog.shelf", data={"note": "<b>hi</b>",
                                                       "csrf_token": token})
    assert posted.status_code == 200 and "&lt;b&gt;hi&lt;/b&gt;" in posted.text

    script = web.get("/assets/tests.ext_modules.catalog/shelf.js")
    assert script.status_code == 200 and 'document.title = "Shelf"' in script.text
    assert web.get("/assets/tests.ext_modules.catalog/../manifest.py").status_code == 404
    assert web.get("/assets/tests.ext_modules.catalog/%2e%2e/shelf.py").status_code == 404
    assert web.get("/assets/desk.css").status_code == 200
    assert web.get("/app/page/catalog.nothing").status_code == 404

    anonymous = shop.client(follow_redirects=False)
    assert anonymous.get("/app/page/catalog.shelf").headers["location"] == \
        "/login?next=/app/page/catalog.shelf"

    other = make_tenant(ext_site, modules=[])
    elsewhere = _logged_in(other)
    assert "catalog.shelf" not in elsewhere.get("/app").text
    assert elsewhere.get("/app/page/catalog.shelf").status_code == 404


def test_the_scheduler_queues_each_periodic_job_once_per_period_per_tenant(ext_site):
    shop = make_tenant(ext_site, modules=["catalog"])
    bare = make_tenant(ext_site, modules=[])
    with shop.client(headers=shop.auth) as api:
        api.post("/api/resource/Ext Product", json={"code": "P1"})
    monday = dt.datetime(2026, 11, 30, 2, 0, tzinfo=dt.UTC)

    queued = tick(ext_site, monday)
    assert (shop.name, METHOD) in queued
    assert not [t for t, _ in queued if t == bare.name]
    with shop.tx() as ctx:
        run = query.select_rows(ctx, "Scheduled Run", fields=[
            "name", "period", "background_job"], filters={"method": METHOD})
        assert [(r["name"], r["period"]) for r in run] == [
            (f"{METHOD}@2026-11-30", "2026-11-30")]
        job = query.select_rows(ctx, "Background Job", fields=["status", "job_user"],
                                filters={"name": run[0]["background_job"]})[0]
        assert (job["status"], job["job_user"]) == ("finished", "admin")
        made = query.select_rows(ctx, "Ext Product", fields=["code", "title"],
                                 filters=[["code", "like", "COUNT-%"]])
        assert len(made) == 1 and made[0]["title"] == "1 products by admin"

    later_that_day = monday + dt.timedelta(hours=20)
    assert (shop.name, METHOD) not in tick(ext_site, later_that_day)
    assert (shop.name, METHOD) in tick(ext_site, monday + dt.timedelta(days=1))
    with shop.tx() as ctx:
        assert query.count(ctx, "Scheduled Run") == 2
        assert query.count(ctx, "Ext Product", filters=[["code", "like", "COUNT-%"]]) == 2


def test_a_scheduled_job_with_an_unknown_frequency_or_method_stops_the_site_loading():
    with pytest.raises(MetaError, match="every 'yearly'"):
        event_from_dict("catalog", {"method": METHOD, "every": "yearly"})
    with pytest.raises(ValueError, match="No job function"):
        event_from_dict("catalog", {"method": "tests.nowhere.job", "every": "daily"})
