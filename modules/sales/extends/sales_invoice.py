"""What selling adds to a sales invoice: pricing rules on its lines, billing the
delivery notes and sales orders it was made from, and the customer's credit limit."""

from __future__ import annotations

from typing import TYPE_CHECKING

from modules.sales import billing, credit
from modules.sales.pricing.apply import price_document

if TYPE_CHECKING:
    from core.context import Context
    from core.document import Document

EXTENDS = "Sales Invoice"
FIELDS: list[dict[str, object]] = [
    {"fieldname": "ignore_pricing_rule", "fieldtype": "Check",
     "label": "Ignore Pricing Rule", "insert_after": "selling_price_list"},
]


def before_validate(ctx: Context, doc: Document) -> None:
    # before accounting's validate, which computes the line amounts from the rates
    price_document(ctx, doc)


def validate(ctx: Context, doc: Document) -> None:
    billing.check_billing(ctx, doc)


def on_submit(ctx: Context, doc: Document) -> None:
    billing.record_billing(ctx, doc, 1)
    credit.check_invoice(ctx, doc)


def on_cancel(ctx: Context, doc: Document) -> None:
    billing.record_billing(ctx, doc, -1)
