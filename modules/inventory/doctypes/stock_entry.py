"""Stock Entry: goods received into, issued from, moved between warehouses, or repacked.

With perpetual inventory every entry posts its value: a receipt debits the warehouse's
stock account against the difference account (Stock Adjustment by default), an issue the
reverse, a transfer moves value between the two warehouses' accounts. A repack consumes
its source lines at their valuation and brings its target lines in carrying that value
(shared by the targets' rate x quantity when given, else by quantity).
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

from core.db import query
from core.errors import ValidationError
from modules.accounting.companies import company_settings
from modules.accounting.posting import PostingLine, Voucher, post, reverse
from modules.inventory.ledger import StockVoucher, move_stock, reverse_stock, warehouse_accounts
from modules.inventory.stock_lines import (
    assign_tracking,
    line_move,
    per_stock_unit,
    prepare_lines,
)

if TYPE_CHECKING:
    from core.context import Context
    from core.document import Document

TYPES = ("Material Receipt", "Material Issue", "Material Transfer", "Repack")
REPACK = TYPES[3]
ZERO = Decimal(0)

DOCTYPE = {
    "name": "Stock Entry",
    "autoname": "MAT-STE-.YYYY.-.#####",
    "is_submittable": 1,
    "title_field": "stock_entry_type",
    "sort_field": "posting_date",
    "fields": [
        {"fieldname": "stock_entry_type", "fieldtype": "Select", "label": "Type",
         "options": "\n".join(TYPES), "reqd": 1, "in_list_view": 1,
         "in_standard_filter": 1},
        {"fieldname": "company", "fieldtype": "Link", "options": "Company",
         "label": "Company", "reqd": 1},
        {"fieldname": "posting_date", "fieldtype": "Date", "label": "Posting Date",
         "reqd": 1, "default": "Today", "in_list_view": 1},
        {"fieldname": "from_warehouse", "fieldtype": "Link", "options": "Warehouse",
         "label": "Default Source Warehouse"},
        {"fieldname": "to_warehouse", "fieldtype": "Link", "options": "Warehouse",
         "label": "Default Target Warehouse"},
        {"fieldname": "items", "fieldtype": "Table", "options": "Stock Entry Detail",
         "label": "Items", "reqd": 1},
        {"fieldname": "total_amount", "fieldtype": "Currency", "label": "Total Value",
         "read_only": 1, "in_list_view": 1, "allow_on_submit": 1},
        {"fieldname": "remarks", "fieldtype": "Small Text", "label": "Remarks"},
    ],
    "permissions": [
        {"role": "System Manager", "read": 1, "write": 1, "create": 1, "delete": 1,
         "submit": 1, "cancel": 1},
        {"role": "Stock Manager", "read": 1, "write": 1, "create": 1, "delete": 1,
         "submit": 1, "cancel": 1},
        {"role": "Stock User", "read": 1, "write": 1, "create": 1, "submit": 1},
    ],
}


def validate(ctx: Context, doc: Document) -> None:
    kind = doc.stock_entry_type
    warehouses = {r["name"]: r for r in query.select_rows(
        ctx, "Warehouse", fields=["name", "company", "is_group"],
        filters={"company": doc.company})}
    for i, row in enumerate(doc.children("items"), start=1):
        row.s_warehouse = row.s_warehouse or (doc.from_warehouse if kind != TYPES[0] else None)
        row.t_warehouse = row.t_warehouse or (doc.to_warehouse if kind != TYPES[1] else None)
        need = _repack_side(row, i) if kind == REPACK else {
            "Material Receipt": ("t_warehouse",), "Material Issue": ("s_warehouse",),
            "Material Transfer": ("s_warehouse", "t_warehouse")}[kind]
        for field in need:
            found = warehouses.get(row.get(field))
            if found is None or found["is_group"]:
                raise ValidationError(f"Items row {i}: choose a {field.replace('_', ' ')} "
                                      f"(a warehouse of {doc.company}, not a group)",
                                      field="items")
        if (row.qty or ZERO) <= 0:
            raise ValidationError(f"Items row {i}: quantity must be above zero",
                                  field="items")
        if kind in (TYPES[0], REPACK) and row.basic_rate is not None and row.basic_rate < 0 \
                or kind == TYPES[0] and row.basic_rate is None:
            raise ValidationError(f"Items row {i}: a receipt needs the rate it came in at",
                                  field="items")
        if not query.get_value(ctx, "Item", row.item_code, "is_stock_item"):
            raise ValidationError(f"Items row {i}: {row.item_code} is not a stock item",
                                  field="items")
    if kind == REPACK and not ({bool(r.s_warehouse) for r in doc.children("items")}
                               == {True, False}):
        raise ValidationError("A repack consumes some lines (source warehouse) and makes "
                              "others (target warehouse): give both", field="items")
    prepare_lines(ctx, doc, doc.children("items"), _is_receipt)


def _repack_side(row: Document, i: int) -> tuple[str, ...]:
    if bool(row.s_warehouse) == bool(row.t_warehouse):
        raise ValidationError(f"Items row {i}: a repack line is consumed from a source "
                              "warehouse or made into a target warehouse, not both",
                              field="items")
    return ("s_warehouse",) if row.s_warehouse else ("t_warehouse",)


def _is_receipt(row: Document) -> bool:
    return not row.s_warehouse


def before_submit(ctx: Context, doc: Document) -> None:
    assign_tracking(ctx, doc, doc.children("items"), _is_receipt)


def _voucher(doc: Document, on: object = None) -> StockVoucher:
    # a stock entry may move or write off an expired batch; sales may not issue it
    return StockVoucher("Stock Entry", doc.name or "", on or doc.posting_date, doc.company,
                        allow_expired_batches=True)


def on_submit(ctx: Context, doc: Document) -> None:
    if doc.stock_entry_type == REPACK:
        _repack(ctx, doc)
        return
    moves = []
    difference = company_settings(ctx, doc.company)["stock_adjustment_account"]
    for row in doc.children("items"):
        if row.s_warehouse:
            against = (row.expense_account or difference) \
                if doc.stock_entry_type == TYPES[1] else ""
            moves.append(line_move(row, row.s_warehouse, -1, against_account=against))
        if row.t_warehouse and doc.stock_entry_type == TYPES[0]:
            moves.append(line_move(row, row.t_warehouse, 1,
                                   per_stock_unit(row.basic_rate, row)))
    changes = iter(move_stock(ctx, _voucher(doc), moves))
    lines: list[PostingLine] = []
    settings = company_settings(ctx, doc.company)
    difference_account = settings["stock_adjustment_account"]
    total = ZERO
    for row in doc.children("items"):
        out_value = -next(changes) if row.s_warehouse else ZERO
        if doc.stock_entry_type == TYPES[2]:  # the value leaving comes in at the target
            move_stock(ctx, _voucher(doc), [line_move(row, row.t_warehouse, 1,
                                                      out_value / row.stock_qty)])
        value = next(changes) if doc.stock_entry_type == TYPES[0] else out_value
        row.amount = value
        total += value
        lines += _lines(ctx, doc, row, value, row.expense_account or difference_account,
                        row.cost_center or settings["cost_center"])
    doc.total_amount = total
    query.update_row(ctx, "Stock Entry", doc.name or "", {"total_amount": total})
    for row in doc.children("items"):
        query.update_row(ctx, "Stock Entry Detail", row.name or "", {"amount": row.amount})
    if any(line.debit or line.credit for line in lines):
        post(ctx, Voucher("Stock Entry", doc.name or "", doc.posting_date, doc.company),
             lines)


def _lines(ctx: Context, doc: Document, row: Document, value: Decimal,
           difference_account: str, cost_center: str) -> list[PostingLine]:
    def account(warehouse: str) -> str:
        return warehouse_accounts(ctx, [warehouse])[warehouse]

    kind = doc.stock_entry_type
    if kind == TYPES[0]:
        return [PostingLine(account(row.t_warehouse), debit=value),
                PostingLine(difference_account, credit=value, cost_center=cost_center)]
    if kind == TYPES[1]:
        return [PostingLine(difference_account, debit=value, cost_center=cost_center),
                PostingLine(account(row.s_warehouse), credit=value)]
    return [PostingLine(account(row.t_warehouse), debit=value),
            PostingLine(account(row.s_warehouse), credit=value)]


def _repack(ctx: Context, doc: Document) -> None:
    rows = doc.children("items")
    sources = [r for r in rows if r.s_warehouse]
    targets = [r for r in rows if r.t_warehouse]
    taken = move_stock(ctx, _voucher(doc), [line_move(r, r.s_warehouse, -1)
                                            for r in sources])
    consumed = -sum(taken, ZERO)
    shares = _shares(consumed, [(r.basic_rate or ZERO) * r.qty for r in targets]
                     if all(r.basic_rate for r in targets) else [r.stock_qty for r in targets])
    made = move_stock(ctx, _voucher(doc), [line_move(r, r.t_warehouse, 1, share / r.stock_qty)
                                           for r, share in zip(targets, shares, strict=True)])
    for row, value in zip(sources + targets, [-v for v in taken] + list(made), strict=True):
        row.amount = value
        query.update_row(ctx, "Stock Entry Detail", row.name or "", {"amount": value})
    total = sum(made, ZERO)
    query.update_row(ctx, "Stock Entry", doc.name or "", {"total_amount": total})
    accounts = warehouse_accounts(ctx, [r.s_warehouse or r.t_warehouse for r in rows])
    lines = [PostingLine(accounts[r.s_warehouse], credit=-v) for r, v in zip(sources, taken,
                                                                            strict=True)]
    lines += [PostingLine(accounts[r.t_warehouse], debit=v) for r, v in zip(targets, made,
                                                                            strict=True)]
    settings = company_settings(ctx, doc.company)
    rounding = consumed - total  # what valuing the made goods to the paisa left over
    if rounding:
        lines.append(PostingLine(settings["stock_adjustment_account"],
                                 debit=max(rounding, ZERO), credit=max(-rounding, ZERO),
                                 cost_center=settings["cost_center"]))
    if any(line.debit or line.credit for line in lines):
        post(ctx, Voucher("Stock Entry", doc.name or "", doc.posting_date, doc.company),
             lines)


def _shares(total: Decimal, weights: list[Decimal]) -> list[Decimal]:
    """``total`` split in proportion to ``weights`` to the paisa; the last share takes
    what rounding leaves, so the shares add up to the total exactly."""
    whole = sum(weights, ZERO)
    cent = Decimal("0.01")
    shares = [(total * w / whole).quantize(cent) if whole else ZERO for w in weights[:-1]]
    return shares + [total - sum(shares, ZERO)]


def on_cancel(ctx: Context, doc: Document) -> None:
    reverse_stock(ctx, _voucher(doc, ctx.now.date()))
    reverse(ctx, "Stock Entry", doc.name or "")
