"""The document lifecycle: insert, save, submit, cancel, amend, delete.

docstatus 0 is a draft, 1 submitted (frozen, with effects), 2 cancelled (effects reversed
by new entries). Each action runs the doctype's own lifecycle functions, then the event
handlers of installed modules in dependency order, all inside the caller's transaction:
if anything raises, nothing is written.

These functions do not check the acting user's rights: the entry points (REST API, desk,
whitelisted methods) do that with core.perms before calling them.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from sqlalchemy.exc import IntegrityError

from core import versions
from core.checks import check_document
from core.db import query
from core.db.engine import is_unique_violation, unique_violation
from core.document import Document, build
from core.errors import (
    DocstatusError,
    DoesNotExist,
    DuplicateEntryError,
    LinkExistsError,
    TimestampMismatchError,
    ValidationError,
)
from core.meta.doctype import DocTypeMeta
from core.meta.fieldtypes import FieldValueError, field_type
from core.naming import new_name

if TYPE_CHECKING:
    from core.context import Context


def run_hooks(ctx: Context, doc: Document, event: str) -> None:
    controller = ctx.site.controllers.get(doc.doctype)
    own = getattr(controller, event, None) if controller else None
    if own is not None:
        own(ctx, doc)
    for handler in ctx.site.events.handlers(doc.doctype, event, ctx.tenant.modules):
        handler(ctx, doc)


def new_doc(ctx: Context, doctype: str, data: dict[str, Any] | None = None) -> Document:
    """A draft with defaults filled in, built from user input."""
    doc = build(ctx, doctype, data or {})
    _apply_defaults(ctx, doc)
    return doc


def _apply_defaults(ctx: Context, doc: Document) -> None:
    for f in doc.meta.defaulted_fields:
        if doc.get(f.fieldname) in (None, "") and f.default not in (None, ""):
            doc.set(f.fieldname, _default_value(ctx, f.fieldtype, f.default))
        elif f.fieldtype == "Check" and doc.get(f.fieldname) is None:
            doc.set(f.fieldname, 0)
    for f in doc.meta.table_fields:
        for row in doc.children(f.fieldname):
            _apply_defaults(ctx, row)


def _default_value(ctx: Context, fieldtype: str, default: Any) -> Any:
    if default in ("Today", "today") and fieldtype == "Date":
        return ctx.now.date()
    if default in ("now", "Now") and fieldtype == "Datetime":
        return ctx.now
    if default == "__user":
        return ctx.user
    try:
        return field_type(fieldtype).parse(default)
    except FieldValueError:
        return default


def get_doc(ctx: Context, doctype: str, name: str, *, for_update: bool = False) -> Document:
    meta = ctx.meta(doctype)
    rows = query.select_rows(ctx, doctype, filters={"name": name}, limit=1,
                             order_by="name asc", for_update=for_update)
    if not rows:
        raise DoesNotExist(f"{doctype} {name} not found")
    doc = Document(meta, rows[0])
    for f in meta.table_fields:
        children = query.select_rows(
            ctx, f.options, filters={"parent": name, "parenttype": doctype,
                                     "parentfield": f.fieldname}, order_by="idx asc")
        doc.values[f.fieldname] = [Document(ctx.meta(f.options), r) for r in children]
    doc.__dict__["previous"] = _snapshot(doc)
    return doc


def _snapshot(doc: Document) -> dict[str, Any]:
    out = dict(doc.values)
    for f in doc.meta.table_fields:
        out[f.fieldname] = [dict(r.values) for r in doc.children(f.fieldname)]
    return out


def insert(ctx: Context, doc: Document) -> Document:
    if doc.meta.issingle:
        raise ValidationError(f"{doc.doctype} is a single document: save it instead")
    if doc.meta.istable:
        raise ValidationError(f"{doc.doctype} rows are saved with their parent document")
    target = doc.docstatus
    doc.docstatus = 0
    _apply_defaults(ctx, doc)
    run_hooks(ctx, doc, "before_insert")
    numbered = takes_number(doc.meta)
    if not numbered:
        doc.values["name"] = new_name(ctx, doc)
    _stamp(ctx, doc, created=True)
    _validate(ctx, doc)
    if target == 2:
        raise DocstatusError(f"{doc.doctype}: a new document cannot be cancelled")
    if numbered:
        # the counter row stays locked until commit, so the number is taken once the
        # document is valid: other writers of the series wait for its writing, not for
        # its validation
        doc.values["name"] = new_name(ctx, doc)
    if target == 1:
        doc.docstatus = 1
        run_hooks(ctx, doc, "before_submit")
    _write_new(ctx, doc, check_name=not generates_unique_names(doc.meta))
    versions.record(ctx, doc, "Created and Submitted" if target == 1 else "Created")
    run_hooks(ctx, doc, "after_insert")
    run_hooks(ctx, doc, "on_update")
    if target == 1:
        run_hooks(ctx, doc, "on_submit")
    return doc


def takes_number(meta: DocTypeMeta) -> bool:
    """A series or counter names the document: its number is taken once the document
    has passed validation, so ``before_insert`` and ``validate`` handlers of a new
    document see no name yet (``before_submit`` and later ones do)."""
    rule = meta.autoname
    return not meta.istable and (rule == "autoincrement" or rule.startswith(
        "naming_series:") or "#" in rule)


def generates_unique_names(meta: DocTypeMeta) -> bool:
    """Series, counters and random hashes never repeat: no need to look before inserting."""
    return meta.autoname == "hash" or takes_number(meta)


def _validate(ctx: Context, doc: Document) -> None:
    # before_validate lets a module fill values (prices, defaults) that the doctype's own
    # validate then computes with, whatever the module order
    run_hooks(ctx, doc, "before_validate")
    run_hooks(ctx, doc, "validate")
    check_document(ctx, doc)


def _stamp(ctx: Context, doc: Document, *, created: bool = False) -> None:
    if created:
        doc.values["owner"] = ctx.user
        doc.values["creation"] = ctx.now
    doc.values["modified"] = ctx.now
    doc.values["modified_by"] = ctx.user


def _stamp_children(ctx: Context, doc: Document) -> None:
    """Tie every child row to its parent, numbered in order and sharing its state.

    Done just before writing, so rows that lifecycle functions added are included.
    """
    for f in doc.meta.table_fields:
        for i, row in enumerate(doc.children(f.fieldname), start=1):
            row.values.update(parent=doc.name, parenttype=doc.doctype, parentfield=f.fieldname,
                              idx=i, docstatus=doc.docstatus, modified=ctx.now,
                              modified_by=ctx.user)
            row.values.setdefault("owner", ctx.user)
            row.values.setdefault("creation", ctx.now)
            if not row.name:
                row.values["name"] = new_name(ctx, row)


def _columns(doc: Document) -> dict[str, Any]:
    """The document's values as one row of its table."""
    meta = doc.meta
    out = {k: doc.values.get(k) for k in ("name", "owner", "creation", "modified",
                                           "modified_by", "docstatus", "idx")}
    out["idx"] = out["idx"] or 0
    if meta.istable:
        out.update({k: doc.values.get(k) for k in ("parent", "parenttype", "parentfield")})
    else:
        out["amended_from"] = doc.values.get("amended_from")
    for f in meta.data_fields:
        out[f.fieldname] = doc.values.get(f.fieldname)
    return out


