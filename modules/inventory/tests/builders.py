"""Builders for stock scenarios, shared by the stock, selling and buying tests."""

from __future__ import annotations

from typing import Any

from core import lifecycle
from core.context import Context
from modules.accounting.tests.builders import make_company, make_fiscal_year
from tests.fixtures import TenantHandle, make_tenant

CO, STORES = "Pune Furniture", "Stores - PF"


def stock_books(site: Any, modules: tuple[str, ...] = ("inventory",)) -> TenantHandle:
    """A tenant with Pune Furniture (India chart, warehouses) and the 2026-27 year."""
    handle = make_tenant(site, modules=list(modules))
    with handle.tx() as ctx:
        make_company(ctx, CO, "PF")
        make_fiscal_year(ctx)
    return handle


def make_item(ctx: Context, code: str, group: str = "Products", **extra: Any) -> str:
    lifecycle.insert(ctx, lifecycle.new_doc(ctx, "Item", {
        "item_code": code, "item_name": code.title(), "item_group": group, **extra}))
    return code


def make_party(ctx: Context, doctype: str, name: str) -> str:
    field, group = ("customer", "Commercial") if doctype == "Customer" \
        else ("supplier", "Raw Material")
    lifecycle.insert(ctx, lifecycle.new_doc(ctx, doctype, {
        f"{field}_name": name, f"{field}_group": group}))
    return name


def receive(ctx: Context, item: str, qty: Any, rate: Any, date: str = "2026-05-01",
            warehouse: str = STORES) -> str:
    """A submitted Material Receipt of ``qty`` at ``rate``."""
    return lifecycle.insert(ctx, lifecycle.new_doc(ctx, "Stock Entry", {
        "stock_entry_type": "Material Receipt", "company": CO, "posting_date": date,
        "docstatus": 1, "items": [{"item_code": item, "qty": qty, "basic_rate": rate,
                                   "t_warehouse": warehouse}]})).name or ""
