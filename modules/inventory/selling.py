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

from core import records
from core.db import query
from core.errors import ValidationError
from modules.accounting.companies import company_settings
from modules.accounting.items import item_defaults
from modules.accounting.posting import PostingLine, Voucher, post
from modules.base.items import stock_items
from modules.inventory.ledger import StockVoucher, move_stock, reverse_stock
from modules.inventory.stock_lines import assign_tracking, line_move, prepare_lines

if TYPE_CHECKING:
    from core.context import Context
    from core.document import Document

ZERO = Decimal(0)


def stock_rows(ctx: Context, doc: Document) -> list[Document]:
    """The invoice lines that move stock (stock items, when the invoice updates stock)."""
    if not doc.get("update_stock"):
        return []
    stocked = stock_items(ctx, (r.item_code for r in doc.children("items")))
    return [r for r in doc.children("items") if r.item_code in stocked]


def _warehouses(ctx: Context, names: list[str]) -> dict[str, dict]:
    return records.get_many(ctx, "Warehouse", names)


def assign_warehouses(ctx: Context, doc: Document) -> dict[str, dict]:
    """Give each stock line a warehouse (its own, the invoice's, the company's default)
    and check it belongs to the company; returns the warehouses by name."""
    rows = stock_rows(ctx, doc)
    if not rows:
        return {}
    default = doc.get("set_warehouse") or \
        company_settings(ctx, doc.company)["default_warehouse"]
    for row in rows:
        row.warehouse = row.warehouse or default
    found = _warehouses(ctx, [r.warehouse for r in rows if r.warehouse])
    for i, row in enumerate(rows, start=1):
        warehouse = found.get(row.warehouse or "")
        if not warehouse or warehouse["company"] != doc.company or warehouse["is_group"]:
            raise ValidationError(f"Items row {i}: {row.item_code} needs a warehouse of "
                                  f"{doc.company}", field="items")
    return found


def _returned(row: Document) -> bool:
    return (row.qty or ZERO) < 0


def check_stock_lines(ctx: Context, doc: Document) -> None:
    if doc.get("is_debit_note") and doc.get("update_stock"):
        raise ValidationError("A debit note raises the price of goods already sold and "
                              "moves no stock: turn off Update Stock", field="update_stock")
    assign_warehouses(ctx, doc)
    prepare_lines(ctx, doc, stock_rows(ctx, doc), _returned)


def number_returns(ctx: Context, doc: Document) -> None:
    """Goods coming back without a batch or serial numbers get new ones."""
    assign_tracking(ctx, doc, stock_rows(ctx, doc), _returned)


def deliver(ctx: Context, doc: Document) -> None:
    rows = stock_rows(ctx, doc)
    if not rows:
        return
    voucher = StockVoucher("Sales Invoice", doc.name or "", doc.posting_date, doc.company)
    returned = _original_rates(ctx, doc.return_against) if doc.is_return else {}
    expense = _expense_accounts(ctx, [r.item_code for r in rows], doc.company)
    moves = [line_move(r, r.warehouse, -1, returned.get(r.item_code, ZERO),
                       expense[r.item_code]) for r in rows]
    changes = move_stock(ctx, voucher, moves)
    settings = company_settings(ctx, doc.company)
    warehouses = _warehouses(ctx, [r.warehouse for r in rows])
    lines, rates = [], []
    for row, change in zip(rows, changes, strict=True):
        cost = -change  # positive for a sale; negative for a return coming back
        rates.append({"name": row.name, "incoming_rate": abs(cost / row.stock_qty)})
        lines += [PostingLine(expense[row.item_code], debit=max(cost, ZERO),
                              credit=max(-cost, ZERO),
                              cost_center=row.cost_center or settings["cost_center"]),
                  PostingLine(warehouses[row.warehouse]["account"], debit=max(-cost, ZERO),
                              credit=max(cost, ZERO))]
    query.update_rows(ctx, "Sales Invoice Item", rates, locked=True)  # rows this submit wrote
    post(ctx, Voucher("Sales Invoice", doc.name or "", doc.posting_date, doc.company), lines)


def _expense_accounts(ctx: Context, items: list[str], company: str) -> dict[str, str]:
    """Each item's cost of goods sold account: its own for the company, or the default."""
    default = company_settings(ctx, company)["default_expense_account"]
    own = item_defaults(ctx, items, company)
    return {item: own.get(item, {}).get("expense_account") or default for item in items}


def _original_rates(ctx: Context, invoice: str | None) -> dict[str, Decimal]:
    """Cost per stock unit each item left with on the original invoice."""
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
