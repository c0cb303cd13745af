"""Writes sent with the transaction's next statement or with its commit.

Most rows a submit writes are never read back by the transaction that writes them: child
rows, ledger lines, version records, a status or a running total set on a row. Sending
each insert or update and waiting for PostgreSQL's answer costs a network round trip
apiece, often more than the work itself. So the query layer queues them on the
connection, in order, and they go to the server together, in one pipeline, when the
transaction next needs the database: with its next statement (so a read always sees
them) or with the COMMIT itself.

The price is when a failure shows: a write that breaks a constraint raises at that next
statement or at the commit, not at the line that queued it (``Site.transaction`` still
reports a unique value taken as a duplicate). Code that must answer a failed write
itself (a duplicate document name) calls ``flush`` before leaving its ``try``. Either way
the transaction rolls back whole. Row locks are taken in the same order as before, only
later: a flush always precedes the next statement (except for several rows updated in
one statement, which the caller allows only for rows whose locks it holds already).

The statements skip SQLAlchemy's per-statement work too: each (table, columns) insert or
update is compiled once per process (core/db/compiled.py).
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, Engine, Table, bindparam, event, insert, update
from sqlalchemy.engine import Dialect

from core.db import pg_pipeline, statement_cache
from core.db.compiled import Compiled, compile_statement
from core.db.pg_pipeline import Rows

PENDING = "core.db.deferred"  # key in the DBAPI connection's info dict


@dataclass
class _Queue:
    # (SQL, its parameter rows); rows None: a statement without parameters (a savepoint)
    statements: list[tuple[str, list[Any] | None]] = field(default_factory=list)


def _compiled(dialect: Dialect, table: Table, kind: str, columns: tuple[str, ...]
              ) -> Compiled:
    return statement_cache.cached(table, f"queued-{kind}", (dialect.name, columns),
                                  lambda: _compile(dialect, table, kind, columns))


def _compile(dialect: Dialect, table: Table, kind: str, columns: tuple[str, ...]
             ) -> Compiled:
    values = {c: bindparam(c, type_=table.c[c].type) for c in columns}
    if kind == "insert":
        # its compiled form also binds the columns the rows leave out, at their defaults
        return compile_statement(dialect, insert(table).values(values),
                                 lambda name, _bind: _default(table, name))[0]
    return compile_statement(dialect, update(table).where(
        table.c.tenant_id == bindparam(ROW_TENANT, type_=table.c.tenant_id.type),
        table.c.name == bindparam(ROW_NAME, type_=table.c.name.type)).values(values),
        lambda _name, _bind: None)[0]


ROW_TENANT, ROW_NAME = "row_tenant_id", "row_name"  # an update's WHERE parameters


def _default(table: Table, column: str) -> Any:
    default = table.c[column].default
    return default.arg if default is not None else None


def _defaults_computed(table: Table, columns: tuple[str, ...]) -> bool:
    """Some column the rows leave out takes a default computed when inserting (a
    function or SQL): only SQLAlchemy's own execution knows how to work those out."""
    return any(c.default is not None and not c.default.is_scalar
               for c in table.c if c.key not in columns)


def queue_insert(conn: Connection, table: Table, rows: Sequence[dict[str, Any]]) -> None:
    """Queue rows for ``table``; every row must have the same keys (its columns). A table
    whose omitted columns take computed defaults is inserted into at once instead (what
    is queued goes first, as before any statement)."""
    if not rows:
        return
    columns = tuple(rows[0])
    computed = statement_cache.cached(table, "queued-insert-computed", columns,
                                      lambda: _defaults_computed(table, columns))
    if computed:
        conn.execute(insert(table), list(rows))
        return
    compiled = _compiled(conn.dialect, table, "insert", columns)
    if conn.dialect.name != "postgresql" or len(rows) == 1:
        _queue(conn, compiled, rows)
        return
    _queue_many(conn, compiled, rows, lambda count: statement_cache.cached(
        table, "queued-insert-many", (columns, count),
        lambda: _many_rows(compiled.sql, len(compiled.names), count)))


