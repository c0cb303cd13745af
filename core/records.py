"""Per-process cache of rarely changing records (settings, charts, calendars).

Doctypes declared with ``cache_records`` are read on nearly every transaction (a
company's defaults, the accounts a voucher posts to, the fiscal years) but change seldom.
Their rows are kept per site, per tenant and per ``(meta_version, data_version)``: every
write of such a doctype through the query layer increments the tenant's
``data_version`` in the same transaction, and every transaction reads that version with
the tenant lookup it makes anyway. A commit therefore invalidates every process's copy at
once, and a rollback invalidates nothing (see docs/decisions/0010).

A transaction that has written a cached doctype reads those doctypes from the database
for the rest of its life: what it sees is not committed yet and must not reach the shared
cache.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Collection, Iterable, Mapping
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, TypeVar

from core.db import query
from core.db.query import RECORDS_WRITTEN

if TYPE_CHECKING:
    from core.context import Context

MAX_TENANTS = 256  # tenants whose records one process keeps; the least recent go first
# a tenant's kept rows of one doctype, and derived values: a large catalogue read over a
# long day starts again from empty rather than growing the process without bound
MAX_ROWS, MAX_DERIVED = 20_000, 50_000

Row = dict[str, Any]
_MISSING = object()
T = TypeVar("T")


class _TenantRecords:
    """One tenant's cached rows at one version: by name (found or known missing), and the
    complete list for doctypes read whole."""

    def __init__(self) -> None:
        self.by_name: dict[str, dict[str, Row | None]] = {}
        self.whole: dict[str, tuple[Mapping[str, Any], ...]] = {}
        self.derived: dict[str, Any] = {}


_ENTRY = "core.records.entry"  # ctx.cache key: (versions, this transaction's records)


class RecordCache:
    def __init__(self, max_tenants: int = MAX_TENANTS) -> None:
        self._entries: OrderedDict[tuple[int, int, int], _TenantRecords] = OrderedDict()
        self._lock = threading.Lock()
        self._max = max_tenants

    def entry(self, ctx: Context) -> _TenantRecords | None:
        """This transaction's view of the cache, or None when it must read the database.
        Looked up once a transaction, again only if its metadata version changes."""
        if ctx.cache.get(RECORDS_WRITTEN):
            return None
        key = (ctx.tenant.id, ctx.tenant.meta_version, ctx.tenant.data_version)
        kept = ctx.cache.get(_ENTRY)
        if kept is not None and kept[0] == key:
            return kept[1]
        found = self._find(key)
        ctx.cache[_ENTRY] = (key, found)
        return found

    def _find(self, key: tuple[int, int, int]) -> _TenantRecords:
        with self._lock:
            found = self._entries.get(key)
            if found is None:
                found = self._entries[key] = _TenantRecords()
                # older versions of this tenant can never be asked for again
                for old in [k for k in self._entries if k[0] == key[0] and k != key]:
                    del self._entries[old]
                while len(self._entries) > self._max:
                    self._entries.popitem(last=False)
            else:
                self._entries.move_to_end(key)
            return found


def is_cached(ctx: Context, doctype: str) -> bool:
    meta = ctx.schema.doctypes.get(doctype)
    return meta is not None and meta.cache_records


def get_many(ctx: Context, doctype: str, names: Iterable[str]) -> dict[str, Row]:
    """Full rows of the named records that exist (one query for those not cached yet)."""
    wanted = {n for n in names if n}
    entry = ctx.site.records.entry(ctx)
    if entry is None:
        return _read(ctx, doctype, wanted)
    known = entry.by_name.setdefault(doctype, {})
    if len(known) > MAX_ROWS:  # a new dict: a thread reading the old one keeps its rows
        known = entry.by_name[doctype] = {}
    # not ``wanted - known.keys()``: that walks every key the cache holds
    missing = [n for n in wanted if n not in known]
    if missing:
        found = _read(ctx, doctype, missing)
        for name in missing:
            known[name] = found.get(name)
    return {n: dict(row) for n in wanted if (row := known.get(n)) is not None}


def get(ctx: Context, doctype: str, name: str) -> Row | None:
    return get_many(ctx, doctype, [name]).get(name)


def get_all(ctx: Context, doctype: str) -> tuple[Mapping[str, Any], ...]:
    """Every record of a small doctype (fiscal years, closing vouchers), by name; the rows
    are shared and read-only."""
    entry = ctx.site.records.entry(ctx)
    if entry is None:
        return _frozen(query.select_rows(ctx, doctype, order_by="name asc"))
    if doctype not in entry.whole:
        entry.whole[doctype] = _frozen(query.select_rows(ctx, doctype, order_by="name asc"))
    return entry.whole[doctype]


def derived(ctx: Context, key: str, compute: Callable[[], T]) -> T:
    """A value worked out from cached doctypes only (a user's roles), kept with their
    records and dropped with them; ``compute`` must return something never mutated."""
    entry = ctx.site.records.entry(ctx)
    if entry is None:
        return compute()
    found = entry.derived.get(key, _MISSING)
    if found is _MISSING:
        if len(entry.derived) > MAX_DERIVED:
            entry.derived = {}
        found = entry.derived[key] = compute()
    return found


def _frozen(rows: list[Row]) -> tuple[Mapping[str, Any], ...]:
    return tuple(MappingProxyType(r) for r in rows)


def _read(ctx: Context, doctype: str, names: Collection[str]) -> dict[str, Row]:
    if not names:
        return {}
    return {r["name"]: r for r in query.select_rows(ctx, doctype,
                                                    filters=[["name", "in", sorted(names)]])}
