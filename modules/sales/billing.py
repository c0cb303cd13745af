"""Billing deliveries and orders: each invoice line made from a delivery note line
counts towards that line's billed quantity, and each line made from a sales order line
(directly, or through a delivery note line made from it) towards the order line's
billed quantity and amount; the delivery note's and the order's statuses follow.

An invoice may not bill more than was delivered and not yet billed, nor more than was
ordered and not yet billed. Lines that carry a delivery note cannot also take the goods
out of stock again; lines billed straight from an order with Update Stock deliver them.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from core.db import query
from core.errors import ValidationError
from modules.inventory.units import set_stock_qty
from modules.sales import ordering
from modules.sales.invoicing import make_sales_invoice as make_sales_invoice  # its old home
from modules.sales.lines import qty_text
from modules.sales.ordering import in_order_unit
from modules.sales.status import percent, refresh_order

if TYPE_CHECKING:
    from core.context import Context
    from core.document import Document

ZERO = Decimal(0)


def _delivered(ctx: Context, doc: Document) -> dict[str, dict[str, Any]]:
    names = [r.dn_detail for r in doc.children("items") if r.get("dn_detail")]
    if not names:
        return {}
    rows = query.select_rows(ctx, "Delivery Note Item", fields=[
        "name", "parent", "item_code", "qty", "billed_qty", "docstatus",
        "against_sales_order", "so_detail"], filters=[["name", "in", names]])
    return {r["name"]: r for r in rows}


def direct_deliveries(doc: Document) -> list[Document]:
    """Lines that deliver an order line themselves (or, on a credit note, bring its goods
    back): billed straight from the order by an invoice that updates stock."""
    if not doc.get("update_stock"):
        return []
    return [r for r in doc.children("items") if r.get("so_detail") and not r.get("dn_detail")]


LINKS = ("sales_order", "so_detail", "delivery_note", "dn_detail")


def check_billing(ctx: Context, doc: Document) -> None:
    if doc.get("is_debit_note"):
        _check_debit_note(doc)
        return
    if doc.get("is_return"):
        _check_credit_note(ctx, doc)
        return
    # lines billing an order or a delivery know their unit's factor, stock item or not
    set_stock_qty(ctx, doc, [r for r in doc.children("items")
                             if r.get("so_detail") or r.get("dn_detail")])
    _check_delivery_billing(ctx, doc)
    _check_order_billing(ctx, doc)
    ordering.check_delivery(ctx, doc, direct_deliveries(doc), "sales_order")


def _check_debit_note(doc: Document) -> None:
    """A debit note raises the price of what its invoice billed; the order and delivery
    lines were billed by that invoice, so its lines bill none again (no billed quantity
    or amount is counted twice)."""
    for i, row in enumerate(doc.children("items"), start=1):
        if any(row.get(f) for f in LINKS):
            raise ValidationError(f"Items row {i}: a debit note does not bill sales order "
                                  f"or delivery note lines; {doc.return_against} billed "
                                  "them", field="items")


def _check_credit_note(ctx: Context, doc: Document) -> None:
    """A credit note takes back what its invoice billed from orders and deliveries: each
    line credits the order or delivery line the invoice's line of its item billed (its
    own links, when given, must be one of those), and no more than is billed there; one
    that brings goods back un-delivers them from the order they were delivered from."""
    original = query.select_rows(ctx, "Sales Invoice Item", fields=["item_code", *LINKS],
                                 filters={"parent": doc.return_against or "",
                                          "parenttype": "Sales Invoice"},
                                 order_by="idx asc")
    billed_by = {(r["so_detail"], r["dn_detail"]) for r in original}
    for i, row in enumerate(doc.children("items"), start=1):
        if not any(row.get(f) for f in LINKS):
            source = next((r for r in original if r["item_code"] == row.item_code), None)
            for f in LINKS:
                row.set(f, source[f] if source else None)
        elif (row.get("so_detail"), row.get("dn_detail")) not in billed_by:
            raise ValidationError(f"Items row {i}: {doc.return_against} did not bill that "
                                  "order or delivery line", field="items")
    linked = [r for r in doc.children("items") if r.get("so_detail") or r.get("dn_detail")]
    set_stock_qty(ctx, doc, linked)
    if doc.get("update_stock") and any(r.get("dn_detail") for r in linked):
        raise ValidationError("Goods a delivery note delivered are not returned by a credit "
                              "note: turn off Update Stock", field="update_stock")
    _check_credited(ctx, doc, linked)


def _check_credited(ctx: Context, doc: Document, rows: list[Document]) -> None:
    ordered = ordering.order_lines(ctx, [r.so_detail for r in rows if r.get("so_detail")])
    delivered = _delivered(ctx, doc)
    bringing_back = direct_deliveries(doc)
    taken: dict[tuple[str, str], Decimal] = {}
    for row in rows:
        i = doc.children("items").index(row) + 1
        checks = []
        if row.get("dn_detail") and row.dn_detail in delivered:
            checks.append(("billed on", row.dn_detail, -row.qty,
                           delivered[row.dn_detail]["billed_qty"] or ZERO))
        elif row.get("so_detail") and row.so_detail in ordered:
            line = ordered[row.so_detail]
            checks.append(("billed on", row.so_detail, -in_order_unit(row, line),
                           line["billed_qty"] or ZERO))
            if row in bringing_back:
                checks.append(("delivered by", row.so_detail + "/delivered",
                               -in_order_unit(row, line), line["delivered_qty"] or ZERO))
        for what, key, qty, limit in checks:
            taken[(what, key)] = taken.get((what, key), ZERO) + qty
            if taken[(what, key)] > limit:
                source = row.delivery_note if row.get("dn_detail") else row.sales_order
                raise ValidationError(f"Items row {i}: {qty_text(-row.qty)} of "
                                      f"{row.item_code} is more than the {qty_text(limit)} "
                                      f"{what} {source}", field="items")


def _check_delivery_billing(ctx: Context, doc: Document) -> None:
    delivered = _delivered(ctx, doc)
    if delivered and doc.get("update_stock"):
        raise ValidationError("Goods billed from a delivery note have left stock already: "
                              "turn off Update Stock", field="update_stock")
    asked: dict[str, Decimal] = {}
    for i, row in enumerate(doc.children("items"), start=1):
        if not row.get("dn_detail"):
            continue
        line = delivered.get(row.dn_detail)
        if line is None or line["docstatus"] != 1 or line["parent"] != row.delivery_note \
                or line["item_code"] != row.item_code:
            raise ValidationError(f"Items row {i}: not a line of the submitted delivery "
                                  f"note {row.delivery_note}", field="items")
        asked[row.dn_detail] = asked.get(row.dn_detail, ZERO) + row.qty
        unbilled = line["qty"] - (line["billed_qty"] or ZERO)
        if asked[row.dn_detail] > unbilled:
            raise ValidationError(f"Items row {i}: {qty_text(row.qty)} of {row.item_code} "
                                  f"is more than the {qty_text(unbilled)} delivered and not "
                                  "yet billed", field="items")
        # the order line the delivery was made from is billed too, whatever was sent
        row.sales_order, row.so_detail = line["against_sales_order"], line["so_detail"]


def _check_order_billing(ctx: Context, doc: Document) -> None:
    rows = [r for r in doc.children("items") if r.get("so_detail")]
    ordered = ordering.order_lines(ctx, [r.so_detail for r in rows])
    orders = _orders(ctx, [line["parent"] for line in ordered.values()])
    asked: dict[str, Decimal] = {}
    for row in rows:
        i = doc.children("items").index(row) + 1
        line = ordered.get(row.so_detail)
        order = orders.get(line["parent"]) if line else None
        if line is None or line["docstatus"] != 1 or line["parent"] != row.sales_order \
                or line["item_code"] != row.item_code or order is None \
                or (order["customer"], order["company"]) != (doc.customer, doc.company):
            raise ValidationError(f"Items row {i}: not a line of a submitted sales order "
                                  f"{row.sales_order} of {doc.customer} in {doc.company}",
                                  field="items")
        asked[row.so_detail] = asked.get(row.so_detail, ZERO) + in_order_unit(row, line)
        unbilled = line["qty"] - (line["billed_qty"] or ZERO)
        if asked[row.so_detail] > unbilled:
            raise ValidationError(f"Items row {i}: {qty_text(row.qty)} of {row.item_code} "
                                  f"is more than the {qty_text(unbilled)} ordered on "
                                  f"{row.sales_order} and not yet billed", field="items")


def _orders(ctx: Context, names: Sequence[str]) -> dict[str, dict[str, Any]]:
    if not names:
        return {}
    return {r["name"]: r for r in query.select_rows(
        ctx, "Sales Order", fields=["name", "customer", "company"],
        filters=[["name", "in", sorted(set(names))]])}


def record_billing(ctx: Context, doc: Document, sign: int) -> None:
    """Count the invoice's lines on the delivery and order lines they bill (``sign`` -1
    undoes it), and deliver the order lines it takes out of stock itself. A credit
    note's lines are negative: they take back what they credit."""
    _record_delivery_billing(ctx, doc, sign)
    _record_order_billing(ctx, doc, sign)
    ordering.record_delivery(ctx, doc, sign, direct_deliveries(doc))


