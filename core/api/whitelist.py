"""Marking functions callable over ``/api/method/{module}.{function}``."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

F = TypeVar("F", bound=Callable[..., Any])


def whitelist(*, allow_guest: bool = False, methods: tuple[str, ...] = ("GET", "POST")
              ) -> Callable[[F], F]:
    """Expose a function ``fn(ctx, **kwargs)``; it checks the rights it needs itself."""

    def mark(fn: F) -> F:
        fn.whitelisted = True  # type: ignore[attr-defined]
        fn.allow_guest = allow_guest  # type: ignore[attr-defined]
        fn.http_methods = methods  # type: ignore[attr-defined]
        return fn

    return mark
