"""Reports declared by modules: their filters and columns, and exports to CSV, XLSX, PDF.

A module lists its reports in ``MANIFEST["reports"]`` as plain data::

    {"name": "trial_balance", "label": "Trial Balance", "method": "accounting.trial_balance",
     "rows": "rows", "filters": [{"fieldname": "company", "fieldtype": "Link",
     "options": "Company", "reqd": 1}, ...], "columns": [{"fieldname": "account",
     "label": "Account", "fieldtype": "Link", "options": "Account"}, ...]}

``method`` is a whitelisted function returning a dict; ``rows`` names the list of row
dicts in it (a dotted path such as ``income.rows`` reaches into nested results). The
desk builds the report page from this, and the export writes the same rows.

``totals`` names a dict of column values in the result, shown and exported as a last
"Total" row. A report whose columns depend on its filters (a grouping, say) returns
them as ``columns`` in its result; they replace the declared ones.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from core.document import jsonable
from core.errors import DoesNotExist


@dataclass(frozen=True)
class ReportSpec:
    name: str
    label: str
    module: str
    method: str
    rows: str = "rows"
    filters: tuple[dict[str, Any], ...] = ()
    columns: tuple[dict[str, Any], ...] = ()
    totals: str | None = None
    chart: str | None = None  # the column whose largest values the desk draws as bars
    description: str = ""
    extra: dict[str, Any] = field(default_factory=dict, hash=False, compare=False)

    @property
    def key(self) -> str:
        return f"{self.module}.{self.name}"


def spec_from_dict(module: str, data: dict[str, Any]) -> ReportSpec:
    return ReportSpec(name=data["name"], label=data.get("label") or data["name"],
                      module=module, method=data["method"], rows=data.get("rows", "rows"),
                      filters=tuple(data.get("filters", ())),
                      columns=tuple(data.get("columns", ())), totals=data.get("totals"),
                      chart=data.get("chart"), description=data.get("description", ""))


def find(reports: dict[str, ReportSpec], key: str) -> ReportSpec:
    try:
        return reports[key]
    except KeyError:
        raise DoesNotExist(f"No report {key}") from None


def rows_of(spec: ReportSpec, result: dict[str, Any]) -> list[dict[str, Any]]:
    value: Any = result
    for part in spec.rows.split("."):
        value = value.get(part, []) if isinstance(value, dict) else []
    return value if isinstance(value, list) else []


def columns_of(spec: ReportSpec, result: dict[str, Any]) -> list[dict[str, Any]]:
    """The columns this result is shown in: its own, when the report returns them."""
    own = result.get("columns")
    return list(own) if isinstance(own, list) and own else list(spec.columns)


def totals_row(spec: ReportSpec, result: dict[str, Any]) -> dict[str, Any] | None:
    """The result's totals as a row labelled "Total" in the first column, if it has any."""
    totals = result.get(spec.totals) if spec.totals else None
    if not isinstance(totals, dict):
        return None
    columns = columns_of(spec, result)
    first = columns[0]["fieldname"] if columns else ""
    return {first: "Total"} | {k: v for k, v in totals.items() if k != first} | \
        {"is_total": True}


def table(spec: ReportSpec, result: dict[str, Any]) -> tuple[list[str], list[list[Any]]]:
    """Header labels and cell values, in column order (the totals row last)."""
    columns = columns_of(spec, result)
    header = [c.get("label") or c["fieldname"] for c in columns]
    total = totals_row(spec, result)
    rows = rows_of(spec, result) + ([total] if total else [])
    body = [[row.get(c["fieldname"]) for c in columns] for row in rows]
    return header, body


def to_csv(spec: ReportSpec, result: dict[str, Any]) -> bytes:
    header, body = table(spec, result)
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(header)
    for row in body:
        writer.writerow(["" if v is None else jsonable(v) if not isinstance(v, Decimal)
                         else str(v) for v in row])
    return out.getvalue().encode("utf-8-sig")  # the BOM makes Excel read UTF-8


def to_xlsx(spec: ReportSpec, result: dict[str, Any]) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    header, body = table(spec, result)
    columns = columns_of(spec, result)
    book = Workbook()
    sheet = book.active
    sheet.title = spec.label[:31]
    sheet.append(header)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in body:
        sheet.append([_cell(v) for v in row])
    if len(body) and totals_row(spec, result):
        for cell in sheet[len(body) + 1]:
            cell.font = Font(bold=True)
    for i, column in enumerate(columns, start=1):
        if column.get("fieldtype") in ("Currency", "Float"):
            for (cell,) in sheet.iter_rows(min_row=2, min_col=i, max_col=i):
                cell.number_format = "#,##0.00"
        sheet.column_dimensions[sheet.cell(1, i).column_letter].width = max(
            12, min(45, len(header[i - 1]) + 4))
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _cell(value: Any) -> Any:
    """Excel cells: numbers stay numbers (at currency precision), dates stay dates."""
    if isinstance(value, Decimal):
        return float(value)
    return value
