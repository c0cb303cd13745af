"""Stock leaving the shop with a POS sale, at once, so the shelf quantity is right all
day; a return brings it back at the cost it left with.

The cost of what was sold is posted when the sale is submitted (Cost of Goods Sold
against the warehouse's stock account, voucher POS Invoice); the sale's revenue and
payments wait for the session's closing (``consolidation.py``).
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

from core.db import query
from modules.accounting.posting import PostingLine, Voucher, post, reverse
from modules.inventory.ledger import StockVoucher, move_stock, reverse_stock, warehouse_accounts
from modules.inventory.stock_lines import assign_tracking, line_move, prepare_lines
from modules.pos.returns import original_costs

if TYPE_CHECKING:
    from core.context import Context
    from core.document import Document

ZERO = Decimal(0)
VOUCHER = "POS Invoice"


def _returned(row: Document) -> bool:
    return (row.qty or ZERO) < 0


def stock_rows(doc: Document, stock_items: set[str]) -> list[Document]:
    return [r for r in doc.children("items") if r.item_code in stock_items]


def check_lines(ctx: Context, doc: Document) -> None:
    """Units, quantities in stock units, batches and serial numbers of every line."""
    prepare_lines(ctx, doc, doc.children("items"), _returned)


def number_returns(ctx: Context, doc: Document, stock_items: set[str]) -> None:
    assign_tracking(ctx, doc, stock_rows(doc, stock_items), _returned)


def issue(ctx: Context, doc: Document, stock_items: set[str]) -> None:
    rows = stock_rows(doc, stock_items)
    if not rows:
        return
    costs = original_costs(ctx, doc) if doc.is_return else {}
    moves = [line_move(r, r.warehouse, -1, costs.get(r.pos_invoice_item or "", ZERO),
                       r.expense_account) for r in rows]
    changes = move_stock(ctx, StockVoucher(VOUCHER, doc.name or "", doc.posting_date,
                                           doc.company), moves)
    accounts = warehouse_accounts(ctx, [r.warehouse for r in rows])
    lines, rates = [], []
    for row, change in zip(rows, changes, strict=True):
        cost = -change  # positive for a sale; negative for goods coming back
        row.incoming_rate = abs(cost / row.stock_qty)
        rates.append({"name": row.name, "incoming_rate": row.incoming_rate})
        lines += [PostingLine(row.expense_account, debit=max(cost, ZERO),
                              credit=max(-cost, ZERO), cost_center=row.cost_center),
                  PostingLine(accounts[row.warehouse], debit=max(-cost, ZERO),
                              credit=max(cost, ZERO))]
    query.update_rows(ctx, "POS Invoice Item", rates, locked=True)  # rows this submit wrote
    post(ctx, Voucher(VOUCHER, doc.name or "", doc.posting_date, doc.company), lines)


def undo(ctx: Context, doc: Document, stock_items: set[str]) -> None:
    if stock_rows(doc, stock_items):
        reverse_stock(ctx, StockVoucher(VOUCHER, doc.name or "", ctx.now.date(),
                                        doc.company))
    reverse(ctx, VOUCHER, doc.name or "")
