"""What a till sends: sales posted as they happen, or a batch posted once the terminal
is back online, each sale exactly once however often it is retried.

Idempotency rests on the unique index on (tenant, uuid): a sale whose uuid is already
stored answers that sale (``duplicate: true``) and writes nothing. Two retries racing
each other both try to insert; the database lets one through and the other's insert
fails on the index (on PostgreSQL it waits for the first to commit), so its savepoint is
rolled back and it answers the sale the first one stored.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from core import lifecycle, perms
from core.db import query
from core.errors import AppError, BadRequest, DuplicateEntryError, ValidationError
from modules.pos.profiles import check_cashier, profile

if TYPE_CHECKING:
    from core.context import Context

DOCTYPE = "POS Invoice"
MAX_UUID = 140


def _uuid(data: Any) -> str:
    if not isinstance(data, dict):
        raise BadRequest("A sale is a JSON object", field="invoice")
    uuid = data.get("uuid")
    if not isinstance(uuid, str) or not uuid.strip() or len(uuid) > MAX_UUID:
        raise ValidationError(f"A sale needs its terminal's uuid (text of at most "
                              f"{MAX_UUID} characters)", field="uuid")
    return uuid.strip()


def _stored(ctx: Context, uuid: str) -> dict[str, Any] | None:
    rows = query.select_rows(ctx, DOCTYPE, fields=[
        "name", "uuid", "grand_total", "change_amount", "docstatus"],
        filters={"uuid": uuid}, limit=1)
    return rows[0] if rows else None


def _answer(row: dict[str, Any], duplicate: bool) -> dict[str, Any]:
    return {"name": row["name"], "uuid": row["uuid"], "grand_total": row["grand_total"],
            "change_amount": row["change_amount"], "duplicate": duplicate}


def submit_sale(ctx: Context, data: Any) -> dict[str, Any]:
    """Submit one sale from a terminal, once; in its own savepoint, so a refused sale
    leaves the rest of the transaction as it was."""
    uuid = _uuid(data)
    found = _stored(ctx, uuid)
    if found is not None:
        return _answer(found, duplicate=True)
    savepoint = ctx.conn.begin_nested()
    try:
        doc = lifecycle.new_doc(ctx, DOCTYPE, data | {"uuid": uuid, "docstatus": 1})
        check_cashier(ctx, profile(ctx, doc.pos_profile), ctx.user)
        perms.check_restrictions(ctx, doc)
        lifecycle.insert(ctx, doc)
        savepoint.commit()
    except DuplicateEntryError:
        savepoint.rollback()
        found = _stored(ctx, uuid)  # the retry that won the race
        if found is None:
            raise
        return _answer(found, duplicate=True)
    except BaseException:
        savepoint.rollback()
        raise
    return _answer(doc.values, duplicate=False)


def submit_sales(ctx: Context, sales: Any) -> list[dict[str, Any]]:
    """Post offline sales in their order; a refused sale is reported and the others
    still post."""
    if not isinstance(sales, list):
        raise BadRequest("invoices must be a list of sales", field="invoices")
    results = []
    for data in sales:
        try:
            results.append(submit_sale(ctx, data))
        except AppError as exc:
            uuid = data.get("uuid") if isinstance(data, dict) else None
            results.append({"uuid": uuid, "error": exc.message, "exc_type": exc.exc_type,
                            "code": exc.code, "field": exc.field})
    return results


def require_rights(ctx: Context) -> None:
    perms.require(ctx, DOCTYPE, "create")
    perms.require(ctx, DOCTYPE, "submit")
