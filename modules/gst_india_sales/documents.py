"""The GST a quotation, sales order or delivery note carries: the field contract of a
sales invoice, computed the same way on the document's own date, and totalled by
selling's ``retotal``. The tax rows name the output tax accounts; the document posts
nothing (its invoice does, with GST worked out again on the invoice's date)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from modules.gst_india.carried import carry_choices
from modules.gst_india.fields import document_fields
from modules.gst_india.invoices import SALE, apply_gst
from modules.sales.lines import retotal

if TYPE_CHECKING:
    from core.context import Context
    from core.document import Document

CUSTOMER_ADDRESS: dict[str, Any] = {
    "fieldname": "customer_address", "fieldtype": "Link", "options": "Address",
    "label": "Billing Address",
    "description": "Its state is the place of supply; the customer's primary address "
                   "when empty"}


def sales_document_fields() -> list[dict[str, Any]]:
    section, *rest = document_fields("billing_gstin", "Customer GSTIN")
    return [section, CUSTOMER_ADDRESS, *rest]


def gst_validate(date_field: str) -> Callable[[Context, Document], None]:
    """The ``validate`` handler of a selling document dated by ``date_field``."""

    def validate(ctx: Context, doc: Document) -> None:
        apply_gst(ctx, doc, SALE, retotal, date_field=date_field)

    return validate


def carried_from(*links: tuple[str, str]) -> Callable[[Context, Document], None]:
    """The ``before_insert`` handler of a document made from the ``links``' doctypes."""

    def before_insert(ctx: Context, doc: Document) -> None:
        carry_choices(ctx, doc, links)

    return before_insert
