"""The desk: server-rendered pages generated from metadata."""

from __future__ import annotations

from starlette.applications import Starlette
from starlette.routing import BaseRoute

routes: list[BaseRoute] = []


def install(app: Starlette) -> None:
    """Attach what the desk needs on the app (templates, HTML error pages)."""
