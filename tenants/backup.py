"""One tenant's data to a file and back, into a new tenant of any installation.

The file is gzip-compressed JSON lines: a header (format, source tenant, its modules and
their versions, dialect), then for each table a line naming it (by doctype, or the
engine table) with its columns, followed by one line per row. Values are written as
JSON-safe text and read back by the target column's type, so a SQLite backup restores
into PostgreSQL and back. Sessions and login attempts do not travel.

Restoring creates the tenant (with the host NAME.localhost) or fills an existing tenant
that holds no rows at all; anything else is refused and nothing changes
(docs/decisions/0007-tenant-backup.md). Everything happens in one transaction as the
database owner, with the tenant set for row-level security.
"""

from __future__ import annotations

import datetime as dt
import gzip
import json
from collections.abc import Iterator
from decimal import Decimal
from typing import IO, Any

from sqlalchemy import Connection, Date, DateTime, Table, Time, func, insert, select, update

from core.db.migrate import sync_tables
from core.db.tables import (
    doctype_table,
    installed_module,
    naming_counter,
    singles,
    tenant,
    tenant_host,
)
from core.db.types import DecimalType
from core.errors import TenantError
from core.site import Site
from core.tenancy import check_tenant_name, find_tenant, set_tenant_setting
from tenants.provisioning import default_hosts, tenant_tables

FORMAT = "erp-tenant-backup"
VERSION = 1
ENGINE_TABLES = {t.name: t for t in (installed_module, naming_counter, singles)}
METADATA_DOCTYPES = ("DocType", "DocField", "DocPerm", "Custom Field")
BATCH = 1000


def backup(site: Site, tenant_name: str, path: str) -> int:
    """Write every row of the tenant to ``path``; returns the number of rows."""
    rows = 0
    with site.db.owner.connect() as conn, gzip.open(path, "wt", encoding="utf-8") as out:
        tenant_id, name, version = find_tenant(conn, tenant_name)
        set_tenant_setting(conn, tenant_id)
        schema = site.meta.build(conn, tenant_id, version)
        _write(out, {"format": FORMAT, "version": VERSION, "tenant": name,
                     "dialect": conn.dialect.name, "created": dt.datetime.now().isoformat(),
                     "modules": {m: site.manifests[m].version for m in sorted(schema.installed)
                                 if m in site.manifests}})
        # engine tables and metadata first: restoring builds the tables from them
        order = list(METADATA_DOCTYPES) + sorted(set(schema.doctypes) - set(METADATA_DOCTYPES))
        sources = [("engine", t.name, t) for t in ENGINE_TABLES.values()]
        sources += [("doctype", d, schema.table(d)) for d in order
                    if not schema.doctypes[d].issingle]
        for kind, key, table in sources:
            rows += _dump_table(conn, out, kind, key, table, tenant_id)
    return rows


def _dump_table(conn: Connection, out: IO[str], kind: str, key: str, table: Table,
                tenant_id: int) -> int:
    columns = [c for c in table.columns if c.name != "tenant_id"]
    _write(out, {kind: key, "columns": [c.name for c in columns]})
    stmt = select(*columns).where(table.c.tenant_id == tenant_id) \
        .order_by(*[c for c in table.primary_key.columns if c.name != "tenant_id"])
    count = 0
    for row in conn.execution_options(yield_per=BATCH).execute(stmt):
        _write(out, {"r": [_encode(v) for v in row]})
        count += 1
    return count


def _write(out: IO[str], record: dict[str, Any]) -> None:
    out.write(json.dumps(record, separators=(",", ":")) + "\n")


def _encode(value: Any) -> Any:
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, (dt.date, dt.datetime, dt.time)):
        return value.isoformat()
    return value


def _records(path: str) -> Iterator[dict[str, Any]]:
    try:
        with gzip.open(path, "rt", encoding="utf-8") as src:
            for line in src:
                yield json.loads(line)
    except (OSError, ValueError) as exc:
        raise TenantError(f"{path} is not a tenant backup: {exc}") from None


