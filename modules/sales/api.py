"""Selling's whitelisted methods: ``/api/method/sales.<function>``."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from core import lifecycle, perms
from core.api.whitelist import whitelist
from core.document import jsonable
from core.errors import ValidationError
from modules.sales import invoicing, ordering, quoting
from modules.sales.pricing.apply import PRICED, price_document

if TYPE_CHECKING:
    from core.context import Context


@whitelist()
def make_sales_invoice(ctx: Context, source_name: str,
                       source_doctype: str = "Delivery Note") -> dict[str, Any]:
    """A draft Sales Invoice (not saved) for what a delivery note (the default) or a
    sales order (``source_doctype=Sales Order``) has not billed yet."""
    if source_doctype in invoicing.SOURCES:
        perms.require(ctx, source_doctype, "read")
    perms.require(ctx, "Sales Invoice", "create")
    return jsonable(invoicing.make_sales_invoice(ctx, source_name, source_doctype))


@whitelist()
def make_delivery_note(ctx: Context, source_name: str) -> dict[str, Any]:
    """A draft Delivery Note (not saved) for what a sales order has not delivered yet."""
    perms.require(ctx, "Sales Order", "read")
    perms.require(ctx, "Delivery Note", "create")
    return jsonable(ordering.make_delivery_note(ctx, source_name))


@whitelist()
def make_sales_order(ctx: Context, source_name: str) -> dict[str, Any]:
    """A draft Sales Order (not saved) for what a quotation has not had ordered yet."""
    perms.require(ctx, "Quotation", "read")
    perms.require(ctx, "Sales Order", "create")
    return jsonable(quoting.make_sales_order(ctx, source_name))


@whitelist(methods=("POST",))
def declare_quotation_lost(ctx: Context, source_name: str, reason: str = "") -> dict:
    """Mark an open or expired quotation lost."""
    perms.require(ctx, "Quotation", "write")
    quoting.declare_lost(ctx, source_name, reason)
    return {"name": source_name, "status": "Lost"}


@whitelist()
def apply_pricing_rule(ctx: Context, doc: dict[str, Any]) -> list[dict[str, Any]]:
    """The lines of a draft quotation, order, delivery note or invoice priced by the
    price list and pricing rules, as they would be saved (nothing is written)."""
    doctype = doc.get("doctype") if isinstance(doc, dict) else None
    if doctype not in PRICED:
        raise ValidationError(f"doctype must be one of {', '.join(PRICED)}", field="doctype")
    perms.require(ctx, doctype, "read")
    draft = lifecycle.new_doc(ctx, doctype, {k: v for k, v in doc.items() if k != "doctype"})
    price_document(ctx, draft)
    return [jsonable(row.as_dict()) for row in draft.children("items")]
