"""Builders for discount scenarios: Pune Furniture's shop with chairs, pens and
notebooks in stock and listed in Standard Selling, two customers, a counter profile
that takes cash, and small helpers for schemes, coupons and the three documents.

    Stock (received 2026-05-01)        cost      list price
        CHAIR (Seating < Furniture)    600.00    1,049.50   20 units
        PEN   (Products)                10.00       25.00   50 units
        NOTEBOOK (Products)             30.00       60.00   50 units
    Rao Traders: Commercial;  Anand Stores: Individual.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from core import lifecycle
from core.context import Context
from core.db import query
from core.document import Document
from modules.inventory.tests.builders import (
    CO,
    STORES,
    make_item,
    make_party,
    receive,
    stock_books,
)
from tests.fixtures import TenantHandle

D = Decimal
PRICE_LIST, PROFILE = "Standard Selling", "Counter 1"
RAO, ANAND = "Rao Traders", "Anand Stores"
DEBTORS, SALES, COGS, STOCK = ("Debtors - PF", "Sales - PF", "Cost of Goods Sold - PF",
                               "Stock In Hand - PF")


def insert(ctx: Context, doctype: str, values: dict[str, Any]) -> Document:
    return lifecycle.insert(ctx, lifecycle.new_doc(ctx, doctype, values))


def shop(site: Any, modules: tuple[str, ...] = ("discounts",)) -> TenantHandle:
    handle = stock_books(site, modules)
    with handle.tx() as ctx:
        insert(ctx, "Price List", {"price_list_name": PRICE_LIST, "selling": 1})
        insert(ctx, "Item Group", {"item_group_name": "Furniture", "is_group": 1,
                                   "parent_item_group": "All Item Groups"})
        insert(ctx, "Item Group", {"item_group_name": "Seating",
                                   "parent_item_group": "Furniture"})
        for code, group, qty, cost, price in (("CHAIR", "Seating", 20, 600, "1049.50"),
                                              ("PEN", "Products", 50, 10, 25),
                                              ("NOTEBOOK", "Products", 50, 30, 60)):
            make_item(ctx, code, group=group)
            receive(ctx, code, qty, cost)
            insert(ctx, "Item Price", {"item_code": code, "price_list": PRICE_LIST,
                                       "price_list_rate": price})
        make_party(ctx, "Customer", RAO)
        insert(ctx, "Customer", {"customer_name": ANAND, "customer_group": "Individual"})
    return handle


def scheme(ctx: Context, title: str, **values: Any) -> str:
    """A promotional scheme of Pune Furniture (apply_on Item Code unless given)."""
    items = values.pop("items", [])
    rows = [{"item_group": i} if values.get("apply_on") == "Item Group"
            else {"item_code": i} for i in items]
    return insert(ctx, "Promotional Scheme", {"title": title, "company": CO,
                                              "items": rows, **values}).name or ""


def coupon(ctx: Context, code: str, scheme_name: str, **values: Any) -> str:
    return insert(ctx, "Coupon Code", {"coupon_code": code,
                                       "promotional_scheme": scheme_name,
                                       **values}).name or ""


def lines(items: list[tuple[Any, ...]]) -> list[dict[str, Any]]:
    """(item, qty) lines priced from the list, or (item, qty, rate) at a rate by hand."""
    return [{"item_code": code, "qty": qty, **({"rate": more[0]} if more else {})}
            for code, qty, *more in items]


def invoice(ctx: Context, items: list[tuple[Any, ...]], customer: str = RAO,
            date: str = "2026-05-04", docstatus: int = 1, **extra: Any) -> Document:
    """A sales invoice that takes its goods out of Stores, priced from the list."""
    return insert(ctx, "Sales Invoice", {
        "customer": customer, "company": CO, "posting_date": date, "update_stock": 1,
        "set_warehouse": STORES, "selling_price_list": PRICE_LIST,
        "items": lines(items), "docstatus": docstatus} | extra)


def order(ctx: Context, items: list[tuple[Any, ...]], customer: str = RAO,
          date: str = "2026-05-04", docstatus: int = 1, **extra: Any) -> Document:
    return insert(ctx, "Sales Order", {
        "customer": customer, "company": CO, "transaction_date": date,
        "selling_price_list": PRICE_LIST, "items": lines(items),
        "docstatus": docstatus, **extra})


def counter(ctx: Context, users: tuple[str, ...] = ("admin",)) -> None:
    """A counter profile taking cash at list prices, and each cashier's open session."""
    insert(ctx, "POS Profile", {
        "pos_profile_name": PROFILE, "company": CO, "warehouse": STORES,
        "selling_price_list": PRICE_LIST, "customer": RAO,
        "payments": [{"mode_of_payment": "Cash", "default": 1}],
        "users": [{"user": u} for u in users]})
    for user in users:
        insert(ctx, "POS Opening Entry", {
            "pos_profile": PROFILE, "user": user, "posting_date": "2026-05-04",
            "balance_details": [{"mode_of_payment": "Cash", "opening_amount": 1000}],
            "docstatus": 1})


def pos_sale(items: list[tuple[Any, ...]], paid: Any, **extra: Any) -> dict[str, Any]:
    """A POS Invoice as a terminal sends it."""
    return {"pos_profile": PROFILE, "posting_date": "2026-05-04", "items": lines(items),
            "payments": [{"mode_of_payment": "Cash", "amount": paid}], **extra}


def line_view(doc: Document) -> list[tuple[str, Decimal, Decimal, Decimal, str | None,
                                           int]]:
    """Every line: item, qty, rate, amount, schemes, free."""
    return [(r.item_code, r.qty, r.rate, r.amount, r.promotional_scheme,
             r.is_free_item) for r in doc.children("items")]


def stock_of(ctx: Context, item: str) -> Decimal:
    return query.get_value(ctx, "Bin", {"item_code": item, "warehouse": STORES},
                           "actual_qty")


def used(ctx: Context, code: str) -> int:
    return query.get_value(ctx, "Coupon Code", code, "used")
