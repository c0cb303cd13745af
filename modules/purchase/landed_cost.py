"""Landed costs: charges spread over receipt lines and added to the goods' value.

The charges are distributed by each line's amount in company currency (or by quantity),
each share rounded to the paisa and the last line taking what rounding left, so the
shares add up to the charges exactly. On submit every line's goods are revalued in the
stock ledger (an appended revaluation row on the receipt's movement; later issues are
revalued by the stock repost job) and the ledger gets the stock accounts Dr and the
charge accounts Cr. Cancelling appends the opposite revaluation and reverses the GL.
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING, Any

from core.db import query
from core.errors import ValidationError
from core.meta.fieldtypes import quantize
from modules.accounting.companies import company_precision, company_settings
from modules.accounting.posting import PostingLine, Voucher, post, reverse
from modules.inventory.ledger import revalue_receipt, warehouse_accounts

if TYPE_CHECKING:
    from core.context import Context
    from core.document import Document

ZERO = Decimal(0)


def check_receipts(ctx: Context, doc: Document) -> None:
    """Submitted receipts (not returns) of the company, dated on or before the voucher;
    their lines become the voucher's items."""
    names = [r.receipt_document for r in doc.children("purchase_receipts")]
    if not names:
        raise ValidationError("Add the purchase receipts whose goods the charges are for",
                              field="purchase_receipts")
    found = {r["name"]: r for r in query.select_rows(ctx, "Purchase Receipt", fields=[
        "name", "company", "docstatus", "is_return", "posting_date", "supplier", "total",
        "conversion_rate"], filters=[["name", "in", names]])}
    if len(set(names)) != len(names):
        raise ValidationError("A purchase receipt is listed twice", field="purchase_receipts")
    doc.values["items"] = []
    for i, row in enumerate(doc.children("purchase_receipts"), start=1):
        receipt = found.get(row.receipt_document)
        if receipt is None or receipt["docstatus"] != 1 or receipt["is_return"] or \
                receipt["company"] != doc.company:
            raise ValidationError(f"Purchase Receipts row {i}: {row.receipt_document} is "
                                  f"not a submitted purchase receipt of {doc.company}",
                                  field="purchase_receipts")
        if receipt["posting_date"] > doc.posting_date:
            raise ValidationError(f"Purchase Receipts row {i}: {row.receipt_document} is "
                                  f"dated after the voucher", field="posting_date")
        row.supplier, row.posting_date = receipt["supplier"], receipt["posting_date"]
        row.grand_total = receipt["total"]
        _add_items(ctx, doc, receipt)


def _add_items(ctx: Context, doc: Document, receipt: dict[str, Any]) -> None:
    precision = company_precision(ctx, doc.company)
    for line in query.select_rows(ctx, "Purchase Receipt Item", fields=[
            "name", "item_code", "stock_qty", "amount", "warehouse"], filters={
            "parent": receipt["name"], "parenttype": "Purchase Receipt"}, order_by="idx asc"):
        doc.append("items", {
            "item_code": line["item_code"], "receipt_document": receipt["name"],
            "purchase_receipt_item": line["name"], "warehouse": line["warehouse"],
            "qty": line["stock_qty"], "applicable_charges": ZERO,
            "amount": quantize(line["amount"] * receipt["conversion_rate"], precision)}, ctx)


def check_charges(ctx: Context, doc: Document) -> None:
    accounts = {r["name"]: r for r in query.select_rows(ctx, "Account", fields=[
        "name", "company", "is_group"], filters=[["name", "in", [
            t.expense_account for t in doc.children("taxes")]]])}
    if not doc.children("taxes"):
        raise ValidationError("Add the charges and the accounts they were booked to",
                              field="taxes")
    for i, tax in enumerate(doc.children("taxes"), start=1):
        account = accounts.get(tax.expense_account)
        if account is None or account["company"] != doc.company or account["is_group"]:
            raise ValidationError(f"Charges row {i}: {tax.expense_account} is not a ledger "
                                  f"account of {doc.company}", field="taxes")
        if (tax.amount or ZERO) <= 0:
            raise ValidationError(f"Charges row {i}: the amount must be above zero",
                                  field="taxes")
    doc.total_taxes_and_charges = sum((t.amount for t in doc.children("taxes")), ZERO)


def distribute(ctx: Context, doc: Document) -> None:
    """Each line's share of the charges, by amount or quantity; the last line takes what
    rounding leaves so the shares add up exactly."""
    rows = doc.children("items")
    basis = "amount" if doc.distribute_charges_based_on == "Amount" else "qty"
    whole = sum((r.get(basis) or ZERO for r in rows), ZERO)
    if not rows or whole <= 0:
        raise ValidationError(f"The receipts have no {basis} to spread the charges over",
                              field="distribute_charges_based_on")
    precision = company_precision(ctx, doc.company)
    charges, given = doc.total_taxes_and_charges, ZERO
    for row in rows[:-1]:
        row.applicable_charges = quantize(charges * (row.get(basis) or ZERO) / whole,
                                          precision)
        given += row.applicable_charges
    rows[-1].applicable_charges = charges - given


def add_to_stock(ctx: Context, doc: Document, sign: int = 1) -> list[PostingLine]:
    """Revalue every line's goods by its share (``sign`` -1 takes it back out); returns
    the stock account lines."""
    on = doc.posting_date if sign > 0 else ctx.now.date()
    accounts: dict[str, str] = {}
    lines = []
    for row in doc.children("items"):
        if not row.applicable_charges:
            continue
        revalue_receipt(ctx, "Purchase Receipt", row.receipt_document,
                        row.purchase_receipt_item, row.applicable_charges * sign, on)
        if row.warehouse not in accounts:
            accounts |= warehouse_accounts(ctx, [row.warehouse])
        lines.append(PostingLine(accounts[row.warehouse], debit=row.applicable_charges,
                                 remarks=f"Landed cost on {row.receipt_document}"))
    if sign > 0:
        cost_center = company_settings(ctx, doc.company)["cost_center"]
        post(ctx, Voucher("Landed Cost Voucher", doc.name or "", doc.posting_date,
                          doc.company), lines + [
            PostingLine(t.expense_account, credit=t.amount, cost_center=cost_center)
            for t in doc.children("taxes")])
    return lines


def take_from_stock(ctx: Context, doc: Document) -> None:
    add_to_stock(ctx, doc, -1)
    reverse(ctx, "Landed Cost Voucher", doc.name or "")
