"""Event handlers of modules: they run in module dependency order, wildcard handlers see
every doctype, only installed modules' handlers run, a failing handler undoes the whole
document, and bridge modules install themselves.

The modules are tests/fixture_modules: base_mod, child_mod (depends on base_mod) and
bridge_mod (auto_install, depends on both). Every handler writes an Fx Trace row.
"""

import pytest

from core import lifecycle
from core.db import query
from core.errors import ModuleError
from core.events import EventRegistry
from core.modules import Manifest, dependency_order, with_dependencies
from core.site import Site
from tenants.provisioning import install_modules
from tests.fixture_modules.tracing import Refused
from tests.fixtures import make_tenant


@pytest.fixture(scope="module", params=["sqlite", "postgres"])
def fx_site(request, tmp_path_factory):
    """A site of the fixture modules, on its own SQLite file or sharing the session's
    PostgreSQL database (tables are additive; tenants keep the data apart)."""
    url = f"sqlite:///{tmp_path_factory.mktemp('fx') / 'erp.db'}" \
        if request.param == "sqlite" else request.getfixturevalue("pg_url")
    site = Site.load(url, modules_package="tests.fixture_modules")
    site.login_delay = 0.001
    site.migrate()
    yield site
    site.db.dispose()


def traces(ctx, ref_name):
    return [(r["module"], r["event"]) for r in query.select_rows(
        ctx, "Fx Trace", fields=["module", "event"], filters={"ref_name": ref_name},
        order_by="idx asc")]


def new_move(ctx, **values):
    return lifecycle.insert(ctx, lifecycle.new_doc(ctx, "Fx Move", {"qty": 1} | values))


def test_the_site_orders_modules_by_dependency_not_by_name(fx_site):
    assert fx_site.module_order == ["base_mod", "child_mod", "bridge_mod"]


def test_handlers_run_in_module_dependency_order(fx_site):
    """bridge_mod sorts before child_mod by name, but depends on it, so runs after it."""
    handle = make_tenant(fx_site, modules=["child_mod"])
    with handle.tx() as ctx:
        move = new_move(ctx)
        lifecycle.submit(ctx, move)
        lifecycle.cancel(ctx, "Fx Move", move.name)
        assert traces(ctx, move.name) == [
            ("base_mod", "after_insert"),
            ("base_mod", "on_submit"), ("child_mod", "on_submit"), ("bridge_mod", "on_submit"),
            ("base_mod", "on_cancel"), ("child_mod", "on_cancel")]


def test_handlers_follow_dependency_order_whatever_order_they_were_registered_in():
    registry = EventRegistry({"core": 0, "base_mod": 1, "child_mod": 2})
    ran = []
    registry.binder("child_mod")("Fx Move", "on_submit", lambda ctx, doc: ran.append("child"))
    registry.binder("base_mod")("*", "on_submit", lambda ctx, doc: ran.append("base *"))
    registry.binder("base_mod")("Fx Move", "on_submit", lambda ctx, doc: ran.append("base"))
    for handler in registry.handlers("Fx Move", "on_submit",
                                     frozenset({"base_mod", "child_mod"})):
        handler(None, None)
    assert ran[-1] == "child" and sorted(ran[:2]) == ["base", "base *"]


def test_an_unknown_event_name_is_refused_when_registering():
    on = EventRegistry({"base_mod": 1}).binder("base_mod")
    with pytest.raises(ValueError, match="on_sumbit"):
        on("Fx Move", "on_sumbit", lambda ctx, doc: None)


def test_a_wildcard_handler_runs_for_every_doctype(fx_site):
    handle = make_tenant(fx_site, modules=["child_mod"])
    with handle.tx() as ctx:
        note = lifecycle.insert(ctx, lifecycle.new_doc(ctx, "Fx Note", {"text": "hi"}))
        role = lifecycle.insert(ctx, lifecycle.new_doc(ctx, "Role", {"role_name": "Clerk"}))
        assert traces(ctx, note.name) == [("base_mod", "after_insert"),
                                          ("child_mod", "after_insert")]
        assert traces(ctx, role.name) == [("base_mod", "after_insert")]


def test_handlers_of_modules_a_tenant_has_not_installed_do_not_run(fx_site):
    handle = make_tenant(fx_site, modules=["base_mod"])
    with handle.tx() as ctx:
        assert ctx.tenant.modules == {"base_mod"}
        move = new_move(ctx, docstatus=1)
        lifecycle.cancel(ctx, "Fx Move", move.name)
        assert traces(ctx, move.name) == [("base_mod", "after_insert"),
                                          ("base_mod", "on_submit"), ("base_mod", "on_cancel")]


