"""What the engine checks on every save, from metadata alone.

Mandatory fields, Select options, Link and Dynamic Link targets (in this tenant, not
cancelled). Every problem in the document is collected and raised together, each naming
its field and row. Unique values are left to the tables' unique indexes, which answer when
the document is written (core/lifecycle.py names the field): reading first cost a round
trip per save, and a concurrent writer could take the value between the read and the write
anyway.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from core import records
from core.db import query
from core.document import Document
from core.errors import (
    LinkValidationError,
    MandatoryError,
    MultipleValidationErrors,
    ValidationError,
)

if TYPE_CHECKING:
    from core.context import Context


Link = tuple[str, str, str, str]  # target doctype, value, fieldname, label for messages


def check_document(ctx: Context, doc: Document) -> None:
    errors: list[ValidationError] = []
    links: list[Link] = []
    _check(ctx, doc, errors, links, "")
    for f in doc.meta.table_fields:
        for i, row in enumerate(doc.children(f.fieldname), start=1):
            _check(ctx, row, errors, links, f"{f.label or f.fieldname} row {i}: ")
    _check_links(ctx, links, errors)
    if errors:
        raise errors[0] if len(errors) == 1 else MultipleValidationErrors(errors)


def _check(ctx: Context, doc: Document, errors: list[ValidationError], links: list[Link],
           where: str) -> None:
    for f in doc.meta.checked_fields:
        value = doc.get(f.fieldname)
        if value in (None, ""):
            if f.reqd and f.fieldtype != "Check":
                errors.append(MandatoryError(f"{where}{f.label or f.fieldname} is required",
                                             field=f.fieldname))
            continue
        label = f"{where}{f.label or f.fieldname}"
        if f.fieldtype == "Select" and f.select_options and value not in f.select_options:
            errors.append(ValidationError(
                f"{label}: {value!r} is not one of {', '.join(f.select_options)}",
                field=f.fieldname))
        elif f.fieldtype == "Link":
            links.append((f.options, value, f.fieldname, label))
        elif f.fieldtype == "Dynamic Link":
            target = doc.get(f.options)
            if not target or target not in ctx.schema.doctypes:
                errors.append(LinkValidationError(
                    f"{label}: {f.options} must name a DocType", field=f.options))
            else:
                links.append((target, value, f.fieldname, label))


def _check_links(ctx: Context, links: list[Link], errors: list[ValidationError]) -> None:
    """Every linked record exists in this tenant and is not cancelled: one query per
    linked doctype, however many rows link to it."""
    by_target: dict[str, set[str]] = {}
    for target, value, _, _ in links:
        by_target.setdefault(target, set()).add(value)
    found: dict[str, dict[str, int]] = {}
    for target, values in by_target.items():
        meta = ctx.schema.doctypes.get(target)
        if meta is None or meta.issingle:
            continue
        if meta.cache_records:
            found[target] = {n: r["docstatus"] for n, r in
                             records.get_many(ctx, target, values).items()}
            continue
        found[target] = {n: r["docstatus"] for n, r in
                         query.rows_by_name(ctx, target, values).items()}
    for target, value, fieldname, label in links:
        meta = ctx.schema.doctypes.get(target)
        if meta is None:
            errors.append(LinkValidationError(f"{label}: links to unknown DocType {target}",
                                              field=fieldname))
        elif meta.issingle:
            continue
        elif value not in found[target]:
            errors.append(LinkValidationError(f"{label}: {target} {value!r} does not exist",
                                              field=fieldname))
        elif found[target][value] == 2:
            errors.append(LinkValidationError(f"{label}: {target} {value!r} is cancelled",
                                              field=fieldname))
