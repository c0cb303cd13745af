"""Stock arriving with a purchase invoice that updates stock (and leaving with a return).

Each stock line is debited to its warehouse's stock account instead of an expense
account (accounting posts it so), and the goods enter the stock ledger at the line's
amount in company currency divided by its quantity. A return sends them back out.
Taxes stay where the invoice puts them (recoverable input tax is not part of stock).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from modules.inventory.ledger import StockMove, StockVoucher, move_stock, reverse_stock
from modules.inventory.selling import assign_warehouses, stock_rows

if TYPE_CHECKING:
    from core.context import Context
    from core.document import Document


def route_stock_lines(ctx: Context, doc: Document) -> None:
    warehouses = assign_warehouses(ctx, doc)
    for row in stock_rows(ctx, doc):
        row.expense_account = warehouses[row.warehouse]["account"]


def receive(ctx: Context, doc: Document) -> None:
    rows = stock_rows(ctx, doc)
    if not rows:
        return
    voucher = StockVoucher("Purchase Invoice", doc.name or "", doc.posting_date, doc.company)
    move_stock(ctx, voucher, [
        StockMove(r.item_code, r.warehouse, r.qty,
                  abs(r.amount * doc.conversion_rate / r.qty), r.name or "")
        for r in rows])


def undo_receipt(ctx: Context, doc: Document) -> None:
    if stock_rows(ctx, doc):
        reverse_stock(ctx, StockVoucher("Purchase Invoice", doc.name or "", ctx.now.date(),
                                        doc.company))
