"""Stock leaving with a sales invoice that updates stock (and coming back with a return).

The cost of what was sold is the value the stock ledger takes out (FIFO or moving
average); it is posted to the item's expense account (Cost of Goods Sold) against the
warehouse's stock account. A return brings the goods back at the cost they left with,
taken from the original invoice's stock ledger rows. Cancelling reverses the stock rows;
accounting's own cancellation already reverses every GL entry of the voucher.
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

from sqlalchemy import func, select

from core.db import query
from core.errors import ValidationError
from modules.accounting.companies import company_settings
from modules.accounting.posting import PostingLine, Voucher, post
from modules.inventory.ledger import StockMove, StockVoucher, move_stock, reverse_stock

if TYPE_CHECKING:
    from core.context import Context
    from core.document import Document

ZERO = Decimal(0)


def stock_rows(ctx: Context, doc: Document) -> list[Document]:
    if not doc.get("update_stock"):
        return []
    codes = sorted({r.item_code for r in doc.children("items") if r.item_code})
    stocked = {r["name"] for r in query.select_rows(ctx, "Item", fields=["name"], filters=[
        ["name", "in", codes], ["is_stock_item", "=", 1]])} if codes else set()
    return [r for r in doc.children("items") if r.item_code in stocked]


def check_stock_lines(ctx: Context, doc: Document) -> None:
    default = doc.get("set_warehouse") or query.get_value(ctx, "Company", doc.company,
                                                          "default_warehouse")
    for i, row in enumerate(stock_rows(ctx, doc), start=1):
        row.warehouse = row.warehouse or default
        found = query.select_rows(ctx, "Warehouse", fields=["company", "is_group"],
                                  filters={"name": row.warehouse or ""}, limit=1)
        if not found or found[0]["company"] != doc.company or found[0]["is_group"]:
            raise ValidationError(f"Items row {i}: {row.item_code} needs a warehouse of "
                                  f"{doc.company}", field="items")


def deliver(ctx: Context, doc: Document) -> None:
    rows = stock_rows(ctx, doc)
    if not rows:
        return
    voucher = StockVoucher("Sales Invoice", doc.name or "", doc.posting_date, doc.company)
    returned = _original_rates(ctx, doc.return_against) if doc.is_return else {}
    moves = [StockMove(r.item_code, r.warehouse, -r.qty,
                       returned.get(r.item_code, ZERO) if doc.is_return else ZERO,
                       r.name or "") for r in rows]
    changes = move_stock(ctx, voucher, moves)
    settings = company_settings(ctx, doc.company)
    lines = []
    for row, change in zip(rows, changes, strict=True):
        cost = -change  # positive for a sale; negative for a return coming back
        row.incoming_rate = abs(cost / row.qty) if row.qty else ZERO
        query.update_row(ctx, "Sales Invoice Item", row.name or "",
                         {"incoming_rate": row.incoming_rate})
        expense = _expense_account(ctx, row.item_code, doc.company)
        stock_account = query.get_value(ctx, "Warehouse", row.warehouse, "account")
        lines += [PostingLine(expense, debit=max(cost, ZERO), credit=max(-cost, ZERO),
                              cost_center=row.cost_center or settings["cost_center"]),
                  PostingLine(stock_account, debit=max(-cost, ZERO), credit=max(cost, ZERO))]
    post(ctx, Voucher("Sales Invoice", doc.name or "", doc.posting_date, doc.company), lines)


def _expense_account(ctx: Context, item_code: str, company: str) -> str:
    own = query.get_value(ctx, "Item Default", {"parent": item_code, "parenttype": "Item",
                                                "company": company}, "expense_account")
    return own or query.get_value(ctx, "Company", company, "default_expense_account")


def _original_rates(ctx: Context, invoice: str | None) -> dict[str, Decimal]:
    """Cost per unit each item left with on the original invoice."""
    if not invoice:
        return {}
    sle = query.view(ctx, "Stock Ledger Entry")
    stmt = (select(sle.c.item_code, func.sum(sle.c.stock_value_difference),
                   func.sum(sle.c.actual_qty))
            .where(sle.c.voucher_type == "Sales Invoice", sle.c.voucher_no == invoice,
                   sle.c.is_reversal == 0)
            .group_by(sle.c.item_code))
    return {item: abs(Decimal(str(value)) / Decimal(str(qty)))
            for item, value, qty in ctx.conn.execute(stmt) if qty}


def undo_delivery(ctx: Context, doc: Document) -> None:
    if stock_rows(ctx, doc):
        reverse_stock(ctx, StockVoucher("Sales Invoice", doc.name or "", ctx.now.date(),
                                        doc.company))
