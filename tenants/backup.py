"""One tenant's data to a file and back, into a tenant of any installation.

``backup`` writes every row the tenant owns (tenants/backup_file.py describes the file)
from one consistent snapshot, streaming table by table. Engine tables come first, then
the metadata doctypes, then everything else, because restoring builds the tenant's custom
tables from its restored metadata. Tables are named by doctype, not by physical table, so
a custom doctype's ``custom_{id}_...`` table maps to the target tenant's own. Live sessions
and login throttling stay behind; users, password hashes and API keys travel, so people
and integrations keep working after a move.

``restore`` loads a backup into the tenant NAME. A new name is created (host
NAME.localhost); an existing tenant is replaced only while it holds nothing but its
set-up (tenants/restore_target.py has the rule, docs/decisions/0007-tenant-backup.md
the reasons). It runs in three steps as the database owner:

1. a trial transaction, rolled back, loads the metadata to learn the custom tables and
   custom-field columns the backup needs, and refuses a tenant that holds data;
2. a short transaction creates those tables and columns. Schema changes lock the shared
   tables, so they must not wait for the long load; being additive, they stay harmless
   if the load then fails (as in core/db/ddl.py);
3. one transaction empties the tenant, loads every row in batches and bumps the tenant's
   metadata version. Any error rolls it all back, leaving the target as it was (a tenant
   created by this restore is removed again).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from contextlib import closing
from typing import IO, Any

from sqlalchemy import Connection, Table, insert, select, text

from core.db.migrate import sync_tables
from core.db.tables import doctype_table, installed_module, naming_counter, singles
from core.errors import TenantError
from core.meta.registry import TenantSchema
from core.site import Site
from core.tenancy import find_tenant, set_tenant_setting
from tenants import backup_file, restore_target

ENGINE_TABLES = {t.name: t for t in (installed_module, naming_counter, singles)}
METADATA_DOCTYPES = ("DocType", "DocField", "DocPerm", "Custom Field")
BATCH = 1000


def backup(site: Site, tenant_name: str, path: str) -> int:
    """Write every row of the tenant to ``path``; returns the number of rows."""
    with _snapshot(site) as conn, backup_file.writing(path) as out:
        tenant_id, name, version, _ = find_tenant(conn, tenant_name)  # sets app.tenant_id
        schema = site.meta.build(conn, tenant_id, version)
        backup_file.write(out, _header(site, conn, tenant_id, name))
        rows = 0
        for kind, key, table in _sources(schema):
            rows += _dump_table(conn, out, kind, key, table, tenant_id)
        backup_file.write(out, {"end": {"rows": rows}})
    return rows


def _snapshot(site: Site) -> Connection:
    """A read-only connection whose statements all see one moment of the database, so
    documents and their child rows agree even while the tenant is in use."""
    conn = site.db.owner.connect()
    if site.db.is_postgres:
        return conn.execution_options(isolation_level="REPEATABLE READ",
                                      postgresql_readonly=True)
    # SQLite (WAL) keeps a deferred transaction's snapshot from its first read, and a
    # deferred one does not hold the installation's single write lock while it runs.
    return conn.execution_options(write=False)


def _header(site: Site, conn: Connection, tenant_id: int, name: str) -> dict[str, Any]:
    installed = conn.execute(select(installed_module.c.module, installed_module.c.version)
                             .where(installed_module.c.tenant_id == tenant_id))
    # The running code's version says what shape the data has; the recorded one is all
    # there is for a module no longer in this installation.
    modules = {row.module: site.manifests[row.module].version
               if row.module in site.manifests else row.version for row in installed}
    return {"format": backup_file.FORMAT, "version": backup_file.VERSION, "tenant": name,
            "dialect": conn.dialect.name, "created": dt.datetime.now().isoformat(),
            "modules": dict(sorted(modules.items()))}


def _sources(schema: TenantSchema) -> Iterator[tuple[str, str, Table]]:
    for table in ENGINE_TABLES.values():
        yield "engine", table.name, table
    later = sorted(set(schema.doctypes) - set(METADATA_DOCTYPES))
    for doctype in (*METADATA_DOCTYPES, *later):
        if not schema.doctypes[doctype].issingle:  # singles live in the singles table
            yield "doctype", doctype, schema.table(doctype)


def _dump_table(conn: Connection, out: IO[str], kind: str, key: str, table: Table,
                tenant_id: int) -> int:
    columns = [c for c in table.columns if c.name != "tenant_id"]
    backup_file.write(out, {kind: key, "columns": [c.name for c in columns]})
    keys = [c for c in table.primary_key.columns if c.name != "tenant_id"]
    stmt = select(*columns).where(table.c.tenant_id == tenant_id).order_by(*keys)
    count = 0
    # yield_per streams: a server-side cursor on PostgreSQL, chunked fetches on SQLite
    for row in conn.execution_options(yield_per=BATCH).execute(stmt):
        backup_file.write(out, {"r": [backup_file.encode(v) for v in row]})
        count += 1
    return count


def restore(site: Site, tenant_name: str, path: str) -> int:
    """Load a backup into a new tenant, or into one holding only its set-up, replacing
    that; returns the number of rows restored."""
    check_modules(site, backup_file.read_header(path))
    tenant_id, created = restore_target.claim(site, tenant_name)
    try:
        _create_tables(site, _tables_needed(site, tenant_id, tenant_name, path))
        with site.db.owner.begin() as conn:
            set_tenant_setting(conn, tenant_id)
            restore_target.lock(conn, tenant_id)
            restore_target.check_replaceable(site, conn, tenant_id, tenant_name)
            restore_target.clear(site, conn, tenant_id)
            loader = _Loader(site, conn, tenant_id)
            with closing(backup_file.records(path)) as records:
                loader.load(records)
            restore_target.open_for_business(conn, tenant_id)
        return loader.rows
    except BaseException:
        if created:
            restore_target.release(site, tenant_id)
        raise


def check_modules(site: Site, header: dict[str, Any]) -> None:
    """Refuse a backup needing modules this installation lacks, or newer versions of them
    (their data may have fields this code does not know)."""
    modules: dict[str, str] = header["modules"]
    missing = sorted(m for m in modules if m not in site.manifests)
    if missing:
        raise TenantError(f"The backup needs modules this installation lacks: "
                          f"{', '.join(missing)}")
    newer = [f"{m} {v} (here {site.manifests[m].version})" for m, v in modules.items()
             if _version(v) > _version(site.manifests[m].version)]
    if newer:
        raise TenantError(f"The backup was made with newer modules: {', '.join(newer)}")


def _version(version: str) -> tuple[int, ...]:
    return tuple(int(part) for part in re.findall(r"\d+", version))


def _tables_needed(site: Site, tenant_id: int, name: str, path: str) -> list[Table]:
    """The custom tables and custom-field columns the backup's metadata asks for, learnt
    by loading that metadata in a transaction that is then rolled back."""
    with site.db.owner.connect() as conn, conn.begin() as trial:
        set_tenant_setting(conn, tenant_id)
        restore_target.check_replaceable(site, conn, tenant_id, name)
        restore_target.clear(site, conn, tenant_id)
        with closing(backup_file.records(path)) as records:
            schema = _Loader(site, conn, tenant_id).load_metadata(records)
        trial.rollback()
    return [schema.table(d) for d, meta in schema.doctypes.items() if not meta.issingle
            and (meta.custom or any(f.is_custom for f in meta.fields))]


def _create_tables(site: Site, tables: list[Table]) -> None:
    if not tables:
        return
    with site.db.owner.begin() as conn:
        if site.db.is_postgres:
            conn.execute(text("SET LOCAL lock_timeout = '5s'"))
        sync_tables(conn, tables, site.db.app_role)


class _Loader:
    """Inserts a backup's rows table by table, in batches, into one tenant."""

    def __init__(self, site: Site, conn: Connection, tenant_id: int) -> None:
        self.site, self.conn, self.tenant_id = site, conn, tenant_id
        self.schema: TenantSchema | None = None
        self.table: Table | None = None
        self.columns: list[str] = []
        self.batch: list[dict[str, Any]] = []
        self.rows = 0

    def load(self, records: Iterator[dict[str, Any]]) -> None:
        next(records)  # the header, checked already
        for record in records:
            if "end" in record:
                self._flush()
                self._check_end(record["end"])
                return
            self._take(record)
        raise TenantError("The backup is incomplete: it has no end record")

    def load_metadata(self, records: Iterator[dict[str, Any]]) -> TenantSchema:
        """Load the engine tables and metadata only; the tenant's schema as they make it."""
        next(records)
        for record in records:
            if "end" in record or record.get("doctype") not in (None, *METADATA_DOCTYPES):
                break
            self._take(record)
        self._flush()
        return self._schema()

    def _take(self, record: dict[str, Any]) -> None:
        if "r" in record:
            if self.table is None:
                raise TenantError("The backup is damaged: a row comes before its table")
            self.batch.append(self._row(record["r"]))
            if len(self.batch) >= BATCH:
                self._flush()
            return
        self._flush()
        self.table = self._table(record)
        self.columns = record["columns"]
        unknown = [c for c in self.columns if c not in self.table.c]
        if unknown:
            raise TenantError(f"The backup's {self.table.name} has columns this installation "
                              f"lacks: {', '.join(unknown)}")

    def _table(self, record: dict[str, Any]) -> Table:
        if "engine" in record:
            if record["engine"] not in ENGINE_TABLES:
                raise TenantError(f"The backup holds an unknown table {record['engine']!r}")
            return ENGINE_TABLES[record["engine"]]
        doctype = record.get("doctype")
        if doctype in METADATA_DOCTYPES:
            return doctype_table(self.site.standard_meta[doctype])
        schema = self._schema()
        if doctype not in schema.doctypes:
            raise TenantError(f"The backup holds {doctype}, which no installed module "
                              "or custom doctype defines")
        return schema.table(doctype)

    def _schema(self) -> TenantSchema:
        # Built once the metadata rows are in; version 0 is never cached.
        if self.schema is None:
            self.schema = self.site.meta.build(self.conn, self.tenant_id, 0)
        return self.schema

    def _row(self, values: list[Any]) -> dict[str, Any]:
        assert self.table is not None
        if len(values) != len(self.columns):
            raise TenantError(f"The backup is damaged: a {self.table.name} row has "
                              f"{len(values)} values for {len(self.columns)} columns")
        row = {"tenant_id": self.tenant_id}
        for name, value in zip(self.columns, values, strict=True):
            row[name] = backup_file.decode(self.table.c[name].type, value)
        return row

    def _flush(self) -> None:
        if self.batch:
            assert self.table is not None
            self.conn.execute(insert(self.table), self.batch)
            self.rows += len(self.batch)
            self.batch = []

    def _check_end(self, end: dict[str, Any]) -> None:
        if end.get("rows") != self.rows:
            raise TenantError(f"The backup is damaged: it announces {end.get('rows')} rows "
                              f"but holds {self.rows}")
