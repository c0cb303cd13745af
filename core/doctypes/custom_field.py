"""Custom Field: a field a tenant adds to any doctype at run time.

It is stored as a row, its column is added at once, and every server process sees it on
its next request (the tenant's metadata version changes).
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from core.db.ddl import apply_table
from core.errors import MetaError
from core.meta.doctype import check_doctype, field_from_dict
from core.meta.fieldtypes import FIELD_TYPES
from core.meta.registry import custom_column_name
from core.tenancy import bump_meta_version

if TYPE_CHECKING:
    from core.context import Context
    from core.document import Document
    from core.meta.doctype import DocTypeMeta

DOCTYPE = {
    "name": "Custom Field",
    "autoname": "controller",
    "title_field": "label",
    "fields": [
        {"fieldname": "dt", "fieldtype": "Data", "label": "DocType", "reqd": 1,
         "in_list_view": 1, "in_standard_filter": 1},
        {"fieldname": "label", "fieldtype": "Data", "label": "Label", "in_list_view": 1},
        {"fieldname": "fieldname", "fieldtype": "Data", "label": "Fieldname", "reqd": 1,
         "in_list_view": 1},
        {"fieldname": "fieldtype", "fieldtype": "Select", "label": "Type", "reqd": 1,
         "options": "\n".join(t for t in FIELD_TYPES if t != "Table"), "default": "Data",
         "in_list_view": 1},
        {"fieldname": "options", "fieldtype": "Small Text", "label": "Options"},
        {"fieldname": "insert_after", "fieldtype": "Data", "label": "Insert After"},
        {"fieldname": "reqd", "fieldtype": "Check", "label": "Mandatory"},
        {"fieldname": "unique", "fieldtype": "Check", "label": "Unique"},
        {"fieldname": "default", "fieldtype": "Small Text", "label": "Default"},
        {"fieldname": "in_list_view", "fieldtype": "Check", "label": "In List View"},
        {"fieldname": "in_standard_filter", "fieldtype": "Check", "label": "In Filter"},
        {"fieldname": "read_only", "fieldtype": "Check", "label": "Read Only"},
        {"fieldname": "hidden", "fieldtype": "Check", "label": "Hidden"},
        {"fieldname": "precision", "fieldtype": "Data", "label": "Precision"},
        {"fieldname": "description", "fieldtype": "Small Text", "label": "Description"},
    ],
    "permissions": [{"role": "System Manager", "read": 1, "write": 1, "create": 1,
                     "delete": 1}],
}


def before_insert(ctx: Context, doc: Document) -> None:
    doc.name = f"{doc.get('dt')}-{doc.get('fieldname')}"


def target_with_field(ctx: Context, doc: Document) -> DocTypeMeta:
    target = ctx.schema.doctypes.get(doc.get("dt") or "")
    if target is None:
        raise MetaError(f"DocType {doc.get('dt')!r} not found", field="dt")
    f = field_from_dict({k: v for k, v in doc.values.items() if k not in ("name",)}
                        | {"is_custom": True})
    existing = target.get_field(f.fieldname)
    if existing is not None and not existing.is_custom:
        raise MetaError(f"{target.name} already has a standard field {f.fieldname!r}",
                        field="fieldname")
    if f.fieldtype not in FIELD_TYPES or f.fieldtype == "Table":
        raise MetaError(f"Unknown or unsupported fieldtype {f.fieldtype!r}", field="fieldtype")
    column = custom_column_name(target, f.fieldname, f.fieldtype)
    fields = tuple(x for x in target.fields if x.fieldname != f.fieldname)
    meta = target.with_fields(fields + (replace(f, column=column),))
    check_doctype(meta)
    if f.fieldtype == "Link" and f.options not in ctx.schema.doctypes:
        raise MetaError(f"Field {f.fieldname!r} links to unknown DocType {f.options!r}",
                        field="options")
    return meta


def validate(ctx: Context, doc: Document) -> None:
    target_with_field(ctx, doc)


def on_update(ctx: Context, doc: Document) -> None:
    apply_table(ctx, target_with_field(ctx, doc))
    bump_meta_version(ctx)


def on_trash(ctx: Context, doc: Document) -> None:
    bump_meta_version(ctx)
