"""Goods in and out of stock with a purchase receipt, and what they post.

A receipt line enters the stock ledger at its rate in company currency; its value is
debited to the warehouse's stock account and credited to Stock Received But Not Billed,
which the bill made from it debits again. A return sends goods back at the rate they
came in at (FIFO takes the batches of that rate first), debiting Stock Received But Not
Billed with what the supplier charged for them; anything between the two (a landed cost
added since, or those units already issued) goes to Stock Adjustment.
"""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from sqlalchemy import func, select

from core import lifecycle
from core.db import query
from core.errors import ValidationError
from core.meta.fieldtypes import quantize
from modules.accounting.companies import (
    company_precision,
    company_settings,
    currency_precision,
)
from modules.accounting.posting import PostingLine, Voucher, post, reverse
from modules.inventory.ledger import StockVoucher, move_stock, reverse_stock, warehouse_accounts
from modules.inventory.stock_lines import line_move, per_stock_unit
from modules.purchase.errors import OverReceipt
from modules.purchase.lines import by_name, show

if TYPE_CHECKING:
    from core.context import Context
    from core.document import Document

ZERO = Decimal(0)
ORIGINAL = ["item_code", "qty", "returned_qty", "rate", "warehouse", "purchase_order",
            "purchase_order_item", "uom", "batch_no"]


def received_not_billed(ctx: Context, company: str) -> str:
    """The company's Stock Received But Not Billed account."""
    account = company_settings(ctx, company).get("stock_received_but_not_billed")
    if not account:
        rows = query.select_rows(ctx, "Account", fields=["name"], filters={
            "company": company, "account_type": "Stock Received But Not Billed",
            "is_group": 0}, limit=1)
        account = rows[0]["name"] if rows else None
    if not account:
        raise ValidationError(f"{company} has no Stock Received But Not Billed account",
                              field="company")
    return account


def comes_in(row: Document) -> bool:
    """A receipt's lines bring goods in; a return's (negative) lines take them out."""
    return (row.qty or ZERO) > 0


def check_return(ctx: Context, doc: Document) -> None:
    """A return names a submitted receipt of the same supplier and company, and sends
    back at most what each of its lines brought in and has not sent back yet."""
    if not doc.is_return:
        doc.return_against = None
        for row in doc.children("items"):
            row.purchase_receipt_item = None
        return
    original = query.select_rows(ctx, "Purchase Receipt", fields=[
        "supplier", "company", "docstatus", "is_return", "currency", "conversion_rate"],
        filters={"name": doc.return_against or ""}, limit=1)
    if not original or original[0]["docstatus"] != 1 or original[0]["is_return"] or \
            original[0]["supplier"] != doc.supplier or original[0]["company"] != doc.company:
        raise ValidationError("Return Against must be a submitted purchase receipt of this "
                              "supplier and company", field="return_against")
    doc.currency, doc.conversion_rate = (original[0]["currency"],
                                         original[0]["conversion_rate"])
    lines = by_name(ctx, "Purchase Receipt Item", [
        r.purchase_receipt_item for r in doc.children("items")
        if r.get("purchase_receipt_item")], ORIGINAL)
    sent: dict[str, Decimal] = {}
    for i, row in enumerate(doc.children("items"), start=1):
        line = lines.get(row.get("purchase_receipt_item") or "")
        if line is None or line["parent"] != doc.return_against or \
                line["item_code"] != row.item_code:
            raise ValidationError(f"Items row {i}: not a line of {doc.return_against}",
                                  field="items")
        sent[line["name"]] = sent.get(line["name"], ZERO) - row.qty
        left = line["qty"] - (line["returned_qty"] or ZERO)
        if sent[line["name"]] > left:
            raise OverReceipt(f"Items row {i}: {show(-row.qty)} of {row.item_code} is more than "
                              f"the {show(left)} received and not yet returned", field="items")
        row.warehouse, row.rate, row.uom = line["warehouse"], line["rate"], line["uom"]
        row.batch_no = row.batch_no or line["batch_no"]
        row.amount = quantize(row.qty * line["rate"], currency_precision(ctx, doc.currency))
        row.purchase_order = line["purchase_order"]
        row.purchase_order_item = line["purchase_order_item"]
    doc.total = sum((r.amount for r in doc.children("items")), ZERO)


