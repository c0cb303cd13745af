"""Form view: one document with every field, its child tables, its actions and its history.

Saving goes through the same lifecycle as the API. A refused save re-renders the form
with what the user typed and each error at its field; the attempt runs in a savepoint,
so whatever a failing handler wrote is undone before the page is shown.
"""

from __future__ import annotations

from typing import Any

from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

from core import lifecycle, perms, print_formats
from core.context import Context
from core.db import query
from core.document import Document, build
from core.errors import AppError, MultipleValidationErrors, NotFound
from core.singles import get_single
from core.web.connections import connections
from core.web.forms import field_errors, keep_unposted_cells, parse_form
from core.web.layout import form_layout, shown_layout
from core.web.pages import desk_context
from core.web.status import badge
from core.web.templating import render, url_for_doctype


def _doc(ctx: Context, doctype: str, name: str | None) -> Document:
    meta = ctx.meta(doctype)
    if meta.issingle:
        return get_single(ctx, doctype)
    if name is None:
        return lifecycle.new_doc(ctx, doctype, {})
    doc = lifecycle.get_doc(ctx, doctype, name)
    perms.check_restrictions(ctx, doc)
    return doc


def show_form(ctx: Context, request: Request, body: dict[str, Any]) -> Response:
    doctype = request.path_params["doctype"]
    name = request.path_params.get("name")
    perms.require(ctx, doctype, "create" if name == "new" else "read")
    doc = _doc(ctx, doctype, None if name == "new" else name)
    notice = next((text for key, text in NOTICES.items() if key in request.query_params), "")
    return _render(ctx, doc, is_new=name == "new" and not doc.meta.issingle,
                   messages=[notice] if notice else None)


NOTICES = {"saved": "Saved.", "submitted": "Submitted.", "cancelled": "Cancelled.",
           "amended": "Amended: this is a new draft copied from the cancelled document.",
           "made": "A draft made from the document with what it has still open: check it, "
                   "save and submit.",
           "requested": "Requested: what comes back shows on the document once it is "
                        "processed."}


def _render(ctx: Context, doc: Document, *, is_new: bool, errors: dict[str, str] | None = None,
            summary: list[str] | None = None, status: int = 200,
            messages: list[str] | None = None) -> Response:
    meta = doc.meta
    versions = [] if is_new or meta.issingle else query.select_rows(
        ctx, "Version", fields=["owner", "creation", "action", "data"],
        filters={"ref_doctype": meta.name, "docname": doc.name}, order_by="creation desc",
        limit=50)
    editable = doc.docstatus == 0
    rights = {r: perms.has_right(ctx, meta.name, r)
              for r in ("write", "create", "submit", "cancel", "delete")}
    return render("form.html", status=status, **desk_context(ctx), meta=meta, doc=doc,
                  is_new=is_new, layout=shown_layout(form_layout(meta), doc, editable),
                  errors=errors or {}, conflict=status == 409,
                  summary=summary or [], editable=editable, rights=rights,
                  badge=None if is_new else badge(meta, doc.docstatus, doc.get("status")),
                  connections=[] if is_new or meta.issingle else connections(ctx, doc),
                  child_meta={f.options: ctx.meta(f.options) for f in meta.table_fields},
                  versions=versions, messages=messages or [],
                  makes=[] if is_new or doc.docstatus != 1 else
                  [a for a in make_actions(ctx, meta.name) if a.is_open(doc)],
                  buttons=[] if is_new else
                  [b for b in form_buttons(ctx, meta.name) if b.shows(doc)],
                  print_formats=[] if is_new or meta.issingle else
                  [f.name for f in print_formats.formats(ctx, meta.name)])


def make_actions(ctx: Context, doctype: str) -> list[Any]:
    """What a submitted document can be turned into, for this tenant and user."""
    return [a for a in ctx.site.make_actions.get(doctype, [])
            if a.module in ctx.tenant.modules and perms.has_right(ctx, a.target, "create")]


def form_buttons(ctx: Context, doctype: str) -> list[Any]:
    """The buttons installed modules put on this doctype's form, for this user."""
    return [b for b in ctx.site.buttons.get(doctype, [])
            if b.module in ctx.tenant.modules and perms.has_right(ctx, doctype, b.right)]


def _press(ctx: Context, doctype: str, name: str, method: Any) -> None:
    """Call the method behind a declared button with the document and the values of the
    fields it names (the method checks what it needs itself)."""
    found = [b for b in form_buttons(ctx, doctype) if b.method == method]
    doc = lifecycle.get_doc(ctx, doctype, name)
    if not found or not found[0].shows(doc):
        raise NotFound(f"{doctype} {name} has no such button now")
    args = {param: doc.get(field) for param, field in found[0].fields.items()}
    ctx.site.methods[found[0].method](ctx, doctype=doctype, name=name, **args)


