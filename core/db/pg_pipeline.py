"""Statements sent to PostgreSQL in one round trip, straight through libpq's pipeline mode.

The engine's hot statements are compiled once (core/db/compiled.py) and go to the server
together: a transaction's queued writes, then a read or the COMMIT (core/db/deferred.py).
psycopg's cursor, driving its own pipeline, spent about 75 µs of Python on each of them
(sending, polling, building a result object per statement), as much as the rest of a
small submit. Here the statements go to libpq directly: values are turned into the
server's formats by psycopg's own adapters (its ``Transformer``, written in C), every
statement is sent at once, and one wait collects the answers up to the pipeline's sync.

Two more round trips are saved on the way. A transaction's first statement carries its
BEGIN with it (psycopg sends BEGIN alone and waits for it). A statement run a second time
on a connection is prepared on the server under a name, so PostgreSQL neither parses nor
plans it again; the names are this module's own (psycopg's automatic preparing is turned
off for the engine's connections: on a rollback it deallocates every statement of the
connection, ours with it).
"""

from __future__ import annotations

import contextlib
import itertools
from collections import OrderedDict
from collections.abc import Generator, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

import psycopg
from psycopg import errors, pq
from psycopg.adapt import PyFormat, Transformer
from psycopg.waiting import Ready, Wait

MAX_PREPARED = 1000  # per connection; beyond it the least recently used are deallocated

Key = tuple[bytes, tuple[int, ...]]  # a statement's text and its parameters' types


@dataclass(frozen=True)
class Rows:
    """What the pipeline's last statement read: its rows as tuples and each column's
    type (the server's type oid), for the column types' result processors."""
    rows: list[tuple[Any, ...]]
    type_codes: tuple[int, ...]


class StatementFailed(Exception):
    """A statement was refused: ``error`` is psycopg's error for it (its class from the
    server's SQLSTATE, with the diagnostics), ``sql`` and ``params`` the statement's."""

    def __init__(self, error: psycopg.Error, sql: str, params: Sequence[Any] | None) -> None:
        super().__init__(str(error))
        self.error, self.sql, self.params = error, sql, params


@dataclass
class _Session:
    """What one connection has prepared on its server, and its adapters: a Transformer
    keeps the dumpers and loaders it found for each Python type and column type, which
    a new one looks up again (as a psycopg cursor keeps its own)."""
    transformer: Transformer
    prepared: OrderedDict[Key, bytes] = field(default_factory=OrderedDict)  # LRU order
    seen: set[Key] = field(default_factory=set)  # run once, prepared when run again
    to_deallocate: list[bytes] = field(default_factory=list)
    numbers: Iterator[int] = field(default_factory=itertools.count)


# The attribute of a psycopg connection holding its session. Kept on the connection:
# the Transformer refers back to it, a cycle the collector frees with the connection (as
# the value of a WeakKeyDictionary it would keep its own key alive).
_SESSION = "_erp_pipeline_session"


def _session(driver: psycopg.Connection) -> _Session:
    session = driver.__dict__.get(_SESSION)
    if session is None:
        session = _Session(Transformer(driver))
        setattr(driver, _SESSION, session)
    return session


@dataclass
class _Command:
    sql: str
    params: Sequence[Any] | None
    text: bytes
    values: Sequence[Any] | None = None
    types: tuple[int, ...] = ()
    formats: Sequence[pq.Format] = ()
    key: Key | None = None
    name: bytes = b""  # the prepared statement to run; empty: run the text itself
    prepare: bool = False  # prepare ``name`` first, in the same pipeline


def run(driver: psycopg.Connection, statements: Sequence[tuple[str, Sequence[Any] | None]],
        *, then: tuple[str, Sequence[Any]] | None = None, commit: bool = False
        ) -> Rows | None:
    """Send ``statements`` (SQL with ``$n`` parameters, each with its parameter rows;
    rows None: a statement without parameters), then ``then`` (a read, whose rows are
    returned) or the COMMIT, and wait once for all of them. A transaction not begun yet
    is begun first. The first statement the server refuses raises ``StatementFailed``;
    the ones after it were not run."""
    session = _session(driver)
    pgconn = driver.pgconn
    transformer = session.transformer
    commands: list[_Command] = []
    if pgconn.transaction_status == pq.TransactionStatus.IDLE and not driver.autocommit:
        begin = driver._get_tx_start_command()  # private, but psycopg is pinned
        commands.append(_Command(begin.decode(), None, begin))
    for sql, rows in statements:
        if rows is None:
            commands.append(_Command(sql, None, sql.encode()))
        else:
            commands.extend(_bound(transformer, sql, params) for params in rows)
    if then is not None:
        commands.append(_bound(transformer, *then))
    elif commit:
        commands.append(_Command("COMMIT", None, b"COMMIT"))
    _name_prepared(session, commands)
    results = _exchange(driver, commands, session.to_deallocate)
    session.to_deallocate = []
    _check(session, commands, results, driver)
    if then is None:
        return None
    result = results[len(commands) - 1 + sum(c.prepare for c in commands)]
    transformer.set_pgresult(result)
    rows = transformer.load_rows(0, result.ntuples, tuple)
    transformer.set_pgresult(None)  # the result's memory goes now, not at the next read
    return Rows(rows, tuple(result.ftype(i) for i in range(result.nfields)))


