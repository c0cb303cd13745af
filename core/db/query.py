"""The scoped query layer: every read and write of document rows goes through here.

Each function adds the current tenant to its statement, so code above never names a
tenant id. Rows come back keyed by fieldname (custom fields included, whatever column
stores them). For SQL of their own (reports), modules start from ``view(ctx, doctype)``,
a subquery already limited to the tenant.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any, NamedTuple

from sqlalchemy import (
    ColumnElement,
    Select,
    Subquery,
    bindparam,
    delete,
    func,
    select,
    update,
)

from core.db import deferred, memo, statement_cache
from core.db.filters import (
    Filter,
    column_for,
    conditions,
    filter_params,
    parse_filters,
    sql_conditions,
)
from core.db.prepared import Prepared, prepare
from core.db.tables import tenant
from core.errors import BadRequest
from core.meta.doctype import DocTypeMeta

if TYPE_CHECKING:
    from core.context import Context

MAX_PAGE = 10_000
MEMO_FROM_LISTS = 20  # whole rows read by a filter, up to this many, are kept by name too
RECORDS_WRITTEN = "core.records.written"  # ctx.cache flag, see core/records.py


def view(ctx: Context, doctype: str) -> Subquery:
    """The doctype's rows of this tenant, as a subquery to build reports on.

    Columns are named by fieldname, so custom fields read like any other.
    """
    meta, table = ctx.meta(doctype), ctx.table(doctype)
    cols = [table.c[c] for c in _standard_columns(table)] + [
        table.c[f.column_name].label(f.fieldname) for f in meta.data_fields]
    return select(*cols).where(table.c.tenant_id == ctx.tenant.id).subquery(meta.table_name)


def _standard_columns(table: Any) -> list[str]:
    return [c for c in ("name", "owner", "creation", "modified", "modified_by", "docstatus",
                        "idx", "parent", "parenttype", "parentfield", "amended_from")
            if c in table.c]


def all_fieldnames(meta: DocTypeMeta, table: Any) -> list[str]:
    return _standard_columns(table) + [f.fieldname for f in meta.data_fields]


def select_rows(ctx: Context, doctype: str, *, fields: Sequence[str] | None = None,
                filters: Any = None, order_by: str | None = None, limit: int | None = None,
                offset: int = 0, extra: Iterable[ColumnElement[bool]] = (),
                for_update: bool = False, for_share: bool = False) -> list[dict[str, Any]]:
    """Rows as dicts by fieldname. ``for_update`` locks them until the transaction ends;
    ``for_share`` too, but only against writers and ``for_update`` (many readers may hold
    it at once). SQLite locks the whole database for a writing transaction instead.
    A few whole rows are also kept for ``rows_by_name`` (core/db/memo.py).

    Reads without ``extra`` conditions or an offset run as prepared statements
    (core/db/prepared.py), compiled once per shape of fields, filters and order."""
    meta, table = ctx.meta(doctype), ctx.table(doctype)
    whole = not fields or "*" in fields
    shape = _Shape(None if whole else tuple(dict.fromkeys(fields or ())), order_by,
                   None if limit is None else min(limit, MAX_PAGE),
                   "update" if for_update else "share" if for_share else None)
    parsed = parse_filters(meta, table, filters)
    params = {"tenant_id": ctx.tenant.id} | filter_params(parsed)
    extra = tuple(extra)
    if extra or offset or not _preparable(ctx, params):
        stmt = _statement(ctx, meta, table, shape, parsed).where(*extra)
        if offset:
            stmt = stmt.offset(offset)
        rows = [dict(r._mapping) for r in ctx.conn.execute(stmt, params)]
    else:
        rows = _prepared(ctx, meta, table, shape, parsed).fetch(ctx.conn, params)
    if whole and len(rows) <= MEMO_FROM_LISTS:
        known = memo.known(ctx.conn, doctype)
        for r in rows:
            known[r["name"]] = dict(r)
    return rows


class _Shape(NamedTuple):
    """What a read's SQL depends on besides its filters."""

    fields: tuple[str, ...] | None
    order_by: str | None
    limit: int | None
    lock: str | None


def _statement(ctx: Context, meta: DocTypeMeta, table: Any, shape: _Shape,
               parsed: list[Filter]) -> Select[Any]:
    stmt = _base_select(meta, table, shape.fields).where(
        table.c.tenant_id == bindparam("tenant_id", ctx.tenant.id),
        *sql_conditions(meta, table, parsed))
    for column, descending in _order(meta, table, shape.order_by):
        stmt = stmt.order_by(column.desc() if descending else column.asc())
    if shape.limit is not None:
        stmt = stmt.limit(shape.limit)
    if shape.lock and ctx.conn.dialect.name == "postgresql":
        stmt = stmt.with_for_update(read=shape.lock == "share")
    return stmt


