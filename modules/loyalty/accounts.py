"""The accounts a loyalty program posts to, made for every company that has none:

- Loyalty Points Liability (under Current Liabilities): the contract liability for the
  points customers hold, credited when points are earned, debited when they are
  redeemed, taken back or expire.
- Loyalty Revenue Deferred (under Direct Income): the part of a sale's revenue deferred
  for the points it earned; a contra-revenue account, so it carries a debit balance.
- Loyalty Points Breakage (under Direct Income): the revenue recognised when points
  expire unused.

and the Loyalty Points mode of payment, whose account in each company is the liability:
a counter sale paid with points debits the liability when the session is consolidated.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from core import lifecycle
from core.db import query
from modules.accounting.companies import company_settings, with_abbr
from modules.loyalty.errors import MissingAccountGroup

if TYPE_CHECKING:
    from core.context import Context

MODE_OF_PAYMENT = "Loyalty Points"
# program field -> (account name, parent group, root type)
DEFAULT_ACCOUNTS = {
    "liability_account": ("Loyalty Points Liability", "Current Liabilities", "Liability"),
    "expense_account": ("Loyalty Revenue Deferred", "Direct Income", "Income"),
    "breakage_account": ("Loyalty Points Breakage", "Direct Income", "Income"),
}


def set_up_company(ctx: Context, company: str) -> dict[str, str]:
    """The company's loyalty accounts (created where missing) by program field, and the
    liability as the Loyalty Points mode's account in the company."""
    accounts = {field: ensure_account(ctx, company, *spec)
                for field, spec in DEFAULT_ACCOUNTS.items()}
    _mode_account(ctx, company, accounts["liability_account"])
    return accounts


def ensure_account(ctx: Context, company: str, account_name: str, group: str,
                   root_type: str) -> str:
    settings = company_settings(ctx, company)
    name = with_abbr(account_name, settings["abbr"])
    if query.exists(ctx, "Account", name):
        return name
    parent = with_abbr(group, settings["abbr"])
    if not query.exists(ctx, "Account", parent):
        raise MissingAccountGroup(f"{company} has no {group} group to hold "
                                  f"{account_name}", field="company")
    return lifecycle.insert(ctx, lifecycle.new_doc(ctx, "Account", {
        "account_name": account_name, "company": company, "parent_account": parent,
        "root_type": root_type, "account_currency": settings["default_currency"],
    })).name or ""


def ensure_mode_of_payment(ctx: Context) -> None:
    if not query.exists(ctx, "Mode of Payment", MODE_OF_PAYMENT):
        lifecycle.insert(ctx, lifecycle.new_doc(ctx, "Mode of Payment", {
            "mode_of_payment": MODE_OF_PAYMENT, "type": "General"}))


def _mode_account(ctx: Context, company: str, account: str) -> None:
    ensure_mode_of_payment(ctx)
    mode = lifecycle.get_doc(ctx, "Mode of Payment", MODE_OF_PAYMENT)
    if any(row.company == company for row in mode.children("accounts")):
        return
    mode.append("accounts", {"company": company, "default_account": account}, ctx)
    lifecycle.save(ctx, mode)


def mode_account(ctx: Context, mode_of_payment: str, company: str) -> str | None:
    """The mode's account in the company, if it has one."""
    rows = query.select_rows(ctx, "Mode of Payment Account", fields=["default_account"],
                             filters={"parenttype": "Mode of Payment",
                                      "parent": mode_of_payment, "company": company},
                             limit=1)
    return rows[0]["default_account"] if rows else None
