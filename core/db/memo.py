"""Rows read by name, kept for the rest of their transaction.

A submit reads the same record several times: an invoice's validation, its payment
terms, its tax rules and the link check each want a field or two of its customer. Each
read is a round trip and a statement to build, so the query layer reads the whole row
once and answers the others from here.

What is kept is forgotten when the transaction ends, when it rolls back to a savepoint,
and, for one doctype, whenever the query layer writes that doctype (``forget``), so a
read never answers with a row older than the transaction's own writes.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, Engine, event

ROWS = "core.db.memo"  # key in the DBAPI connection's info dict
MAX_ROWS = 10_000  # a transaction reading more starts again from empty

Row = dict[str, Any]


def known(conn: Connection, doctype: str) -> dict[str, Row | None]:
    """The kept rows of a doctype by name (None: known not to exist), to read and add to."""
    kept: dict[str, dict[str, Row | None]] = conn.info.setdefault(ROWS, {})
    if sum(len(rows) for rows in kept.values()) > MAX_ROWS:
        kept.clear()
    return kept.setdefault(doctype, {})


def forget(conn: Connection, doctype: str) -> None:
    kept = conn.info.get(ROWS)
    if kept:
        kept.pop(doctype, None)


def install(engine: Engine) -> None:
    """Forget everything at commit, rollback and rollback to a savepoint."""

    def _clear(conn: Connection, *_args: Any) -> None:
        if not conn.invalidated:
            conn.info.pop(ROWS, None)

    for name in ("commit", "rollback", "rollback_savepoint"):
        event.listen(engine, name, _clear)