def _bound(transformer: Transformer, sql: str, params: Sequence[Any]) -> _Command:
    text = sql.encode()
    values = transformer.dump_sequence(params, [PyFormat.AUTO] * len(params))
    types = transformer.types
    return _Command(sql, params, text, values, types, transformer.formats, (text, types))


def _name_prepared(session: _Session, commands: list[_Command]) -> None:
    """Run statements prepared before under their names; prepare those run the second
    time now. Beyond ``MAX_PREPARED``, the least recently used are deallocated."""
    prepared = session.prepared
    for command in commands:
        key = command.key
        if key is None:
            continue
        name = prepared.get(key)
        if name is not None:
            prepared.move_to_end(key)
            command.name = name
        elif key in session.seen:
            session.seen.discard(key)
            command.name = prepared[key] = b"_erp_%d" % next(session.numbers)
            command.prepare = True
        else:
            if len(session.seen) >= 4 * MAX_PREPARED:
                session.seen.clear()
            session.seen.add(key)
    while len(prepared) > MAX_PREPARED:
        session.to_deallocate.append(prepared.popitem(last=False)[1])


def _exchange(driver: psycopg.Connection, commands: list[_Command],
              deallocate: list[bytes]) -> list[pq.abc.PGresult]:
    pgconn = driver.pgconn
    pgconn.enter_pipeline_mode()
    try:
        for c in commands:
            if c.prepare:
                pgconn.send_prepare(c.name, c.text, c.types)
            if c.name:
                pgconn.send_query_prepared(c.name, c.values, c.formats)
            else:
                pgconn.send_query_params(c.text, c.values, c.types or None,
                                         c.formats or None)
        for name in deallocate:  # after the commands: their results come first
            pgconn.send_query_params(b"DEALLOCATE " + name, None)
        pgconn.pipeline_sync()
        return driver.wait(_results(pgconn))
    finally:
        if pgconn.pipeline_status != pq.PipelineStatus.OFF:
            # on a broken connection this fails too: the error on its way up says so
            with contextlib.suppress(psycopg.Error):
                pgconn.exit_pipeline_mode()


def _results(pgconn: pq.abc.PGconn) -> Generator[Wait, Ready, list[pq.abc.PGresult]]:
    """Send what libpq holds, reading answers as they come (the server stops reading
    while its answers go unread), then collect every result up to the sync."""
    while pgconn.flush():
        if (yield Wait.RW) & Ready.R:
            pgconn.consume_input()
    results = []
    while True:
        while pgconn.is_busy():
            yield Wait.R
            pgconn.consume_input()
        result = pgconn.get_result()
        if result is None:  # between one statement's results and the next's
            continue
        if result.status == pq.ExecStatus.PIPELINE_SYNC:
            return results
        results.append(result)


FORGET_ALL = "26"  # SQLSTATE class: a prepared statement is not there (deallocated)
FORGET_ONE = ("0A", "42")  # a plan no longer fits the table, or the SQL no longer does


def _check(session: _Session, commands: list[_Command], results: list[pq.abc.PGresult],
           driver: psycopg.Connection) -> None:
    """Keep the names of statements prepared; raise the first refusal."""
    answers = iter(results)
    failed: StatementFailed | None = None
    for command in commands:
        if command.prepare and next(answers).status != pq.ExecStatus.COMMAND_OK:
            session.prepared.pop(command.key, None)  # type: ignore[arg-type]
        result = next(answers)
        if failed is not None or result.status != pq.ExecStatus.FATAL_ERROR:
            continue
        error = errors.error_from_result(result, encoding=driver.info.encoding)
        failed = StatementFailed(error, command.sql, command.params)
        state = error.sqlstate or ""
        if state.startswith(FORGET_ALL):
            session.prepared.clear()
        elif command.name and state.startswith(FORGET_ONE):
            session.prepared.pop(command.key, None)  # type: ignore[arg-type]
    if failed is not None:
        raise failed
