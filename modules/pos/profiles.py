"""Lookups about POS profiles and modes of payment shared by the session documents."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from core.db import query
from core.errors import ValidationError
from modules.pos.errors import NotAllowedCashier

if TYPE_CHECKING:
    from core.context import Context


def profile(ctx: Context, name: str | None, field: str = "pos_profile") -> dict[str, Any]:
    """The profile's header with its ``payments`` and ``users`` rows (once a transaction)."""
    key = f"pos.profile.{name}"
    if key not in ctx.cache:
        rows = query.select_rows(ctx, "POS Profile", filters={"name": name or ""}, limit=1)
        if not rows:
            raise ValidationError(f"POS Profile {name} does not exist", field=field)
        found = rows[0]
        for table, doctype in (("payments", "POS Payment Method"),
                               ("users", "POS Profile User"),
                               ("taxes", "POS Taxes and Charges")):
            found[table] = query.select_rows(ctx, doctype, filters={
                "parent": found["name"], "parenttype": "POS Profile"}, order_by="idx asc")
        ctx.cache[key] = found
    return ctx.cache[key]


def check_cashier(ctx: Context, found: dict[str, Any], user: str) -> None:
    """Only the profile's users may sell on it; a profile listing nobody takes anyone
    with the rights to sell."""
    users = {r["user"] for r in found["users"]}
    if users and user not in users:
        raise NotAllowedCashier(f"{user} is not a cashier of POS Profile {found['name']}",
                                field="user")


def mode_accounts(ctx: Context, company: str, modes: Iterable[str]) -> dict[str, str]:
    """The account each mode of payment posts to in the company."""
    names = sorted(set(modes))
    if not names:
        return {}
    rows = query.select_rows(ctx, "Mode of Payment Account", fields=[
        "parent", "default_account"], filters=[["parenttype", "=", "Mode of Payment"],
                                               ["parent", "in", names],
                                               ["company", "=", company]])
    return {r["parent"]: r["default_account"] for r in rows}


def account_of(accounts: dict[str, str], mode: str, company: str, field: str) -> str:
    if mode not in accounts:
        raise ValidationError(f"Mode of Payment {mode} has no account for {company}: add "
                              "it on the mode of payment", field=field)
    return accounts[mode]


def mode_types(ctx: Context, modes: Iterable[str]) -> dict[str, str]:
    """Cash, Bank, General or Phone for each mode of payment."""
    names = sorted(set(modes))
    if not names:
        return {}
    return {r["name"]: r["type"] for r in query.select_rows(
        ctx, "Mode of Payment", fields=["name", "type"], filters=[["name", "in", names]])}

