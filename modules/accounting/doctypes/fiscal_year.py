"""Fiscal Year: the dates a financial year runs between; every posting falls in one."""

from __future__ import annotations

from typing import TYPE_CHECKING

from core.db import query
from core.errors import ValidationError

if TYPE_CHECKING:
    from core.context import Context
    from core.document import Document

DOCTYPE = {
    "name": "Fiscal Year",
    "index_links": 0,  # a handful of records: links to them need no index
    "cache_records": 1,
    "autoname": "field:year",
    "title_field": "year",
    "sort_field": "year_start_date",
    "fields": [
        {"fieldname": "year", "fieldtype": "Data", "label": "Year Name", "reqd": 1,
         "unique": 1, "in_list_view": 1},
        {"fieldname": "year_start_date", "fieldtype": "Date", "label": "Start Date",
         "reqd": 1, "in_list_view": 1},
        {"fieldname": "year_end_date", "fieldtype": "Date", "label": "End Date", "reqd": 1,
         "in_list_view": 1},
    ],
    "permissions": [
        {"role": "System Manager", "read": 1, "write": 1, "create": 1, "delete": 1},
        {"role": "Accounts Manager", "read": 1, "write": 1, "create": 1},
        {"role": "All", "read": 1},
    ],
}


def validate(ctx: Context, doc: Document) -> None:
    start, end = doc.year_start_date, doc.year_end_date
    if start and end:
        if end <= start:
            raise ValidationError("End Date must be after Start Date", field="year_end_date")
        if (end - start).days > 366:
            raise ValidationError("A fiscal year is at most one year long",
                                  field="year_end_date")
        overlap = query.select_rows(ctx, "Fiscal Year", fields=["name"], filters=[
            ["year_start_date", "<=", end], ["year_end_date", ">=", start],
            ["name", "!=", doc.name or ""]], limit=1)
        if overlap:
            raise ValidationError(f"Overlaps fiscal year {overlap[0]['name']}",
                                  field="year_start_date")
