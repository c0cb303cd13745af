"""DocType: a tenant's own document type, created at run time from the desk or the API.

Standard doctypes come from module code; rows of this doctype are the tenant's custom
ones (``custom`` = 1). Saving one creates or extends its table and tells every server
process that the tenant's metadata changed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from core.db.ddl import apply_table
from core.errors import MetaError
from core.meta.doctype import doctype_from_dict
from core.meta.registry import custom_table_name
from core.tenancy import bump_meta_version

if TYPE_CHECKING:
    from core.context import Context
    from core.document import Document
    from core.meta.doctype import DocTypeMeta

DOCTYPE = {
    "name": "DocType",
    "autoname": "Prompt",
    "search_fields": ["module"],
    "fields": [
        {"fieldname": "module", "fieldtype": "Data", "label": "Module", "reqd": 1,
         "in_list_view": 1, "in_standard_filter": 1, "default": "Custom"},
        {"fieldname": "custom", "fieldtype": "Check", "label": "Custom", "default": 1,
         "read_only": 1},
        {"fieldname": "is_submittable", "fieldtype": "Check", "label": "Is Submittable",
         "in_list_view": 1},
        {"fieldname": "istable", "fieldtype": "Check", "label": "Is Child Table"},
        {"fieldname": "issingle", "fieldtype": "Check", "label": "Is Single"},
        {"fieldname": "autoname", "fieldtype": "Data", "label": "Naming Rule",
         "default": "hash", "description": "hash, field:fieldname, Prompt, autoincrement "
         "or a series such as TRIP-.#####"},
        {"fieldname": "title_field", "fieldtype": "Data", "label": "Title Field"},
        {"fieldname": "search_fields", "fieldtype": "Data", "label": "Search Fields"},
        {"fieldname": "sort_field", "fieldtype": "Data", "label": "Sort Field",
         "default": "modified"},
        {"fieldname": "sort_order", "fieldtype": "Select", "label": "Sort Order",
         "options": "desc\nasc", "default": "desc"},
        {"fieldname": "track_changes", "fieldtype": "Check", "label": "Track Changes",
         "default": 1},
        {"fieldname": "description", "fieldtype": "Small Text", "label": "Description"},
        {"fieldname": "section_fields", "fieldtype": "Section Break", "label": "Fields"},
        {"fieldname": "fields", "fieldtype": "Table", "options": "DocField",
         "label": "Fields"},
        {"fieldname": "section_permissions", "fieldtype": "Section Break",
         "label": "Permissions"},
        {"fieldname": "permissions", "fieldtype": "Table", "options": "DocPerm",
         "label": "Permissions"},
    ],
    "permissions": [{"role": "System Manager", "read": 1, "write": 1, "create": 1,
                     "delete": 1}],
}


def meta_of(ctx: Context, doc: Document) -> DocTypeMeta:
    data = {k: v for k, v in doc.values.items() if k not in ("fields", "permissions")}
    data["fields"] = [r.values for r in doc.children("fields")]
    data["permissions"] = [r.values for r in doc.children("permissions")]
    data["search_fields"] = [s.strip() for s in (doc.get("search_fields") or "").split(",")
                             if s.strip()]
    data["table_name"] = custom_table_name(ctx.tenant.id, doc.name or "")
    data["custom"] = 1
    return doctype_from_dict(data)


def validate(ctx: Context, doc: Document) -> None:
    doc.custom = 1
    standard = ctx.site.standard_meta
    if doc.name in standard:
        raise MetaError(f"{doc.name} is a standard DocType: add Custom Fields to it instead",
                        field="name")
    meta = meta_of(ctx, doc)
    for f in meta.fields:
        target = f.options
        if f.fieldtype == "Link" and target != meta.name and target not in ctx.schema.doctypes:
            raise MetaError(f"Field {f.fieldname!r} links to unknown DocType {target!r}",
                            field="fields")
        if f.fieldtype == "Table":
            child = ctx.schema.doctypes.get(target)
            if child is None or not child.istable:
                raise MetaError(f"Field {f.fieldname!r}: {target!r} is not a child table "
                                "DocType", field="fields")


def on_update(ctx: Context, doc: Document) -> None:
    apply_table(ctx, meta_of(ctx, doc))
    bump_meta_version(ctx)


def on_trash(ctx: Context, doc: Document) -> None:
    bump_meta_version(ctx)
