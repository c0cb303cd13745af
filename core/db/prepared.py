"""Read statements compiled once and run on the driver's own cursor.

SQLAlchemy spends several times longer on a short statement than the driver does:
building the expression, finding its compiled form by cache key, setting up an
execution context and a result. The query layer reads the same few shapes of statement
over and over (a row by name, the rows of a parent, a ledger's rows of one voucher), so
each shape is compiled once per process into a ``Prepared``: the SQL text, its
parameters in driver order, and the bind and result processors of its column types.
Running one then costs about what the driver costs, and PostgreSQL prepares it on the
server too (core/db/pg_pipeline.py does from its second run on a connection).

What SQLAlchemy did besides is done here: queued writes go first (core/db/deferred.py),
driver errors come out as SQLAlchemy's, and values pass through the same type
processors, so rows read this way equal rows read through SQLAlchemy.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, Select
from sqlalchemy.engine import Dialect
from sqlalchemy.sql.dml import ReturningInsert
from sqlalchemy.types import TypeEngine

from core.db import deferred
from core.db.compiled import Compiled, Processor, compile_statement


@dataclass
class Prepared:
    statement: Compiled  # its defaults: the values as compiled (a LIMIT's)
    keys: tuple[str, ...]  # result columns
    types: tuple[TypeEngine[Any], ...]  # by ``keys``
    # by ``keys``; worked out at the first run, from the driver's column type codes
    result_processors: tuple[Processor, ...] | None = None

    def fetch(self, conn: Connection, params: dict[str, Any]) -> list[dict[str, Any]]:
        """The rows, as dicts by column key, in the connection's transaction (sent with
        the transaction's queued writes, if any: core/db/deferred.py)."""
        got = deferred.flush(conn, then=(self.statement.sql, self.statement.params(params)))
        assert got is not None
        rows = got.rows
        if self.result_processors is None:
            self.result_processors = tuple(
                t._cached_result_processor(conn.dialect, code)
                for t, code in zip(self.types, got.type_codes, strict=True))
        keys, processors = self.keys, self.result_processors
        if not any(processors):
            return [dict(zip(keys, row, strict=True)) for row in rows]
        return [{k: v if p is None or v is None else p(v)
                 for k, v, p in zip(keys, row, processors, strict=True)} for row in rows]


def prepare(dialect: Dialect, stmt: Select[Any] | ReturningInsert[Any]) -> Prepared:
    """Compile a SELECT (or an INSERT ... RETURNING) whose values are named
    ``bindparam``s, given to ``fetch`` (those SQLAlchemy names itself, a LIMIT's, keep
    the value they have here)."""
    statement, compiled = compile_statement(dialect, stmt,
                                            lambda _name, bind: bind.effective_value)
    columns = compiled._result_columns  # private, but SQLAlchemy is pinned
    return Prepared(statement, keys=tuple(c.keyname for c in columns),
                    types=tuple(c.type for c in columns))


_FIXED: dict[tuple[str, Hashable], Prepared] = {}


def fixed(dialect: Dialect, key: Hashable,
          build: Callable[[str], Select[Any] | ReturningInsert[Any]]) -> Prepared:
    """A statement on the engine's own tables (not a doctype's: those are kept on their
    table, core/db/statement_cache.py), compiled once per kind of database from
    ``build(dialect name)``."""
    found = _FIXED.get((dialect.name, key))
    if found is None:
        found = _FIXED[dialect.name, key] = prepare(dialect, build(dialect.name))
    return found
