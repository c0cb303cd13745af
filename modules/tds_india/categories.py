"""A category's checks, and reading its rate on a date and its account in a company."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from core import records
from modules.tds_india.deductees import ALL
from modules.tds_india.errors import (
    InvalidWithholdingCategory,
    MissingWithholdingAccount,
    MissingWithholdingRate,
    WrongCategoryKind,
)

if TYPE_CHECKING:
    from collections.abc import Mapping

    from core.context import Context
    from core.document import Document

ZERO = Decimal(0)
TDS, TCS = "TDS", "TCS"


@dataclass(frozen=True)
class Rate:
    """The rate and thresholds of one category for one deductee group on one date."""

    rate: Decimal
    single_threshold: Decimal = ZERO
    cumulative_threshold: Decimal = ZERO


def check_category(ctx: Context, doc: Document) -> None:
    """Rates are not negative and never overlap for one deductee type; one account per
    company, of that company."""
    if (doc.no_pan_rate or ZERO) < 0:
        raise InvalidWithholdingCategory("Rate without PAN cannot be negative",
                                         field="no_pan_rate")
    rows = doc.children("rates")
    for i, row in enumerate(rows, start=1):
        _check_rate_row(i, row)
        for j, other in enumerate(rows[:i - 1], start=1):
            if other.deductee_type == row.deductee_type and _overlap(row, other):
                raise InvalidWithholdingCategory(
                    f"Rates row {i} overlaps row {j} for {row.deductee_type}",
                    field="rates")
    _check_accounts(ctx, doc)


def _check_rate_row(i: int, row: Document) -> None:
    if row.to_date and row.to_date < row.from_date:
        raise InvalidWithholdingCategory(f"Rates row {i}: To Date is before From Date",
                                         field="rates")
    for field in ("rate", "single_threshold", "cumulative_threshold"):
        if (row.get(field) or ZERO) < 0:
            raise InvalidWithholdingCategory(f"Rates row {i}: {field} cannot be negative",
                                             field="rates")


def _overlap(a: Document, b: Document) -> bool:
    far = dt.date.max
    return a.from_date <= (b.to_date or far) and b.from_date <= (a.to_date or far)


def _check_accounts(ctx: Context, doc: Document) -> None:
    seen: set[str] = set()
    for i, row in enumerate(doc.children("accounts"), start=1):
        if row.company in seen:
            raise InvalidWithholdingCategory(f"Accounts row {i}: {row.company} already has "
                                             "an account", field="accounts")
        seen.add(row.company)
        account = records.get(ctx, "Account", row.account or "")
        if account is None or account["company"] != row.company or account["is_group"]:
            raise InvalidWithholdingCategory(f"Accounts row {i}: {row.account} is not a "
                                             f"ledger account of {row.company}",
                                             field="accounts")


def category_of(ctx: Context, name: str, kind: str, field: str) -> Mapping[str, Any]:
    """The enabled category ``name`` of the kind (TDS or TCS) the document takes."""
    category = records.get(ctx, "Tax Withholding Category", name)
    if category is None or category["disabled"]:
        raise InvalidWithholdingCategory(f"Tax Withholding Category {name} does not exist "
                                         "or is disabled", field=field)
    if category["kind"] != kind:
        raise WrongCategoryKind(f"{name} is a {category['kind']} category; this document "
                                f"takes {kind}", field=field)
    return category


def rate_on(ctx: Context, category: str, group: str, on: dt.date) -> Rate:
    """The row valid on ``on`` for the deductee group, else for all deductees; the latest
    ``from_date`` wins."""
    rows = [r for r in records.get_all(ctx, "Tax Withholding Rate")
            if r["parent"] == category and r["parenttype"] == "Tax Withholding Category"
            and r["from_date"] <= on and (r["to_date"] is None or on <= r["to_date"])]
    for wanted in (group, ALL):
        matching = [r for r in rows if r["deductee_type"] == wanted]
        if matching:
            row = max(matching, key=lambda r: r["from_date"])
            return Rate(row["rate"], row["single_threshold"] or ZERO,
                        row["cumulative_threshold"] or ZERO)
    raise MissingWithholdingRate(f"{category} has no rate for {group} deductees on {on}",
                                 field="tax_withholding_category")


def account_of(ctx: Context, category: str, company: str) -> str:
    for row in records.get_all(ctx, "Tax Withholding Account"):
        if row["parent"] == category and row["company"] == company:
            return row["account"]
    raise MissingWithholdingAccount(f"{category} has no account for {company}: add it "
                                    "in the category's Accounts", field="tax_withholding_category")


def withholding_accounts(ctx: Context, company: str) -> set[str]:
    """Every TDS and TCS account of the company, to find the rows this module wrote."""
    return {row["account"] for row in records.get_all(ctx, "Tax Withholding Account")
            if row["company"] == company}