MAX_PREPARED_PARAMS = 64  # a read naming more values (a long "in" list) is not kept


def _preparable(ctx: Context, params: dict[str, Any]) -> bool:
    """A read may run as a prepared statement: in a transaction (the driver's cursor
    starts none of its own), and not naming so many values that its shape is one-off."""
    return len(params) <= MAX_PREPARED_PARAMS and ctx.conn.in_transaction()


def _prepared(ctx: Context, meta: DocTypeMeta, table: Any, shape: _Shape,
              parsed: list[Filter]) -> Prepared:
    """The read compiled once (core/db/statement_cache.py); a metadata change replaces
    the meta and table objects, and with them what was compiled for them."""
    key = (ctx.conn.dialect.name, shape, tuple(f.shape for f in parsed))
    return statement_cache.cached(table, "prepared", key, lambda: prepare(
        ctx.conn.dialect, _statement(ctx, meta, table, shape, parsed)), meta)


def _base_select(meta: DocTypeMeta, table: Any, fields: tuple[str, ...] | None
                 ) -> Select[Any]:
    """``SELECT <fields> FROM <table>`` built once: building the labelled columns of a
    whole row is most of the Python cost of a read. Statements are immutable (``where``
    returns a copy), so one may be shared."""
    def build() -> Select[Any]:
        names = list(fields) if fields is not None else all_fieldnames(meta, table)
        return select(*[column_for(meta, table, f)[0].label(f) for f in names])

    return statement_cache.cached(table, "select", fields, build, meta)


def _order(meta: DocTypeMeta, table: Any, order_by: str | None) -> list[tuple[Any, bool]]:
    if not order_by:
        order_by = f"{meta.sort_field} {meta.sort_order}"
        if meta.sort_field not in table.c and not meta.has_field(meta.sort_field):
            order_by = "modified desc"
    out = []
    for part in order_by.split(","):
        words = part.strip().replace("`", "").split()
        if not words or len(words) > 2 or (len(words) == 2 and
                                           words[1].lower() not in ("asc", "desc")):
            raise BadRequest(f"order_by {order_by!r} must be 'field [asc|desc], ...'",
                             field="order_by")
        fieldname = words[0].split(".")[-1]
        out.append((column_for(meta, table, fieldname)[0],
                    len(words) == 2 and words[1].lower() == "desc"))
    if not any(c.name == "name" for c, _ in out):
        out.append((table.c.name, out[0][1] if out else False))  # a stable page order
    return out


def count(ctx: Context, doctype: str, filters: Any = None,
          extra: Iterable[ColumnElement[bool]] = ()) -> int:
    meta, table = ctx.meta(doctype), ctx.table(doctype)
    stmt = select(func.count()).select_from(table).where(
        table.c.tenant_id == ctx.tenant.id, *conditions(meta, table, filters), *extra)
    return int(ctx.conn.execute(stmt).scalar_one())


def totals(ctx: Context, doctype: str, fields: Sequence[str], filters: Any = None
           ) -> dict[str, Any]:
    """The sum of each field over the rows the filters select (None where none does):
    a prepared statement, like ``select_rows``, as balances are read on every posting."""
    meta, table = ctx.meta(doctype), ctx.table(doctype)
    parsed = parse_filters(meta, table, filters)
    params = {"tenant_id": ctx.tenant.id} | filter_params(parsed)

    def build() -> Select[Any]:
        return select(*[func.sum(column_for(meta, table, f)[0]).label(f) for f in fields]
                      ).where(table.c.tenant_id == bindparam("tenant_id"),
                              *sql_conditions(meta, table, parsed))

    if not _preparable(ctx, params):
        return dict(ctx.conn.execute(build(), params).one()._mapping)
    key = (ctx.conn.dialect.name, tuple(fields), tuple(f.shape for f in parsed))
    prepared = statement_cache.cached(table, "totals", key,
                                      lambda: prepare(ctx.conn.dialect, build()), meta)
    return prepared.fetch(ctx.conn, params)[0]


def rows_by_name(ctx: Context, doctype: str, names: Iterable[str]) -> dict[str, dict[str, Any]]:
    """Whole rows of the named records that exist, each read at most once a transaction
    (core/db/memo.py): what several handlers of one submit ask of the same record."""
    names = list(names)
    known = memo.known(ctx.conn, doctype)
    missing = sorted({n for n in names if n not in known})
    if missing:
        found = {r["name"]: r for r in select_rows(ctx, doctype,
                                                   filters=[["name", "in", missing]])}
        for name in missing:
            known[name] = found.get(name)
    return {n: dict(row) for n in names if (row := known.get(n)) is not None}


