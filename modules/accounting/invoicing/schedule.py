"""Due dates from payment terms: one schedule row per instalment, the last one's date is
the invoice's due date. The instalments' amounts add up to the grand total exactly (the
last one takes what rounding leaves)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import TYPE_CHECKING

from core.db import query
from core.meta.fieldtypes import quantize

if TYPE_CHECKING:
    from core.context import Context
    from core.document import Document
    from modules.accounting.invoicing.side import Side

HUNDRED = Decimal(100)


def set_schedule(ctx: Context, doc: Document, side: Side, precision: int) -> None:
    template = doc.payment_terms_template or query.get_value(
        ctx, side.party_type, doc.get(side.party_field), "payment_terms")
    doc.payment_terms_template = template
    if not template or doc.is_return:
        doc.values["payment_schedule"] = []
        return
    terms = query.select_rows(ctx, "Payment Terms Template Detail", fields=[
        "description", "invoice_portion", "credit_days"],
        filters={"parent": template, "parenttype": "Payment Terms Template"},
        order_by="idx asc")
    rows, allotted = [], Decimal(0)
    for i, term in enumerate(terms):
        last = i == len(terms) - 1
        amount = doc.grand_total - allotted if last else quantize(
            doc.grand_total * term["invoice_portion"] / HUNDRED, precision)
        allotted += amount
        rows.append({"description": term["description"], "invoice_portion":
                     term["invoice_portion"], "payment_amount": amount,
                     "due_date": doc.posting_date + dt.timedelta(days=term["credit_days"] or 0)})
    doc.values["payment_schedule"] = []
    for row in rows:
        doc.append("payment_schedule", row, ctx)
    doc.due_date = max(r["due_date"] for r in rows)
