"""Turning a posted desk form back into document values, child rows included.

Child table inputs are named ``<table>-<row>-<field>``; a row's stored name travels in
``<table>-<row>-name``. Unchecked checkboxes send nothing, so a Check field that is on
the form but absent from the post is 0.
"""

from __future__ import annotations

import re
from typing import Any

from core.context import Context
from core.meta.doctype import DocTypeMeta

CHILD_KEY = re.compile(r"^(?P<table>[a-z][a-z0-9_]*)-(?P<row>\d+)-(?P<field>[a-z][a-z0-9_]*)$")


def editable(meta: DocTypeMeta) -> list[str]:
    return [f.fieldname for f in meta.data_fields if not f.read_only and not f.hidden]


def parse_form(ctx: Context, meta: DocTypeMeta, form: dict[str, Any]) -> dict[str, Any]:
    values: dict[str, Any] = {}
    if meta.autoname.lower() == "prompt" and form.get("__newname"):
        values["name"] = form["__newname"]
    for f in meta.data_fields:
        if f.read_only or f.hidden:
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
