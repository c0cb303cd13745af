"""Billing receipts and orders: what a purchase invoice may bill, and what billing it
records.

A line billed from a receipt (``pr_detail``) bills at most what that receipt line brought
in and has neither sent back nor billed yet; it posts to Stock Received But Not Billed
instead of an expense account (the receipt already put the goods in stock), so the
account clears when everything is billed at the receipt's rate, and the invoice may not
update stock again. A line billed straight from an order (``po_detail`` alone) is a
service or other non-stock line: goods are billed from their receipt. A debit note (a
return against the bill) takes the billed quantity back.
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING, Any

from core import lifecycle
from core.db import query
from core.errors import DoesNotExist, ValidationError
from modules.base.items import stock_items
from modules.purchase import ordering
from modules.purchase.errors import OverBilling
from modules.purchase.lines import by_name, carried_taxes, percent, show
from modules.purchase.receiving import received_not_billed

if TYPE_CHECKING:
    from core.context import Context
    from core.document import Document

ZERO = Decimal(0)
RECEIPT_LINE = ["item_code", "qty", "billed_qty", "returned_qty", "purchase_order",
                "purchase_order_item", "uom", "conversion_factor"]
ORDER_LINE = ["item_code", "qty", "billed_qty"]


def _receipt_lines(ctx: Context, doc: Document) -> dict[str, dict[str, Any]]:
    return by_name(ctx, "Purchase Receipt Item", [
        r.pr_detail for r in doc.children("items") if r.get("pr_detail")], RECEIPT_LINE)


def _order_lines(ctx: Context, doc: Document) -> dict[str, dict[str, Any]]:
    return by_name(ctx, "Purchase Order Item", [
        r.po_detail for r in doc.children("items") if r.get("po_detail")], ORDER_LINE)


def check_billing(ctx: Context, doc: Document) -> None:
    received = _receipt_lines(ctx, doc)
    if received and doc.get("update_stock"):
        raise ValidationError("Goods billed from a purchase receipt are in stock already: "
                              "turn off Update Stock", field="update_stock")
    account = received_not_billed(ctx, doc.company) if received else ""
    billing: dict[str, Decimal] = {}
    for i, row in enumerate(doc.children("items"), start=1):
        if row.get("pr_detail"):
            line = _check_receipt_line(i, row, received.get(row.pr_detail), doc, billing)
            row.purchase_order = line["purchase_order"]
            row.po_detail = line["purchase_order_item"]
            row.expense_account = account
        elif row.get("purchase_receipt"):
            raise ValidationError(f"Items row {i}: name the line of {row.purchase_receipt} "
                                  "it bills", field="items")
    _check_order_lines(ctx, doc)


def _check_receipt_line(i: int, row: Document, line: dict[str, Any] | None,
                        doc: Document, billing: dict[str, Decimal]) -> dict[str, Any]:
    if line is None or line["docstatus"] != 1 or line["parent"] != row.purchase_receipt \
            or line["item_code"] != row.item_code or line["qty"] <= 0:
        raise ValidationError(f"Items row {i}: not a line of the submitted purchase "
                              f"receipt {row.purchase_receipt}", field="items")
    if row.uom and line["uom"] and row.uom != line["uom"]:
        raise ValidationError(f"Items row {i}: bill {row.item_code} in {line['uom']}, the "
                              "unit it was received in", field="items")
    row.uom = line["uom"] or row.uom
    billing[line["name"]] = billing.get(line["name"], ZERO) + row.qty
    billed = line["billed_qty"] or ZERO
    if doc.is_return and -billing[line["name"]] > billed:
        raise OverBilling(f"Items row {i}: {show(-row.qty)} of {row.item_code} is more than the "
                          f"{show(billed)} billed", field="items")
    unbilled = line["qty"] - (line["returned_qty"] or ZERO) - billed
    if not doc.is_return and billing[line["name"]] > unbilled:
        raise OverBilling(f"Items row {i}: {show(row.qty)} of {row.item_code} is more than the "
                          f"{show(unbilled)} received and not yet billed", field="items")
    return line


def _check_order_lines(ctx: Context, doc: Document) -> None:
    """Lines billed straight from an order: non-stock lines, at most what is unbilled."""
    ordered = _order_lines(ctx, doc)
    stocked = stock_items(ctx, [r["item_code"] for r in ordered.values()])
    billing: dict[str, Decimal] = {}
    for i, row in enumerate(doc.children("items"), start=1):
        if not row.get("po_detail") or row.get("pr_detail"):
            continue
        line = ordered.get(row.po_detail)
        if line is None or line["docstatus"] != 1 or line["parent"] != row.purchase_order \
                or line["item_code"] != row.item_code:
            raise ValidationError(f"Items row {i}: not a line of the submitted purchase "
                                  f"order {row.purchase_order}", field="items")
        if row.item_code in stocked:
            raise ValidationError(f"Items row {i}: {row.item_code} is a stock item; bill "
                                  "it from its purchase receipt", field="items")
        billing[line["name"]] = billing.get(line["name"], ZERO) + row.qty
        billed = line["billed_qty"] or ZERO
        if not doc.is_return and billing[line["name"]] > line["qty"] - billed:
            raise OverBilling(f"Items row {i}: {show(row.qty)} of {row.item_code} is more than "
                              f"the {show(line['qty'] - billed)} ordered and not yet billed",
                              field="items")
        if doc.is_return and -billing[line["name"]] > billed:
            raise OverBilling(f"Items row {i}: {show(-row.qty)} of {row.item_code} is more than "
                              f"the {show(billed)} billed", field="items")


def record_billing(ctx: Context, doc: Document, sign: int) -> None:
    """Count the invoice (sign 1) or its cancellation (-1) on the receipt and order
    lines it bills; a debit note's negative quantities count back."""
    received = _receipt_lines(ctx, doc)
    _add_billed(ctx, "Purchase Receipt Item", received, doc, "pr_detail", sign)
    # order lines count in stock units: a line billed from a receipt in Boxes counts its
    # quantity times the receipt line's factor
    factors = {r.name: (received[r.pr_detail]["conversion_factor"] or Decimal(1))
               if r.get("pr_detail") in received else Decimal(1)
               for r in doc.children("items")}
    _add_billed(ctx, "Purchase Order Item", _order_lines(ctx, doc), doc, "po_detail", sign,
                factors)
    for receipt in sorted({r.purchase_receipt for r in doc.children("items")
                           if r.get("pr_detail")}):
        refresh_receipt_status(ctx, receipt)
    for order in sorted({r.purchase_order for r in doc.children("items")
                         if r.get("po_detail")}):
        ordering.refresh_status(ctx, order)


