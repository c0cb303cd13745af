"""``/api/resource/{DocType}``: list, create, read, update, delete, submit and cancel.

Frappe-compatible shapes: lists answer ``{"data": [...]}``, documents ``{"data": {...}}``;
setting ``docstatus`` to 1 submits and to 2 cancels, on create as well as on update.
"""

from __future__ import annotations

from typing import Any

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from core import lifecycle, perms
from core.api.http import handle, int_param, json_param, json_response
from core.auth.request import require_login
from core.context import Context
from core.db import query
from core.document import Document, build
from core.errors import BadRequest, DocstatusError, ValidationError
from core.messages import with_messages
from core.singles import get_single

DEFAULT_PAGE = 20
MASK = "*****"


def public_dict(doc: Document) -> dict[str, Any]:
    """The document as the API shows it: passwords never leave the server."""
    out = doc.as_dict()
    for f in doc.meta.fields:
        if f.fieldtype == "Password" and out.get(f.fieldname):
            out[f.fieldname] = MASK
        elif f.is_table:
            out[f.fieldname] = [public_dict(r) for r in doc.children(f.fieldname)]
    return out


def _doctype(request: Request) -> str:
    return request.path_params["doctype"]


def list_docs(ctx: Context, request: Request, body: dict[str, Any]) -> Response:
    require_login(ctx)
    doctype = _doctype(request)
    perms.require(ctx, doctype, "read")
    meta = ctx.meta(doctype)
    if meta.issingle:
        raise BadRequest(f"{doctype} is a single document: GET /api/resource/{doctype}/"
                         f"{doctype}")
    fields = json_param(request, "fields") or ["name"]
    if not isinstance(fields, list) or not all(isinstance(f, str) for f in fields):
        raise BadRequest("fields must be a JSON list of field names", field="fields")
    if any(meta.get_field(f) and meta.field_map[f].fieldtype == "Password" for f in fields):
        raise BadRequest("Password fields cannot be listed", field="fields")
    if "*" in fields:
        fields = [f for f in query.all_fieldnames(meta, ctx.table(doctype))
                  if not (meta.get_field(f) and meta.field_map[f].fieldtype == "Password")]
    page = int_param(request, "limit_page_length", int_param(request, "limit", DEFAULT_PAGE))
    rows = query.select_rows(
        ctx, doctype, fields=fields, filters=json_param(request, "filters"),
        order_by=request.query_params.get("order_by"), limit=page or None,
        offset=int_param(request, "limit_start", 0),
        extra=perms.list_conditions(ctx, doctype))
    return json_response({"data": rows})


def create_doc(ctx: Context, request: Request, body: dict[str, Any]) -> Response:
    require_login(ctx)
    doctype = _doctype(request)
    data = body.get("data") if isinstance(body.get("data"), dict) else body
    perms.require(ctx, doctype, "create")
    doc = lifecycle.new_doc(ctx, doctype, data)
    if doc.docstatus == 1:
        perms.require(ctx, doctype, "submit")
    perms.check_restrictions(ctx, doc)
    lifecycle.insert(ctx, doc)
    return json_response(with_messages(ctx, {"data": public_dict(doc)}))


def get_one(ctx: Context, request: Request, body: dict[str, Any]) -> Response:
    require_login(ctx)
    doctype, name = _doctype(request), request.path_params["name"]
    perms.require(ctx, doctype, "read")
    doc = get_single(ctx, doctype) if ctx.meta(doctype).issingle \
        else lifecycle.get_doc(ctx, doctype, name)
    perms.check_restrictions(ctx, doc)
    return json_response({"data": public_dict(doc)})


