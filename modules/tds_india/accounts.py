"""Where a company books TDS and TCS: each category gets the company's TDS Payable or
TCS Payable account (the India chart has both; elsewhere they are created under Duties
and Taxes)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from core import lifecycle
from core.db import query
from modules.accounting.companies import company_settings, with_abbr
from modules.tds_india.errors import MissingWithholdingAccount

if TYPE_CHECKING:
    from core.context import Context

ACCOUNT_NAMES = {"TDS": "TDS Payable", "TCS": "TCS Payable"}
TAX_GROUP = "Duties and Taxes"


def set_up_accounts(ctx: Context, company: str) -> None:
    """Give every category an account row for the company, where it has none."""
    for row in query.select_rows(ctx, "Tax Withholding Category", fields=["name", "kind"]):
        doc = lifecycle.get_doc(ctx, "Tax Withholding Category", row["name"])
        if any(a.company == company for a in doc.children("accounts")):
            continue
        doc.append("accounts", {"company": company,
                                "account": _ensure_account(ctx, company, row["kind"])}, ctx)
        lifecycle.save(ctx, doc)


def _ensure_account(ctx: Context, company: str, kind: str) -> str:
    settings = company_settings(ctx, company)
    name = with_abbr(ACCOUNT_NAMES[kind], settings["abbr"])
    if query.exists(ctx, "Account", name):
        return name
    parent = with_abbr(TAX_GROUP, settings["abbr"])
    if not query.exists(ctx, "Account", parent):
        raise MissingWithholdingAccount(f"{company} has no {TAX_GROUP} group to hold "
                                        f"{ACCOUNT_NAMES[kind]}", field="company")
    doc = lifecycle.insert(ctx, lifecycle.new_doc(ctx, "Account", {
        "account_name": ACCOUNT_NAMES[kind], "company": company, "parent_account": parent,
        "root_type": "Liability", "account_type": "Tax",
        "account_currency": settings["default_currency"]}))
    return doc.name or ""
