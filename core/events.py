"""The event registry: modules react to each other's documents.

``on("Sales Invoice", "on_submit", handler)`` registers a function; ``"*"`` as the doctype
catches every doctype. Handlers receive ``(ctx, doc)`` and run inside the document's
transaction, so a handler that raises undoes everything. They run in module dependency
order, so a module's handler runs after those of the modules it depends on.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from core.context import Context

Handler = Callable[["Context", Any], None]

DOC_EVENTS = ("before_insert", "after_insert", "before_validate", "validate", "on_update",
              "before_submit", "on_submit", "before_cancel", "on_cancel", "on_trash")


@dataclass(frozen=True)
class Registration:
    module: str
    rank: int  # position of the module in dependency order
    handler: Handler


@dataclass
class EventRegistry:
    module_rank: dict[str, int]
    _handlers: dict[tuple[str, str], list[Registration]] = field(default_factory=dict)

    def binder(self, module: str) -> Callable[[str, str, Handler], None]:
        """The ``on`` function handed to one module's ``register(on)``."""

        def on(doctype: str, event: str, handler: Handler) -> None:
            if event not in DOC_EVENTS:
                raise ValueError(f"{module}: unknown event {event!r}; one of {DOC_EVENTS}")
            regs = self._handlers.setdefault((doctype, event), [])
            regs.append(Registration(module, self.module_rank.get(module, -1), handler))
            regs.sort(key=lambda r: r.rank)

        return on

    def handlers(self, doctype: str, event: str, installed: frozenset[str]) -> list[Handler]:
        regs = self._handlers.get((doctype, event), []) + self._handlers.get(("*", event), [])
        regs.sort(key=lambda r: r.rank)
        return [r.handler for r in regs if r.module in installed]
