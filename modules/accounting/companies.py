"""Small lookups about companies that the ledger and every module need."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from core.db import query
from core.errors import ValidationError

if TYPE_CHECKING:
    from core.context import Context

def company_settings(ctx: Context, company: str) -> dict[str, Any]:
    """The company's record: abbreviation, currency, default accounts and whatever other
    modules add to it (read once a transaction; ``forget_company`` after changing it)."""
    key = f"accounting.company.{company}"
    if key not in ctx.cache:
        rows = query.select_rows(ctx, "Company", filters={"name": company}, limit=1)
        if not rows:
            raise ValidationError(f"Company {company} does not exist", field="company")
        ctx.cache[key] = rows[0]
    return ctx.cache[key]


def forget_company(ctx: Context, company: str) -> None:
    ctx.cache.pop(f"accounting.company.{company}", None)


def currency_precision(ctx: Context, currency: str) -> int:
    key = f"accounting.precision.{currency}"
    if key not in ctx.cache:
        precision = query.get_value(ctx, "Currency", currency, "precision")
        ctx.cache[key] = 2 if precision is None else int(precision)
    return ctx.cache[key]


def company_precision(ctx: Context, company: str) -> int:
    return currency_precision(ctx, company_settings(ctx, company)["default_currency"])


def with_abbr(name: str, abbr: str) -> str:
    return f"{name} - {abbr}"
