"""Schema changes made while the application runs (custom doctypes and fields).

On PostgreSQL the app role owns no table. A new table is created by the owner in a short
transaction of its own (with a lock timeout); being new, nothing holds a lock on it, and
if the metadata transaction then fails the empty table is harmless and reused later. A
column or index on an existing table is added inside the request's own transaction
through the owner's narrow SECURITY DEFINER functions, because the request has usually
read that table already and a second connection would wait on its lock. SQLite has one
writer at a time and transactional DDL, so there every change joins the request's own
transaction.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlalchemy import Table, inspect, text

from core.db.migrate import sync_tables
from core.db.tables import doctype_table
from core.meta.doctype import DocTypeMeta, unindex_links

if TYPE_CHECKING:
    from core.context import Context


def apply_table(ctx: Context, meta: DocTypeMeta) -> None:
    table = doctype_table(meta.with_fields(unindex_links(meta.fields,
                                                         ctx.site.unindexed_links)))
    db = ctx.site.db
    if not db.is_postgres:
        sync_tables(ctx.conn, [table], None)
        return
    if not inspect(ctx.conn).has_table(table.name):
        with db.owner.begin() as conn:
            conn.execute(text("SET LOCAL lock_timeout = '5s'"))
            sync_tables(conn, [table], db.app_role)
        return
    _extend_in_place(ctx, table)


def _extend_in_place(ctx: Context, table: Table) -> None:
    """Add missing columns and indexes from within the request's own transaction, through
    the owner's narrow DDL functions (core/db/pg_functions.py)."""
    inspector = inspect(ctx.conn)
    have = {c["name"] for c in inspector.get_columns(table.name)}
    for column in table.columns:
        if column.name not in have:
            coltype = column.type.compile(dialect=ctx.conn.dialect).lower().replace(", ", ",")
            ctx.conn.execute(text("SELECT erp_add_column(:t, :c, :y)"),
                             {"t": table.name, "c": column.name, "y": coltype})
    indexes = {i["name"] for i in inspector.get_indexes(table.name)}
    for index in table.indexes:
        columns = [c.name for c in index.columns if c.name != "tenant_id"]
        # a module's indexes over several columns come with the migration (Site.migrate)
        if index.name not in indexes and len(columns) == 1:
            ctx.conn.execute(text("SELECT erp_add_index(:t, :c, :i, :u)"), {
                "t": table.name, "c": columns[0], "i": index.name, "u": bool(index.unique)})
