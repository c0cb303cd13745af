"""Print formats: every document as printable HTML and as a PDF rendered by WeasyPrint.

A module ships its own format for one of its doctypes as
``modules/<module>/templates/print/<snake>.html`` (``snake`` of the doctype name, e.g.
``sales_invoice.html``), usually extending ``print_base.html`` for the A4 page, footer and
DRAFT/CANCELLED watermark; a core doctype's own format would sit in
``core/pdf_templates/print/``. Every other doctype gets ``print_default.html``, which
lays out its fields and child tables from metadata.

Templates see ``doc`` (the Document), ``meta``, ``status`` (Draft/Submitted/Cancelled,
empty when the doctype is not submittable), ``heading`` (the company, else the tenant),
``sections`` and ``tables`` (the generated layout), ``company`` (the record the
document's ``company`` Link names, with its custom fields; None without one) and the
``fmt`` filter.

A format whose page is ``size: <width> auto`` (a receipt roll) prints on one page as
tall as its content (``fit_roll``).
"""

from __future__ import annotations

import datetime as dt
import importlib
import re
from decimal import Decimal
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from babel.numbers import format_decimal
from jinja2 import ChoiceLoader, Environment, FileSystemLoader, select_autoescape

from core.db import query
from core.document import Document
from core.meta.doctype import DocField, DocTypeMeta, snake

if TYPE_CHECKING:
    from core.context import Context

CORE_TEMPLATES = Path(__file__).parent / "pdf_templates"
DEFAULT_FORMAT = "print_default.html"
LOCALE = "en_IN"  # symbols only: the patterns below group digits in threes
NUMERIC = ("Currency", "Float", "Percent", "Int")
DECIMAL_TYPES = ("Currency", "Float", "Percent")
WIDE = ("Small Text", "Text", "Long Text", "Text Editor")  # a row of their own
NOT_PRINTED = ("Password", "JSON", "Column Break", "Table")
STATUS = {0: "Draft", 1: "Submitted", 2: "Cancelled"}
MAX_DEFAULT_COLUMNS = 6
ROLL = re.compile(r"size:\s*([0-9.]+mm)\s+auto")
ROLL_DRAFT_HEIGHT = "5000mm"


def format_value(value: Any, f: DocField | None = None) -> str:
    """A value as a person reads it on paper: grouped digits at the field's precision,
    dates as "01 Jun 2026", checks as Yes/No."""
    if value is None or value == "":
        return ""
    fieldtype = f.fieldtype if f else ""
    if fieldtype == "Check":
        return "Yes" if value else "No"
    if isinstance(value, Decimal) or fieldtype in DECIMAL_TYPES:
        places = f.effective_precision if f and f.effective_precision is not None else 2
        pattern = "#,##0." + "0" * places if places else "#,##0"
        text = format_decimal(Decimal(str(value)), format=pattern, locale=LOCALE)
        return f"{text}%" if fieldtype == "Percent" else text
    if isinstance(value, int) and not isinstance(value, bool) and fieldtype == "Int":
        return format_decimal(value, format="#,##0", locale=LOCALE)
    if isinstance(value, dt.datetime):
        return value.strftime("%d %b %Y %H:%M")
    if isinstance(value, dt.date):
        return value.strftime("%d %b %Y")
    return str(value)


def format_folder(module: str) -> Path:
    """Where a module's own print formats live."""
    if module == "core":
        return CORE_TEMPLATES / "print"
    package = importlib.import_module(f"modules.{module}")
    return Path(package.__file__ or "").parent / "templates" / "print"


def own_format(meta: DocTypeMeta) -> str | None:
    """The module's template for this doctype, if it ships one (custom doctypes have
    no module folder, so they always print in the generated format)."""
    if meta.custom:
        return None
    path = format_folder(meta.module) / f"{snake(meta.name)}.html"
    return path.name if path.is_file() else None


