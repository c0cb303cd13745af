"""Schema changes made while the application runs (custom doctypes and fields).

On PostgreSQL the app role owns no table, so the change runs as the owner in a short
transaction of its own, with a lock timeout so it can never hang behind live traffic. The
change is additive, so if the metadata transaction then fails the extra table or column is
harmless and is reused when the metadata is saved again. SQLite has one writer at a time
and transactional DDL, so there the change joins the request's own transaction.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlalchemy import text

from core.db.migrate import sync_tables
from core.db.tables import doctype_table
from core.meta.doctype import DocTypeMeta

if TYPE_CHECKING:
    from core.context import Context


def apply_table(ctx: Context, meta: DocTypeMeta) -> None:
    table = doctype_table(meta)
    db = ctx.site.db
    if not db.is_postgres:
        sync_tables(ctx.conn, [table], None)
        return
    with db.owner.begin() as conn:
        conn.execute(text("SET LOCAL lock_timeout = '5s'"))
        sync_tables(conn, [table], db.app_role)
