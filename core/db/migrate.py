"""Bring tables up to their metadata: create missing tables, add missing columns and indexes.

Changes are additive, but for an index on one column that the metadata no longer
declares; no column or table is dropped or retyped automatically. DDL is emitted through
Alembic's operations so each dialect gets its own correct statements. On PostgreSQL
each new tenant table gets row-level security (ENABLE + FORCE and a policy on
``app.tenant_id``) and the app role's grants.
"""

from __future__ import annotations

from collections.abc import Iterable

from alembic.migration import MigrationContext
from alembic.operations import Operations
from sqlalchemy import Connection, Table, inspect, text

from core.db.tables import is_tenant_table


def sync_tables(conn: Connection, tables: Iterable[Table], app_role: str | None) -> None:
    inspector = inspect(conn)
    existing = set(inspector.get_table_names())
    ops = Operations(MigrationContext.configure(conn))
    for table in tables:
        if table.name not in existing:
            table.create(conn)
            existing.add(table.name)
        else:
            _add_missing_columns(ops, inspector, table)
            _add_missing_indexes(conn, inspector, table)
        if conn.dialect.name == "postgresql" and app_role:
            secure_table(conn, table, app_role)


def _add_missing_columns(ops: Operations, inspector, table: Table) -> None:  # noqa: ANN001
    have = {c["name"] for c in inspector.get_columns(table.name)}
    for column in table.columns:
        if column.name not in have:
            ops.add_column(table.name, column._copy())


def _add_missing_indexes(conn: Connection, inspector, table: Table) -> None:  # noqa: ANN001
    have = inspector.get_indexes(table.name)
    declared = {i.name for i in table.indexes}
    for index in table.indexes:
        if index.name not in {i["name"] for i in have}:
            index.create(conn)
    # An index of one of the table's columns that the metadata no longer asks for goes:
    # once every document table had one on ``modified`` and on each Link column; now
    # only a list's order (core/db/tables.list_order_column) and links to doctypes that
    # want them do. A tenant's custom columns are not in ``table``: theirs stay.
    for index in have:
        columns = index["column_names"]
        if index["name"] not in declared and not index["unique"] and len(columns) == 2 \
                and columns[0] == "tenant_id" and columns[1] in table.c \
                and index["name"] == f"ix_{table.name}_{columns[1]}"[:63]:
            quoted = conn.dialect.identifier_preparer.quote(index["name"])
            conn.execute(text(f"DROP INDEX {quoted}"))


def secure_table(conn: Connection, table: Table, app_role: str) -> None:
    """Grant the app role its rights and, for tenant tables, force row-level security."""
    name = conn.dialect.identifier_preparer.quote(table.name)
    if not is_tenant_table(table):
        conn.execute(text(f"GRANT SELECT ON {name} TO {app_role}"))
        return
    conn.execute(text(f"GRANT SELECT, INSERT, UPDATE, DELETE ON {name} TO {app_role}"))
    conn.execute(text(f"ALTER TABLE {name} ENABLE ROW LEVEL SECURITY"))
    conn.execute(text(f"ALTER TABLE {name} FORCE ROW LEVEL SECURITY"))
    exists = conn.execute(text(
        "SELECT 1 FROM pg_policies WHERE tablename = :t AND policyname = 'tenant_isolation'"),
        {"t": table.name}).first()
    if not exists:
        conn.execute(text(
            f"CREATE POLICY tenant_isolation ON {name} "
            "USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::integer) "
            "WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::integer)"
        ))


def ensure_app_role(conn: Connection, app_role: str) -> None:
    """Create the login role the application connects as; it owns nothing."""
    exists = conn.execute(text("SELECT 1 FROM pg_roles WHERE rolname = :r"),
                          {"r": app_role}).first()
    if not exists:
        conn.execute(text(f"CREATE ROLE {app_role} LOGIN NOSUPERUSER NOBYPASSRLS"))
    conn.execute(text(f"GRANT USAGE ON SCHEMA public TO {app_role}"))
