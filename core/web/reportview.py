"""A module's report in the desk: its filters as a form, its rows as a table, a bar chart
of the first amount column, and links to the CSV, XLSX and PDF exports."""

from __future__ import annotations

from decimal import Decimal
from typing import Any
from urllib.parse import urlencode

from starlette.requests import Request
from starlette.responses import Response

from core import reports
from core.api.report import run_report
from core.context import Context
from core.errors import AppError
from core.meta.doctype import DocField
from core.web.pages import desk_context
from core.web.templating import render

CHART_BARS = 12


def show_report(ctx: Context, request: Request, body: dict[str, Any]) -> Response:
    context = desk_context(ctx)
    spec = reports.find(ctx.site.reports, request.path_params["report"])
    params = dict(request.query_params)
    for f in spec.filters:  # a filter's default counts as chosen, as the form shows it
        if f.get("default") and not params.get(f["fieldname"]):
            params[f["fieldname"]] = f["default"]
    ready = all(params.get(f["fieldname"]) for f in spec.filters if f.get("reqd"))
    result: dict[str, Any] = {}
    error = ""
    if ready:
        try:
            _, result = run_report(ctx, request)
        except AppError as exc:
            error = exc.message
    rows = reports.rows_of(spec, result)
    columns = reports.columns_of(spec, result)
    return render("report.html", **context, spec=spec, params=params, rows=rows,
                  columns=columns, fields=[_field(c) for c in columns],
                  total=reports.totals_row(spec, result), error=error, ready=ready,
                  chart=_chart(spec, columns, rows), export_query=urlencode(params))


def _field(column: dict[str, Any]) -> DocField:
    """A column as a field, so its cells are formatted like the field's values."""
    return DocField(column["fieldname"], column.get("fieldtype") or "Data",
                    column.get("label") or "", column.get("options") or "")


def _chart(spec: reports.ReportSpec, columns: list[dict[str, Any]],
           rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Bars for the largest values of the chart column (the last money column unless the
    report names one), leaf rows only."""
    money = spec.chart or next((c["fieldname"] for c in reversed(columns)
                                if c.get("fieldtype") == "Currency"), None)
    label = columns[0]["fieldname"] if columns else None
    if money is None or label is None:
        return []
    values = [(str(r.get(label)), abs(Decimal(str(r.get(money) or 0)))) for r in rows
              if not r.get("is_group") and r.get(money)]
    values = sorted(values, key=lambda v: v[1], reverse=True)[:CHART_BARS]
    top = max((v for _, v in values), default=Decimal(0))
    return [{"label": lbl, "value": v, "width": float(v / top * 100) if top else 0}
            for lbl, v in values]
