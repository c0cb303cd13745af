"""Fulfilling what was requested: each purchase order line (for a purchase) or stock
entry line (for a transfer or an issue) made from a material request line counts
towards that line's ordered quantity, and the request's status follows. A document may
not ask for more than was requested and not yet fulfilled, nor fulfil a request of
another purpose or company."""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING, Any

from core import lifecycle
from core.db import query
from core.errors import ValidationError
from modules.purchase.errors import OverOrdering
from modules.purchase.lines import by_name, percent, show

if TYPE_CHECKING:
    from core.context import Context
    from core.document import Document

ZERO = Decimal(0)
FIELDS = ["item_code", "qty", "ordered_qty"]
# what each purpose's lines become, and the words of its status
DONE = {"Purchase": ("Ordered", "Partially Ordered"),
        "Material Transfer": ("Transferred", "Partially Transferred"),
        "Material Issue": ("Issued", "Partially Issued")}


def _requested(ctx: Context, order: Document) -> dict[str, dict[str, Any]]:
    return by_name(ctx, "Material Request Item", [
        r.material_request_item for r in order.children("items")
        if r.get("material_request_item")], FIELDS)


def _requests(ctx: Context, names: set[str]) -> dict[str, dict[str, Any]]:
    if not names:
        return {}
    return {r["name"]: r for r in query.select_rows(
        ctx, "Material Request", fields=["name", "company", "material_request_type"],
        filters=[["name", "in", sorted(names)]])}


def check_ordering(ctx: Context, order: Document, purpose: str = "Purchase") -> None:
    """``order``: a purchase order, or a stock entry of a transfer or issue."""
    requested = _requested(ctx, order)
    heads = _requests(ctx, {line["parent"] for line in requested.values()})
    asked: dict[str, Decimal] = {}
    for i, row in enumerate(order.children("items"), start=1):
        if not row.get("material_request_item"):
            continue
        line = requested.get(row.material_request_item)
        head = heads.get(line["parent"]) if line else None
        if line is None or line["docstatus"] != 1 or line["item_code"] != row.item_code \
                or line["parent"] != row.material_request or head is None \
                or head["company"] != order.company:
            raise ValidationError(f"Items row {i}: not a line of the submitted material "
                                  f"request {row.material_request} of {order.company}",
                                  field="items")
        if head["material_request_type"] != purpose:
            raise ValidationError(f"Items row {i}: {row.material_request} asks for a "
                                  f"{head['material_request_type'].lower()}, not a "
                                  f"{purpose.lower()}", field="items")
        asked[line["name"]] = asked.get(line["name"], ZERO) + row.qty
        open_qty = line["qty"] - (line["ordered_qty"] or ZERO)
        if asked[line["name"]] > open_qty:
            raise OverOrdering(f"Items row {i}: {show(row.qty)} of {row.item_code} is more than "
                               f"the {show(open_qty)} requested and not yet ordered",
                               field="items")


def record_ordering(ctx: Context, order: Document, sign: int) -> None:
    requested = _requested(ctx, order)
    if not requested:
        return
    ordered: dict[str, Decimal] = {}
    for row in order.children("items"):
        if row.get("material_request_item"):
            name = row.material_request_item
            ordered[name] = ordered.get(name, ZERO) + row.qty * sign
    query.update_rows(ctx, "Material Request Item", [
        {"name": name, "ordered_qty": (requested[name]["ordered_qty"] or ZERO) + qty}
        for name, qty in ordered.items()])
    for request in sorted({line["parent"] for line in requested.values()}):
        refresh_status(ctx, request)


def refresh_status(ctx: Context, request: str) -> None:
    lines = query.select_rows(ctx, "Material Request Item", fields=["qty", "ordered_qty"],
                              filters={"parent": request, "parenttype": "Material Request"})
    total = sum((r["qty"] for r in lines), ZERO)
    # a line ordered beyond its quantity does not make up for another one
    done = sum((min(r["ordered_qty"] or ZERO, r["qty"]) for r in lines), ZERO)
    full, partly = DONE[query.get_value(ctx, "Material Request", request,
                                        "material_request_type")]
    status = full if done >= total else partly if done else "Pending"
    query.update_row(ctx, "Material Request", request, {
        "per_ordered": percent(done, total), "status": status})


def make_purchase_order(ctx: Context, material_request: str) -> dict[str, Any]:
    """A draft purchase order for what the request has not ordered yet (not saved)."""
    request = lifecycle.get_doc(ctx, "Material Request", material_request)
    if request.docstatus != 1:
        raise ValidationError(f"{material_request} is not submitted",
                              field="material_request")
    if request.material_request_type != "Purchase":
        raise ValidationError(f"{material_request} asks for a "
                              f"{request.material_request_type.lower()}, not a purchase",
                              field="material_request")
    today = ctx.now.date()
    # a need already past is needed as soon as possible: no earlier than the order
    items = [{"item_code": r.item_code, "item_name": r.item_name,
              "qty": r.qty - (r.ordered_qty or ZERO), "warehouse": r.warehouse,
              "schedule_date": max(r.schedule_date, today), "material_request": request.name,
              "material_request_item": r.name}
             for r in request.children("items") if r.qty > (r.ordered_qty or ZERO)]
    if not items:
        raise ValidationError(f"{material_request} is fully ordered",
                              field="material_request")
    return {"doctype": "Purchase Order", "company": request.company,
            "transaction_date": today,
            "items": items}


def make_stock_entry(ctx: Context, material_request: str) -> dict[str, Any]:
    """A draft stock entry (not saved) that moves to each line's warehouse (a transfer,
    from the request's Transfer From) or issues from it what is not done yet."""
    request = lifecycle.get_doc(ctx, "Material Request", material_request)
    if request.docstatus != 1:
        raise ValidationError(f"{material_request} is not submitted",
                              field="material_request")
    purpose = request.material_request_type
    if purpose not in ("Material Transfer", "Material Issue"):
        raise ValidationError(f"{material_request} asks for a purchase: make a purchase "
                              "order", field="material_request")
    transfer = purpose == "Material Transfer"
    items = [{"item_code": r.item_code, "qty": r.qty - (r.ordered_qty or ZERO),
              "s_warehouse": request.set_from_warehouse if transfer else r.warehouse,
              "t_warehouse": r.warehouse if transfer else None,
              "material_request": request.name, "material_request_item": r.name}
             for r in request.children("items") if r.qty > (r.ordered_qty or ZERO)]
    if not items:
        raise ValidationError(f"{material_request} is fully "
                              f"{DONE[purpose][0].lower()}", field="material_request")
    return {"doctype": "Stock Entry", "stock_entry_type": purpose,
            "company": request.company, "posting_date": ctx.now.date(), "items": items}
