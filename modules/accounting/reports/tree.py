"""Rolling ledger-account figures up a company's account tree (a few hundred nodes), for
every report that shows accounts with their groups."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from core.db import query

if TYPE_CHECKING:
    from core.context import Context

ZERO = Decimal(0)
Figures = dict[str, Decimal]


def account_tree(ctx: Context, company: str, root_types: tuple[str, ...] | None = None
                 ) -> dict[str | None, list[dict[str, Any]]]:
    """parent account -> its child accounts, for the company's accounts."""
    filters: list[list[Any]] = [["company", "=", company]]
    if root_types:
        filters.append(["root_type", "in", list(root_types)])
    accounts = query.select_rows(ctx, "Account", fields=[
        "name", "account_name", "parent_account", "is_group", "root_type", "account_type"],
        filters=filters, order_by="name asc")
    known = {a["name"] for a in accounts}
    children: dict[str | None, list[dict[str, Any]]] = {}
    for account in accounts:
        parent = account["parent_account"] if account["parent_account"] in known else None
        children.setdefault(parent, []).append(account)
    return children


def roll_up(children: dict[str | None, list[dict[str, Any]]],
            leaf: Callable[[str], Figures], keys: tuple[str, ...]) -> list[dict[str, Any]]:
    """Rows in tree order, each group carrying the sum of its children's ``keys``."""
    rows: list[dict[str, Any]] = []

    def walk(account: dict[str, Any], indent: int) -> Figures:
        row = {"account": account["name"], "account_name": account["account_name"],
               "parent_account": account["parent_account"], "is_group": account["is_group"],
               "root_type": account["root_type"], "indent": indent}
        rows.append(row)
        if not account["is_group"]:
            figures = leaf(account["name"])
        else:
            figures = dict.fromkeys(keys, ZERO)
            for child in children.get(account["name"], []):
                for key, value in walk(child, indent + 1).items():
                    figures[key] += value
        row.update(figures)
        return figures

    for root in children.get(None, []):
        walk(root, 0)
    return rows


def quantized(rows: list[dict[str, Any]], keys: tuple[str, ...],
              precision: int) -> list[dict[str, Any]]:
    unit = Decimal(1).scaleb(-precision)
    return [row | {k: row[k].quantize(unit) for k in keys} for row in rows]
