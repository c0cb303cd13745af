"""Tables: the platform registry, the engine's own tenant tables, and doctype tables.

Every table but the tenant registry carries ``tenant_id`` first in its primary key, so the
schema can be distributed by tenant (docs/scaling.md).
"""

from __future__ import annotations

import hashlib

from sqlalchemy import (
    Column,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    PrimaryKeyConstraint,
    String,
    Table,
)

from core.db.types import JSONType
from core.meta.doctype import DocTypeMeta
from core.meta.fieldtypes import FIELD_TYPES

platform = MetaData()

tenant = Table(
    "tenant", platform,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("name", String(63), nullable=False, unique=True),
    Column("status", String(20), nullable=False, default="active"),
    Column("meta_version", Integer, nullable=False, default=1),
    # incremented by every write of a doctype whose records are cached (core/records.py)
    Column("data_version", Integer, nullable=False, default=1, server_default="1"),
    Column("created", DateTime, nullable=False),
    # ids are never reused, so no process can mistake a new tenant for a dropped one in
    # the caches keyed by tenant id (PostgreSQL sequences never reuse them either)
    sqlite_autoincrement=True,
)

tenant_host = Table(
    "tenant_host", platform,
    Column("host", String(255), primary_key=True),
    Column("tenant_id", Integer, ForeignKey("tenant.id", ondelete="CASCADE"), nullable=False),
)

# Every cross-tenant ("agency") report a platform operator runs, and why.
agency_audit = Table(
    "agency_audit", platform,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("operator", String(140), nullable=False),
    Column("report", String(140), nullable=False),
    Column("reason", String(500), nullable=False),
    Column("tenants", Integer, nullable=False),
    Column("created", DateTime, nullable=False),
)

# Tables below belong to a tenant; row-level security covers them on PostgreSQL.
installed_module = Table(
    "installed_module", platform,
    Column("tenant_id", Integer, nullable=False),
    Column("module", String(63), nullable=False),
    Column("version", String(20), nullable=False),
    Column("installed", DateTime, nullable=False),
    PrimaryKeyConstraint("tenant_id", "module"),
)

naming_counter = Table(
    "naming_counter", platform,
    Column("tenant_id", Integer, nullable=False),
    Column("prefix", String(140), nullable=False),
    Column("current", Integer, nullable=False, default=0),
    PrimaryKeyConstraint("tenant_id", "prefix"),
)

singles = Table(
    "singles", platform,
    Column("tenant_id", Integer, nullable=False),
    Column("doctype", String(140), nullable=False),
    Column("field", String(140), nullable=False),
    Column("value", JSONType),
    PrimaryKeyConstraint("tenant_id", "doctype", "field"),
)

web_session = Table(
    "web_session", platform,
    Column("tenant_id", Integer, nullable=False),
    Column("sid", String(64), nullable=False),
    Column("user", String(140), nullable=False),
    Column("csrf_token", String(64), nullable=False),
    Column("created", DateTime, nullable=False),
    Column("expires", DateTime, nullable=False),
    PrimaryKeyConstraint("tenant_id", "sid"),
)

login_attempt = Table(
    "login_attempt", platform,
    Column("tenant_id", Integer, nullable=False),
    Column("login", String(140), nullable=False),
    Column("failures", Integer, nullable=False, default=0),
    Column("last_failure", DateTime),
    Column("locked_until", DateTime),
    PrimaryKeyConstraint("tenant_id", "login"),
)

PLATFORM_ONLY = frozenset({"tenant", "tenant_host", "agency_audit"})


def doctype_table(meta: DocTypeMeta, metadata: MetaData | None = None) -> Table:
    """The table that stores a doctype's documents (or child rows)."""
    columns: list[Column] = [
        Column("tenant_id", Integer, nullable=False),
        Column("name", String(140), nullable=False),
        Column("owner", String(140)),
        Column("creation", DateTime),
        Column("modified", DateTime),
        Column("modified_by", String(140)),
        Column("docstatus", Integer, nullable=False, default=0),
        Column("idx", Integer, nullable=False, default=0),
    ]
    if meta.istable:
        columns += [Column("parent", String(140)), Column("parenttype", String(140)),
                    Column("parentfield", String(140))]
    else:
        columns.append(Column("amended_from", String(140)))
    indexed: list[tuple[str, bool]] = []
    for f in meta.data_fields:
        make = FIELD_TYPES[f.fieldtype].column
        assert make is not None
        columns.append(Column(f.column_name, make()))
        if f.unique or f.search_index or (f.fieldtype == "Link" and f.link_index):
            indexed.append((f.column_name, f.unique))
    order = "parent" if meta.istable else list_order_column(meta)
    if order in {c.name for c in columns} - {c for c, _ in indexed}:
        indexed.append((order, False))
    table = Table(meta.table_name, metadata or MetaData(), *columns,
                  PrimaryKeyConstraint("tenant_id", "name"))
    for column, unique in indexed:
        # A unique index rather than a constraint: it can be added to a live table later.
        prefix = "uq" if unique else "ix"
        Index(f"{prefix}_{meta.table_name}_{column}"[:63], table.c.tenant_id, table.c[column],
              unique=unique)
    for fieldnames in meta.indexes:
        names = [meta.column_names.get(f, f) for f in fieldnames]
        Index(_index_name(meta.table_name, names), table.c.tenant_id,
              *[table.c[c] for c in names])
    return table


def list_order_column(meta: DocTypeMeta) -> str | None:
    """The column a document list is ordered by, which gets an index; None when the
    primary key already serves (``name``). Not ``modified`` unless the list is ordered by
    it: a row updated often (a Bin's totals) is then rewritten in place by PostgreSQL
    (a HOT update) instead of adding an entry to every index and leaving the old row for
    vacuum to find."""
    field = meta.get_field(meta.sort_field)
    column = field.column_name if field is not None and field.has_column else meta.sort_field
    return None if column == "name" else column


def _index_name(table_name: str, columns: list[str]) -> str:
    """``ix_<table>_<columns>``, cut to PostgreSQL's 63 characters with a digest of the
    whole name, so two long names cannot end alike."""
    name = f"ix_{table_name}_{'_'.join(columns)}"
    if len(name) <= 63:
        return name
    return f"{name[:54]}_{hashlib.sha1(name.encode()).hexdigest()[:8]}"


def is_tenant_table(table: Table) -> bool:
    return "tenant_id" in table.c and table.name not in PLATFORM_ONLY