def row(ctx: Context, doctype: str, name: str) -> dict[str, Any] | None:
    """One whole row by name (see ``rows_by_name``), or None."""
    return rows_by_name(ctx, doctype, [name]).get(name)


def get_value(ctx: Context, doctype: str, name_or_filters: Any, fieldname: str) -> Any:
    if isinstance(name_or_filters, str):
        found = row(ctx, doctype, name_or_filters)
        if found is None or fieldname in found:
            return None if found is None else found[fieldname]
    filters = {"name": name_or_filters} if isinstance(name_or_filters, str) \
        else name_or_filters
    rows = select_rows(ctx, doctype, fields=[fieldname], filters=filters, limit=1,
                       order_by="name asc")
    return rows[0][fieldname] if rows else None


def exists(ctx: Context, doctype: str, name_or_filters: Any) -> bool:
    filters = {"name": name_or_filters} if isinstance(name_or_filters, str) \
        else name_or_filters
    return bool(select_rows(ctx, doctype, fields=["name"], filters=filters, limit=1,
                            order_by="name asc"))


def _to_columns(meta: DocTypeMeta, row: dict[str, Any]) -> dict[str, Any]:
    renamed = meta.renamed_columns
    if not renamed:
        return row
    return {renamed.get(key, key): value for key, value in row.items()}


def insert_rows(ctx: Context, doctype: str, rows: Sequence[dict[str, Any]]) -> None:
    """Insert rows (all with the same keys). They reach the database with the
    transaction's next statement or its commit (core/db/deferred.py); ``flush`` sends
    them now, for a caller that must see an insert's failure where it happens."""
    if not rows:
        return
    meta, table = ctx.meta(doctype), ctx.table(doctype)
    tenant_id = ctx.tenant.id
    deferred.queue_insert(ctx.conn, table, [_to_columns(meta, r) | {"tenant_id": tenant_id}
                                            for r in rows])
    _written(ctx, meta)


def flush(ctx: Context) -> None:
    """Send the transaction's queued writes now."""
    deferred.flush(ctx.conn)


def update_row(ctx: Context, doctype: str, name: str, values: dict[str, Any]) -> None:
    """Set fields of one row by name (not its name); queued as ``update_rows`` is."""
    if "name" in values:
        raise ValueError(f"{doctype} {name}: update_row does not rename rows")
    update_rows(ctx, doctype, [{"name": name} | values])


def update_rows(ctx: Context, doctype: str, rows: Sequence[dict[str, Any]], *,
                locked: bool = False) -> None:
    """Set fields of rows by name, every row the same fields. Like inserts, the updates
    are queued and reach the database with the transaction's next statement or its
    commit, in the order they were made (core/db/deferred.py). ``locked``: this
    transaction already holds the rows' locks (read FOR UPDATE, or inserted by it), so
    they may be updated in one statement."""
    if not rows:
        return
    meta, table = ctx.meta(doctype), ctx.table(doctype)
    deferred.queue_update(ctx.conn, table, ctx.tenant.id, [
        {"name": r["name"]} | _to_columns(meta, {k: v for k, v in r.items() if k != "name"})
        for r in rows], locked=locked)
    _written(ctx, meta)


def delete_rows(ctx: Context, doctype: str, filters: Any) -> int:
    meta, table = ctx.meta(doctype), ctx.table(doctype)
    conds = conditions(meta, table, filters)
    if not conds:
        raise BadRequest("Refusing to delete without a filter")
    result = ctx.conn.execute(delete(table).where(table.c.tenant_id == ctx.tenant.id, *conds))
    _written(ctx, meta)
    return result.rowcount


def _written(ctx: Context, meta: DocTypeMeta) -> None:
    """Every write forgets the rows this transaction kept of the doctype; a write of a
    doctype whose records processes cache (core/records.py) tells them all, by
    incrementing the tenant's data version in this same transaction."""
    memo.forget(ctx.conn, meta.name)
    if meta.cache_records:
        records_changed(ctx)


def records_changed(ctx: Context) -> None:
    """Tell every process that cached records of this tenant change with this
    transaction's commit (once a transaction)."""
    if ctx.cache.get(RECORDS_WRITTEN):
        return
    ctx.conn.execute(update(tenant).where(tenant.c.id == ctx.tenant.id)
                     .values(data_version=tenant.c.data_version + 1))
    ctx.cache[RECORDS_WRITTEN] = True
