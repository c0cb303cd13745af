"""Lookups about POS profiles and modes of payment shared by the session documents."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from core import records
from core.db import query
from core.errors import ValidationError
from modules.pos.errors import NotAllowedCashier

if TYPE_CHECKING:
    from core.context import Context


def profile(ctx: Context, name: str | None, field: str = "pos_profile") -> dict[str, Any]:
    """The profile's header with its ``payments`` and ``users`` rows (once a transaction)."""
    key = f"pos.profile.{name}"
    if key not in ctx.cache:
        found = records.get(ctx, "POS Profile", name or "")
        if found is None:
            raise ValidationError(f"POS Profile {name} does not exist", field=field)
        for table, doctype in (("payments", "POS Payment Method"),
                               ("users", "POS Profile User")):
            found[table] = sorted(
                (dict(r) for r in records.get_all(ctx, doctype)
                 if r["parent"] == found["name"] and r["parenttype"] == "POS Profile"),
                key=lambda r: r["idx"])
        # sales keep their taxes in the same table, so it is not a cached doctype; the
        # profile's rows change only when the profile (a cached record) is saved
        found["taxes"] = records.derived(
            ctx, f"pos.profile_taxes.{found['name']}", lambda: tuple(query.select_rows(
                ctx, "POS Taxes and Charges", filters={"parent": found["name"],
                                                       "parenttype": "POS Profile"},
                order_by="idx asc")))
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
    return {r["parent"]: r["default_account"]
            for r in records.get_all(ctx, "Mode of Payment Account")
            if r["parenttype"] == "Mode of Payment" and r["parent"] in names
            and r["company"] == company}


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
    return {name: row["type"] for name, row in records.get_many(ctx, "Mode of Payment",
                                                                names).items()}

