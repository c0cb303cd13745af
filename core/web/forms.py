"""Turning a posted desk form back into document values, child rows included.

Child table inputs are named ``<table>-<row>-<field>``; a row's stored name travels in
``<table>-<row>-name``. Unchecked checkboxes send nothing, so a Check field that is on
the form but absent from the post is 0.
"""

from __future__ import annotations

import re
from typing import Any

from core.context import Context
from core.document import Document
from core.errors import AppError, ValidationError
from core.meta.doctype import DocField, DocTypeMeta

CHILD_KEY = re.compile(r"^(?P<table>[a-z][a-z0-9_]*)-(?P<row>\d+)-(?P<field>[a-z][a-z0-9_]*)$")


def is_posted(f: DocField) -> bool:
    """Whether the form has an input for the field (read-only and hidden ones have none)."""
    return not (f.read_only or f.hidden or f.fieldtype == "Read Only")


def parse_form(ctx: Context, meta: DocTypeMeta, form: dict[str, Any]) -> dict[str, Any]:
    values: dict[str, Any] = {}
    if meta.autoname.lower() == "prompt" and form.get("__newname"):
        values["name"] = form["__newname"]
    for f in meta.data_fields:
        if not is_posted(f):
            continue
        if f.fieldtype == "Check":
            values[f.fieldname] = 1 if form.get(f.fieldname) else 0
        elif f.fieldname in form:
            values[f.fieldname] = form[f.fieldname]
    rows: dict[str, dict[int, dict[str, Any]]] = {}
    for key, value in form.items():
        match = CHILD_KEY.match(key)
        if match:
            rows.setdefault(match["table"], {}).setdefault(int(match["row"]), {})[
                match["field"]] = value
    for f in meta.table_fields:
        if f.read_only:
            continue
        child = ctx.meta(f.options)
        table_rows = []
        for _, row in sorted(rows.get(f.fieldname, {}).items()):
            parsed = {"name": row.get("name") or None}
            for c in child.data_fields:
                if c.fieldtype == "Check":
                    parsed[c.fieldname] = 1 if row.get(c.fieldname) else 0
                elif c.fieldname in row:
                    parsed[c.fieldname] = row[c.fieldname]
            table_rows.append(parsed)
        if f"{f.fieldname}-present" in form:
            values[f.fieldname] = table_rows
    return values


ROW_PROBLEM = re.compile(r"^(?P<table>[a-z][a-z0-9_]*) row (?P<row>\d+): ")


def field_errors(problems: list[ValidationError | AppError]) -> dict[str, str]:
    """Each problem keyed where the form shows it: a field by its name, a child row's
    cell by its input name (``items-0-qty``), and the rows' problems under their table."""
    errors: dict[str, str] = {}
    for problem in problems:
        if not problem.field:
            continue
        row = ROW_PROBLEM.match(problem.message)
        if row is None:
            errors.setdefault(problem.field, problem.message)
            continue
        cell = f"{row['table']}-{int(row['row']) - 1}-{problem.field}"
        errors.setdefault(cell, problem.message[row.end():])
        table = errors.get(row["table"])
        errors[row["table"]] = f"{table}; {problem.message}" if table else problem.message
    return errors


def keep_unposted_cells(values: dict[str, Any], stored: Document) -> None:
    """A grid shows a few columns of each child row; the row's other fields keep their
    stored values, since saving rewrites the rows from what was posted."""
    for f in stored.meta.table_fields:
        by_name = {row.name: row for row in stored.children(f.fieldname)}
        for row in values.get(f.fieldname) or []:
            old = by_name.get(row.get("name"))
            if old is None:
                continue
            for c in old.meta.data_fields:
                if c.fieldname not in row and old.get(c.fieldname) is not None:
                    row[c.fieldname] = old.get(c.fieldname)
