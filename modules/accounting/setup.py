"""What a new company gets: cost centers, its chart of accounts, default accounts, the
accounts of the Cash and Bank modes of payment, and a walk-in customer."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from core import lifecycle
from core.db import query
from modules.accounting.charts import DEFAULTS, TEMPLATES, Node
from modules.accounting.companies import forget_company, with_abbr

if TYPE_CHECKING:
    from core.context import Context
    from core.document import Document

WALK_IN_CUSTOMER = "Walk-in Customer"
PAYMENT_MODES = {"Cash": ("Cash", "default_cash_account"),
                 "Bank Transfer": ("Bank", "default_bank_account")}


def set_up_company(ctx: Context, company: Document) -> None:
    abbr = company.abbr
    root = _insert(ctx, "Cost Center", {"cost_center_name": company.company_name,
                                        "company": company.name, "is_group": 1})
    main = _insert(ctx, "Cost Center", {"cost_center_name": "Main", "company": company.name,
                                        "parent_cost_center": root})
    names: dict[str, str] = {}
    for node in TEMPLATES[company.chart_of_accounts or "Standard"]:
        _create_accounts(ctx, company, node, None, None, names)
    defaults: dict[str, Any] = {field: with_abbr(account, abbr)
                                for field, account in DEFAULTS.items() if account in names}
    defaults.update(cost_center=main, round_off_cost_center=main)
    query.update_row(ctx, "Company", company.name, defaults)
    company.values.update(defaults)
    forget_company(ctx, company.name)
    _payment_mode_accounts(ctx, company)
    if not query.exists(ctx, "Customer", WALK_IN_CUSTOMER):
        _insert(ctx, "Customer", {"customer_name": WALK_IN_CUSTOMER,
                                  "customer_group": "Individual",
                                  "customer_type": "Individual"})


def _insert(ctx: Context, doctype: str, values: dict[str, Any]) -> str:
    doc = lifecycle.insert(ctx, lifecycle.new_doc(ctx, doctype, values))
    return doc.name or ""


def _create_accounts(ctx: Context, company: Document, node: Node, parent: str | None,
                     root_type: str | None, names: dict[str, str]) -> None:
    account_name, attrs, children = node
    root_type = attrs.get("root_type", root_type)
    name = _insert(ctx, "Account", {
        "account_name": account_name, "company": company.name, "parent_account": parent,
        "is_group": 1 if children else 0, "root_type": root_type,
        "account_type": attrs.get("account_type", ""),
        "account_currency": company.default_currency})
    names[account_name] = name
    for child in children:
        _create_accounts(ctx, company, child, name, root_type, names)


def _payment_mode_accounts(ctx: Context, company: Document) -> None:
    for mode, (kind, default_field) in PAYMENT_MODES.items():
        if query.exists(ctx, "Mode of Payment", mode):
            doc = lifecycle.get_doc(ctx, "Mode of Payment", mode)
        else:
            doc = lifecycle.new_doc(ctx, "Mode of Payment", {"mode_of_payment": mode,
                                                             "type": kind})
        doc.append("accounts", {"company": company.name,
                                "default_account": company.get(default_field)}, ctx)
        lifecycle.save(ctx, doc) if doc.name else lifecycle.insert(ctx, doc)