def receive(ctx: Context, doc: Document) -> None:
    rows = doc.children("items")
    voucher = StockVoucher("Purchase Receipt", doc.name or "", doc.posting_date, doc.company)
    against = received_not_billed(ctx, doc.company)
    came_in = _incoming_rates(ctx, doc.return_against) if doc.is_return else {}
    # rates per stock unit; a return leaves at what its units came in at
    moves = [replace(line_move(r, r.warehouse, 1, per_stock_unit(
        r.rate * doc.conversion_rate, r), against),
        outgoing_rate=came_in.get(r.purchase_receipt_item) if doc.is_return else None)
        for r in rows]
    changes = move_stock(ctx, voucher, moves)
    lines = _ledger_lines(ctx, doc, rows, changes, against)
    if any(line.debit or line.credit for line in lines):
        post(ctx, Voucher("Purchase Receipt", doc.name or "", doc.posting_date, doc.company),
             lines)


def _ledger_lines(ctx: Context, doc: Document, rows: list[Document],
                  changes: list[Decimal], against: str) -> list[PostingLine]:
    settings = company_settings(ctx, doc.company)
    precision = company_precision(ctx, doc.company)
    accounts = warehouse_accounts(ctx, [r.warehouse for r in rows])
    lines = []
    for row, change in zip(rows, changes, strict=True):
        # what the supplier charged: a receipt's own value; for a return, the receipt's
        # rate, whatever the goods are worth in stock now
        charged = quantize(row.qty * row.rate * doc.conversion_rate, precision) \
            if doc.is_return else change
        difference = change - charged
        lines += [PostingLine(accounts[row.warehouse], debit=max(change, ZERO),
                              credit=max(-change, ZERO)),
                  PostingLine(against, debit=max(-charged, ZERO), credit=max(charged, ZERO)),
                  PostingLine(settings["stock_adjustment_account"],
                              debit=max(-difference, ZERO), credit=max(difference, ZERO),
                              cost_center=settings["cost_center"])]
    return lines


def _incoming_rates(ctx: Context, receipt: str | None) -> dict[str, Decimal]:
    """What each line of a receipt is worth per unit in stock (landed costs included)."""
    sle = query.view(ctx, "Stock Ledger Entry")
    stmt = (select(sle.c.voucher_detail_no, func.sum(sle.c.stock_value_difference),
                   func.sum(sle.c.actual_qty))
            .where(sle.c.voucher_type == "Purchase Receipt", sle.c.voucher_no == receipt,
                   sle.c.is_reversal == 0)
            .group_by(sle.c.voucher_detail_no))
    return {line: Decimal(str(value)) / Decimal(str(qty))
            for line, value, qty in ctx.conn.execute(stmt) if qty}


def undo_receipt(ctx: Context, doc: Document) -> None:
    reverse_stock(ctx, StockVoucher("Purchase Receipt", doc.name or "", ctx.now.date(),
                                    doc.company))
    reverse(ctx, "Purchase Receipt", doc.name or "")


def record_return(ctx: Context, doc: Document, sign: int) -> None:
    """A return counts on the lines it sends back (sign 1), or stops counting (-1)."""
    if not doc.is_return:
        return
    from modules.purchase.billing import refresh_receipt_status

    lines = by_name(ctx, "Purchase Receipt Item", [
        r.purchase_receipt_item for r in doc.children("items")], ["returned_qty"])
    returned: dict[str, Decimal] = {}
    for row in doc.children("items"):
        name = row.purchase_receipt_item
        returned[name] = returned.get(name, ZERO) - row.qty * sign
    query.update_rows(ctx, "Purchase Receipt Item", [
        {"name": name, "returned_qty": (lines[name]["returned_qty"] or ZERO) + qty}
        for name, qty in returned.items()])
    refresh_receipt_status(ctx, doc.return_against or "")


def make_purchase_return(ctx: Context, purchase_receipt: str) -> dict[str, Any]:
    """A draft return of what the receipt brought in and has not sent back (not saved)."""
    receipt = lifecycle.get_doc(ctx, "Purchase Receipt", purchase_receipt)
    if receipt.docstatus != 1 or receipt.is_return:
        raise ValidationError(f"{purchase_receipt} is not a submitted receipt",
                              field="purchase_receipt")
    items = [{"item_code": r.item_code, "item_name": r.item_name, "rate": r.rate,
              "qty": -(r.qty - (r.returned_qty or ZERO)), "warehouse": r.warehouse,
              "purchase_receipt_item": r.name} for r in receipt.children("items")
             if r.qty > (r.returned_qty or ZERO)]
    if not items:
        raise ValidationError(f"{purchase_receipt} has been sent back in full",
                              field="purchase_receipt")
    return {"doctype": "Purchase Receipt", "supplier": receipt.supplier,
            "company": receipt.company, "posting_date": ctx.now.date(), "is_return": 1,
            "return_against": receipt.name, "items": items}