@cache
def environment(module: str) -> Environment:
    """One Jinja environment per module (it keeps the compiled templates): the module's
    print folder first, then the core page layout it extends."""
    folders = [format_folder(module), CORE_TEMPLATES]
    env = Environment(loader=ChoiceLoader([FileSystemLoader(str(p)) for p in folders]),
                      autoescape=select_autoescape(["html"]))
    env.filters["fmt"] = format_value
    return env


def field_sections(doc: Document) -> list[dict[str, Any]]:
    """The filled data fields as label/value pairs, grouped by the doctype's sections."""
    sections: list[dict[str, Any]] = [{"label": "", "fields": []}]
    for f in doc.meta.fields:
        if f.fieldtype == "Section Break":
            sections.append({"label": f.label or "", "fields": []})
            continue
        value = doc.get(f.fieldname)
        if f.fieldtype in NOT_PRINTED or f.hidden or value in (None, ""):
            continue
        sections[-1]["fields"].append({
            "label": f.label or f.fieldname, "value": format_value(value, f),
            "numeric": f.fieldtype in NUMERIC, "wide": f.fieldtype in WIDE})
    return [s for s in sections if s["fields"]]


def child_tables(ctx: Context, doc: Document) -> list[dict[str, Any]]:
    """Every filled child table with its list-view columns (or its first few fields)."""
    tables = []
    for f in doc.meta.table_fields:
        rows = doc.children(f.fieldname)
        if not rows or f.hidden:
            continue
        printable = [c for c in ctx.meta(f.options).data_fields
                     if not c.hidden and c.fieldtype not in NOT_PRINTED]
        columns = [c for c in printable if c.in_list_view] or printable[:MAX_DEFAULT_COLUMNS]
        tables.append({"label": f.label or f.fieldname,
                       "columns": [{"label": c.label or c.fieldname,
                                    "numeric": c.fieldtype in NUMERIC} for c in columns],
                       "rows": [[format_value(r.get(c.fieldname), c) for c in columns]
                                for r in rows]})
    return tables


def company_record(ctx: Context, doc: Document) -> dict[str, Any] | None:
    """The record the document's ``company`` Link points to (its name, tax ids...)."""
    f = doc.meta.get_field("company")
    if f is None or f.fieldtype != "Link" or not f.options or not doc.get("company"):
        return None
    rows = query.select_rows(ctx, f.options, filters={"name": doc.get("company")}, limit=1)
    return rows[0] if rows else None


def print_context(ctx: Context, doc: Document) -> dict[str, Any]:
    status = STATUS[doc.docstatus] if doc.meta.is_submittable else ""
    return {"doc": doc, "meta": doc.meta, "sections": field_sections(doc),
            "tables": child_tables(ctx, doc), "status": status,
            "heading": doc.get("company") or ctx.tenant.name, "fmt": format_value,
            "company": company_record(ctx, doc)}


def render_html(ctx: Context, doc: Document) -> str:
    module = "core" if doc.meta.custom else doc.meta.module
    template = environment(module).get_template(own_format(doc.meta) or DEFAULT_FORMAT)
    return template.render(**print_context(ctx, doc))


def render_pdf(ctx: Context, doc: Document) -> bytes:
    from weasyprint import HTML

    html = fit_roll(render_html(ctx, doc))
    return HTML(string=html, base_url=str(CORE_TEMPLATES)).write_pdf()


def fit_roll(html: str) -> str:
    """A receipt roll (``@page { size: 80mm auto }``) sized to its content.

    WeasyPrint has no automatic page height: the receipt is laid out once on a very long
    page, and the page is then made as tall as the laid-out root box plus its margins."""
    from weasyprint import HTML

    roll = ROLL.search(html)
    if roll is None:
        return html
    draft = f"{html[:roll.start()]}size: {roll[1]} {ROLL_DRAFT_HEIGHT}{html[roll.end():]}"
    page = HTML(string=draft, base_url=str(CORE_TEMPLATES)).render().pages[0]
    box = page._page_box  # the laid-out page; WeasyPrint offers no public accessor
    root = box.children[0]
    height = root.position_y + root.margin_height() + box.margin_bottom
    return f"{html[:roll.start()]}size: {roll[1]} {height:.2f}px{html[roll.end():]}"