def _write_new(ctx: Context, doc: Document, *, check_name: bool = True) -> None:
    """Write the new document and its rows. A name or unique value someone chose may be
    taken: the tables' unique indexes say so when the rows are sent, here, and the error
    names the field. A generated name cannot be taken, so without unique fields the rows
    wait for the transaction's next round trip."""
    try:
        query.insert_rows(ctx, doc.doctype, [_columns(doc)])
        _write_children(ctx, doc)
        if check_name or _has_unique_fields(ctx, doc.meta):
            query.flush(ctx)
    except IntegrityError as exc:
        if not is_unique_violation(exc):
            raise
        raise _duplicate(ctx, doc, exc) from exc


def _has_unique_fields(ctx: Context, meta: DocTypeMeta) -> bool:
    return meta.has_unique_fields or any(ctx.meta(t.options).has_unique_fields
                                         for t in meta.table_fields)


def _duplicate(ctx: Context, doc: Document, exc: IntegrityError) -> DuplicateEntryError:
    """The unique index a write of ``doc`` broke, as an error naming the field."""
    unnamed = DuplicateEntryError(f"{doc.doctype} {doc.name}: a unique value is already "
                                  "taken")
    metas = {ctx.table(m.name).name: m
             for m in [doc.meta, *(ctx.meta(t.options) for t in doc.meta.table_fields)]}
    broken = unique_violation(exc, [ctx.table(m.name) for m in metas.values()])
    if broken is None:
        return unnamed
    meta, column = metas[broken[0].name], broken[1]
    if column == "name":
        fieldname = label = "name"
    else:
        field = next((f for f in meta.data_fields if f.column_name == column), None)
        if field is None:
            return unnamed
        fieldname, label = field.fieldname, field.label or field.fieldname
    if meta is not doc.meta:
        return DuplicateEntryError(f"{meta.name}: a row's {label} is already taken",
                                   field=fieldname)
    if fieldname == "name":
        return DuplicateEntryError(f"{doc.doctype} {doc.name} already exists", field="name")
    return DuplicateEntryError(f"{doc.doctype} with {label} {doc.get(fieldname)!r} already "
                               "exists", field=fieldname)


