"""Which program a customer collects points in, and which tier their spend reaches.

- A customer collects in the program set on them. A customer without one is enrolled
  in the company's program when exactly one program enrols automatically and applies
  to them (customer group, territory, dates); with two such programs nobody guesses.
- A program applies to a sale of its company, dated inside its validity, while enabled.
- The tier is the one with the highest minimum the customer's total spend in the
  program has reached; spend is what earned points, less what returns took back.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from sqlalchemy import func, select

from core import lifecycle
from core.db import query
from core.meta.fieldtypes import quantize
from modules.accounting.companies import company_precision

if TYPE_CHECKING:
    from core.context import Context
    from core.document import Document

ZERO = Decimal(0)


@dataclass(frozen=True)
class Tier:
    name: str
    min_spent: Decimal
    collection_factor: Decimal


def load(ctx: Context, name: str) -> Document:
    """The program with its tiers (once a transaction)."""
    key = f"loyalty.program.{name}"
    if key not in ctx.cache:
        ctx.cache[key] = lifecycle.get_doc(ctx, "Loyalty Program", name)
    return ctx.cache[key]


def forget(ctx: Context, name: str) -> None:
    """Read the program again (it was just saved)."""
    ctx.cache.pop(f"loyalty.program.{name}", None)


def applies(program: Document, company: str, on: dt.date) -> bool:
    return (not program.disabled and program.company == company
            and program.from_date <= on and (not program.to_date or on <= program.to_date))


def program_for(ctx: Context, customer: str | None, company: str, on: dt.date,
                enrol: bool = False) -> Document | None:
    """The program the customer's sale in ``company`` on ``on`` collects points in; with
    ``enrol`` (on submit) a customer whom one program takes automatically is enrolled."""
    if not customer:
        return None
    row = query.select_rows(ctx, "Customer", fields=[
        "loyalty_program", "customer_group", "territory"], filters={"name": customer},
        limit=1)
    if not row:
        return None
    if row[0]["loyalty_program"]:
        program = load(ctx, row[0]["loyalty_program"])
        return program if applies(program, company, on) else None
    candidates = [r["name"] for r in query.select_rows(
        ctx, "Loyalty Program", fields=["name", "customer_group", "customer_territory"],
        filters={"company": company, "auto_opt_in": 1, "disabled": 0})
        if _takes(r, row[0])]
    programs = [p for p in (load(ctx, n) for n in candidates) if applies(p, company, on)]
    if len(programs) != 1:
        return None
    if enrol:
        query.update_row(ctx, "Customer", customer, {"loyalty_program": programs[0].name})
    return programs[0]


def _takes(program: dict[str, Any], customer: dict[str, Any]) -> bool:
    return all(not program[p] or program[p] == customer[c] for p, c in (
        ("customer_group", "customer_group"), ("customer_territory", "territory")))


def tiers(program: Document) -> list[Tier]:
    """Lowest minimum first."""
    return sorted((Tier(r.tier_name, r.min_spent, r.collection_factor)
                   for r in program.children("collection_rules")),
                  key=lambda t: t.min_spent)


def tier_for(program: Document, spent: Decimal) -> Tier | None:
    reached = [t for t in tiers(program) if t.min_spent <= spent]
    return reached[-1] if reached else None


def total_spent(ctx: Context, customer: str, program: Document) -> Decimal:
    lpe = query.view(ctx, "Loyalty Point Entry")
    total = ctx.conn.execute(select(func.sum(lpe.c.purchase_amount)).where(
        lpe.c.customer == customer, lpe.c.loyalty_program == program.name)).scalar()
    # SQLite sums in binary floats (docs/decisions/0003-decimal-on-sqlite.md)
    return quantize(Decimal(str(total or 0)), company_precision(ctx, program.company))


def refresh_tier(ctx: Context, customer: str, program: Document) -> str:
    """Store on the customer the tier their spend now reaches (up or down)."""
    tier = tier_for(program, total_spent(ctx, customer, program))
    name = tier.name if tier else ""
    query.update_row(ctx, "Customer", customer, {"loyalty_tier": name})
    return name
