"""Tree masters (groups of groups): a parent must be a group, and no node its own ancestor."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from core.db import query
from core.errors import ValidationError

if TYPE_CHECKING:
    from core.context import Context
    from core.document import Document

MAX_DEPTH = 50


def check_parent(ctx: Context, doc: Document, parent_field: str) -> None:
    parent = doc.get(parent_field)
    if not parent:
        return
    if parent == doc.name:
        raise ValidationError(f"{doc.doctype} {doc.name} cannot be its own parent",
                              field=parent_field)
    if not query.get_value(ctx, doc.doctype, parent, "is_group"):
        raise ValidationError(f"{doc.doctype} {parent} is not a group, so it cannot hold "
                              "others", field=parent_field)
    seen, node = {doc.name}, parent
    for _ in range(MAX_DEPTH):
        node = query.get_value(ctx, doc.doctype, node, parent_field)
        if not node:
            return
        if node in seen:
            raise ValidationError(f"{doc.doctype} {parent} is below {doc.name}: that would "
                                  "make a loop", field=parent_field)
        seen.add(node)


def tree_doctype(name: str, name_field: str, parent_field: str) -> dict[str, Any]:
    """The declaration every group tree shares: a unique name, a parent, a group flag."""
    return {
        "name": name,
        "cache_records": 1,  # read by pricing and reports on most documents, seldom changed
        "index_links": 0,  # a few dozen groups: a link to one needs no index
        "autoname": f"field:{name_field}",
        "title_field": name_field,
        "fields": [
            {"fieldname": name_field, "fieldtype": "Data", "label": f"{name} Name",
             "reqd": 1, "unique": 1, "in_list_view": 1},
            {"fieldname": parent_field, "fieldtype": "Link", "options": name,
             "label": f"Parent {name}", "in_list_view": 1, "in_standard_filter": 1},
            {"fieldname": "is_group", "fieldtype": "Check", "label": "Is Group",
             "in_list_view": 1},
        ],
        "permissions": [
            {"role": "System Manager", "read": 1, "write": 1, "create": 1, "delete": 1},
            {"role": "Sales User", "read": 1},
            {"role": "Purchase User", "read": 1},
            {"role": "Accounts User", "read": 1},
        ],
    }
