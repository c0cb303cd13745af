"""Database engines: the owner (DDL, provisioning) and the app role (every request).

On PostgreSQL the application works as a role that owns nothing, so row-level security
applies to it; the owner engine only runs migrations and tenant provisioning. SQLite has no
roles: both are the same engine, and the engine's own scoping is the only guard.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, Engine, Table, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DisconnectionError, IntegrityError
from sqlalchemy.pool import NullPool

from core.db import deferred, memo

DEFAULT_URL = "sqlite:///data/erp.db"
DEFAULT_APP_ROLE = "erp_app"


@dataclass
class Database:
    url: str
    owner: Engine
    app: Engine
    app_role: str | None

    @property
    def dialect(self) -> str:
        return self.owner.dialect.name

    @property
    def is_postgres(self) -> bool:
        return self.dialect == "postgresql"

    def dispose(self) -> None:
        self.app.dispose()
        if self.owner is not self.app:
            self.owner.dispose()


def connect(url: str | None = None, *, pool_size: int = 10) -> Database:
    url = url or os.environ.get("ERP_DATABASE_URL") or DEFAULT_URL
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        engine = _sqlite_engine(url)
        deferred.install(engine)
        memo.install(engine)
        return Database(url=url, owner=engine, app=engine, app_role=None)
    if parsed.drivername == "postgresql":
        parsed = parsed.set(drivername="postgresql+psycopg")
    owner = create_engine(parsed, poolclass=NullPool)
    role = os.environ.get("ERP_APP_ROLE", DEFAULT_APP_ROLE)
    app_url = os.environ.get("ERP_APP_DATABASE_URL") or parsed.set(username=role, password=None)
    # No ping before each use: see core/site.py _begin for how a dropped connection is met.
    app = create_engine(app_url, pool_size=pool_size, max_overflow=pool_size * 2,
                        pool_recycle=3600)
    event.listen(app, "checkout", _refuse_broken)
    for engine in (owner, app):
        event.listen(engine, "connect", _prepared_by_the_engine_only)
        deferred.install(engine)
        memo.install(engine)
    return Database(url=url, owner=owner, app=app, app_role=role)


def _prepared_by_the_engine_only(dbapi_connection: Any, _record: Any) -> None:
    """The engine's compiled statements are prepared on the server by
    core/db/pg_pipeline.py. psycopg's own preparing is off: once it has prepared one,
    a rollback (even to a savepoint) or DDL run through it deallocates every prepared
    statement of the connection, the engine's too."""
    dbapi_connection.prepare_threshold = None


def _refuse_broken(dbapi_connection: Any, _record: Any, _proxy: Any) -> None:
    """A connection psycopg already knows is closed or broken is not handed out."""
    if dbapi_connection.closed or dbapi_connection.broken:
        raise DisconnectionError("connection closed")


def _sqlite_engine(url: str) -> Engine:
    database = make_url(url).database
    if database and database != ":memory:":
        os.makedirs(os.path.dirname(os.path.abspath(database)), exist_ok=True)
    engine = create_engine(url, connect_args={"timeout": 30, "check_same_thread": False})

    @event.listens_for(engine, "connect")
    def _pragmas(dbapi_connection, _record) -> None:  # noqa: ANN001
        # Take transaction control from the sqlite3 module so BEGIN is ours (see _begin).
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA busy_timeout=30000")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _begin(conn: Connection) -> None:
        # Writers take the write lock up front: two deferred transactions that both
        # upgrade to writing would fail with "database is locked" instead of queueing.
        mode = "IMMEDIATE" if conn.get_execution_options().get("write", True) else "DEFERRED"
        conn.exec_driver_sql(f"BEGIN {mode}")

    return engine


def is_unique_violation(exc: IntegrityError) -> bool:
    """The error is a unique constraint's (not another integrity rule's)."""
    sqlstate = getattr(exc.orig, "sqlstate", None)
    return sqlstate == "23505" if sqlstate else "UNIQUE constraint failed" in str(exc.orig)


def unique_violation(exc: IntegrityError, tables: Iterable[Table]) -> tuple[Table, str] | None:
    """The table, among ``tables``, and the column (besides ``tenant_id``) whose unique
    index or primary key the error broke; None when the error is another one or names
    none of them. PostgreSQL names the table and the index; SQLite names the columns."""
    if not is_unique_violation(exc):
        return None
    by_name = {t.name: t for t in tables}
    diag = getattr(exc.orig, "diag", None)
    if diag is not None:
        table = by_name.get(diag.table_name or "")
        if table is None:
            return None
        for index in table.indexes:
            if index.unique and index.name == diag.constraint_name:
                return table, _keyed_column(c.name for c in index.columns)
        return table, _keyed_column(c.name for c in table.primary_key.columns)
    failed = str(exc.orig).partition("UNIQUE constraint failed:")[2]
    columns = [part.strip().rpartition(".") for part in failed.split(",")]
    table = by_name.get(columns[0][0]) if columns and columns[0][1] else None
    return (table, _keyed_column(c for _, _, c in columns)) if table is not None else None


def _keyed_column(columns: Iterable[str]) -> str:
    return next(c for c in columns if c != "tenant_id")
