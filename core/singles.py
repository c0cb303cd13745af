"""Single doctypes (settings): one document per tenant, stored field by field."""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

from sqlalchemy import select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from core import records, versions
from core.checks import check_document
from core.db import query
from core.db.tables import singles
from core.document import Document, jsonable, parse_value

if TYPE_CHECKING:
    from core.context import Context


def get_single(ctx: Context, doctype: str) -> Document:
    """The settings document. Its stored values are kept with the tenant's cached records
    (core/records.py): saving any single renews them in every process."""
    meta = ctx.meta(doctype)
    stored = records.derived(ctx, f"single:{doctype}", lambda: _stored(ctx, doctype))
    values: dict[str, Any] = {"name": doctype, "docstatus": 0}
    for f in meta.data_fields:
        raw = stored.get(f.fieldname, f.default)
        values[f.fieldname] = parse_value(f.fieldtype, f.effective_precision, raw, [], "",
                                          f.fieldname)
    values["modified"] = stored.get("modified")
    doc = Document(meta, values)
    doc.__dict__["previous"] = dict(values)
    return doc


def _stored(ctx: Context, doctype: str) -> Mapping[str, Any]:
    rows = ctx.conn.execute(select(singles.c.field, singles.c.value).where(
        singles.c.tenant_id == ctx.tenant.id, singles.c.doctype == doctype))
    return MappingProxyType({r.field: r.value for r in rows})


def save_single(ctx: Context, doc: Document) -> Document:
    from core.lifecycle import run_hooks

    before = get_single(ctx, doc.doctype).values
    for key, value in before.items():
        doc.values.setdefault(key, value)
    doc.values["name"] = doc.doctype
    run_hooks(ctx, doc, "validate")
    check_document(ctx, doc)
    insert = pg_insert if ctx.conn.dialect.name == "postgresql" else sqlite_insert
    rows = [{"tenant_id": ctx.tenant.id, "doctype": doc.doctype, "field": f.fieldname,
             "value": jsonable(doc.get(f.fieldname))} for f in doc.meta.data_fields]
    rows.append({"tenant_id": ctx.tenant.id, "doctype": doc.doctype, "field": "modified",
                 "value": jsonable(ctx.now)})
    stmt = insert(singles)
    ctx.conn.execute(stmt.on_conflict_do_update(
        index_elements=["tenant_id", "doctype", "field"],
        set_={"value": stmt.excluded.value}), rows)
    query.records_changed(ctx)
    versions.record(ctx, doc, "Updated", versions.diff(before, doc))
    run_hooks(ctx, doc, "on_update")
    return doc
