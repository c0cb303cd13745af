"""List view: any doctype's documents with filters, search, sorting, paging and a count.

Everything comes from query parameters, so a filtered, sorted page is a link one can share:
``q`` searches name, title and search fields; each standard filter field filters by its
fieldname; ``docstatus`` picks Draft, Submitted or Cancelled; ``order_by`` and ``page``.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from sqlalchemy import ColumnElement, or_
from starlette.datastructures import QueryParams
from starlette.requests import Request
from starlette.responses import Response

from core import perms
from core.context import Context
from core.db import query
from core.db.filters import column_for
from core.errors import BadRequest
from core.meta.doctype import DocField, DocTypeMeta
from core.web.connections import link_filters, path_condition
from core.web.pages import desk_context
from core.web.status import status_field
from core.web.templating import render

PAGE = 20
NOT_LISTED = ("Password", "JSON", "Text", "Long Text", "Text Editor", "Small Text")


def list_columns(ctx: Context, doctype: str) -> list[DocField]:
    meta = ctx.meta(doctype)
    chosen = [meta.field_map[f] for f in meta.list_fields if f in meta.field_map]
    if not chosen:
        chosen = [f for f in meta.data_fields if not f.is_layout][:4]
    return [f for f in chosen if f.fieldtype not in NOT_LISTED
            and f.fieldname != "status"][:6]


def show_list(ctx: Context, request: Request, body: dict[str, Any]) -> Response:
    doctype = request.path_params["doctype"]
    perms.require(ctx, doctype, "read")
    meta = ctx.meta(doctype)
    if meta.issingle:
        from core.web.formview import show_form

        return show_form(ctx, request, body)
    base = desk_context(ctx)
    params = request.query_params
    filters = _filters(meta, params)
    links = link_filters(ctx, doctype, params)
    extra = perms.list_conditions(ctx, doctype) + _search(ctx, doctype, params.get("q", "")) \
        + [path_condition(ctx, doctype, path, value) for path, value in links]
    page = int(params["page"]) if params.get("page", "").isdigit() else 1
    page = max(1, page)
    columns = list_columns(ctx, doctype)
    status = status_field(meta)
    fields = ["name", "modified", "docstatus", *(c.fieldname for c in columns),
              *([status] if status else [])]
    order, rows = _page(ctx, doctype, fields, filters, extra, params.get("order_by"), page)
    total = query.count(ctx, doctype, filters, extra)
    keep = {k: v for k, v in params.items() if k != "page"}
    return render("list.html", **base, meta=meta, columns=columns, rows=rows, total=total,
                  page=page, pages=max(1, -(-total // PAGE)), order_by=order,
                  filter_fields=_filter_fields(meta), params=params, page_size=PAGE,
                  status_field=status, now=ctx.now,
                  link_filters=[{"param": p.param, "label": p.label, "value": v}
                                for p, v in links],
                  filtered=any(params.get(k) for k in params if k not in ("order_by", "page")),
                  query_without=lambda key: urlencode({k: v for k, v in keep.items()
                                                       if k != key}),
                  can_create=perms.has_right(ctx, doctype, "create"))


def _filter_fields(meta: DocTypeMeta) -> list[DocField]:
    return [f for f in meta.data_fields if f.in_standard_filter]


def _filters(meta: DocTypeMeta, params: QueryParams) -> list[list[Any]]:
    filters: list[list[Any]] = [[f.fieldname, "=", params[f.fieldname]]
                                for f in _filter_fields(meta) if params.get(f.fieldname)]
    if meta.is_submittable and params.get("docstatus") in ("0", "1", "2"):
        filters.append(["docstatus", "=", int(params["docstatus"])])
    return filters


def _page(ctx: Context, doctype: str, fields: list[str], filters: list[list[Any]],
          extra: list[ColumnElement[bool]], order_by: str | None,
          page: int) -> tuple[str, list[dict[str, Any]]]:
    """One page of rows in the asked order; an order the doctype cannot sort by falls
    back to the most recently modified first."""
    meta = ctx.meta(doctype)
    order = order_by or f"{meta.sort_field} {meta.sort_order}"
    for attempt in (order, "modified desc"):
        try:
            return attempt, query.select_rows(ctx, doctype, fields=fields, filters=filters,
                                              order_by=attempt, limit=PAGE,
                                              offset=(page - 1) * PAGE, extra=extra)
        except BadRequest:
            continue
    raise BadRequest(f"Cannot sort {doctype} by {order}")


def _search(ctx: Context, doctype: str, text: str) -> list[ColumnElement[bool]]:
    if not text.strip():
        return []
    meta, table = ctx.meta(doctype), ctx.table(doctype)
    names = ["name"] + [f for f in (meta.title_field, *meta.search_fields)
                        if f and meta.has_field(f)]
    pattern = f"%{text.strip()}%"
    return [or_(*[column_for(meta, table, f)[0].ilike(pattern) for f in dict.fromkeys(names)])]
