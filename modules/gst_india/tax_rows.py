"""The tax rows GST puts on a document, one per account: they replace the rows it made
before and any manual row on a GST account, so the taxes always equal the lines' GST.

Rows are "Actual" charges whose amounts are the sums of the lines' taxes, so the invoice
totals and posts exactly what the lines show. Reverse charge adds the input credit and
takes the liability back out (a negative row), so the supplier is owed the net amount
while both sides reach the ledger.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING

from modules.gst_india.accounts import (
    INPUT,
    OUTPUT,
    RCM_INPUT,
    RCM_OUTPUT,
    account_for,
    all_gst_accounts,
)
from modules.gst_india.states import BY_LABEL
from modules.gst_india.taxes import GstTaxes

if TYPE_CHECKING:
    from core.context import Context
    from core.document import Document

ZERO = Decimal(0)
TAX_ATTRS = (("CGST", "cgst"), ("SGST", "sgst"), ("IGST", "igst"), ("Cess", "cess"))


@dataclass(frozen=True)
class Booking:
    """Where a document's GST goes: the account kind its tax is credited or debited to,
    and for reverse charge the kind that takes the liability."""

    account_type: str
    liability_type: str | None = None
    ineligible_field: str | None = None   # line flag: book the tax to the line's account
    line_account_field: str | None = None


SALE_BOOKING = Booking(OUTPUT)
PURCHASE_BOOKING = Booking(INPUT, None, "is_ineligible_for_itc", "expense_account")
RCM_PURCHASE_BOOKING = Booking(RCM_INPUT, RCM_OUTPUT, "is_ineligible_for_itc",
                               "expense_account")


def replace_tax_rows(ctx: Context, doc: Document, taxes: GstTaxes,
                     booking: Booking | None) -> None:
    """``booking`` None: the document carries GST figures but no tax (the recipient pays
    under reverse charge, or nothing is charged)."""
    gst_accounts = all_gst_accounts(ctx, doc.company)
    manual = [row for row in doc.children("taxes")
              if not row.gst_tax_type and row.account_head not in gst_accounts]
    rows = _rows(ctx, doc, taxes, booking) if booking else []
    doc.values["taxes"] = []
    for values in rows:
        doc.append("taxes", values, ctx)
    for row in manual:
        doc.append("taxes", row)


def _rows(ctx: Context, doc: Document, taxes: GstTaxes, booking: Booking
          ) -> list[dict[str, object]]:
    sgst = BY_LABEL[doc.place_of_supply].tax or "SGST"
    amounts: dict[tuple[str, str, str | None, str], Decimal] = {}
    for row, line in zip(doc.children("items"), taxes.lines, strict=True):
        ineligible = bool(booking.ineligible_field and row.get(booking.ineligible_field))
        for tax, attr in TAX_ATTRS:
            amount: Decimal = getattr(line, attr)
            name = sgst if tax == "SGST" else tax
            if ineligible:  # blocked credit is part of the line's cost, in its cost center
                key = (tax, row.get(booking.line_account_field or ""), row.cost_center,
                       f"{name} (input credit not available)")
            else:
                key = (tax, account_for(ctx, doc.company, booking.account_type, tax), None,
                       name)
            amounts[key] = amounts.get(key, ZERO) + amount
            if booking.liability_type:
                key = (tax, account_for(ctx, doc.company, booking.liability_type, tax), None,
                       f"{name} payable under reverse charge")
                amounts[key] = amounts.get(key, ZERO) - amount
    return [{"charge_type": "Actual", "account_head": account, "cost_center": cost_center,
             "tax_amount": amount, "gst_tax_type": tax, "description": description}
            for (tax, account, cost_center, description), amount in amounts.items()
            if amount]
