"""A company's stock set-up: its stock accounts and a warehouse tree with Stores,
Finished Goods and Work In Progress."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from core import lifecycle
from core.db import query
from modules.accounting.companies import forget_company, with_abbr

if TYPE_CHECKING:
    from core.context import Context
    from core.document import Document

ACCOUNTS = {"default_inventory_account": "Stock In Hand",
            "stock_adjustment_account": "Stock Adjustment",
            "stock_received_but_not_billed": "Stock Received But Not Billed"}
WAREHOUSES = ("Stores", "Finished Goods", "Work In Progress")


def set_up_stock(ctx: Context, company: Document) -> None:
    abbr = company.abbr
    values: dict[str, Any] = {}
    for field, account in ACCOUNTS.items():
        name = with_abbr(account, abbr)
        if not company.get(field) and query.exists(ctx, "Account", name):
            values[field] = name
    query.update_row(ctx, "Company", company.name, values)
    company.values.update(values)
    forget_company(ctx, company.name)
    root = with_abbr("All Warehouses", abbr)
    if not query.exists(ctx, "Warehouse", root):
        _warehouse(ctx, company, "All Warehouses", None, is_group=1)
        for name in WAREHOUSES:
            _warehouse(ctx, company, name, root)
    if not company.get("default_warehouse"):
        query.update_row(ctx, "Company", company.name,
                         {"default_warehouse": with_abbr("Stores", abbr)})


def _warehouse(ctx: Context, company: Document, name: str, parent: str | None,
               is_group: int = 0) -> None:
    lifecycle.insert(ctx, lifecycle.new_doc(ctx, "Warehouse", {
        "warehouse_name": name, "company": company.name, "parent_warehouse": parent,
        "is_group": is_group}))
