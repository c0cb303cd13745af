"""Billing deliveries: each invoice line made from a delivery note line counts towards
that line's billed quantity, and the delivery note's status follows.

An invoice may not bill more than was delivered and not yet billed; its lines carry the
delivery note so the invoice cannot also take the goods out of stock again.
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING, Any

from core.db import query
from core.errors import ValidationError

if TYPE_CHECKING:
    from core.context import Context
    from core.document import Document

ZERO = Decimal(0)
HUNDRED = Decimal(100)


def _delivered(ctx: Context, doc: Document) -> dict[str, dict[str, Any]]:
    names = [r.dn_detail for r in doc.children("items") if r.get("dn_detail")]
    if not names:
        return {}
    rows = query.select_rows(ctx, "Delivery Note Item", fields=[
        "name", "parent", "item_code", "qty", "billed_qty", "docstatus"],
        filters=[["name", "in", names]])
    return {r["name"]: r for r in rows}


def check_billing(ctx: Context, doc: Document) -> None:
    delivered = _delivered(ctx, doc)
    if delivered and doc.get("update_stock"):
        raise ValidationError("Goods billed from a delivery note have left stock already: "
                              "turn off Update Stock", field="update_stock")
    for i, row in enumerate(doc.children("items"), start=1):
        if not row.get("dn_detail"):
            continue
        line = delivered.get(row.dn_detail)
        if line is None or line["docstatus"] != 1 or line["parent"] != row.delivery_note \
                or line["item_code"] != row.item_code:
            raise ValidationError(f"Items row {i}: not a line of the submitted delivery "
                                  f"note {row.delivery_note}", field="items")
        unbilled = line["qty"] - (line["billed_qty"] or ZERO)
        if row.qty > unbilled:
            raise ValidationError(f"Items row {i}: {row.qty} of {row.item_code} is more "
                                  f"than the {unbilled} delivered and not yet billed",
                                  field="items")


def record_billing(ctx: Context, doc: Document, sign: int) -> None:
    delivered = _delivered(ctx, doc)
    if not delivered:
        return
    billed: dict[str, Decimal] = {}
    for row in doc.children("items"):
        if row.get("dn_detail"):
            billed[row.dn_detail] = billed.get(row.dn_detail, ZERO) + row.qty * sign
    query.update_rows(ctx, "Delivery Note Item", [
        {"name": name, "billed_qty": (delivered[name]["billed_qty"] or ZERO) + qty}
        for name, qty in billed.items()])
    for note in sorted({line["parent"] for line in delivered.values()}):
        refresh_status(ctx, note)


def refresh_status(ctx: Context, note: str) -> None:
    lines = query.select_rows(ctx, "Delivery Note Item", fields=["qty", "billed_qty"],
                              filters={"parent": note, "parenttype": "Delivery Note"})
    total = sum((r["qty"] for r in lines), ZERO)
    billed = sum((r["billed_qty"] or ZERO for r in lines), ZERO)
    per_billed = (billed / total * HUNDRED).quantize(Decimal("0.01")) if total else ZERO
    query.update_row(ctx, "Delivery Note", note, {
        "per_billed": per_billed, "status": "Completed" if billed >= total else "To Bill"})


def make_sales_invoice(ctx: Context, delivery_note: str) -> dict[str, Any]:
    """A draft invoice for what the delivery note has not billed yet (not saved)."""
    from core import lifecycle

    note = lifecycle.get_doc(ctx, "Delivery Note", delivery_note)
    if note.docstatus != 1:
        raise ValidationError(f"{delivery_note} is not submitted", field="delivery_note")
    items = [{"item_code": r.item_code, "item_name": r.item_name, "rate": r.rate,
              "qty": r.qty - (r.billed_qty or ZERO), "delivery_note": note.name,
              "dn_detail": r.name} for r in note.children("items")
             if r.qty > (r.billed_qty or ZERO)]
    if not items:
        raise ValidationError(f"{delivery_note} is fully billed", field="delivery_note")
    return {"doctype": "Sales Invoice", "customer": note.customer, "company": note.company,
            "posting_date": ctx.now.date(), "items": items}
