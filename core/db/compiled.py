"""A statement compiled once into the driver's SQL, and how to give it values.

Queued writes (core/db/deferred.py) and prepared reads (core/db/prepared.py) both skip
SQLAlchemy's per-execution work: they compile a statement once and from then on only
turn a dict of values into the driver's parameters, through the column types' own bind
processors, as SQLAlchemy would.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
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

    def params(self, values: Mapping[str, Any]) -> tuple[Any, ...] | dict[str, Any]:
        out = [values.get(n, d) if p is None else p(values.get(n, d))
               for n, p, d in zip(self.names, self.processors, self.defaults, strict=True)]
        return tuple(out) if self.positional else dict(zip(self.names, out, strict=True))


def compile_statement(dialect: Dialect, stmt: ClauseElement,
                      default: Callable[[str, Any], Any]) -> tuple[Compiled, SQLCompiler]:
    """The statement compiled for the dialect; ``default(name, bind)`` gives each
    parameter's value for when none is given."""
    compiled = stmt.compile(dialect=dialect)
    assert isinstance(compiled, SQLCompiler)
    names = tuple(compiled.positiontup) if compiled.positional else tuple(compiled.binds)
    processors = compiled._bind_processors  # private, but SQLAlchemy is pinned
    return Compiled(compiled.string, names, bool(compiled.positional),
                    tuple(processors.get(n) for n in names),
                    tuple(default(n, compiled.binds[n]) for n in names)), compiled
