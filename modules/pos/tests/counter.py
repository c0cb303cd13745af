"""Builders for the POS screen's tests: a counter with barcoded goods, GST on the
profile, customers known by their mobile numbers, and a cashier logged in to the desk.

    Stock in Stores: 10 Pens (cost 10.00, price 25.00, barcode 8901000000017),
    5 Notebooks (cost 40.00, price 60.00); Gift Wrap is a service at 15.00.
    Profile taxes: CGST 9% + SGST 9% on the net total. Cash float 2,000.00.
"""

from __future__ import annotations

import re
from typing import Any

from starlette.testclient import TestClient

from core import lifecycle
from modules.inventory.tests.builders import make_item
from modules.pos.tests.builders import (
    GST,
    PEN_BARCODE,
    PROFILE,
    make_profile,
    open_session,
    pos_books,
    stocked_item,
)
from tests.fixtures import PASSWORD, TenantHandle

SCREEN = "/app/page/pos.pos"
DATE = "2026-05-04"
CUSTOMERS = (("Anita Desai", "+91 98200 12345"), ("Rohan Kulkarni", "98450-67890"),
             ("Desai Stores", "022 2412 3456"))


def counter(site: Any, cashiers: tuple[str, ...] = ("admin",), session: bool = True,
            modules: tuple[str, ...] = ("pos",)) -> TenantHandle:
    handle = pos_books(site, modules)
    with handle.tx() as ctx:
        stocked_item(ctx, "PEN", 10, 10, 25, item_name="Blue Pen",
                     barcodes=[{"barcode": PEN_BARCODE}])
        stocked_item(ctx, "NOTEBOOK", 5, 40, 60, item_name="Ruled Notebook")
        make_item(ctx, "GIFTWRAP", item_name="Gift Wrap", is_stock_item=0)
        lifecycle.insert(ctx, lifecycle.new_doc(ctx, "Item Price", {
            "item_code": "GIFTWRAP", "price_list": "Standard Selling",
            "price_list_rate": 15}))
        for name, mobile in CUSTOMERS:
            lifecycle.insert(ctx, lifecycle.new_doc(ctx, "Customer", {
                "customer_name": name, "customer_group": "Individual",
                "mobile_no": mobile}))
        for user in cashiers:
            if user != "admin":
                add_user(ctx, user, "Sales User")
        make_profile(ctx, users=cashiers, taxes=GST)
        if session:
            for user in cashiers:
                open_session(ctx, user=user, date=DATE)
    return handle


def add_user(ctx: Any, login: str, role: str) -> None:
    lifecycle.insert(ctx, lifecycle.new_doc(ctx, "User", {
        "login": login, "password": PASSWORD, "roles": [{"role": role}]}))


def csrf(html: str) -> str:
    return re.search(r'name="csrf_token" value="([^"]+)"', html).group(1)  # type: ignore[union-attr]


def desk(handle: TenantHandle, user: str = "admin") -> TestClient:
    """A browser's session: logged in through the login form, cookie kept."""
    web = handle.client(follow_redirects=False)
    page = web.get("/login")
    answer = web.post("/login", data={"usr": user, "pwd": PASSWORD,
                                      "csrf_token": csrf(page.text), "next": "/app"})
    assert answer.status_code == 303, answer.text
    return web


def page_csrf(html: str) -> str:
    """The token the desk puts on ``<body data-csrf>`` for its scripts."""
    return re.search(r'data-csrf="([^"]+)"', html).group(1)  # type: ignore[union-attr]


def sale(uuid: str, items: list[dict[str, Any]], payments: list[tuple[str, Any]],
         **extra: Any) -> dict[str, Any]:
    """A sale as the screen sends it."""
    return {"uuid": uuid, "pos_profile": PROFILE, "posting_date": DATE, "items": items,
            "payments": [{"mode_of_payment": m, "amount": a} for m, a in payments],
            **extra}
