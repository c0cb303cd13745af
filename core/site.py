"""The Site: one installation's database, modules, metadata and event registry.

A server process builds one Site at start and hands it to every request; it holds only
what is the same for every request (metadata cache aside, which is keyed by tenant and
metadata version).
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from types import ModuleType
from typing import Any

from sqlalchemy import Connection, Engine, RootTransaction, and_, select, text
from sqlalchemy.exc import DBAPIError, IntegrityError

from core.context import ALL_ROLE, GUEST, Context, Tenant
from core.db import alembic, pg_functions
from core.db.engine import Database, connect, is_unique_violation
from core.db.migrate import ensure_app_role, sync_tables
from core.db.tables import doctype_table, platform
from core.errors import AuthenticationError, DuplicateEntryError, MetaError
from core.events import DOC_EVENTS, EventRegistry
from core.meta.doctype import (
    DocField,
    DocTypeMeta,
    check_doctype,
    doctype_from_dict,
    field_from_dict,
    merge_fields,
    unindex_links,
)
from core.meta.registry import MetaRegistry
from core.modules import Manifest, dependency_order, discover
from core.pages import PageSpec, page_from_dict
from core.records import RecordCache, derived
from core.reports import ReportSpec, spec_from_dict
from core.scheduler import ScheduledEvent, event_from_dict
from core.tenancy import TenantRow, find_tenant

CORE = "core"


@dataclass(frozen=True)
class MakeAction:
    """A submitted document of one doctype turned into a draft of another by a module's
    whitelisted ``method(ctx, source_name, **args)``, which carries over what is open."""
    module: str
    target: str
    method: str
    label: str
    args: dict[str, Any]
    # shown while the source's percentage field ("per_delivered") is below 100 ...
    until: str | None = None
    # ... and while each of these fields holds one of its values ({"status": ("Open",)})
    when: dict[str, tuple[Any, ...]] = field(default_factory=dict)

    def is_open(self, doc: Any) -> bool:
        """Whether the source still has something this action would carry over."""
        if self.until and (doc.get(self.until) or 0) >= 100:
            return False
        return fields_hold(doc, self.when)


def fields_hold(doc: Any, when: dict[str, tuple[Any, ...]]) -> bool:
    """Each of ``when``'s fields of the document holds one of its values."""
    return all(doc.get(f) in values for f, values in when.items())


@dataclass(frozen=True)
class FormButton:
    """A button a module puts on another module's form: it calls a whitelisted
    ``method(ctx, doctype=..., name=..., **{param: doc[field]})`` (the module's own, or
    ``module.function`` of one it depends on), for users
    with ``right`` on the document, while each of ``when``'s fields holds one of its
    values ({"docstatus": (1,)})."""
    module: str
    doctype: str
    label: str
    method: str
    right: str = "write"
    when: dict[str, tuple[Any, ...]] = field(default_factory=dict)
    fields: dict[str, str] = field(default_factory=dict)  # method parameter -> doc field

    def shows(self, doc: Any) -> bool:
        return fields_hold(doc, self.when)