def test_a_handler_failing_on_submit_rolls_back_the_document_and_every_handler(fx_site):
    handle = make_tenant(fx_site, modules=["child_mod"])
    with handle.tx() as ctx:
        move = new_move(ctx, qty=5, fail_on="bridge_mod:on_submit")
    with pytest.raises(Refused), handle.tx() as ctx:
        lifecycle.submit(ctx, lifecycle.get_doc(ctx, "Fx Move", move.name))
    with handle.tx() as ctx:
        stored = lifecycle.get_doc(ctx, "Fx Move", move.name)
        assert (stored.docstatus, stored.qty) == (0, 5)
        # base_mod's and child_mod's on_submit traces were written before bridge_mod
        # refused; they are gone with the rest of the transaction
        assert traces(ctx, move.name) == [("base_mod", "after_insert")]
        versions = query.select_rows(ctx, "Version", fields=["action"],
                                     filters={"ref_doctype": "Fx Move",
                                              "docname": move.name})
        assert versions == [{"action": "Created"}]


def test_a_handler_failing_while_a_document_is_created_submitted_leaves_nothing(fx_site):
    handle = make_tenant(fx_site, modules=["child_mod"])
    with pytest.raises(Refused), handle.tx() as ctx:
        new_move(ctx, docstatus=1, fail_on="child_mod:on_submit")
    with handle.tx() as ctx:
        assert query.count(ctx, "Fx Move") == 0
        assert query.count(ctx, "Fx Trace") == 0
        assert query.count(ctx, "Version", {"ref_doctype": "Fx Move"}) == 0
        assert new_move(ctx).name == "FXM-0001"  # the number was not used up either


def test_cancel_runs_the_on_cancel_handlers(fx_site):
    handle = make_tenant(fx_site, modules=["child_mod"])
    with handle.tx() as ctx:
        move = new_move(ctx, docstatus=1)
    with handle.tx() as ctx:
        lifecycle.cancel(ctx, "Fx Move", move.name)
    with handle.tx() as ctx:
        assert traces(ctx, move.name)[-2:] == [("base_mod", "on_cancel"),
                                               ("child_mod", "on_cancel")]
        assert lifecycle.get_doc(ctx, "Fx Move", move.name).docstatus == 2


def test_a_handler_failing_on_cancel_keeps_the_document_submitted(fx_site):
    handle = make_tenant(fx_site, modules=["child_mod"])
    with handle.tx() as ctx:
        move = new_move(ctx, docstatus=1, fail_on="child_mod:on_cancel")
    with pytest.raises(Refused), handle.tx() as ctx:
        lifecycle.cancel(ctx, "Fx Move", move.name)
    with handle.tx() as ctx:
        assert lifecycle.get_doc(ctx, "Fx Move", move.name).docstatus == 1
        assert ("base_mod", "on_cancel") not in traces(ctx, move.name)


def test_a_bridge_installs_itself_with_the_modules_it_bridges(fx_site):
    handle = make_tenant(fx_site, modules=["child_mod"])
    with handle.tx() as ctx:
        assert ctx.tenant.modules == {"base_mod", "child_mod", "bridge_mod"}


def test_a_bridge_installs_itself_when_its_last_dependency_is_installed(fx_site):
    handle = make_tenant(fx_site, modules=["base_mod"])
    with handle.tx() as ctx:
        assert install_modules(ctx, ["child_mod"]) == ["child_mod", "bridge_mod"]
    with handle.tx() as ctx:
        assert ctx.tenant.modules == {"base_mod", "child_mod", "bridge_mod"}
        move = new_move(ctx, docstatus=1)
        assert ("bridge_mod", "on_submit") in traces(ctx, move.name)


def manifests(**deps):
    return {name: Manifest(name, "1", name, f"pkg.{name}", tuple(d))
            for name, d in deps.items()}


def test_dependency_order_puts_every_module_after_what_it_depends_on():
    order = dependency_order(manifests(zeta=[], alpha=["zeta"], mid=["alpha", "zeta"]))
    assert order == ["zeta", "alpha", "mid"]


def test_a_dependency_cycle_is_refused_naming_its_modules():
    with pytest.raises(ModuleError, match="a -> b -> c -> a"):
        dependency_order(manifests(a=["b"], b=["c"], c=["a"]))


def test_a_module_depending_on_itself_is_a_cycle():
    with pytest.raises(ModuleError, match="solo -> solo"):
        dependency_order(manifests(solo=["solo"]))


def test_a_missing_dependency_is_refused_naming_it():
    with pytest.raises(ModuleError, match="'pos' depends on inventory"):
        dependency_order(manifests(pos=["inventory"]))


def test_installing_an_unknown_module_is_refused_naming_it():
    with pytest.raises(ModuleError, match="'payroll'"):
        with_dependencies(manifests(base=[]), ["payroll"])


def test_bridges_install_once_everything_they_bridge_is_installed():
    found = manifests(base=[], gst=["base"], pos=["base"])
    found["gst_pos"] = Manifest("gst_pos", "1", "GST POS", "pkg.gst_pos", ("gst", "pos"),
                                auto_install=True)
    assert with_dependencies(found, ["gst"]) == ["base", "gst"]
    assert with_dependencies(found, ["pos", "gst"]) == ["base", "gst", "pos", "gst_pos"]
