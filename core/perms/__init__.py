"""Who may do what: doctype rights by role, and record restrictions by User Permission.

The entry points (REST API, desk, whitelisted methods) call ``require`` before acting.
The Administrator role holds every right within its tenant; it never reaches another
tenant's rows, which the query layer and row-level security keep apart.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

from sqlalchemy import ColumnElement, or_

from core import records
from core.db import query
from core.errors import PermissionDenied
from core.meta.doctype import RIGHTS, DocPerm

if TYPE_CHECKING:
    from core.context import Context
    from core.document import Document

DEFAULT_PERMS = (DocPerm("System Manager", True, True, True, True, True, True),)


def has_right(ctx: Context, doctype: str, right: str) -> bool:
    if right not in RIGHTS:
        raise ValueError(f"unknown right {right!r}")
    if ctx.is_superuser:
        return True
    meta = ctx.meta(doctype)
    if meta.istable:
        return False  # child rows are reached through their parent document
    perms = meta.permissions or DEFAULT_PERMS
    return any(p.allows(right) for p in perms if p.role in ctx.roles)


def require(ctx: Context, doctype: str, right: str, doc: Document | None = None) -> None:
    if not has_right(ctx, doctype, right):
        raise PermissionDenied(f"You are not permitted to {right} {doctype}")
    if doc is not None:
        check_restrictions(ctx, doc)


def restrictions(ctx: Context) -> Mapping[str, frozenset[str]]:
    """For each restricted doctype, the names this user may see. User Permission is a
    cached doctype: read once per process until one changes."""
    if ctx.is_superuser:
        return {}
    return records.derived(ctx, f"user_permissions:{ctx.user}", lambda: _restrictions(ctx))


def _restrictions(ctx: Context) -> Mapping[str, frozenset[str]]:
    allowed: dict[str, set[str]] = {}
    for row in query.select_rows(ctx, "User Permission", fields=["allow", "for_value"],
                                 filters={"user": ctx.user}):
        allowed.setdefault(row["allow"], set()).add(row["for_value"])
    return MappingProxyType({k: frozenset(v) for k, v in allowed.items()})


def list_conditions(ctx: Context, doctype: str) -> list[ColumnElement[bool]]:
    """SQL conditions that hide the records a restricted user may not see."""
    allowed = restrictions(ctx)
    if not allowed:
        return []
    meta, table = ctx.meta(doctype), ctx.table(doctype)
    conds: list[ColumnElement[bool]] = []
    if doctype in allowed:
        conds.append(table.c.name.in_(sorted(allowed[doctype])))
    for f in meta.link_fields:
        if f.options in allowed:
            column = table.c[f.column_name]
            conds.append(or_(column.is_(None), column.in_(sorted(allowed[f.options]))))
    return conds


def check_restrictions(ctx: Context, doc: Document) -> None:
    allowed = restrictions(ctx)
    if not allowed:
        return
    if doc.doctype in allowed and doc.name not in allowed[doc.doctype]:
        raise PermissionDenied(f"You are not permitted to access {doc.doctype} {doc.name}")
    _check_links(doc, allowed)
    for f in doc.meta.table_fields:
        for row in doc.children(f.fieldname):
            _check_links(row, allowed)


def _check_links(doc: Document, allowed: Mapping[str, frozenset[str]]) -> None:
    for f in doc.meta.link_fields:
        value: Any = doc.get(f.fieldname)
        if f.options in allowed and value and value not in allowed[f.options]:
            raise PermissionDenied(f"You are not permitted to use {f.options} {value}",
                                   field=f.fieldname)