def _write_children(ctx: Context, doc: Document) -> None:
    _stamp_children(ctx, doc)
    for f in doc.meta.table_fields:
        query.insert_rows(ctx, f.options, [_columns(r) for r in doc.children(f.fieldname)])


def save(ctx: Context, doc: Document) -> Document:
    """Save changes to an existing draft (or allowed-on-submit fields of a submitted one)."""
    if doc.meta.issingle:
        from core.singles import save_single
        return save_single(ctx, doc)
    stored = get_doc(ctx, doc.doctype, doc.name, for_update=True)
    _check_not_stale(doc, stored)
    _merge_missing(doc, stored)
    if stored.docstatus == 2:
        raise DocstatusError(f"{doc.doctype} {doc.name} is cancelled and cannot be changed")
    if stored.docstatus == 1:
        _check_allowed_after_submit(doc, stored)
    doc.docstatus = stored.docstatus
    doc.__dict__["previous"] = stored.previous
    _stamp(ctx, doc)
    _validate(ctx, doc)
    _rewrite(ctx, doc)
    versions.record(ctx, doc, "Updated", versions.diff(stored.previous, doc))
    run_hooks(ctx, doc, "on_update")
    return doc


def _check_not_stale(doc: Document, stored: Document) -> None:
    given = doc.values.get("modified")
    if given in (None, ""):
        return
    try:
        given = field_type("Datetime").parse(given)
    except FieldValueError:
        raise ValidationError("modified must be the timestamp the document was read with",
                              field="modified") from None
    if given != stored.get("modified"):
        raise TimestampMismatchError(
            f"{doc.doctype} {doc.name} was changed by {stored.get('modified_by')} at "
            f"{stored.get('modified')} after you opened it: reload and try again")


def _merge_missing(doc: Document, stored: Document) -> None:
    """A partial update keeps the stored values of the fields it does not mention."""
    for key, value in stored.values.items():
        if key not in doc.values:
            doc.values[key] = value
    for key in ("owner", "creation", "amended_from"):
        doc.values[key] = stored.values.get(key)


def _check_allowed_after_submit(doc: Document, stored: Document) -> None:
    changed = [f for f in versions.diff(stored.previous, doc)["changed"]
               if not doc.meta.field_map[f[0]].allow_on_submit]
    rows = versions.diff(stored.previous, doc)["rows"]
    if changed or rows:
        names = [c[0] for c in changed] + list(rows)
        raise DocstatusError(f"{doc.doctype} {doc.name} is submitted: {', '.join(names)} "
                             "cannot be changed (cancel and amend it instead)",
                             field=names[0])


def _rewrite(ctx: Context, doc: Document) -> None:
    values = _columns(doc)
    del values["name"]
    try:
        query.update_row(ctx, doc.doctype, doc.name, values)
        for f in doc.meta.table_fields:
            query.delete_rows(ctx, f.options, {"parent": doc.name, "parenttype": doc.doctype,
                                               "parentfield": f.fieldname})
        _write_children(ctx, doc)
        query.flush(ctx)
    except IntegrityError as exc:
        if not is_unique_violation(exc):
            raise
        raise _duplicate(ctx, doc, exc) from exc


