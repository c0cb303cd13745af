"""Print views: every document as HTML and as a PDF rendered by WeasyPrint."""

from __future__ import annotations

from starlette.routing import BaseRoute

routes: list[BaseRoute] = []
