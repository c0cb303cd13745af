"""Demo masters: a handful of customers, suppliers and items."""

from __future__ import annotations

from typing import TYPE_CHECKING

from modules.base.install import ensure

if TYPE_CHECKING:
    from core.context import Context

CUSTOMERS = [("Rao Traders", "Commercial"), ("Shah Steel", "Commercial"),
             ("Meera Iyer", "Individual"), ("Deccan Foods", "Commercial")]
SUPPLIERS = [("Pune Timber Co", "Raw Material"), ("Kaveri Logistics", "Services")]
ITEMS = [("CHAIR-OAK", "Oak Chair", "Products", "Nos", 1),
         ("TABLE-TEAK", "Teak Dining Table", "Products", "Nos", 1),
         ("VARNISH-1L", "Varnish 1 L", "Consumable", "Litre", 1),
         ("DELIVERY", "Delivery and Installation", "Services", "Nos", 0)]


def make_demo(ctx: Context) -> None:
    for name, group in CUSTOMERS:
        ensure(ctx, "Customer", name, {"customer_name": name, "customer_group": group,
                                       "territory": "India"})
    for name, group in SUPPLIERS:
        ensure(ctx, "Supplier", name, {"supplier_name": name, "supplier_group": group})
    for code, title, group, uom, stock in ITEMS:
        ensure(ctx, "Item", code, {"item_code": code, "item_name": title,
                                   "item_group": group, "stock_uom": uom,
                                   "is_stock_item": stock})
