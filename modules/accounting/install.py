"""What a tenant gets when it installs accounting: roles and the common currencies."""

from __future__ import annotations

from typing import TYPE_CHECKING

from modules.base.install import ensure

if TYPE_CHECKING:
    from core.context import Context

ROLES = ("Accounts User", "Accounts Manager")
CURRENCIES = (("INR", "₹", "Paisa", 2), ("USD", "$", "Cent", 2), ("EUR", "€", "Cent", 2),
              ("GBP", "£", "Penny", 2), ("AED", "د.إ", "Fils", 2), ("SGD", "S$", "Cent", 2),
              ("JPY", "¥", "Sen", 0), ("KWD", "د.ك", "Fils", 3))


def after_install(ctx: Context) -> None:
    for role in ROLES:
        ensure(ctx, "Role", role, {"role_name": role})
    for code, symbol, fraction, precision in CURRENCIES:
        ensure(ctx, "Currency", code, {"currency_name": code, "symbol": symbol,
                                       "fraction": fraction, "precision": precision})
