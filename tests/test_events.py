"""Event handlers: module dependency order, wildcard doctypes, installed modules only, one
transaction with the document, and bridge modules that install themselves."""

import pytest

from core import lifecycle
from core.db import query
from core.errors import ModuleError
from core.modules import Manifest, dependency_order, with_dependencies
from core.site import Site
from tests.conftest import make_tenant
from tests.event_modules.tracing import Refused


@pytest.fixture(scope="module", params=["sqlite", "postgres"])
def ev_site(request, tmp_path_factory):
    url = f"sqlite:///{tmp_path_factory.mktemp('ev') / 'erp.db'}" \
        if request.param == "sqlite" else request.getfixturevalue("pg_url")
    site = Site.load(url, modules_package="tests.event_modules")
    site.migrate()
    yield site
    site.db.dispose()


def traces(ctx, move):
    return [(r["module"], r["event"]) for r in query.select_rows(
        ctx, "Ev Trace", fields=["module", "event"], filters={"move": move},
        order_by="idx asc")]


def test_handlers_run_in_module_dependency_order_with_wildcards(ev_site):
    handle = make_tenant(ev_site, modules=["stock_like"])
    with handle.tx() as ctx:
        assert ctx.tenant.modules == {"ledger_like", "stock_like", "bridge_like"}
        move = lifecycle.insert(ctx, lifecycle.new_doc(ctx, "Ev Move", {"qty": 1}))
        lifecycle.submit(ctx, move)
        lifecycle.cancel(ctx, "Ev Move", move.name)
        assert traces(ctx, move.name) == [
            ("ledger_like", "after_insert"),
            ("ledger_like", "on_submit"), ("stock_like", "on_submit"),
            ("bridge_like", "on_submit"),
            ("ledger_like", "on_cancel"), ("stock_like", "on_cancel")]


def test_handlers_of_modules_a_tenant_has_not_installed_do_not_run(ev_site):
    plain = make_tenant(ev_site, modules=["ledger_like"])
    full = make_tenant(ev_site, modules=["stock_like"])
    for handle, expected in ((plain, []), (full, [("stock_like", "after_insert")])):
        with handle.tx() as ctx:
            note = lifecycle.insert(ctx, lifecycle.new_doc(ctx, "Ev Note", {"text": "hi"}))
            assert traces(ctx, note.name) == expected


def test_a_failing_handler_rolls_back_the_document_and_every_other_handler(ev_site):
    handle = make_tenant(ev_site, modules=["stock_like"])
    with handle.tx() as ctx:
        move = lifecycle.insert(ctx, lifecycle.new_doc(ctx, "Ev Move", {
            "qty": 5, "fail_on": "bridge_like:on_submit"}))
    with pytest.raises(Refused), handle.tx() as ctx:
        lifecycle.submit(ctx, lifecycle.get_doc(ctx, "Ev Move", move.name))
    with handle.tx() as ctx:
        assert lifecycle.get_doc(ctx, "Ev Move", move.name).docstatus == 0
        assert traces(ctx, move.name) == [("ledger_like", "after_insert")]
        assert query.count(ctx, "Version", {"docname": move.name}) == 1


def manifests(**deps):
    return {name: Manifest(name, "1", name, f"pkg.{name}", tuple(d))
            for name, d in deps.items()}


def test_a_dependency_cycle_is_refused_naming_its_modules():
    with pytest.raises(ModuleError, match="a -> b -> c -> a"):
        dependency_order(manifests(a=["b"], b=["c"], c=["a"]))


def test_a_missing_dependency_is_refused_naming_it():
    with pytest.raises(ModuleError, match="'pos' depends on inventory"):
        dependency_order(manifests(pos=["inventory"]))


def test_bridges_install_once_everything_they_bridge_is_installed():
    found = manifests(base=[], gst=["base"], pos=["base"])
    found["gst_pos"] = Manifest("gst_pos", "1", "GST POS", "pkg.gst_pos", ("gst", "pos"),
                                auto_install=True)
    assert with_dependencies(found, ["gst"]) == ["base", "gst"]
    assert with_dependencies(found, ["gst", "pos"]) == ["base", "gst", "pos", "gst_pos"]
