"""A company's GST accounts: found in its chart by name (the India chart has most of
them), created under Duties and Taxes where missing, and looked up by kind and tax.

Reverse charge books the tax twice: the liability the company pays in cash (Output Tax
... RCM) and the input credit it may claim for it (Input Tax ... RCM), kept apart from
ordinary credit because GSTR-3B reports them apart.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from core import lifecycle, records
from core.db import query
from modules.accounting.companies import company_settings, with_abbr
from modules.gst_india.errors import MissingGSTAccount

if TYPE_CHECKING:
    from core.context import Context

OUTPUT, INPUT = "Output", "Input"
RCM_OUTPUT, RCM_INPUT = "Reverse Charge Output", "Reverse Charge Input"
ACCOUNT_TYPES = (OUTPUT, INPUT, RCM_OUTPUT, RCM_INPUT)
TAXES = ("CGST", "SGST", "IGST", "Cess")
ACCOUNT_FIELDS = {tax: f"{tax.lower()}_account" for tax in TAXES}
ACCOUNT_NAMES = {OUTPUT: "Output Tax {tax}", INPUT: "Input Tax {tax}",
                 RCM_OUTPUT: "Output Tax {tax} RCM", RCM_INPUT: "Input Tax {tax} RCM"}
TAX_GROUP = "Duties and Taxes"


def set_up_gst_accounts(ctx: Context, company: str) -> None:
    """Give the company its four GST Account records, creating missing ledger accounts."""
    abbr = company_settings(ctx, company)["abbr"]
    for account_type in ACCOUNT_TYPES:
        if query.select_rows(ctx, "GST Account", fields=["name"], filters={
                "company": company, "account_type": account_type}, limit=1):
            continue
        values = {ACCOUNT_FIELDS[tax]: _ensure_account(
            ctx, company, abbr, ACCOUNT_NAMES[account_type].format(tax=tax))
            for tax in TAXES}
        lifecycle.insert(ctx, lifecycle.new_doc(ctx, "GST Account", {
            "company": company, "account_type": account_type, **values}))


def _ensure_account(ctx: Context, company: str, abbr: str, account_name: str) -> str:
    name = with_abbr(account_name, abbr)
    if query.exists(ctx, "Account", name):
        return name
    parent = with_abbr(TAX_GROUP, abbr)
    if not query.exists(ctx, "Account", parent):
        raise MissingGSTAccount(f"{company} has no {TAX_GROUP} group to hold "
                                f"{account_name}", field="company")
    doc = lifecycle.insert(ctx, lifecycle.new_doc(ctx, "Account", {
        "account_name": account_name, "company": company, "parent_account": parent,
        "root_type": "Liability", "account_type": "Tax",
        "account_currency": company_settings(ctx, company)["default_currency"]}))
    return doc.name or ""


def gst_accounts(ctx: Context, company: str) -> dict[str, dict[str, str]]:
    """account_type -> tax ("CGST", ...) -> account (GST Account is a cached doctype)."""
    return records.derived(ctx, f"gst_india.accounts.{company}", lambda: {
        r["account_type"]: {tax: r[field] for tax, field in ACCOUNT_FIELDS.items()}
        for r in records.get_all(ctx, "GST Account") if r["company"] == company})


def account_for(ctx: Context, company: str, account_type: str, tax: str) -> str:
    found = gst_accounts(ctx, company).get(account_type, {}).get(tax)
    if not found:
        raise MissingGSTAccount(f"{company} has no {account_type} {tax} account: set it in "
                                "GST Account", field="company")
    return found


def all_gst_accounts(ctx: Context, company: str) -> set[str]:
    return {account for kind in gst_accounts(ctx, company).values()
            for account in kind.values()}
