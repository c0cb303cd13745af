"""Print formats: every document as printable HTML and as a PDF rendered by WeasyPrint.

A module ships its own format as ``modules/<module>/templates/print/<doctype>.html``
(the doctype's table name, e.g. ``sales_invoice.html``), usually extending
``print_base.html``; every other doctype gets the generated format, which lays out its
fields and child tables from metadata.
"""

from __future__ import annotations

import datetime as dt
import importlib
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

from babel.numbers import format_decimal
from jinja2 import ChoiceLoader, Environment, FileSystemLoader, select_autoescape

from core.document import Document
from core.meta.doctype import DocField

if TYPE_CHECKING:
    from core.context import Context

CORE_TEMPLATES = Path(__file__).parent / "pdf_templates"
NUMERIC = ("Currency", "Float", "Percent", "Int")
HIDDEN_TYPES = ("Password", "JSON", "Section Break", "Column Break", "Table")
STATUS = {0: "Draft", 1: "Submitted", 2: "Cancelled"}


def format_value(value: Any, f: DocField | None = None, locale: str = "en_IN") -> str:
    """A value as a person reads it on paper."""
    if value is None or value == "":
        return ""
    fieldtype = f.fieldtype if f else ""
    if fieldtype == "Check":
        return "Yes" if value else "No"
    if isinstance(value, Decimal) or fieldtype in ("Currency", "Float", "Percent"):
        places = (f.effective_precision if f else None) or 2
        text = format_decimal(value, format="#,##0." + "0" * places, locale=locale)
        return f"{text}%" if fieldtype == "Percent" else text
    if isinstance(value, dt.datetime):
        return value.strftime("%d %b %Y %H:%M")
    if isinstance(value, dt.date):
        return value.strftime("%d %b %Y")
    return str(value)


def _environment(module: str) -> Environment:
    folders = []
    if module != "core":
        package = importlib.import_module(f"modules.{module}")
        folders.append(Path(package.__file__ or "").parent / "templates" / "print")
    folders.append(CORE_TEMPLATES)
    env = Environment(loader=ChoiceLoader([FileSystemLoader(str(p)) for p in folders]),
                      autoescape=select_autoescape(["html"]))
    env.filters["fmt"] = format_value
    return env


def print_context(ctx: Context, doc: Document) -> dict[str, Any]:
    meta = doc.meta
    fields = [{"label": f.label or f.fieldname, "value": format_value(doc.get(f.fieldname), f),
               "numeric": f.fieldtype in NUMERIC}
              for f in meta.fields if f.fieldtype not in HIDDEN_TYPES and not f.hidden
              and doc.get(f.fieldname) not in (None, "")]
    tables = []
    for f in meta.table_fields:
        rows = doc.children(f.fieldname)
        if not rows:
            continue
        child = ctx.meta(f.options)
        columns = [c for c in child.data_fields if c.in_list_view and not c.hidden] \
            or list(child.data_fields[:5])
        tables.append({"label": f.label or f.fieldname,
                       "columns": [{"label": c.label or c.fieldname,
                                    "numeric": c.fieldtype in NUMERIC} for c in columns],
                       "rows": [[format_value(r.get(c.fieldname), c) for c in columns]
                                for r in rows]})
    status = STATUS[doc.docstatus] if meta.is_submittable else ""
    return {"doc": doc, "meta": meta, "fields": fields, "tables": tables, "status": status,
            "heading": doc.get("company") or ctx.tenant.name, "fmt": format_value}


def render_html(ctx: Context, doc: Document) -> str:
    env = _environment(doc.meta.module if not doc.meta.custom else "core")
    own = f"{doc.meta.table_name}.html"
    template = env.get_template(own if own in env.list_templates() else
                                "print_default.html")
    return template.render(**print_context(ctx, doc))


def render_pdf(ctx: Context, doc: Document) -> bytes:
    from weasyprint import HTML

    return HTML(string=render_html(ctx, doc)).write_pdf()
