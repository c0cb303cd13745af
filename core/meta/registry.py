"""What one tenant sees: its doctypes (standard, with its custom fields, plus its own custom
doctypes) and the tables behind them.

Standard doctypes are loaded once per process. Each tenant's view is cached per process and
keyed by the tenant's ``meta_version``, which every metadata change increments, so a
change made by one server process is seen by all others on their next request.
"""

from __future__ import annotations

import functools
import weakref
from collections import OrderedDict
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, Table, select

from core.db.tables import doctype_table
from core.errors import DoesNotExist
from core.meta.doctype import (
    DocField,
    DocTypeMeta,
    doctype_from_dict,
    field_from_dict,
    merge_fields,
    snake,
    unindex_links,
)
from core.meta.fieldtypes import FIELD_TYPES
from core.tenancy import read_installed

if TYPE_CHECKING:
    from core.site import Site

CACHE_SIZE = 512


@dataclass
class TenantSchema:
    tenant_id: int
    version: int
    installed: frozenset[str]
    doctypes: dict[str, DocTypeMeta]
    _tables: dict[str, Table] = field(default_factory=dict)

    def meta(self, doctype: str) -> DocTypeMeta:
        try:
            return self.doctypes[doctype]
        except KeyError:
            raise DoesNotExist(f"DocType {doctype} not found") from None

    def table(self, doctype: str) -> Table:
        if doctype not in self._tables:
            self._tables[doctype] = table_of(self.meta(doctype))
        return self._tables[doctype]

    def links_to(self, doctype: str) -> list[tuple[DocTypeMeta, DocField]]:
        """Every (doctype, field) whose Link field points at ``doctype``."""
        return [(m, f) for m in self.doctypes.values() for f in m.link_fields
                if f.options == doctype]

    def modules(self) -> dict[str, list[DocTypeMeta]]:
        grouped: dict[str, list[DocTypeMeta]] = {}
        for meta in sorted(self.doctypes.values(), key=lambda m: m.name):
            if not meta.istable:
                grouped.setdefault(meta.module, []).append(meta)
        return grouped


# meta id -> (the meta, weakly, and its table): tenants that share a meta object share
# its table, and the statements compiled for it (core/db/statement_cache.py). No lock:
# the weak reference's callback runs whenever the collector frees a meta, on whatever
# thread is allocating at that moment, perhaps one inside ``table_of`` itself, where a
# lock it waited for would never be released.
_TABLES: dict[int, tuple[weakref.ref[DocTypeMeta], Table]] = {}


def table_of(meta: DocTypeMeta) -> Table:
    """The table of a meta object, built once for as long as the meta lives (two threads
    may both build it; either table is right)."""
    key = id(meta)
    found = _TABLES.get(key)
    if found is not None and found[0]() is meta:
        return found[1]
    table = doctype_table(meta)
    _TABLES[key] = (weakref.ref(meta, functools.partial(_forget_table, key)), table)
    return table


def _forget_table(key: int, ref: weakref.ref[DocTypeMeta]) -> None:
    found = _TABLES.get(key)
    if found is not None and found[0] is ref:  # not a newer meta that reuses the id
        _TABLES.pop(key, None)


def custom_table_name(tenant_id: int, doctype: str) -> str:
    return f"custom_{tenant_id}_{snake(doctype)}"[:63]


def custom_column_name(target: DocTypeMeta, fieldname: str, fieldtype: str) -> str:
    """Where a custom field is stored.

    A tenant's own doctype has its own table, so the column is the fieldname. A standard
    doctype's table is shared by all tenants: the column name carries the storage family so
    two tenants adding a same-named field of different types never collide.
    """
    if target.custom:
        return fieldname
    return f"cf_{FIELD_TYPES[fieldtype].storage}_{fieldname}"[:63]


class MetaRegistry:
    def __init__(self, site: Site) -> None:
        self.site = site
        self._cache: OrderedDict[tuple[int, int], TenantSchema] = OrderedDict()

    def schema(self, conn: Connection, tenant_id: int, version: int) -> TenantSchema:
        """The tenant's metadata; installing a module bumps the version, so the installed
        modules are cached along with it."""
        key = (tenant_id, version)
        cached = self._cache.get(key)
        if cached is not None:
            self._cache.move_to_end(key)
            return cached
        schema = self.build(conn, tenant_id, version)
        self._cache[key] = schema
        if len(self._cache) > CACHE_SIZE:
            self._cache.popitem(last=False)
        return schema

    def build(self, conn: Connection, tenant_id: int, version: int) -> TenantSchema:
        installed = read_installed(conn, tenant_id)
        visible = {name: self.site.extended_meta(name, installed)
                   for name, meta in self.site.standard_meta.items()
                   if meta.module == "core" or meta.module in installed}
        visible.update(self._custom_doctypes(conn, tenant_id))
        for dt, fields in self._custom_fields(conn, tenant_id, visible).items():
            visible[dt] = merge_fields(visible[dt], fields)
        return TenantSchema(tenant_id, version, installed, visible)

    def _rows(self, conn: Connection, doctype: str, tenant_id: int,
              **where: Any) -> list[dict[str, Any]]:
        table = table_of(self.site.standard_meta[doctype])
        stmt = select(table).where(table.c.tenant_id == tenant_id)
        for column, value in where.items():
            stmt = stmt.where(table.c[column] == value)
        return [dict(r._mapping) for r in conn.execute(stmt.order_by(table.c.idx))]

    def _custom_doctypes(self, conn: Connection, tenant_id: int) -> dict[str, DocTypeMeta]:
        found: dict[str, DocTypeMeta] = {}
        fields = _by_parent(self._rows(conn, "DocField", tenant_id))
        perms = _by_parent(self._rows(conn, "DocPerm", tenant_id))
        for row in self._rows(conn, "DocType", tenant_id, custom=1):
            data = dict(row, fields=fields.get(row["name"], []),
                        permissions=perms.get(row["name"], []),
                        table_name=custom_table_name(tenant_id, row["name"]))
            data["search_fields"] = [s.strip() for s in (row.get("search_fields") or "")
                                     .split(",") if s.strip()]
            meta = doctype_from_dict(data)
            found[row["name"]] = meta.with_fields(
                unindex_links(meta.fields, self.site.unindexed_links))
        return found

    def _custom_fields(self, conn: Connection, tenant_id: int,
                       visible: dict[str, DocTypeMeta]) -> dict[str, list[DocField]]:
        grouped: dict[str, list[DocField]] = {}
        for row in self._rows(conn, "Custom Field", tenant_id):
            target = visible.get(row["dt"])
            if target is None:
                continue  # the module holding that doctype was uninstalled
            f, = unindex_links([field_from_dict(dict(row, is_custom=True))],
                               self.site.unindexed_links)
            grouped.setdefault(row["dt"], []).append(
                replace(f, column=custom_column_name(target, f.fieldname, f.fieldtype)))
        return grouped


def _by_parent(rows: list[dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    grouped: dict[str, list[dict[str, Any]]] = {}
    for row in rows:
        grouped.setdefault(row["parent"], []).append(row)
    return grouped
