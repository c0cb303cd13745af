"""Builders for point-of-sale scenarios: a shop with pens and notebooks in stock, three
modes of payment (Cash, Card, UPI), a counter profile and its cashier's session."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from core import lifecycle
from core.context import Context
from core.document import Document
from modules.inventory.tests.builders import CO, STORES, make_item, receive, stock_books
from tests.fixtures import TenantHandle

D = Decimal
PROFILE, PRICE_LIST = "Counter 1", "Standard Selling"
PEN_BARCODE = "8901000000017"
GST = [{"account_head": f"Output Tax {t} - PF", "rate": 9} for t in ("CGST", "SGST")]


def pos_books(site: Any, modules: tuple[str, ...] = ()) -> TenantHandle:
    """Pune Furniture with the pos module (and ``modules``); Card and UPI modes with their
    own accounts."""
    handle = stock_books(site, ("pos", *modules))
    with handle.tx() as ctx:
        for mode, kind in (("Card", "Bank"), ("UPI", "Phone")):
            account = lifecycle.insert(ctx, lifecycle.new_doc(ctx, "Account", {
                "account_name": f"{mode} Clearing", "company": CO,
                "parent_account": "Bank Accounts - PF", "account_type": "Bank",
                "root_type": "Asset", "account_currency": "INR"})).name
            lifecycle.insert(ctx, lifecycle.new_doc(ctx, "Mode of Payment", {
                "mode_of_payment": mode, "type": kind,
                "accounts": [{"company": CO, "default_account": account}]}))
        lifecycle.insert(ctx, lifecycle.new_doc(ctx, "Price List", {
            "price_list_name": PRICE_LIST, "selling": 1}))
    return handle


def stocked_item(ctx: Context, code: str, qty: Any, cost: Any, price: Any,
                 **extra: Any) -> str:
    """An item received into Stores at ``cost`` and listed at ``price``."""
    make_item(ctx, code, **extra)
    receive(ctx, code, qty, cost)
    lifecycle.insert(ctx, lifecycle.new_doc(ctx, "Item Price", {
        "item_code": code, "price_list": PRICE_LIST, "price_list_rate": price}))
    return code


def make_profile(ctx: Context, users: tuple[str, ...] = ("admin",),
                 taxes: list[dict[str, Any]] | None = None, name: str = PROFILE,
                 **extra: Any) -> str:
    return lifecycle.insert(ctx, lifecycle.new_doc(ctx, "POS Profile", {
        "pos_profile_name": name, "company": CO, "warehouse": STORES,
        "selling_price_list": PRICE_LIST,
        "payments": [{"mode_of_payment": "Cash", "default": 1},
                     {"mode_of_payment": "Card"}, {"mode_of_payment": "UPI"}],
        "users": [{"user": u} for u in users], "taxes": taxes or [], **extra})).name or ""


def open_session(ctx: Context, cash: Any = 2000, user: str = "admin",
                 date: str = "2026-05-04", profile: str = PROFILE) -> str:
    return lifecycle.insert(ctx, lifecycle.new_doc(ctx, "POS Opening Entry", {
        "pos_profile": profile, "user": user, "posting_date": date,
        "balance_details": [{"mode_of_payment": "Cash", "opening_amount": cash}],
        "docstatus": 1})).name or ""


def sale(ctx: Context, items: list[dict[str, Any]], payments: list[tuple[str, Any]],
         date: str = "2026-05-04", **extra: Any) -> Document:
    """A submitted POS Invoice; lines without a rate take the price list's."""
    return lifecycle.insert(ctx, lifecycle.new_doc(ctx, "POS Invoice", {
        "pos_profile": PROFILE, "posting_date": date, "items": items,
        "payments": [{"mode_of_payment": m, "amount": a} for m, a in payments],
        "docstatus": 1, **extra}))


def close_session(ctx: Context, opening: str, counted: dict[str, Any],
                  date: str = "2026-05-04") -> Document:
    return lifecycle.insert(ctx, lifecycle.new_doc(ctx, "POS Closing Entry", {
        "pos_opening_entry": opening, "posting_date": date, "docstatus": 1,
        "payment_reconciliation": [{"mode_of_payment": m, "closing_amount": a}
                                   for m, a in counted.items()]}))


def bin_of(ctx: Context, item: str) -> tuple[Decimal, Decimal]:
    from core.db import query

    row = query.select_rows(ctx, "Bin", fields=["actual_qty", "stock_value"],
                            filters={"item_code": item, "warehouse": STORES})[0]
    return row["actual_qty"], row["stock_value"]
