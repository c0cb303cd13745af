"""Budget control: a posting that would take an expense account of a cost center past its
yearly budget is stopped, or passes with a warning, as the budget says."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import TYPE_CHECKING

from sqlalchemy import func, select

from core import messages
from core.db import query
from modules.accounting.errors import BudgetExceeded

if TYPE_CHECKING:
    from core.context import Context
    from modules.accounting.posting import PostingLine, Voucher

ZERO = Decimal(0)


def check_budgets(ctx: Context, voucher: Voucher, fiscal_year: str,
                  lines: Sequence[PostingLine]) -> None:
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
        total = _actual(ctx, fiscal_year, account, cost_center) + amount
        if total > limit:
            text = (f"{account} in {cost_center}: spending {total} is over the budget of "
                    f"{limit} for {fiscal_year}")
            if action == "Stop":
                raise BudgetExceeded(text, field="account")
            if action == "Warn":
                messages.warn(ctx, text)


def _budget(ctx: Context, company: str, fiscal_year: str, cost_center: str,
            account: str) -> tuple[Decimal, str] | None:
    budgets = query.select_rows(ctx, "Budget", fields=["name", "action_if_annual_budget_exceeded"],
                                filters={"company": company, "fiscal_year": fiscal_year,
                                         "cost_center": cost_center, "docstatus": 1}, limit=1)
    if not budgets:
        return None
    amount = query.get_value(ctx, "Budget Account", {
        "parent": budgets[0]["name"], "account": account}, "budget_amount")
    if amount is None:
        return None
    return amount, budgets[0]["action_if_annual_budget_exceeded"]


def _actual(ctx: Context, fiscal_year: str, account: str, cost_center: str) -> Decimal:
    gl = query.view(ctx, "GL Entry")
    total = ctx.conn.execute(select(func.sum(gl.c.debit - gl.c.credit)).where(
        gl.c.fiscal_year == fiscal_year, gl.c.account == account,
        gl.c.cost_center == cost_center)).scalar()
    return Decimal(str(total or 0))