def submit(ctx: Context, doc: Document) -> Document:
    if not doc.meta.is_submittable:
        raise DocstatusError(f"{doc.doctype} cannot be submitted")
    stored = get_doc(ctx, doc.doctype, doc.name, for_update=True)
    if stored.docstatus != 0:
        raise DocstatusError(f"{doc.doctype} {doc.name} is not a draft and cannot be "
                             "submitted")
    _check_not_stale(doc, stored)
    _merge_missing(doc, stored)
    doc.__dict__["previous"] = stored.previous
    doc.docstatus = 1
    _stamp(ctx, doc)
    _validate(ctx, doc)
    run_hooks(ctx, doc, "before_submit")
    _rewrite(ctx, doc)
    versions.record(ctx, doc, "Submitted", versions.diff(stored.previous, doc))
    run_hooks(ctx, doc, "on_update")
    run_hooks(ctx, doc, "on_submit")
    return doc


def cancel(ctx: Context, doctype: str, name: str) -> Document:
    doc = get_doc(ctx, doctype, name, for_update=True)
    if doc.docstatus != 1:
        raise DocstatusError(f"{doctype} {name} is not submitted and cannot be cancelled")
    check_no_links(ctx, doc, submitted_only=True)
    run_hooks(ctx, doc, "before_cancel")
    doc.docstatus = 2
    _stamp(ctx, doc)
    query.update_row(ctx, doctype, name, {"docstatus": 2, "modified": ctx.now,
                                          "modified_by": ctx.user})
    for f in doc.meta.table_fields:
        for row in doc.children(f.fieldname):
            query.update_row(ctx, f.options, row.name, {"docstatus": 2})
    versions.record(ctx, doc, "Cancelled")
    run_hooks(ctx, doc, "on_cancel")
    return doc


def check_no_links(ctx: Context, doc: Document, *, submitted_only: bool) -> None:
    """Refuse while other documents link here (submitted ones, or any live one)."""
    for meta, f in ctx.schema.links_to(doc.doctype):
        filters = [[f.fieldname, "=", doc.name]]
        filters.append(["docstatus", "=", 1] if submitted_only else ["docstatus", "<", 2])
        rows = query.select_rows(ctx, meta.name, fields=["name", *(
            ["parent", "parenttype"] if meta.istable else [])], filters=filters, limit=1,
            order_by="name asc")
        if rows:
            row = rows[0]
            where = f"{row['parenttype']} {row['parent']}" if meta.istable \
                else f"{meta.name} {row['name']}"
            if where == f"{doc.doctype} {doc.name}":
                continue
            state = "submitted " if submitted_only else ""
            raise LinkExistsError(f"Cannot {'cancel' if submitted_only else 'delete'} "
                                  f"{doc.doctype} {doc.name}: the {state}{where} links to it")


def amend(ctx: Context, doctype: str, name: str) -> Document:
    source = get_doc(ctx, doctype, name)
    if source.docstatus != 2:
        raise DocstatusError(f"Only a cancelled {doctype} can be amended")
    match = re.match(r"^(.*)-(\d+)$", name) if source.get("amended_from") else None
    base, number = (match.group(1), int(match.group(2)) + 1) if match else (name, 1)
    values = {k: v for k, v in source.values.items()
              if k not in ("owner", "creation", "modified", "modified_by")}
    for f in source.meta.table_fields:
        values[f.fieldname] = [
            Document(r.meta, {k: v for k, v in r.values.items() if k != "name"})
            for r in source.children(f.fieldname)]
    doc = Document(source.meta, values | {"docstatus": 0, "amended_from": name})
    run_hooks(ctx, doc, "before_insert")
    doc.values["name"] = f"{base}-{number}"
    _stamp(ctx, doc, created=True)
    _validate(ctx, doc)
    _write_new(ctx, doc)
    versions.record(ctx, doc, "Created", {"amended_from": name})
    run_hooks(ctx, doc, "after_insert")
    run_hooks(ctx, doc, "on_update")
    return doc


def delete(ctx: Context, doctype: str, name: str) -> None:
    doc = get_doc(ctx, doctype, name, for_update=True)
    if doc.docstatus == 1:
        raise DocstatusError(f"{doctype} {name} is submitted: cancel it first")
    check_no_links(ctx, doc, submitted_only=False)
    run_hooks(ctx, doc, "on_trash")
    for f in doc.meta.table_fields:
        query.delete_rows(ctx, f.options, {"parent": name, "parenttype": doctype})
    query.delete_rows(ctx, doctype, {"name": name})
    versions.record(ctx, doc, "Deleted")
