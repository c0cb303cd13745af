"""Small lookups about companies that the ledger and every module need."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from core import records
from core.errors import ValidationError

if TYPE_CHECKING:
    from core.context import Context

def company_settings(ctx: Context, company: str) -> dict[str, Any]:
    """The company's record: abbreviation, currency, default accounts and whatever other
    modules add to it (read once a transaction; ``forget_company`` after changing it)."""
    key = f"accounting.company.{company}"
    if key not in ctx.cache:
        row = records.get(ctx, "Company", company)
        if row is None:
            raise ValidationError(f"Company {company} does not exist", field="company")
        ctx.cache[key] = row
    return ctx.cache[key]


def forget_company(ctx: Context, company: str) -> None:
    ctx.cache.pop(f"accounting.company.{company}", None)


def currency_precision(ctx: Context, currency: str) -> int:
    key = f"accounting.precision.{currency}"
    if key not in ctx.cache:
        row = records.get(ctx, "Currency", currency)
        precision = row["precision"] if row else None
        ctx.cache[key] = 2 if precision is None else int(precision)
    return ctx.cache[key]


def company_precision(ctx: Context, company: str) -> int:
    return currency_precision(ctx, company_settings(ctx, company)["default_currency"])


def with_abbr(name: str, abbr: str) -> str:
    return f"{name} - {abbr}"
