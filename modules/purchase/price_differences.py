"""A bill's lines from a receipt clear Stock Received But Not Billed at the value the
receipt credited it with, whatever the bill's exchange rate or price.

The invoice's own posting debits the account with the bill's value (its amount at its
exchange rate). When that differs from what the receipt credited for the quantity
billed, the difference leaves the account again in the same voucher:

- exchange difference: the quantity at the receipt's price, at the bill's rate minus at
  the receipt's rate -> the company's Exchange Gain / Loss account;
- price difference: what the bill charges above (below) the receipt's price, at the
  bill's rate -> the company's Stock Adjustment account (the goods are valued at the
  receipt's price in the stock ledger).

So the account is back to zero once everything received is billed, to the paisa of the
receipt's own rounding; a debit note (negative lines) takes back the same way.
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

from core.db import query
from core.errors import ValidationError
from core.meta.fieldtypes import quantize
from modules.accounting.companies import company_settings, currency_precision
from modules.accounting.posting import PostingLine, Voucher, post
from modules.purchase.receiving import received_not_billed

if TYPE_CHECKING:
    from core.context import Context
    from core.document import Document

ZERO = Decimal(0)


def post_differences(ctx: Context, doc: Document) -> None:
    rows = [r for r in doc.children("items") if r.get("pr_detail")]
    if not rows:
        return
    lines = {r["name"]: r for r in query.select_rows(
        ctx, "Purchase Receipt Item", fields=["name", "parent", "rate", "uom",
                                          "conversion_factor"],
        filters=[["name", "in", sorted({r.pr_detail for r in rows})]])}
    rates = {r["name"]: r["conversion_rate"] for r in query.select_rows(
        ctx, "Purchase Receipt", fields=["name", "conversion_rate"],
        filters=[["name", "in", sorted({line["parent"] for line in lines.values()})]])}
    billed = received = exchange = ZERO
    for row in rows:
        line = lines[row.pr_detail]
        factor = line["conversion_factor"] or 1
        if row.get("uom") and row.uom != line["uom"]:
            factor = row.conversion_factor or 1
        units = row.qty * factor  # stock units billed
        price = line["rate"] / (line["conversion_factor"] or 1)  # per stock unit
        billed += row.amount * doc.conversion_rate
        received += units * price * rates[line["parent"]]
        exchange += units * price * (doc.conversion_rate - rates[line["parent"]])
    settings = company_settings(ctx, doc.company)
    precision = currency_precision(ctx, settings["default_currency"])
    excess = quantize(billed, precision) - quantize(received, precision)
    if not excess:
        return
    exchange = quantize(exchange, precision)
    posting = [_line(received_not_billed(ctx, doc.company), -excess),
               _line(_account(settings, "exchange_gain_loss_account", doc), exchange),
               _line(_account(settings, "stock_adjustment_account", doc), excess - exchange)]
    post(ctx, Voucher("Purchase Invoice", doc.name or "", doc.posting_date, doc.company),
         [line for line in posting if line.debit or line.credit])


def _line(account: str, amount: Decimal) -> PostingLine:
    return PostingLine(account=account, debit=max(amount, ZERO), credit=max(-amount, ZERO))


def _account(settings: dict, field: str, doc: Document) -> str:
    account = settings.get(field)
    if not account:
        label = field.replace("_", " ").replace(" account", "").title()
        raise ValidationError(f"{doc.company} has no {label} account, needed to book the "
                              "difference between this bill and its receipt",
                              field="items")
    return account
