"""A statement compiled once into the driver's SQL, and how to give it values.

Queued writes (core/db/deferred.py) and prepared reads (core/db/prepared.py) both skip
SQLAlchemy's per-execution work: they compile a statement once and from then on only
turn a dict of values into the driver's parameters, through the column types' own bind
processors, as SQLAlchemy would.

On PostgreSQL they are compiled with the server's own ``$1`` placeholders and sent as
they are (core/db/pg_pipeline.py). psycopg's ordinary cursor parses each statement for
``%s`` placeholders, and keeps what it parsed only for statements of up to 50 parameters
and 4 KB: a wide document's insert (a sales invoice has about 80 columns) was parsed
again on every run.
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy.engine import Dialect
from sqlalchemy.sql import ClauseElement
from sqlalchemy.sql.compiler import SQLCompiler

Processor = Callable[[Any], Any] | None


@dataclass(frozen=True)
class Compiled:
    sql: str
    names: tuple[str, ...]  # bind parameters, in the driver's order when positional
    positional: bool
    processors: tuple[Processor, ...]  # by ``names``
    defaults: tuple[Any, ...]  # by ``names``: the value where ``params`` is given none
    _plan: tuple[tuple[str, Processor, Any], ...] = field(init=False, repr=False,
                                                          compare=False)

    def __post_init__(self) -> None:
        # zipped once: ``params`` runs for every row written or read by a parameter
        object.__setattr__(self, "_plan", tuple(zip(self.names, self.processors,
                                                    self.defaults, strict=True)))

    def params(self, values: Mapping[str, Any]) -> tuple[Any, ...] | dict[str, Any]:
        get = values.get
        out = [get(n, d) if p is None else p(get(n, d)) for n, p, d in self._plan]
        return tuple(out) if self.positional else dict(zip(self.names, out, strict=True))


def compile_statement(dialect: Dialect, stmt: ClauseElement,
                      default: Callable[[str, Any], Any]) -> tuple[Compiled, SQLCompiler]:
    """The statement compiled for the dialect; ``default(name, bind)`` gives each
    parameter's value for when none is given."""
    compiled = stmt.compile(dialect=_driver_dialect(dialect))
    assert isinstance(compiled, SQLCompiler)
    names = tuple(compiled.positiontup) if compiled.positional else tuple(compiled.binds)
    processors = compiled._bind_processors  # private, but SQLAlchemy is pinned
    return Compiled(compiled.string, names, bool(compiled.positional),
                    tuple(processors.get(n) for n in names),
                    tuple(default(n, compiled.binds[n]) for n in names)), compiled


_DOLLAR = "core.db.compiled.numeric_dollar"  # key in a dialect's __dict__


def _driver_dialect(dialect: Dialect) -> Dialect:
    """PostgreSQL's dialect as it is, but writing ``$1`` placeholders (SQLAlchemy's
    ``numeric_dollar`` paramstyle: a value used twice is one parameter)."""
    if dialect.name != "postgresql":
        return dialect
    dollar = dialect.__dict__.get(_DOLLAR)
    if dollar is None:
        dollar = copy.copy(dialect)
        dollar.paramstyle, dollar.positional = "numeric_dollar", True
        dialect.__dict__[_DOLLAR] = dollar
    return dollar