def save_form(ctx: Context, request: Request, body: dict[str, Any]) -> Response:
    doctype = request.path_params["doctype"]
    name = request.path_params.get("name")
    meta = ctx.meta(doctype)
    if name is None and not meta.issingle:
        raise NotFound(f"Open a {doctype} to save it")
    is_new = name == "new" and not meta.issingle
    perms.require(ctx, doctype, "create" if is_new else "write")
    values = parse_form(ctx, meta, body)
    if not is_new and not meta.issingle:
        keep_unposted_cells(values, lifecycle.get_doc(ctx, doctype, name or ""))
    savepoint = ctx.conn.begin_nested()
    try:
        if is_new:
            doc = lifecycle.new_doc(ctx, doctype, values)
            perms.check_restrictions(ctx, doc)
            lifecycle.insert(ctx, doc)
        else:
            doc = build(ctx, doctype, values | {"name": name or doctype,
                                                "modified": body.get("modified")})
            perms.check_restrictions(ctx, doc)
            lifecycle.save(ctx, doc)
        savepoint.commit()
    except AppError as exc:
        savepoint.rollback()
        return _refused(ctx, meta, values, name, is_new, exc)
    target = url_for_doctype(doctype) if meta.issingle else url_for_doctype(doctype, doc.name)
    return RedirectResponse(target + "?saved=1", status_code=303)


def _refused(ctx: Context, meta: Any, values: dict[str, Any], name: str | None,
             is_new: bool, exc: AppError) -> Response:
    problems = exc.errors if isinstance(exc, MultipleValidationErrors) else [exc]
    errors = field_errors(problems)
    shown = Document(meta, {k: v for k, v in values.items() if not isinstance(v, list)}
                     | {"name": values.get("name") if is_new else name})
    for f in meta.table_fields:
        if f.fieldname in values:
            shown.values[f.fieldname] = [Document(ctx.meta(f.options), r)
                                         for r in values[f.fieldname]]
    if not is_new and not meta.issingle:
        stored = lifecycle.get_doc(ctx, meta.name, name or "")
        merged = stored.values | shown.values
        shown.values.clear()
        shown.values.update(merged)
    return _render(ctx, shown, is_new=is_new, errors=errors,
                   summary=[p.message for p in problems], status=exc.status)


ACTIONS = {"submit": "submit", "cancel": "cancel", "amend": "create", "delete": "delete",
           "make": "read", "button": "read"}


def _make(ctx: Context, doctype: str, name: str, method: Any) -> Document:
    """Save the draft a declared make action builds from the document."""
    found = [a for a in make_actions(ctx, doctype) if a.method == method]
    if not found:
        raise NotFound(f"{doctype} cannot be made into that")
    draft = ctx.site.methods[found[0].method](ctx, source_name=name, **found[0].args)
    doc = lifecycle.new_doc(ctx, found[0].target, {k: v for k, v in draft.items()
                                                    if k != "doctype"})
    perms.check_restrictions(ctx, doc)
    return lifecycle.insert(ctx, doc)


def act(ctx: Context, request: Request, body: dict[str, Any]) -> Response:
    doctype, name = request.path_params["doctype"], request.path_params["name"]
    action = request.path_params["action"]
    if action not in ACTIONS:
        raise NotFound(f"No action {action}")
    perms.require(ctx, doctype, ACTIONS[action], lifecycle.get_doc(ctx, doctype, name))
    savepoint = ctx.conn.begin_nested()
    try:
        if action == "submit":
            doc = lifecycle.get_doc(ctx, doctype, name)
            doc.values["modified"] = body.get("modified") or doc.values["modified"]
            lifecycle.submit(ctx, doc)
        elif action == "cancel":
            lifecycle.cancel(ctx, doctype, name)
        elif action == "amend":
            name = lifecycle.amend(ctx, doctype, name).name or name
        elif action == "button":
            _press(ctx, doctype, name, body.get("method"))
        elif action == "make":
            made = _make(ctx, doctype, name, body.get("method"))
            savepoint.commit()
            return RedirectResponse(url_for_doctype(made.doctype, made.name) + "?made=1",
                                    status_code=303)
        else:
            lifecycle.delete(ctx, doctype, name)
        savepoint.commit()
    except AppError as exc:
        savepoint.rollback()
        doc = lifecycle.get_doc(ctx, doctype, name)
        return _render(ctx, doc, is_new=False, summary=[exc.message], status=exc.status)
    if action == "delete":
        return RedirectResponse(url_for_doctype(doctype) + "?deleted=1", status_code=303)
    done = {"submit": "submitted", "cancel": "cancelled", "amend": "amended",
            "button": "requested"}[action]
    return RedirectResponse(url_for_doctype(doctype, name) + f"?{done}=1", status_code=303)
