"""List view: any doctype's documents with filters, search, sorting, paging and a count."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from sqlalchemy import or_
from starlette.requests import Request
from starlette.responses import Response

from core import perms
from core.context import Context
from core.db import query
from core.db.filters import column_for
from core.errors import BadRequest
from core.web.pages import desk_context
from core.web.templating import render

PAGE = 20


def list_columns(ctx: Context, doctype: str) -> list[Any]:
    meta = ctx.meta(doctype)
    chosen = [meta.field_map[f] for f in meta.list_fields if f in meta.field_map]
    if not chosen:
        chosen = [f for f in meta.data_fields if not f.is_layout][:4]
    return [f for f in chosen if f.fieldtype not in ("Password", "JSON")][:6]


def show_list(ctx: Context, request: Request, body: dict[str, Any]) -> Response:
    base = desk_context(ctx)
    doctype = request.path_params["doctype"]
    perms.require(ctx, doctype, "read")
    meta = ctx.meta(doctype)
    if meta.issingle:
        from core.web.formview import show_form

        return show_form(ctx, request, body)
    params = request.query_params
    filter_fields = [f for f in meta.data_fields if f.in_standard_filter]
    filters = [[f.fieldname, "=", params[f.fieldname]] for f in filter_fields
               if params.get(f.fieldname)]
    if meta.is_submittable and params.get("docstatus") in ("0", "1", "2"):
        filters.append(["docstatus", "=", int(params["docstatus"])])
    extra = perms.list_conditions(ctx, doctype) + _search(ctx, doctype, params.get("q", ""))
    order = params.get("order_by") or f"{meta.sort_field} {meta.sort_order}"
    page = max(1, int(params.get("page", "1")) if params.get("page", "1").isdigit() else 1)
    columns = list_columns(ctx, doctype)
    fields = ["name", "modified", "docstatus"] + [c.fieldname for c in columns]
    try:
        rows = query.select_rows(ctx, doctype, fields=fields, filters=filters, order_by=order,
                                 limit=PAGE, offset=(page - 1) * PAGE, extra=extra)
    except BadRequest:
        order = "modified desc"
        rows = query.select_rows(ctx, doctype, fields=fields, filters=filters,
                                 order_by=order, limit=PAGE, offset=(page - 1) * PAGE,
                                 extra=extra)
    total = query.count(ctx, doctype, filters, extra)
    keep = {k: v for k, v in params.items() if k != "page"}
    return render("list.html", **base, meta=meta, columns=columns, rows=rows, total=total,
                  page=page, pages=max(1, -(-total // PAGE)), order_by=order,
                  filter_fields=filter_fields, params=params, page_size=PAGE,
                  query_without=lambda key: urlencode({k: v for k, v in keep.items()
                                                       if k != key}),
                  can_create=perms.has_right(ctx, doctype, "create"))


def _search(ctx: Context, doctype: str, text: str) -> list[Any]:
    if not text.strip():
        return []
    meta, table = ctx.meta(doctype), ctx.table(doctype)
    names = ["name"] + [f for f in (meta.title_field, *meta.search_fields)
                        if f and meta.has_field(f)]
    pattern = f"%{text.strip()}%"
    return [or_(*[column_for(meta, table, f)[0].ilike(pattern) for f in dict.fromkeys(names)])]