@dataclass
class Site:
    db: Database
    manifests: dict[str, Manifest]
    module_order: list[str]
    standard_meta: dict[str, DocTypeMeta] = field(default_factory=dict)
    controllers: dict[str, ModuleType] = field(default_factory=dict)
    # doctype -> (module, fields) that modules add to another module's doctype
    extensions: dict[str, list[tuple[str, tuple[DocField, ...]]]] = field(default_factory=dict)
    methods: dict[str, Callable[..., Any]] = field(default_factory=dict)
    reports: dict[str, ReportSpec] = field(default_factory=dict)
    pages: dict[str, PageSpec] = field(default_factory=dict)
    scheduled: list[ScheduledEvent] = field(default_factory=list)
    # doctype -> documents a submitted one can be turned into (desk "Make" buttons)
    make_actions: dict[str, list[MakeAction]] = field(default_factory=dict)
    buttons: dict[str, list[FormButton]] = field(default_factory=dict)
    # doctypes whose records Link columns point at without an index (``index_links``)
    unindexed_links: frozenset[str] = frozenset()
    events: EventRegistry = field(init=False)
    meta: MetaRegistry = field(init=False)
    # (doctype, installed modules) -> the extended meta, one object shared by every
    # tenant with those modules (and so one table object and its compiled statements)
    _extended: dict[tuple[str, frozenset[str]], DocTypeMeta] = field(
        init=False, default_factory=dict)
    records: RecordCache = field(init=False)
    redis_url: str | None = None
    login_delay: float = 0.5  # seconds; doubles with each failure past the third

    def __post_init__(self) -> None:
        rank = {CORE: 0} | {name: i + 1 for i, name in enumerate(self.module_order)}
        self.events = EventRegistry(rank)
        self.meta = MetaRegistry(self)
        self.records = RecordCache()

    @classmethod
    def load(cls, url: str | None = None, *, redis_url: str | None = None,
             modules_package: str = "modules") -> Site:
        manifests = discover(modules_package)
        site = cls(connect(url), manifests, dependency_order(manifests), redis_url=redis_url)
        site._load_doctypes(CORE, _package_modules("core.doctypes"))
        site._load_methods(CORE, importlib.import_module("core.api.methods"))
        for name in site.module_order:
            manifest = manifests[name]
            site._load_doctypes(name, manifest.doctype_modules())
            site._load_extensions(name, manifest.extension_modules())
            events = manifest.submodule("events")
            if events is not None:
                events.register(site.events.binder(name))
            for api in _method_modules(manifest):
                site._load_methods(name, api)
            for data in manifest.extra.get("reports", ()):
                spec = spec_from_dict(name, data)
                site.reports[spec.key] = spec
            for data in manifest.extra.get("pages", ()):
                page = page_from_dict(name, data)
                site.pages[page.key] = page
            for data in manifest.extra.get("scheduled", ()):
                site.scheduled.append(event_from_dict(name, data))
            for data in manifest.extra.get("buttons", ()):
                site.buttons.setdefault(data["doctype"], []).append(FormButton(
                    name, data["doctype"], data["label"],
                    data["method"] if "." in data["method"] else f"{name}.{data['method']}",
                    data.get("right", "write"),
                    {f: tuple(v) for f, v in (data.get("when") or {}).items()},
                    dict(data.get("fields") or {})))
            for data in manifest.extra.get("make", ()):
                site.make_actions.setdefault(data["from"], []).append(MakeAction(
                    name, data["to"], data["method"], data.get("label") or data["to"],
                    dict(data.get("args") or {}), data.get("until"),
                    {f: tuple(v) for f, v in (data.get("when") or {}).items()}))
        site._unindex_links()
        return site

    def _load_doctypes(self, module: str, files: list[ModuleType]) -> None:
        for file in files:
            meta = doctype_from_dict(file.DOCTYPE, module=module)
            if meta.name in self.standard_meta:
                raise MetaError(f"DocType {meta.name!r} is defined by both "
                                f"{self.standard_meta[meta.name].module} and {module}")
            self.standard_meta[meta.name] = meta
            self.controllers[meta.name] = file

    def _unindex_links(self) -> None:
        """Mark the Link fields that get no index, once every doctype is known."""
        self.unindexed_links = frozenset(
            name for name, meta in self.standard_meta.items() if not meta.index_links)
        for name, meta in self.standard_meta.items():
            fields = unindex_links(meta.fields, self.unindexed_links)
            if fields != meta.fields:
                self.standard_meta[name] = meta.with_fields(fields)
        for target, added in self.extensions.items():
            self.extensions[target] = [(module, unindex_links(fields, self.unindexed_links))
                                       for module, fields in added]

    def _load_extensions(self, module: str, files: list[ModuleType]) -> None:
        for file in files:
            target = self.standard_meta.get(file.EXTENDS)
            if target is None or target.module not in (CORE, *self._closure(module)):
                raise MetaError(f"{module}: extends {file.EXTENDS!r}, which is not a doctype "
                                "of a module it depends on")
            fields = tuple(field_from_dict(f) for f in file.FIELDS)
            taken = set(target.field_map) | {f.fieldname for _, fs in
                                             self.extensions.get(target.name, []) for f in fs}
            clash = [f.fieldname for f in fields if f.fieldname in taken]
            if clash:
                raise MetaError(f"{module}: {target.name} already has {', '.join(clash)}")
            check_doctype(merge_fields(target, fields))
            self.extensions.setdefault(target.name, []).append((module, fields))
            on = self.events.binder(module)
            for event in DOC_EVENTS:
                handler = getattr(file, event, None)
                if handler is not None:
                    on(target.name, event, handler)

    def _closure(self, module: str) -> set[str]:
        """The modules ``module`` depends on, directly or not."""
        seen: set[str] = set()
        todo = list(self.manifests[module].depends)
        while todo:
            name = todo.pop()
            if name not in seen:
                seen.add(name)
                todo.extend(self.manifests[name].depends)
        return seen

    def extended_meta(self, doctype: str, installed: frozenset[str] | None = None
                      ) -> DocTypeMeta:
        """A standard doctype with the fields its extending modules add (those installed,
        or all of them when ``installed`` is None, which is what its table holds)."""
        meta = self.standard_meta[doctype]
        modules = [m for m, _ in self.extensions.get(doctype, [])
                   if installed is None or m in installed]
        if not modules:
            return meta
        key = (doctype, frozenset(modules))
        if key not in self._extended:
            self._extended[key] = merge_fields(meta, tuple(
                f for module, fs in self.extensions[doctype] if module in key[1]
                for f in fs))
        return self._extended[key]

    def _load_methods(self, module: str, api: ModuleType) -> None:
        for attr in vars(api).values():
            if callable(attr) and getattr(attr, "whitelisted", False) \
                    and attr.__module__ == api.__name__:
                key = f"{module}.{attr.__name__}"
                if key in self.methods:
                    raise MetaError(f"{module}: two whitelisted functions are named {key}")
                self.methods[key] = attr

    def migrate(self) -> None:
        """Create or extend every platform and standard doctype table; safe to repeat."""
        tables = list(platform.tables.values()) + [
            doctype_table(self.extended_meta(name)) for name in self.standard_meta]
        with self.db.owner.begin() as conn:
            if self.db.is_postgres and self.db.app_role:
                ensure_app_role(conn, self.db.app_role)
            sync_tables(conn, tables, self.db.app_role)
            if self.db.is_postgres and self.db.app_role:
                conn.execute(text("GRANT UPDATE (meta_version, data_version) ON tenant "
                                  f"TO {self.db.app_role}"))
                pg_functions.install(conn, self.db.app_role)
        alembic.upgrade(self.db.owner)

    @contextmanager
    def transaction(self, tenant: str | int | None, user: str | None, *,
                    roles: frozenset[str] | None = None, write: bool = True,
                    owner: bool = False, host: str | None = None) -> Iterator[Context]:
        """One unit of work for one tenant and user; commits on success, else rolls back.

        ``user`` None starts as Guest (the web layer then authenticates the request).
        ``roles`` is given only while provisioning, before the user exists; otherwise the
        user's roles are read and a missing or disabled user is refused. ``host`` picks the
        tenant by a request's Host header instead of ``tenant``.
        """
        conn, begun, found = _begin(self.db.owner if owner else self.db.app, tenant,
                                    host, write)
        with conn, _unique_values_as_duplicates():
            with begun:
                schema = self.meta.schema(conn, found.id, found.meta_version)
                ctx = Context(self, conn, Tenant(found.id, found.name, found.meta_version,
                                                 schema.installed, found.data_version),
                              user or GUEST, frozenset({GUEST}), schema)
                if roles is not None:
                    ctx.roles = roles
                elif user is not None:
                    ctx.roles = user_roles(ctx, user)
                yield ctx
            for callback in ctx.after_commit:
                callback()


