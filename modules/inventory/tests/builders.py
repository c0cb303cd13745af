"""Builders for stock scenarios, shared by the stock, selling and buying tests."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from sqlalchemy import func, select

from core import lifecycle
from core.context import Context
from core.db import query
from modules.accounting.tests.builders import (
    account_balances,
    assert_ledger_balanced,
    assert_subledger_consistent,
    make_company,
    make_fiscal_year,
)
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


def _exact(total: Any, scale: str) -> Decimal:
    return Decimal(str(total or 0)).quantize(Decimal(scale))


def assert_books_in_step(ctx: Context, company: str = CO) -> None:
    """The invariants every stock scenario ends with.

    - each Bin's quantity and value equal the sum of its stock ledger rows;
    - the stock ledger's value per warehouse account equals that account's GL balance
      (perpetual inventory: no stock value moves without its journal);
    - the general ledger balances and the receivable/payable sub-ledger agrees with
      every invoice's outstanding amount.
    """
    sle = query.view(ctx, "Stock Ledger Entry")
    # SQLite sums in binary floats (docs/decisions/0003-decimal-on-sqlite.md): round the
    # sums to the column's scale and the currency's, as reports do
    per_bin = {(item, warehouse): (_exact(qty, "1e-9"), _exact(value, "0.01"))
               for item, warehouse, qty, value in ctx.conn.execute(
                   select(sle.c.item_code, sle.c.warehouse, func.sum(sle.c.actual_qty),
                          func.sum(sle.c.stock_value_difference))
                   .where(sle.c.company == company)
                   .group_by(sle.c.item_code, sle.c.warehouse))}
    accounts = {w["name"]: w["account"] for w in query.select_rows(
        ctx, "Warehouse", fields=["name", "account"], filters={"company": company})}
    for row in query.select_rows(ctx, "Bin", fields=["item_code", "warehouse", "actual_qty",
                                                    "stock_value"]):
        if row["warehouse"] not in accounts:
            continue
        qty, value = per_bin.get((row["item_code"], row["warehouse"]), (Decimal(0),) * 2)
        assert (row["actual_qty"], row["stock_value"]) == (qty, value), row
    by_account: dict[str, Decimal] = {}
    for (_, warehouse), (_, value) in per_bin.items():
        account = accounts[warehouse]
        by_account[account] = by_account.get(account, Decimal(0)) + value
    balances = account_balances(ctx, company)
    for account, value in by_account.items():
        assert _exact(balances.get(account), "0.01") == value, (account, value, balances)
    assert_ledger_balanced(ctx, company)
    assert_subledger_consistent(ctx)
