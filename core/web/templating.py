"""The desk's Jinja2 environment and the helpers its templates use."""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path
from typing import Any
from urllib.parse import quote

from jinja2 import Environment, FileSystemLoader, select_autoescape
from starlette.responses import HTMLResponse

from core.document import jsonable
from core.pdf import format_value

TEMPLATES = Path(__file__).parent / "templates"


def url_for_doctype(doctype: str, name: str | None = None) -> str:
    base = f"/app/{quote(doctype)}"
    return f"{base}/{quote(name, safe='')}" if name else base


@lru_cache(maxsize=1)
def environment() -> Environment:
    env = Environment(loader=FileSystemLoader(str(TEMPLATES)),
                      autoescape=select_autoescape(["html"]), trim_blocks=True,
                      lstrip_blocks=True)
    env.globals.update(doc_url=url_for_doctype, quote=quote)
    env.filters["fmt"] = format_value
    env.filters["tojson_safe"] = lambda v: json.dumps(jsonable(v))
    return env


def render(template: str, status: int = 200, **context: Any) -> HTMLResponse:
    html = environment().get_template(template).render(**context)
    return HTMLResponse(html, status_code=status)