@contextmanager
def _unique_values_as_duplicates() -> Iterator[None]:
    """A queued write (core/db/deferred.py) that breaks a unique constraint fails at a
    later statement or at commit, outside the code that could name the field: it is
    reported as a duplicate all the same (HTTP 409), not as a server error."""
    try:
        yield
    except IntegrityError as exc:
        if not is_unique_violation(exc):
            raise
        raise DuplicateEntryError("A record with one of these unique values already "
                                  "exists") from exc


def _begin(engine: Engine, tenant: str | int | None, host: str | None, write: bool
           ) -> tuple[Connection, RootTransaction, TenantRow]:
    """A connection in a new transaction, and the tenant it works for.

    Pooled connections are not pinged before use (a round trip per transaction): one the
    server has dropped since (a restart) fails its first statement, the tenant lookup,
    and SQLAlchemy then replaces the pool's connections. Nothing has happened yet at that
    point, so the lookup is tried once more on a fresh connection.
    """
    for attempt in (1, 2):
        conn = engine.connect()
        try:
            conn.execution_options(write=write)
            begun = conn.begin()
            return conn, begun, find_tenant(conn, tenant, host=host)
        except BaseException as exc:
            conn.rollback()  # an invalidated connection must be rolled back to be closed
            conn.close()
            if not (isinstance(exc, DBAPIError) and exc.connection_invalidated) \
                    or attempt == 2:
                raise
    raise AssertionError("unreachable")


def user_roles(ctx: Context, user: str) -> frozenset[str]:
    """The user's roles; a missing or disabled user is refused. Users and their roles
    are cached records (core/records.py): a change to them reaches every process with
    the commit that makes it."""
    roles = derived(ctx, f"roles:{user}", lambda: _read_roles(ctx, user))
    if roles is None:
        raise AuthenticationError(f"User {user} does not exist or is disabled")
    return roles


def _read_roles(ctx: Context, user: str) -> frozenset[str] | None:
    users, has_role = ctx.table("User"), ctx.table("Has Role")
    rows = ctx.conn.execute(
        select(users.c.enabled, has_role.c.role)
        .select_from(users.outerjoin(has_role, and_(
            has_role.c.tenant_id == users.c.tenant_id, has_role.c.parent == users.c.name,
            has_role.c.parenttype == "User")))
        .where(users.c.tenant_id == ctx.tenant.id, users.c.name == user)).all()
    if not rows or not rows[0].enabled:
        return None
    return frozenset({r.role for r in rows if r.role} | {ALL_ROLE})


def _package_modules(package: str) -> list[ModuleType]:
    root = importlib.import_module(package)
    return [importlib.import_module(f"{package}.{info.name}")
            for info in sorted(pkgutil.iter_modules(root.__path__), key=lambda i: i.name)]


def _method_modules(manifest: Manifest) -> list[ModuleType]:
    """Where a module's whitelisted functions live: ``api.py``, and ``reports/api.py`` for
    the methods behind its reports, so report code stays in the reports package."""
    found = [manifest.submodule("api")]
    if manifest.submodule("reports") is not None:
        found.append(manifest.submodule("reports.api"))
    return [m for m in found if m is not None]
