"""Draft invoices made from a delivery note or a sales order, for what is not yet billed."""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING, Any

from core import lifecycle
from core.errors import ValidationError
from modules.sales.lines import carried_taxes
from modules.sales.ordering import PLACES, in_stock_units, order_lines, priced

if TYPE_CHECKING:
    from core.context import Context
    from core.document import Document

ZERO = Decimal(0)
SOURCES = ("Delivery Note", "Sales Order")


def make_sales_invoice(ctx: Context, source_name: str,
                       source_doctype: str = "Delivery Note") -> dict[str, Any]:
    """A draft invoice (not saved) for what the delivery note or sales order has not
    billed yet. Lines keep the source's rates and carry their links back to it."""
    if source_doctype not in SOURCES:
        raise ValidationError(f"An invoice is made from a {' or a '.join(SOURCES)}, not a "
                              f"{source_doctype}", field="source_doctype")
    source = lifecycle.get_doc(ctx, source_doctype, source_name)
    if source.docstatus != 1:
        raise ValidationError(f"{source_name} is not submitted", field="source_name")
    items = _from_note(ctx, source) if source_doctype == "Delivery Note" \
        else _from_order(source)
    if not items:
        raise ValidationError(f"{source_name} is fully billed", field="source_name")
    first = not any(r.billed_qty for r in source.children("items"))
    return {"doctype": "Sales Invoice", "customer": source.customer,
            "company": source.company, "posting_date": ctx.now.date(),
            "selling_price_list": source.selling_price_list, "items": items,
            "taxes": carried_taxes(source, first)}


def _from_note(ctx: Context, note: Document) -> list[dict[str, Any]]:
    """Each line's unbilled quantity, and no more than its order line has left to bill
    (that order line may have been billed straight from the order meanwhile)."""
    ordered = order_lines(ctx, [r.so_detail for r in note.children("items")
                                if r.get("so_detail")])
    items = []
    for row in note.children("items"):
        qty = row.qty - (row.billed_qty or ZERO)
        line = ordered.get(row.get("so_detail") or "")
        if line is not None:  # the order's unbilled quantity, in this line's unit
            left = in_stock_units(line["qty"] - (line["billed_qty"] or ZERO), line)
            qty = min(qty, (left / (row.conversion_factor or 1)).quantize(PLACES))
        if qty > 0:
            items.append({"item_code": row.item_code, "item_name": row.item_name,
                          "rate": row.rate, "qty": qty, "uom": row.uom,
                          "delivery_note": note.name,
                          "dn_detail": row.name, "sales_order": row.against_sales_order,
                          "so_detail": row.so_detail, **priced(row)})
    return items


def _from_order(order: Document) -> list[dict[str, Any]]:
    return [{"item_code": r.item_code, "item_name": r.item_name, "rate": r.rate,
             "qty": r.qty - (r.billed_qty or ZERO), "uom": r.uom, "warehouse": r.warehouse,
             "sales_order": order.name, "so_detail": r.name, **priced(r)}
            for r in order.children("items") if r.qty > (r.billed_qty or ZERO)]
