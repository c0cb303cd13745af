"""Statements sent through libpq's pipeline mode (core/db/pg_pipeline.py): begun with the
transaction's BEGIN, prepared on the server from their second run, the least recently
used deallocated, a refusal raised as psycopg's own error, and prepared statements the
server lost or can no longer use forgotten."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from decimal import Decimal

import psycopg
import pytest
from psycopg import errors, pq

from core.db import pg_pipeline

INSERT = "INSERT INTO pipe_note (id, body, amount, day) VALUES ($1, $2, $3, $4)"
READ = "SELECT id, body, amount, day FROM pipe_note WHERE id >= $1 ORDER BY id"


@pytest.fixture
def driver(pg_url: str) -> Iterator[psycopg.Connection]:
    conn = psycopg.connect(pg_url, prepare_threshold=None)
    conn.execute("DROP TABLE IF EXISTS pipe_note")
    conn.execute("CREATE TABLE pipe_note (id int PRIMARY KEY, body text, "
                 "amount numeric(18, 2), day date)")
    conn.commit()
    yield conn
    conn.rollback()
    conn.execute("DROP TABLE pipe_note")
    conn.commit()
    conn.close()


def _ours(conn: psycopg.Connection) -> dict[str, str]:
    rows = conn.execute("SELECT name, statement FROM pg_prepared_statements "
                        "WHERE name LIKE '\\_erp\\_%'").fetchall()
    return {name: statement for name, statement in rows}


def test_writes_and_a_read_go_in_one_transaction_begun_with_them(driver):
    assert driver.pgconn.transaction_status == pq.TransactionStatus.IDLE
    got = pg_pipeline.run(driver, [
        (INSERT, [(1, "one", Decimal("10.50"), dt.date(2026, 12, 1)),
                  (2, None, None, None)])], then=(READ, (1,)))
    assert got is not None
    assert got.rows == [(1, "one", Decimal("10.50"), dt.date(2026, 12, 1)),
                        (2, None, None, None)]
    assert len(got.type_codes) == 4
    # the BEGIN went first: the rows are in an open transaction, gone at its rollback
    assert driver.pgconn.transaction_status == pq.TransactionStatus.INTRANS
    driver.rollback()
    assert driver.execute("SELECT count(*) FROM pipe_note").fetchone() == (0,)


def test_commit_goes_with_the_writes(driver):
    assert pg_pipeline.run(driver, [(INSERT, [(1, "one", 1, None)])], commit=True) is None
    assert driver.pgconn.transaction_status == pq.TransactionStatus.IDLE
    driver.rollback()  # nothing to undo: committed
    assert driver.execute("SELECT body FROM pipe_note").fetchall() == [("one",)]


def test_a_statement_is_prepared_on_its_second_run_and_used_after(driver):
    pg_pipeline.run(driver, [(INSERT, [(1, "a", 1, None)])])
    assert _ours(driver) == {}
    pg_pipeline.run(driver, [(INSERT, [(2, "b", 2, None)])])
    pg_pipeline.run(driver, [(INSERT, [(3, "c", 3, None)])], commit=True)
    prepared = _ours(driver)
    assert list(prepared.values()) == [INSERT]
    calls = driver.execute("SELECT generic_plans + custom_plans FROM pg_prepared_statements "
                           "WHERE name = %s", (next(iter(prepared)),)).fetchone()
    assert calls == (2,)  # the second and third runs, under the same name
    driver.rollback()
    assert driver.execute("SELECT body FROM pipe_note ORDER BY id").fetchall() == [
        ("a",), ("b",), ("c",)]


def test_the_least_recently_used_beyond_the_limit_are_deallocated(driver, monkeypatch):
    monkeypatch.setattr(pg_pipeline, "MAX_PREPARED", 2)
    reads = [f"SELECT {n} AS n, id FROM pipe_note WHERE id = $1" for n in range(4)]
    for sql in reads:
        for _ in range(2):
            got = pg_pipeline.run(driver, [], then=(sql, (1,)))
            assert got is not None and got.rows == []
    pg_pipeline.run(driver, [], commit=True)  # sends the last deallocation
    assert sorted(_ours(driver).values()) == sorted(reads[2:])
    driver.rollback()


def test_a_refused_statement_raises_psycopgs_error_and_stops_the_rest(driver):
    pg_pipeline.run(driver, [(INSERT, [(1, "a", 1, None)])], commit=True)
    with pytest.raises(pg_pipeline.StatementFailed) as failed:
        pg_pipeline.run(driver, [(INSERT, [(2, "b", 2, None)]),
                                 (INSERT, [(1, "again", 3, None)]),
                                 (INSERT, [(3, "c", 4, None)])], commit=True)
    assert isinstance(failed.value.error, errors.UniqueViolation)
    assert failed.value.error.diag.constraint_name == "pipe_note_pkey"
    assert failed.value.sql == INSERT and failed.value.params == (1, "again", 3, None)
    assert driver.pgconn.transaction_status == pq.TransactionStatus.INERROR
    driver.rollback()
    assert driver.execute("SELECT id FROM pipe_note").fetchall() == [(1,)]
    # the statement prepared in the failed pipeline is still usable after the rollback
    pg_pipeline.run(driver, [(INSERT, [(4, "d", 5, None)])], commit=True)
    driver.rollback()
    assert driver.execute("SELECT id FROM pipe_note ORDER BY id").fetchall() == [(1,), (4,)]


def test_a_value_that_cannot_be_sent_raises_before_anything_is_sent(driver):
    with pytest.raises(psycopg.ProgrammingError):
        pg_pipeline.run(driver, [(INSERT, [(1, "a", object(), None)])], commit=True)
    assert driver.pgconn.pipeline_status == pq.PipelineStatus.OFF
    pg_pipeline.run(driver, [(INSERT, [(1, "a", 1, None)])], commit=True)
    assert driver.execute("SELECT count(*) FROM pipe_note").fetchone() == (1,)


def test_a_prepared_read_the_table_no_longer_fits_is_forgotten_and_prepared_again(driver):
    for _ in range(2):
        pg_pipeline.run(driver, [], then=(READ, (1,)))
    driver.commit()
    driver.execute("ALTER TABLE pipe_note ALTER COLUMN amount TYPE text")
    driver.commit()
    with pytest.raises(pg_pipeline.StatementFailed) as failed:
        pg_pipeline.run(driver, [], then=(READ, (1,)))
    assert failed.value.error.sqlstate == "0A000"  # cached plan must not change result type
    driver.rollback()
    for _ in range(2):  # run once unprepared, then prepared afresh
        got = pg_pipeline.run(driver, [(INSERT, [(1, "a", "12.5", None)])],
                              then=(READ, (1,)))
        assert got is not None and got.rows == [(1, "a", "12.5", None)]
        driver.rollback()


def test_statements_the_server_lost_are_forgotten(driver):
    for _ in range(2):
        pg_pipeline.run(driver, [], then=(READ, (1,)))
    driver.execute("DEALLOCATE ALL")
    driver.commit()
    with pytest.raises(pg_pipeline.StatementFailed) as failed:
        pg_pipeline.run(driver, [], then=(READ, (1,)))
    assert failed.value.error.sqlstate == "26000"
    driver.rollback()
    for _ in range(2):
        got = pg_pipeline.run(driver, [], then=(READ, (1,)))
        assert got is not None and got.rows == []
    assert list(_ours(driver).values()) == [READ]
    driver.rollback()


def test_a_connection_and_its_session_are_freed_together(pg_url):
    """The session's adapters refer back to their connection: a closed connection that
    ran statements is still collected, with its session."""
    import gc
    import weakref

    conn = psycopg.connect(pg_url, autocommit=True)
    assert pg_pipeline.run(conn, [], then=("SELECT $1::int", (7,))).rows == [(7,)]
    assert pg_pipeline.run(conn, [], then=("SELECT $1::int", (8,))).rows == [(8,)]
    gone = weakref.ref(conn)
    conn.close()
    del conn
    gc.collect()
    assert gone() is None