def _add_billed(ctx: Context, doctype: str, lines: dict[str, dict[str, Any]],
                doc: Document, field: str, sign: int,
                factors: dict[Any, Decimal] | None = None) -> None:
    billed: dict[str, Decimal] = {}
    for row in doc.children("items"):
        if row.get(field):
            qty = row.qty * sign * (factors or {}).get(row.name, Decimal(1))
            billed[row.get(field)] = billed.get(row.get(field), ZERO) + qty
    if billed:
        query.update_rows(ctx, doctype, [
            {"name": name, "billed_qty": (lines[name]["billed_qty"] or ZERO) + qty}
            for name, qty in billed.items()])


def refresh_receipt_status(ctx: Context, receipt: str) -> None:
    """% billed of what the receipt kept (received less sent back), and its status."""
    head = query.select_rows(ctx, "Purchase Receipt", fields=["docstatus", "is_return"],
                             filters={"name": receipt}, limit=1)[0]
    lines = query.select_rows(ctx, "Purchase Receipt Item", fields=[
        "qty", "billed_qty", "returned_qty"],
        filters={"parent": receipt, "parenttype": "Purchase Receipt"})
    kept = sum((r["qty"] - (r["returned_qty"] or ZERO) for r in lines), ZERO)
    billed = sum((r["billed_qty"] or ZERO for r in lines), ZERO)
    status = "Cancelled" if head["docstatus"] == 2 else "Return" if head["is_return"] else \
        "Completed" if billed >= kept else "To Bill"
    query.update_row(ctx, "Purchase Receipt", receipt, {
        "per_billed": ZERO if head["is_return"] else percent(min(billed, kept), kept),
        "status": status})


def make_purchase_invoice(ctx: Context, source_name: str) -> dict[str, Any]:
    """A draft bill (not saved) for what a purchase receipt, or a purchase order (its
    receipts' goods and its services), has not billed yet."""
    if query.exists(ctx, "Purchase Receipt", source_name):
        receipts, order = [lifecycle.get_doc(ctx, "Purchase Receipt", source_name)], None
    elif query.exists(ctx, "Purchase Order", source_name):
        order = lifecycle.get_doc(ctx, "Purchase Order", source_name)
        receipts = _receipts_of(ctx, source_name)
    else:
        raise DoesNotExist(f"No purchase receipt or purchase order {source_name}")
    source = order or receipts[0]
    if source.docstatus != 1 or source.get("is_return"):
        raise ValidationError(f"{source_name} is not a submitted receipt or order",
                              field="source_name")
    items = [line for receipt in receipts for line in _receipt_items(receipt)]
    if order is not None:
        items += _service_items(ctx, order)
    if not items:
        raise ValidationError(f"{source_name} has nothing left to bill", field="source_name")
    return {"doctype": "Purchase Invoice", "supplier": source.supplier,
            "company": source.company, "currency": source.currency,
            "conversion_rate": source.conversion_rate, "posting_date": ctx.now.date(),
            "items": items, "taxes": carried_taxes(
                [source], not any(r.billed_qty for r in source.children("items")))}


def _receipts_of(ctx: Context, order: str) -> list[Document]:
    names = sorted({r["parent"] for r in query.select_rows(
        ctx, "Purchase Receipt Item", fields=["parent"], filters={
            "purchase_order": order, "docstatus": 1, "parenttype": "Purchase Receipt"})})
    docs = [lifecycle.get_doc(ctx, "Purchase Receipt", n) for n in names]
    return [d for d in docs if not d.is_return]


def _receipt_items(receipt: Document) -> list[dict[str, Any]]:
    return [{"item_code": r.item_code, "item_name": r.item_name, "rate": r.rate,
             "qty": r.qty - (r.returned_qty or ZERO) - (r.billed_qty or ZERO),
             "uom": r.uom, "purchase_receipt": receipt.name, "pr_detail": r.name,
             "purchase_order": r.purchase_order, "po_detail": r.purchase_order_item}
            for r in receipt.children("items")
            if r.qty - (r.returned_qty or ZERO) > (r.billed_qty or ZERO)]


def _service_items(ctx: Context, order: Document) -> list[dict[str, Any]]:
    stocked = stock_items(ctx, [r.item_code for r in order.children("items")])
    return [{"item_code": r.item_code, "item_name": r.item_name, "rate": r.rate,
             "qty": r.qty - (r.billed_qty or ZERO), "purchase_order": order.name,
             "po_detail": r.name} for r in order.children("items")
            if r.item_code not in stocked and r.qty > (r.billed_qty or ZERO)]
