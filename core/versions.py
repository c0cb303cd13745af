"""The version log: who changed which document, when, and what changed."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from core.db import query
from core.document import Document, jsonable
from core.naming import row_name

if TYPE_CHECKING:
    from core.context import Context


def diff(before: dict[str, Any] | None, doc: Document) -> dict[str, Any]:
    """Changed fields as [field, old, new]; child tables as rows added/removed/changed."""
    before = before or {}
    changed: list[list[Any]] = []
    rows: dict[str, dict[str, int]] = {}
    for f in doc.meta.fields:
        if f.is_table:
            old = {r["name"]: r for r in before.get(f.fieldname) or []}
            new = {r.name: r for r in doc.children(f.fieldname)}
            counts = {"added": len(new.keys() - old.keys()),
                      "removed": len(old.keys() - new.keys()),
                      "changed": sum(1 for n in new.keys() & old.keys()
                                     if _row_changed(old[n], new[n]))}
            if any(counts.values()):
                rows[f.fieldname] = counts
        elif f.has_column:
            old_value, new_value = before.get(f.fieldname), doc.get(f.fieldname)
            if old_value != new_value and not (old_value in (None, "") and
                                               new_value in (None, "")):
                changed.append([f.fieldname, jsonable(old_value), jsonable(new_value)])
    return {"changed": changed, "rows": rows}


def _row_changed(old: dict[str, Any], new: Document) -> bool:
    return any(old.get(f.fieldname) != new.get(f.fieldname) for f in new.meta.data_fields)


def record(ctx: Context, doc: Document, action: str, data: dict[str, Any] | None = None) -> None:
    if not doc.meta.track_changes or doc.meta.istable:
        return
    query.insert_rows(ctx, "Version", [{
        "name": row_name(), "owner": ctx.user, "modified_by": ctx.user,
        "creation": ctx.now, "modified": ctx.now, "docstatus": 0, "idx": 0,
        "ref_doctype": doc.doctype, "docname": doc.name, "action": action,
        "data": data or {},
    }])