def update_doc(ctx: Context, request: Request, body: dict[str, Any]) -> Response:
    require_login(ctx)
    doctype, name = _doctype(request), request.path_params["name"]
    data = body.get("data") if isinstance(body.get("data"), dict) else body
    perms.require(ctx, doctype, "write")
    meta = ctx.meta(doctype)
    stored = get_single(ctx, doctype) if meta.issingle else lifecycle.get_doc(ctx, doctype,
                                                                                name)
    perms.check_restrictions(ctx, stored)
    target = data.get("docstatus")
    incoming = build(ctx, doctype, {k: v for k, v in data.items() if k != "docstatus"}
                     | {"name": name})
    _keep_read_only(incoming, stored)
    if target in (2, "2"):
        perms.require(ctx, doctype, "cancel")
        _refuse_changes_with_cancel(incoming, stored)
        doc = lifecycle.cancel(ctx, doctype, name)
    elif target in (1, "1") and stored.docstatus == 0:
        perms.require(ctx, doctype, "submit")
        perms.check_restrictions(ctx, incoming_merged(incoming, stored))
        doc = lifecycle.submit(ctx, incoming)
    else:
        if target not in (None, stored.docstatus, str(stored.docstatus)):
            raise DocstatusError(f"{doctype} {name}: docstatus cannot go from "
                                 f"{stored.docstatus} to {target}")
        perms.check_restrictions(ctx, incoming_merged(incoming, stored))
        doc = lifecycle.save(ctx, incoming)
    return json_response(with_messages(ctx, {"data": public_dict(doc)}))


def _keep_read_only(incoming: Document, stored: Document) -> None:
    """Read-only fields are the server's (totals, statuses, billed quantities): a draft's
    are recomputed on save, so what a client sends is dropped; on a submitted document
    changing one is refused rather than silently stored."""
    for f in stored.meta.data_fields:
        if not f.read_only or f.fieldname not in incoming.values:
            continue
        value = incoming.values.pop(f.fieldname)
        if stored.docstatus == 1 and value != stored.values.get(f.fieldname):
            raise ValidationError(f"{f.label or f.fieldname} is set by the system and "
                                  "cannot be changed", field=f.fieldname)


def incoming_merged(incoming: Document, stored: Document) -> Document:
    """The document as it would be after the update (what record restrictions judge)."""
    return Document(stored.meta, stored.values | incoming.values)


def _refuse_changes_with_cancel(incoming: Document, stored: Document) -> None:
    changed = [k for k, v in incoming.values.items()
               if k not in ("name", "modified") and stored.values.get(k) != v]
    if changed:
        raise DocstatusError(f"Cancel changes nothing else: remove {', '.join(changed)}")


def delete_doc(ctx: Context, request: Request, body: dict[str, Any]) -> Response:
    require_login(ctx)
    doctype, name = _doctype(request), request.path_params["name"]
    perms.require(ctx, doctype, "delete")
    perms.check_restrictions(ctx, lifecycle.get_doc(ctx, doctype, name))
    lifecycle.delete(ctx, doctype, name)
    return json_response({"message": "ok"})


def submit_doc(ctx: Context, request: Request, body: dict[str, Any]) -> Response:
    require_login(ctx)
    doctype, name = _doctype(request), request.path_params["name"]
    perms.require(ctx, doctype, "submit")
    doc = lifecycle.get_doc(ctx, doctype, name)
    perms.check_restrictions(ctx, doc)
    if body.get("modified"):
        doc.values["modified"] = body["modified"]
    doc = lifecycle.submit(ctx, doc)
    return json_response(with_messages(ctx, {"data": public_dict(doc)}))


def cancel_doc(ctx: Context, request: Request, body: dict[str, Any]) -> Response:
    require_login(ctx)
    doctype, name = _doctype(request), request.path_params["name"]
    perms.require(ctx, doctype, "cancel")
    perms.check_restrictions(ctx, lifecycle.get_doc(ctx, doctype, name))
    return json_response({"data": public_dict(lifecycle.cancel(ctx, doctype, name))})


async def collection(request: Request) -> Response:
    handler = list_docs if request.method == "GET" else create_doc
    return await handle(request, handler)


async def member(request: Request) -> Response:
    handler = {"GET": get_one, "PUT": update_doc, "DELETE": delete_doc}[request.method]
    return await handle(request, handler)


async def submit_route(request: Request) -> Response:
    return await handle(request, submit_doc)


async def cancel_route(request: Request) -> Response:
    return await handle(request, cancel_doc)


routes = [
    Route("/api/resource/{doctype}", collection, methods=["GET", "POST"]),
    Route("/api/resource/{doctype}/{name:path}/submit", submit_route, methods=["POST"]),
    Route("/api/resource/{doctype}/{name:path}/cancel", cancel_route, methods=["POST"]),
    Route("/api/resource/{doctype}/{name:path}", member, methods=["GET", "PUT", "DELETE"]),
]
