"""Stock Reconciliation: sets stock to what was counted (or to the opening balance).

Each line takes the item's stock in the warehouse out at its current value and puts the
counted quantity back at the given rate (the current rate when none is given), so both
quantity and valuation become exactly what the count says. The value change is posted
against the difference account: Stock Adjustment for a count, Temporary Opening for
opening stock.

An item kept in batches is counted batch by batch (a line per batch: what that batch
holds in the warehouse goes out, the count comes back in it). An item with serial
numbers is counted by its numbers: the units in the warehouse go out with theirs and
the numbers found come back in (a number new to the books is created, one elsewhere or
delivered is refused), so the quantity is the count of numbers found.
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

from core.db import query
from core.errors import ValidationError
from modules.accounting.companies import company_settings
from modules.accounting.posting import PostingLine, Voucher, post, reverse
from modules.inventory.batches import batch_held
from modules.inventory.errors import BatchError, SerialNoError
from modules.inventory.ledger import (
    StockMove,
    StockVoucher,
    bin_name,
    move_stock,
    reverse_stock,
    warehouse_accounts,
)
from modules.inventory.serials import serials_in
from modules.inventory.tracking import split_serials, tracked_items
from modules.inventory.units import shown

if TYPE_CHECKING:
    from core.context import Context
    from core.document import Document

ZERO = Decimal(0)

DOCTYPE = {
    "name": "Stock Reconciliation",
    "autoname": "MAT-RECO-.YYYY.-.#####",
    "is_submittable": 1,
    "title_field": "purpose",
    "sort_field": "posting_date",
    "fields": [
        {"fieldname": "purpose", "fieldtype": "Select", "label": "Purpose",
         "options": "Stock Reconciliation\nOpening Stock", "default": "Stock Reconciliation",
         "reqd": 1, "in_list_view": 1},
        {"fieldname": "company", "fieldtype": "Link", "options": "Company",
         "label": "Company", "reqd": 1},
        {"fieldname": "posting_date", "fieldtype": "Date", "label": "Posting Date",
         "reqd": 1, "default": "Today", "in_list_view": 1},
        {"fieldname": "expense_account", "fieldtype": "Link", "options": "Account",
         "label": "Difference Account"},
        {"fieldname": "items", "fieldtype": "Table", "options": "Stock Reconciliation Item",
         "label": "Items", "reqd": 1},
        {"fieldname": "difference_amount", "fieldtype": "Currency",
         "label": "Value Change", "read_only": 1, "allow_on_submit": 1,
         "in_list_view": 1},
    ],
    "permissions": [
        {"role": "System Manager", "read": 1, "write": 1, "create": 1, "delete": 1,
         "submit": 1, "cancel": 1},
        {"role": "Stock Manager", "read": 1, "write": 1, "create": 1, "delete": 1,
         "submit": 1, "cancel": 1},
    ],
}


def validate(ctx: Context, doc: Document) -> None:
    settings = company_settings(ctx, doc.company)
    if not doc.expense_account:
        doc.expense_account = settings["stock_adjustment_account"] \
            if doc.purpose != "Opening Stock" else f"Temporary Opening - {settings['abbr']}"
    seen = set()
    tracked = tracked_items(ctx, [r.item_code for r in doc.children("items")])
    for i, row in enumerate(doc.children("items"), start=1):
        item = tracked.get(row.item_code, {})
        key = (row.item_code, row.warehouse, row.batch_no or "")
        if key in seen:
            raise ValidationError(f"Items row {i}: {row.item_code} in {row.warehouse} is "
                                  "listed twice", field="items")
        seen.add(key)
        if row.qty < 0 or (row.valuation_rate is not None and row.valuation_rate < 0):
            raise ValidationError(f"Items row {i}: quantity and rate cannot be negative",
                                  field="items")
        current = query.select_rows(ctx, "Bin", fields=["actual_qty", "valuation_rate"],
                                    filters={"name": bin_name(row.item_code, row.warehouse)},
                                    limit=1)
        row.current_qty = current[0]["actual_qty"] if current else ZERO
        row.current_valuation_rate = current[0]["valuation_rate"] if current else ZERO
        _count_tracking(ctx, i, row, item)
        if row.valuation_rate is None:
            row.valuation_rate = row.current_valuation_rate
        if row.qty and not row.valuation_rate:
            raise ValidationError(f"Items row {i}: {row.item_code} needs a valuation rate",
                                  field="items")


def _count_tracking(ctx: Context, i: int, row: Document, item: dict) -> None:
    """What a batch or the serial numbers held before the count, and the count itself."""
    if item.get("has_batch_no"):
        if not row.batch_no:
            raise BatchError(f"Items row {i}: {row.item_code} is kept in batches; count "
                             "it a batch a line", field="items")
        row.current_qty = batch_held(ctx, row.item_code, row.warehouse, row.batch_no)
    elif row.batch_no:
        raise BatchError(f"Items row {i}: {row.item_code} is not kept in batches",
                         field="items")
    found = split_serials(row.serial_no)
    if item.get("has_serial_no"):
        before = serials_in(ctx, row.item_code, row.warehouse)
        row.current_serial_no = "\n".join(before)
        if len(found) != row.qty or len(set(found)) != len(found):
            raise SerialNoError(f"Items row {i}: {len(found)} different serial numbers "
                                f"found for a count of {shown(row.qty)}", field="items")
        row.serial_no = "\n".join(found)
    elif found:
        raise SerialNoError(f"Items row {i}: {row.item_code} has no serial numbers",
                            field="items")


def on_submit(ctx: Context, doc: Document) -> None:
    voucher = StockVoucher("Stock Reconciliation", doc.name or "", doc.posting_date,
                           doc.company)
    moves, owners = [], []
    for row in doc.children("items"):
        if row.current_qty:
            moves.append(StockMove(row.item_code, row.warehouse, -row.current_qty,
                                   voucher_detail_no=row.name or "",
                                   against_account=doc.expense_account,
                                   batch_no=row.batch_no or "",
                                   serial_nos=split_serials(row.current_serial_no)))
            owners.append(row)
        if row.qty:
            moves.append(StockMove(row.item_code, row.warehouse, row.qty, row.valuation_rate,
                                   row.name or "", batch_no=row.batch_no or "",
                                   serial_nos=split_serials(row.serial_no)))
            owners.append(row)
    changes = move_stock(ctx, voucher, moves)
    by_row: dict[str, Decimal] = {}
    for row, change in zip(owners, changes, strict=True):
        by_row[row.name] = by_row.get(row.name, ZERO) + change
    settings = company_settings(ctx, doc.company)
    lines, total = [], ZERO
    for row in doc.children("items"):
        change = by_row.get(row.name, ZERO)
        total += change
        query.update_row(ctx, "Stock Reconciliation Item", row.name or "",
                         {"amount_difference": change})
        account = warehouse_accounts(ctx, [row.warehouse])[row.warehouse]
        lines += [PostingLine(account, debit=max(change, ZERO), credit=max(-change, ZERO)),
                  PostingLine(doc.expense_account, debit=max(-change, ZERO),
                              credit=max(change, ZERO), cost_center=settings["cost_center"])]
    query.update_row(ctx, "Stock Reconciliation", doc.name or "", {"difference_amount": total})
    if total or any(line.debit for line in lines):
        post(ctx, Voucher("Stock Reconciliation", doc.name or "", doc.posting_date,
                          doc.company), lines)


def on_cancel(ctx: Context, doc: Document) -> None:
    reverse_stock(ctx, StockVoucher("Stock Reconciliation", doc.name or "", ctx.now.date(),
                                    doc.company))
    reverse(ctx, "Stock Reconciliation", doc.name or "")
