"""The desk's Jinja2 environment and the helpers its templates use."""

from __future__ import annotations

import datetime as dt
import importlib.util
import json
from functools import lru_cache
from pathlib import Path
from typing import Any
from urllib.parse import quote

from jinja2 import (
    BaseLoader,
    ChoiceLoader,
    Environment,
    FileSystemLoader,
    TemplateNotFound,
    select_autoescape,
)
from starlette.responses import HTMLResponse

from core.document import jsonable
from core.modules import MODULES_PACKAGE
from core.pdf import format_value

TEMPLATES = Path(__file__).parent / "templates"


def url_for_doctype(doctype: str, name: str | None = None) -> str:
    base = f"/app/{quote(doctype)}"
    return f"{base}/{quote(name, safe='')}" if name else base


DOCSTATUS = ("Draft", "Submitted", "Cancelled")
# The colour a status word reads as; any other word is neutral blue.
TONES = {"draft": "orange", "cancelled": "red", "overdue": "red", "unpaid": "red",
         "return": "grey", "disabled": "grey", "closed": "grey", "stopped": "grey",
         "submitted": "green", "paid": "green", "completed": "green", "delivered": "green",
         "enabled": "green", "active": "green", "to bill": "blue", "to deliver": "blue",
         "partly paid": "orange", "on hold": "orange", "to deliver and bill": "blue",
         "to receive and bill": "blue", "to receive": "blue", "pending": "orange",
         "partially ordered": "orange", "ordered": "green", "transferred": "green",
         "partially transferred": "orange", "issued": "green", "partially issued": "orange",
         "reconciled": "green",
         "unreconciled": "orange", "inactive": "grey", "credit note issued": "grey",
         "debit note issued": "grey", "expired": "grey", "lost": "red"}


def indicator(docstatus: int | None, status: str | None = None) -> dict[str, str]:
    """The badge text and colour for a row: its own status word, else its docstatus."""
    label = status or DOCSTATUS[docstatus or 0]
    tone = "red" if docstatus == 2 else TONES.get(label.lower(), "blue")
    return {"label": label, "tone": tone}


def ago(value: object, now: dt.datetime | None = None) -> str:
    """A timestamp as people say it: "5 min ago", "3 days ago", then the date."""
    if not isinstance(value, dt.datetime):
        return "" if value is None else str(value)
    seconds = ((now or dt.datetime.now(value.tzinfo)) - value).total_seconds()
    for limit, unit, size in ((60, "", 0), (3600, "min", 60), (86400, "h", 3600),
                              (86400 * 14, "days", 86400)):
        if seconds < limit:
            return "just now" if not size else f"{max(1, int(seconds // size))} {unit} ago"
    return value.strftime("%d %b %Y")


def pretty_json(value: object) -> str:
    """A JSON field as people edit it: indented; text that is not JSON yet stays as typed."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    return json.dumps(jsonable(value), indent=2, ensure_ascii=False)


def module_folder(module: str, folder: str) -> Path | None:
    """A module's own folder (``templates``, ``static``), if the module has one. A module
    is named as installed (``pos``) or, outside the modules package, by its dotted path."""
    package = module if "." in module else f"{MODULES_PACKAGE}.{module}"
    if not all(part.isidentifier() for part in package.split(".")):
        return None
    try:
        spec = importlib.util.find_spec(package)
    except ModuleNotFoundError:
        return None
    if spec is None or not spec.submodule_search_locations:
        return None
    path = Path(next(iter(spec.submodule_search_locations))) / folder
    return path if path.is_dir() else None


class ModuleTemplates(BaseLoader):
    """``"{module}/{file}"`` is the file in that module's ``templates/`` folder."""

    def get_source(self, environment: Environment, template: str) -> tuple[str, str, Any]:
        module, _, rest = template.partition("/")
        folder = module_folder(module, "templates") if rest else None
        if folder is None:
            raise TemplateNotFound(template)
        return FileSystemLoader(str(folder)).get_source(environment, rest)


@lru_cache(maxsize=1)
def environment() -> Environment:
    env = Environment(loader=ChoiceLoader([FileSystemLoader(str(TEMPLATES)),
                                           ModuleTemplates()]),
                      autoescape=select_autoescape(["html"]), trim_blocks=True,
                      lstrip_blocks=True)
    env.globals.update(doc_url=url_for_doctype, quote=quote, indicator=indicator)
    env.filters["ago"] = ago
    env.filters["fmt"] = format_value
    env.filters["tojson_safe"] = lambda v: json.dumps(jsonable(v))
    env.filters["pretty_json"] = pretty_json
    return env


def render(template: str, status: int = 200, **context: Any) -> HTMLResponse:
    html = environment().get_template(template).render(**context)
    return HTMLResponse(html, status_code=status)
