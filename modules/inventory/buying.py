"""Stock arriving with a purchase invoice that updates stock (and leaving with a return).

Each stock line is debited to its warehouse's stock account instead of an expense
account (accounting posts it so), and the goods enter the stock ledger at the line's
amount in company currency divided by its quantity. A return sends them back out.
Taxes stay where the invoice puts them (recoverable input tax is not part of stock).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from modules.inventory.ledger import StockVoucher, move_stock, reverse_stock
from modules.inventory.selling import assign_warehouses, stock_rows
from modules.inventory.stock_lines import assign_tracking, line_move, prepare_lines

if TYPE_CHECKING:
    from core.context import Context
    from core.document import Document


def route_stock_lines(ctx: Context, doc: Document) -> None:
    warehouses = assign_warehouses(ctx, doc)
    rows = stock_rows(ctx, doc)
    for row in rows:
        row.expense_account = warehouses[row.warehouse]["account"]
    prepare_lines(ctx, doc, rows, _received)


def _received(row: Document) -> bool:
    return (row.qty or 0) > 0


def number_receipts(ctx: Context, doc: Document) -> None:
    """Goods arriving without a batch or serial numbers get new ones."""
    assign_tracking(ctx, doc, stock_rows(ctx, doc), _received)


def receive(ctx: Context, doc: Document) -> None:
    rows = stock_rows(ctx, doc)
    if not rows:
        return
    # expired goods may go back to the supplier
    voucher = StockVoucher("Purchase Invoice", doc.name or "", doc.posting_date, doc.company,
                           allow_expired_batches=bool(doc.is_return))
    # the line's amount over its stock quantity: the cost of one stock unit
    move_stock(ctx, voucher, [
        line_move(r, r.warehouse, 1, abs(r.amount * doc.conversion_rate / r.stock_qty))
        for r in rows])


def undo_receipt(ctx: Context, doc: Document) -> None:
    if stock_rows(ctx, doc):
        reverse_stock(ctx, StockVoucher("Purchase Invoice", doc.name or "", ctx.now.date(),
                                        doc.company))
