"""Budget control: a posting that would take an expense account of a cost center past its
yearly budget is stopped, or passes with a warning, as the budget says."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import TYPE_CHECKING

from sqlalchemy import func, select

from core import messages, records
from core.db import query
from modules.accounting.errors import BudgetExceeded

if TYPE_CHECKING:
    from core.context import Context
    from modules.accounting.posting import PostingLine, Voucher

ZERO = Decimal(0)


def check_budgets(ctx: Context, voucher: Voucher, fiscal_year: str,
                  lines: Sequence[PostingLine],
                  pending: dict[tuple[str, str, str], Decimal] | None = None) -> None:
    """``pending`` holds what earlier vouchers of the same bulk posting spend (not in the
    ledger yet), by (fiscal year, account, cost center); this voucher's spending is added."""
    spent_now: dict[tuple[str, str], Decimal] = {}
    for line in lines:
        if line.cost_center:
            key = (line.account, line.cost_center)
            spent_now[key] = spent_now.get(key, ZERO) + line.debit - line.credit
    if not spent_now:
        return
    for (account, cost_center), amount in sorted(spent_now.items()):
        if amount <= 0:
            continue
        budget = _budget(ctx, voucher.company, fiscal_year, cost_center, account)
        if budget is None:
            continue
        limit, action = budget
        earlier = ZERO
        if pending is not None:
            earlier = pending.get((fiscal_year, account, cost_center), ZERO)
            pending[(fiscal_year, account, cost_center)] = earlier + amount
        total = _actual(ctx, fiscal_year, account, cost_center) + earlier + amount
        if total > limit:
            text = (f"{account} in {cost_center}: spending {total} is over the budget of "
                    f"{limit} for {fiscal_year}")
            if action == "Stop":
                raise BudgetExceeded(text, field="account")
            if action == "Warn":
                messages.warn(ctx, text)


def _budget(ctx: Context, company: str, fiscal_year: str, cost_center: str,
            account: str) -> tuple[Decimal, str] | None:
    budgets = [b for b in records.get_all(ctx, "Budget")
               if (b["company"], b["fiscal_year"], b["cost_center"], b["docstatus"])
               == (company, fiscal_year, cost_center, 1)]
    if not budgets:
        return None
    amounts = [r["budget_amount"] for r in records.get_all(ctx, "Budget Account")
               if r["parent"] == budgets[0]["name"] and r["account"] == account]
    if not amounts or amounts[0] is None:
        return None
    return amounts[0], budgets[0]["action_if_annual_budget_exceeded"]


def _actual(ctx: Context, fiscal_year: str, account: str, cost_center: str) -> Decimal:
    gl = query.view(ctx, "GL Entry")
    total = ctx.conn.execute(select(func.sum(gl.c.debit - gl.c.credit)).where(
        gl.c.fiscal_year == fiscal_year, gl.c.account == account,
        gl.c.cost_center == cost_center)).scalar()
    return Decimal(str(total or 0))
