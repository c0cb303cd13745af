"""What the engine checks on every save, from metadata alone.

Mandatory fields, Select options, Link and Dynamic Link targets (in this tenant, not
cancelled), unique values. Every problem in the document is collected and raised together,
each naming its field and row.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from core.db import query
from core.document import Document
from core.errors import (
    DuplicateEntryError,
    LinkValidationError,
    MandatoryError,
    MultipleValidationErrors,
    ValidationError,
)
from core.meta.doctype import DocField

if TYPE_CHECKING:
    from core.context import Context


def check_document(ctx: Context, doc: Document) -> None:
    errors: list[ValidationError] = []
    _check(ctx, doc, errors, "")
    for f in doc.meta.table_fields:
        for i, row in enumerate(doc.children(f.fieldname), start=1):
            _check(ctx, row, errors, f"{f.label or f.fieldname} row {i}: ")
    if errors:
        raise errors[0] if len(errors) == 1 else MultipleValidationErrors(errors)
    check_unique(ctx, doc)


def _check(ctx: Context, doc: Document, errors: list[ValidationError], where: str) -> None:
    for f in doc.meta.data_fields:
        value = doc.get(f.fieldname)
        label = f"{where}{f.label or f.fieldname}"
        if f.reqd and f.fieldtype != "Check" and value in (None, ""):
            errors.append(MandatoryError(f"{label} is required", field=f.fieldname))
            continue
        if value in (None, ""):
            continue
        if f.fieldtype == "Select" and f.select_options and value not in f.select_options:
            errors.append(ValidationError(
                f"{label}: {value!r} is not one of {', '.join(f.select_options)}",
                field=f.fieldname))
        elif f.fieldtype == "Link":
            _check_link(ctx, f, f.options, value, label, errors)
        elif f.fieldtype == "Dynamic Link":
            target = doc.get(f.options)
            if not target or target not in ctx.schema.doctypes:
                errors.append(LinkValidationError(
                    f"{label}: {f.options} must name a DocType", field=f.options))
            else:
                _check_link(ctx, f, target, value, label, errors)


def _check_link(ctx: Context, f: DocField, target: str, value: str, label: str,
                errors: list[ValidationError]) -> None:
    meta = ctx.schema.doctypes.get(target)
    if meta is None:
        errors.append(LinkValidationError(f"{label}: links to unknown DocType {target}",
                                          field=f.fieldname))
        return
    if meta.issingle:
        return
    found = query.select_rows(ctx, target, fields=["docstatus"], filters={"name": value},
                              limit=1, order_by="name asc")
    if not found:
        errors.append(LinkValidationError(f"{label}: {target} {value!r} does not exist",
                                          field=f.fieldname))
    elif found[0]["docstatus"] == 2:
        errors.append(LinkValidationError(f"{label}: {target} {value!r} is cancelled",
                                          field=f.fieldname))


def check_unique(ctx: Context, doc: Document) -> None:
    for f in doc.meta.data_fields:
        value = doc.get(f.fieldname)
        if not f.unique or value in (None, ""):
            continue
        filters = [[f.fieldname, "=", value]]
        if doc.name:
            filters.append(["name", "!=", doc.name])
        if query.exists(ctx, doc.doctype, filters):
            raise DuplicateEntryError(
                f"{doc.doctype} with {f.label or f.fieldname} {value!r} already exists",
                field=f.fieldname)
