"""Building a return creates a few hundred thousand small, acyclic objects (rows,
amounts, JSON dicts). Python's cyclic collector would walk all of them again and again
while they pile up (a 100,000-invoice month spent half its time there), and reference
counting frees them anyway, so the collector is paused while a return is built."""

from __future__ import annotations

import functools
import gc
from collections.abc import Callable
from typing import ParamSpec, TypeVar

P = ParamSpec("P")
R = TypeVar("R")


def without_gc_pauses(build: Callable[P, R]) -> Callable[P, R]:
    @functools.wraps(build)
    def run(*args: P.args, **kwargs: P.kwargs) -> R:
        was_enabled = gc.isenabled()
        gc.disable()
        try:
            return build(*args, **kwargs)
        finally:
            if was_enabled:
                gc.enable()
    return run