def restore(site: Site, tenant_name: str, path: str) -> int:
    """Load a backup into a new (or completely empty) tenant; returns rows restored."""
    records = _records(path)
    header = next(records, {})
    if header.get("format") != FORMAT or header.get("version") != VERSION:
        raise TenantError(f"{path} is not a tenant backup this version can read")
    missing = sorted(set(header["modules"]) - set(site.manifests))
    if missing:
        raise TenantError(f"The backup needs modules this installation lacks: "
                          f"{', '.join(missing)}")
    with site.db.owner.begin() as conn:
        tenant_id = _target_tenant(site, conn, tenant_name)
        set_tenant_setting(conn, tenant_id)
        loader = _Loader(site, conn, tenant_id)
        for record in records:
            loader.take(record)
        loader.flush()
        conn.execute(update(tenant).where(tenant.c.id == tenant_id)
                     .values(meta_version=tenant.c.meta_version + 1))
        return loader.rows


def _target_tenant(site: Site, conn: Connection, name: str) -> int:
    check_tenant_name(name)
    found = conn.execute(select(tenant.c.id).where(tenant.c.name == name)).scalar()
    if found is None:
        hosts = default_hosts(name)
        if conn.execute(select(tenant_host.c.host).where(tenant_host.c.host.in_(hosts))
                        ).first():
            raise TenantError(f"Host {hosts[0]} already belongs to a tenant")
        found = conn.execute(insert(tenant).values(
            name=name, status="active", meta_version=1, created=dt.datetime.now())
            .returning(tenant.c.id)).scalar_one()
        conn.execute(insert(tenant_host), [{"host": h, "tenant_id": found} for h in hosts])
        return found
    set_tenant_setting(conn, found)
    for table in tenant_tables(site, conn):
        if conn.execute(select(func.count()).select_from(table)
                        .where(table.c.tenant_id == found)).scalar():
            raise TenantError(f"Tenant {name} is not empty ({table.name} has rows): restore "
                              "into a new tenant name, or drop this one first")
    return found


class _Loader:
    """Inserts rows table by table in batches; builds the tenant's tables from its
    restored metadata before the first business table."""

    def __init__(self, site: Site, conn: Connection, tenant_id: int) -> None:
        self.site, self.conn, self.tenant_id = site, conn, tenant_id
        self.table: Table | None = None
        self.columns: list[str] = []
        self.batch: list[dict[str, Any]] = []
        self.rows = 0
        self.schema: Any = None

    def take(self, record: dict[str, Any]) -> None:
        if "r" in record:
            self.batch.append(self._decode(record["r"]))
            if len(self.batch) >= BATCH:
                self.flush()
            return
        self.flush()
        self.columns = record["columns"]
        if "engine" in record:
            self.table = ENGINE_TABLES[record["engine"]]
        else:
            self.table = self._doctype_table(record["doctype"])

    def _doctype_table(self, doctype: str) -> Table:
        if doctype in METADATA_DOCTYPES:
            return doctype_table(self.site.standard_meta[doctype])
        if self.schema is None:
            self.schema = self.site.meta.build(self.conn, self.tenant_id, 0)
            tables = [self.schema.table(d) for d in self.schema.doctypes
                      if not self.schema.doctypes[d].issingle]
            sync_tables(self.conn, tables, self.site.db.app_role)
        if doctype not in self.schema.doctypes:
            raise TenantError(f"The backup holds {doctype}, which no installed module "
                              "defines")
        return self.schema.table(doctype)

    def _decode(self, values: list[Any]) -> dict[str, Any]:
        assert self.table is not None
        row = {"tenant_id": self.tenant_id}
        for name, value in zip(self.columns, values, strict=True):
            if name in self.table.c:
                row[name] = _decode(self.table.c[name].type, value)
        return row

    def flush(self) -> None:
        if self.batch and self.table is not None:
            self.conn.execute(insert(self.table), self.batch)
            self.rows += len(self.batch)
        self.batch = []


def _decode(column_type: Any, value: Any) -> Any:
    if value is None:
        return None
    if isinstance(column_type, DecimalType):
        return Decimal(value)
    if isinstance(column_type, DateTime):
        return dt.datetime.fromisoformat(value)
    if isinstance(column_type, Date):
        return dt.date.fromisoformat(value)
    if isinstance(column_type, Time):
        return dt.time.fromisoformat(value)
    return value