def _record_delivery_billing(ctx: Context, doc: Document, sign: int) -> None:
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


def _record_order_billing(ctx: Context, doc: Document, sign: int) -> None:
    rows = [r for r in doc.children("items") if r.get("so_detail")]
    ordered = ordering.order_lines(ctx, [r.so_detail for r in rows])
    if not ordered:
        return
    billed: dict[str, tuple[Decimal, Decimal]] = {}
    for row in rows:
        qty, amount = billed.get(row.so_detail, (ZERO, ZERO))
        billed[row.so_detail] = (qty + in_order_unit(row, ordered[row.so_detail]) * sign,
                                 amount + row.amount * sign)
    query.update_rows(ctx, "Sales Order Item", [
        {"name": name, "billed_qty": (ordered[name]["billed_qty"] or ZERO) + qty,
         "billed_amt": (ordered[name]["billed_amt"] or ZERO) + amount}
        for name, (qty, amount) in billed.items()])
    for order in sorted({line["parent"] for line in ordered.values()}):
        refresh_order(ctx, order)


def refresh_status(ctx: Context, note: str) -> None:
    lines = query.select_rows(ctx, "Delivery Note Item", fields=["qty", "billed_qty"],
                              filters={"parent": note, "parenttype": "Delivery Note"})
    total = sum((r["qty"] for r in lines), ZERO)
    billed = sum((r["billed_qty"] or ZERO for r in lines), ZERO)
    query.update_row(ctx, "Delivery Note", note, {
        "per_billed": percent(billed, total),
        "status": "Completed" if billed >= total else "To Bill"})
