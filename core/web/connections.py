"""Connections: the documents that refer to one document, grouped by doctype.

A doctype is connected to ``X`` when one of its Link fields, or a Link field of one of its
child tables, points at ``X`` (or a Dynamic Link that may name ``X`` does). For each such
doctype the user may read, the form shows how many of its documents refer to this one
and the latest few, with a link to its list filtered to them. The work is bounded: one
count per linking doctype and, when there are any, one query for at most ``SHOWN``
names; record restrictions apply as in the list.

The list view understands the same references as filters (``link_filters``), so "see all" is a
plain list page: ``?customer=X`` for a field, ``?items.delivery_note=X`` for a child
table's field.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any
from urllib.parse import urlencode

from sqlalchemy import ColumnElement, or_, select

from core import perms
from core.db import query
from core.db.filters import column_for
from core.web.status import badge, status_field
from core.web.templating import url_for_doctype

if TYPE_CHECKING:
    from core.context import Context
    from core.document import Document
    from core.meta.doctype import DocField, DocTypeMeta
    from core.meta.registry import TenantSchema

SHOWN = 3


@dataclass(frozen=True)
class LinkPath:
    """One way a doctype refers to another: ``field``, or ``table.field`` in a child."""

    param: str
    label: str
    child: str | None = None  # the child doctype, when the link sits in a child table
    type_field: str | None = None  # a Dynamic Link's field naming the doctype...
    type_value: str = ""  # ...and the doctype it must name


@dataclass
class Connection:
    doctype: str
    count: int
    paths: list[dict[str, str | None]] = field(default_factory=list)  # label, list url
    documents: list[dict[str, Any]] = field(default_factory=list)


def linking_paths(schema: TenantSchema, doctype: str) -> dict[str, list[LinkPath]]:
    """Every doctype (not a child table, not a single) that refers to ``doctype``, with
    the paths it refers by, in doctype order."""
    parents: dict[str, list[tuple[DocTypeMeta, str, str]]] = {}
    for meta in schema.doctypes.values():
        for table in meta.table_fields:
            parents.setdefault(table.options, []).append(
                (meta, table.fieldname, table.label or table.fieldname))
    found: dict[str, list[LinkPath]] = {}
    for meta, f, type_field in _referring_fields(schema, doctype):
        label = f.label or f.fieldname
        typed = {"type_field": type_field, "type_value": doctype if type_field else ""}
        if not meta.istable:
            if not meta.issingle:
                found.setdefault(meta.name, []).append(LinkPath(f.fieldname, label, **typed))
            continue
        for parent, table, table_label in parents.get(meta.name, []):
            if not parent.issingle and not parent.istable:
                found.setdefault(parent.name, []).append(LinkPath(
                    f"{table}.{f.fieldname}", f"{table_label}: {label}", meta.name, **typed))
    return dict(sorted(found.items()))


def _referring_fields(schema: TenantSchema, doctype: str
                      ) -> list[tuple[DocTypeMeta, DocField, str | None]]:
    """Link fields to ``doctype``, and Dynamic Links that may name it (their doctype
    field's options list it, or it is a Link to DocType), with that doctype field."""
    found: list[tuple[DocTypeMeta, DocField, str | None]] = [
        (meta, f, None) for meta, f in schema.links_to(doctype)]
    for meta in schema.doctypes.values():
        for f in meta.fields:
            kind = meta.get_field(f.options) if f.fieldtype == "Dynamic Link" else None
            if kind is not None and (doctype in kind.select_options if kind.fieldtype ==
                                     "Select" else kind.options == "DocType"):
                found.append((meta, f, kind.fieldname))
    return found


def path_condition(ctx: Context, doctype: str, path: LinkPath,
                   value: str) -> ColumnElement[bool]:
    """Rows of ``doctype`` that refer to ``value`` along ``path``."""
    meta, table = ctx.meta(doctype), ctx.table(doctype)
    if path.child is None:
        refers = column_for(meta, table, path.param)[0] == value
        if path.type_field:
            refers &= column_for(meta, table, path.type_field)[0] == path.type_value
        return refers
    table_field, fieldname = path.param.split(".", 1)
    rows = query.view(ctx, path.child)
    same_row = [rows.c.parenttype == doctype, rows.c.parentfield == table_field,
                rows.c[fieldname] == value]
    if path.type_field:
        same_row.append(rows.c[path.type_field] == path.type_value)
    return table.c.name.in_(select(rows.c.parent).where(*same_row))


def link_filters(ctx: Context, doctype: str,
                 params: Mapping[str, str]) -> list[tuple[LinkPath, str]]:
    """The references a list page is filtered by: ``field=X`` for a Link field that is
    not a standard filter already, ``table.field=X`` for a child table's Link field."""
    meta = ctx.meta(doctype)
    chosen = []
    for key, value in params.items():
        path = _path(ctx, meta, key) if value else None
        if path is not None:
            chosen.append((path, value))
    return chosen


def _path(ctx: Context, meta: DocTypeMeta, key: str) -> LinkPath | None:
    table_field, _, fieldname = key.rpartition(".")
    if not table_field:
        f = meta.get_field(key)
        return LinkPath(key, f.label or key) if f is not None and \
            f.fieldtype == "Link" and not f.in_standard_filter else None
    table = meta.get_field(table_field)
    if table is None or not table.is_table:
        return None
    f = ctx.meta(table.options).get_field(fieldname)
    if f is None or f.fieldtype != "Link":
        return None
    return LinkPath(key, f"{table.label or table_field}: {f.label or fieldname}",
                    table.options)


def connections(ctx: Context, doc: Document) -> list[Connection]:
    """What refers to ``doc``: each readable linking doctype with a count above zero."""
    found = []
    for doctype, paths in linking_paths(ctx.schema, doc.doctype).items():
        if not perms.has_right(ctx, doctype, "read"):
            continue
        refers = or_(*[path_condition(ctx, doctype, p, doc.name or "") for p in paths])
        extra = [refers, *perms.list_conditions(ctx, doctype)]
        if doctype == doc.doctype:  # a document never counts as its own connection
            extra.append(ctx.table(doctype).c.name != doc.name)
        count = query.count(ctx, doctype, extra=extra)
        if count:
            found.append(Connection(doctype, count, _urls(doctype, paths, doc.name or ""),
                                    _latest(ctx, doctype, extra)))
    return found


def _urls(doctype: str, paths: list[LinkPath], value: str) -> list[dict[str, str | None]]:
    """Each path's filtered list; a Dynamic Link has none (the list filters by Link
    fields only), so its documents are listed by name alone."""
    return [{"label": p.label, "url": None if p.type_field else
             f"{url_for_doctype(doctype)}?{urlencode({p.param: value})}"} for p in paths]


def _latest(ctx: Context, doctype: str,
            extra: list[ColumnElement[bool]]) -> list[dict[str, Any]]:
    meta = ctx.meta(doctype)
    own = status_field(meta)
    rows = query.select_rows(ctx, doctype, fields=["name", "docstatus", *(
        [own] if own else [])], extra=extra, order_by="modified desc", limit=SHOWN)
    for row in rows:
        row["badge"] = badge(meta, row["docstatus"], row.get("status"))
        row["url"] = url_for_doctype(doctype, row["name"])
    return rows
