"""The engine's own whitelisted methods (``/api/method/core.*``)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from sqlalchemy import or_

from core import lifecycle, perms
from core.api.whitelist import whitelist
from core.db import query
from core.errors import BadRequest
from core.meta.fieldtypes import FieldValueError, field_type

if TYPE_CHECKING:
    from core.context import Context


def _doctype_name(doctype: Any) -> str:
    if not isinstance(doctype, str):
        raise BadRequest("doctype must be the name of a DocType", field="doctype")
    return doctype


@whitelist()
def get_count(ctx: Context, doctype: str, filters: Any = None) -> int:
    """How many documents of ``doctype`` match ``filters`` (what a list view counts)."""
    perms.require(ctx, _doctype_name(doctype), "read")
    return query.count(ctx, doctype, filters, perms.list_conditions(ctx, doctype))


@whitelist()
def search_link(ctx: Context, doctype: str, txt: str = "", page_length: int = 10,
                filters: Any = None) -> list[dict[str, Any]]:
    """Names (and titles) of ``doctype`` matching ``txt``: what a Link field offers."""
    perms.require(ctx, _doctype_name(doctype), "read")
    meta, table = ctx.meta(doctype), ctx.table(doctype)
    if not isinstance(txt, str):
        raise BadRequest("txt must be text", field="txt")
    try:
        page_length = field_type("Int").parse(page_length)
    except FieldValueError as exc:
        raise BadRequest(f"page_length {exc}", field="page_length") from None
    fields = ["name"] + [f for f in (meta.title_field, *meta.search_fields)
                         if f and meta.has_field(f)]
    pattern = f"%{txt}%"
    match = or_(*[table.c[meta.field_map[f].column_name if f != "name" else "name"]
                  .ilike(pattern) for f in fields])
    rows = query.select_rows(
        ctx, doctype, fields=list(dict.fromkeys(fields)), filters=filters,
        extra=[match, *perms.list_conditions(ctx, doctype),
               *([table.c.docstatus < 2] if meta.is_submittable else [])],
        order_by="name asc", limit=max(1, min(page_length, 50)))
    title = meta.title_field
    return [{"value": r["name"], "description": r.get(title) if title else ""} for r in rows]


@whitelist(methods=("POST",))
def amend(ctx: Context, doctype: str, name: str) -> dict[str, Any]:
    """A new draft copied from a cancelled document, named NAME-1 (then -2, ...)."""
    perms.require(ctx, doctype, "create")
    perms.check_restrictions(ctx, lifecycle.get_doc(ctx, doctype, name))
    return lifecycle.amend(ctx, doctype, name).as_dict()
