"""A report as an A4 PDF: the same rows as the screen and the spreadsheet, via WeasyPrint."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

from babel.numbers import format_decimal
from jinja2 import Environment, FileSystemLoader, select_autoescape

from core.reports import ReportSpec, columns_of, rows_of, totals_row

if TYPE_CHECKING:
    from core.context import Context

NUMERIC = ("Currency", "Float", "Int", "Percent")
_templates = Environment(loader=FileSystemLoader(Path(__file__).parent / "pdf_templates"),
                         autoescape=select_autoescape(["html"]))


def format_cell(value: Any, fieldtype: str | None) -> str:
    if value is None:
        return ""
    if fieldtype in ("Currency", "Float") and isinstance(value, (Decimal, int, float)):
        return format_decimal(value, format="#,##0.00", locale="en_IN")
    return str(value)


def to_pdf(ctx: Context, spec: ReportSpec, result: dict[str, Any],
           filters: dict[str, str]) -> bytes:
    from weasyprint import HTML

    shown = columns_of(spec, result)
    columns = [{"label": c.get("label") or c["fieldname"],
                "numeric": c.get("fieldtype") in NUMERIC} for c in shown]
    total = totals_row(spec, result)
    rows = [{"cells": [format_cell(row.get(c["fieldname"]), c.get("fieldtype"))
                       for c in shown],
             "is_group": row.get("is_group") or row.get("is_total"),
             "indent": row.get("indent") or 0}
            for row in rows_of(spec, result) + ([total] if total else [])]
    html = _templates.get_template("report.html").render(
        label=spec.label, columns=columns, rows=rows, tenant=ctx.tenant.name,
        filters={k: v for k, v in filters.items() if k != "format"},
        generated=ctx.now.strftime("%d %b %Y %H:%M"))
    return HTML(string=html).write_pdf()
