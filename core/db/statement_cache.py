"""Statements built once, kept on the table they are about.

Building and compiling a statement costs more than running it, so the query layer keeps
what it builds. A tenant's tables are replaced when its metadata changes and dropped
when its schema leaves the registry's cache; keeping statements in a process-wide
dictionary would keep every such table (and its whole schema) alive with them. Kept on
the table itself (``Table.info``), they go when the table goes.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import Any, TypeVar

from sqlalchemy import Table

T = TypeVar("T")
MAX_PER_TABLE = 512  # shapes of statement one table keeps; more starts again from empty


def cached(table: Table, kind: str, key: Hashable, build: Callable[[], T],
           meta: object = None) -> T:
    """The statement of this kind and key for the table, built on first use. A statement
    that also depends on a doctype's metadata names it as ``meta``: it is rebuilt for
    any other meta object, even one that reuses a dead one's ``id``."""
    kept: dict[Hashable, tuple[object, Any]] = table.info.setdefault(
        f"core.statements.{kind}", {})
    full_key = (id(meta), key)
    found = kept.get(full_key)
    if found is None or found[0] is not meta:
        if len(kept) >= MAX_PER_TABLE:
            kept.clear()
        found = kept[full_key] = (meta, build())  # two threads may both build: both right
    return found[1]