MAX_ROWS_PER_STATEMENT = 500
MAX_PARAMS_PER_STATEMENT = 30_000  # PostgreSQL takes at most 65,535 parameters a statement


def _queue_many(conn: Connection, compiled: Compiled, rows: Sequence[dict[str, Any]],
                sql: Callable[[int], str]) -> None:
    """Queue rows as statements of many rows each (``sql(count)`` is the text for
    ``count`` of them): each statement is parsed (or its prepared form looked up),
    planned and answered by the server on its own."""
    queue = conn.info.setdefault(PENDING, _Queue())
    size = max(1, min(MAX_ROWS_PER_STATEMENT,
                      MAX_PARAMS_PER_STATEMENT // len(compiled.names)))
    for start in range(0, len(rows), size):
        chunk = rows[start:start + size]
        queue.statements.append((sql(len(chunk)), [
            tuple(itertools.chain.from_iterable(compiled.params(r) for r in chunk))]))


_PLACEHOLDER = re.compile(r"\$(\d+)")


def _many_rows(sql: str, width: int, count: int) -> str:
    """A compiled single-row INSERT (its values all ``$n`` parameters, ``width`` of them)
    made to insert ``count`` rows: ``VALUES ($1, $2), ($3, $4)``."""
    head, values_kw, row = sql.partition(" VALUES ")
    if not values_kw or not row.startswith("("):
        raise ValueError(f"not a single-row INSERT: {sql[:80]}")
    return head + values_kw + ", ".join(
        _PLACEHOLDER.sub(lambda m, shift=r * width: f"${int(m.group(1)) + shift}", row)
        for r in range(count))


def queue_update(conn: Connection, table: Table, tenant_id: int,
                 rows: Sequence[dict[str, Any]], *, locked: bool = False) -> None:
    """Queue updates of rows by name: each row is its ``name`` and the columns it sets,
    the same columns in every row. ``locked``: the transaction holds the rows' locks
    already (it read them FOR UPDATE, or inserted them), so on PostgreSQL they may go as
    one statement, which takes row locks in an order of its own choosing."""
    if not rows:
        return
    columns = tuple(c for c in rows[0] if c != "name")
    compiled = _compiled(conn.dialect, table, "update", columns)
    keyed = [r | {ROW_TENANT: tenant_id, ROW_NAME: r["name"]} for r in rows]
    if not locked or conn.dialect.name != "postgresql" or len(rows) == 1:
        _queue(conn, compiled, keyed)
        return
    _queue_many(conn, compiled, keyed, lambda count: statement_cache.cached(
        table, "queued-update-many", (compiled.names, count),
        lambda: _update_many(conn.dialect, table, compiled.names, count)))


def _update_many(dialect: Dialect, table: Table, names: tuple[str, ...], count: int
                 ) -> str:
    """``UPDATE t SET c = v.c FROM (VALUES (...), ...) AS v WHERE t.name = v.row_name``
    for ``count`` rows, the values in the order of the single-row update's parameters,
    each cast to its column's type (PostgreSQL cannot tell them in a VALUES list)."""
    quote = dialect.identifier_preparer.quote
    target = dialect.identifier_preparer.format_table(table)
    column = {ROW_TENANT: "tenant_id", ROW_NAME: "name"}
    types = [table.c[column.get(n, n)].type.compile(dialect=dialect) for n in names]
    width = len(names)
    values = ", ".join("(" + ", ".join(f"CAST(${r * width + i + 1} AS {t})"
                                       for i, t in enumerate(types)) + ")"
                       for r in range(count))
    sets = ", ".join(f"{quote(n)} = v.{quote(n)}" for n in names if n not in column)
    return (f"UPDATE {target} SET {sets} FROM (VALUES {values}) AS v("
            f"{', '.join(quote(n) for n in names)}) WHERE {target}.tenant_id = "
            f"v.{ROW_TENANT} AND {target}.name = v.{ROW_NAME}")


def _queue(conn: Connection, compiled: Compiled, rows: Sequence[dict[str, Any]]) -> None:
    queue = conn.info.setdefault(PENDING, _Queue())
    queue.statements.append((compiled.sql, [compiled.params(r) for r in rows]))


def _queue_plain(conn: Connection, sql: str) -> None:
    conn.info.setdefault(PENDING, _Queue()).statements.append((sql, None))


def flush(conn: Connection, *, commit: bool = False,
          then: tuple[str, Any] | None = None) -> Rows | None:
    """Send what is queued now, and with it, in the same round trip, the COMMIT
    (``commit``) or the read ``then`` names (SQL and its parameters), whose rows are
    returned."""
    queue: _Queue | None = conn.info.pop(PENDING, None)
    statements = queue.statements if queue is not None else []
    if not statements and then is None:
        return None
    sql = params = None
    try:
        if conn.dialect.name == "postgresql":
            return pg_pipeline.run(conn.connection.driver_connection, statements,
                                   then=then, commit=commit)
        cursor = conn.connection.driver_connection.cursor()
        try:
            for sql, params in statements:
                _send(cursor, sql, params)
            if then is None:
                return None
            sql, params = then
            cursor.execute(sql, params)
            return Rows(cursor.fetchall(), tuple(d[1] for d in cursor.description))
        finally:
            cursor.close()
    except pg_pipeline.StatementFailed as failed:
        _raise_as_sqlalchemy(conn, failed.error, failed.sql, failed.params)
    except conn.dialect.loaded_dbapi.Error as exc:
        _raise_as_sqlalchemy(conn, exc, sql, params)
    raise AssertionError("unreachable")


def _raise_as_sqlalchemy(conn: Connection, exc: Exception, sql: str | None,
                         params: Any) -> None:
    """As SQLAlchemy's own execution would: the driver's error wrapped in SQLAlchemy's
    class, and a lost connection invalidated (private, but SQLAlchemy is pinned)."""
    conn._handle_dbapi_exception(exc, sql, params, None, None)


def _send(cursor: Any, sql: str, rows: list[Any] | None) -> None:
    if rows is None:
        cursor.execute(sql)
    elif len(rows) == 1:
        cursor.execute(sql, rows[0])
    else:
        cursor.executemany(sql, rows)


def discard(conn: Connection) -> None:
    if not conn.invalidated:  # an invalidated one has no DBAPI connection (nor queue)
        conn.info.pop(PENDING, None)


def install(engine: Engine) -> None:
    """Flush before every other statement and at commit; forget at rollback. SAVEPOINT
    and RELEASE SAVEPOINT are queued too (nothing waits for their answer); a ROLLBACK TO
    SAVEPOINT is an ordinary statement, so what is queued goes first."""
    dialect = engine.dialect
    preparer = dialect.identifier_preparer

    def do_savepoint(connection: Connection, name: str) -> None:
        _queue_plain(connection, f"SAVEPOINT {preparer.quote(name)}")

    def do_release_savepoint(connection: Connection, name: str) -> None:
        _queue_plain(connection, f"RELEASE SAVEPOINT {preparer.quote(name)}")

    dialect.do_savepoint = do_savepoint  # type: ignore[method-assign]
    dialect.do_release_savepoint = do_release_savepoint  # type: ignore[method-assign]

    @event.listens_for(engine, "before_cursor_execute")
    def _before_statement(conn: Connection, *_args: Any) -> None:
        if PENDING in conn.info:
            flush(conn)

    @event.listens_for(engine, "commit")
    def _at_commit(conn: Connection) -> None:
        if PENDING in conn.info:
            flush(conn, commit=True)

    @event.listens_for(engine, "rollback")
    def _at_rollback(conn: Connection) -> None:
        discard(conn)
