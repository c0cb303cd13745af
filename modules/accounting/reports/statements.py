"""Profit and loss for a period and the balance sheet at a date.

Both read one aggregate per account from the ledger and roll it up the account tree. The
balance sheet carries the profit or loss not yet closed into retained earnings as its own
equity line, so assets always equal liabilities plus equity.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from modules.accounting.companies import company_precision
from modules.accounting.reports.tree import account_tree, quantized, roll_up
from modules.accounting.reports.trial_balance import check_period, ledger_sums

if TYPE_CHECKING:
    from core.context import Context

ZERO = Decimal(0)
# root type -> +1 when a debit balance is shown as positive
NATURAL_SIGN = {"Asset": 1, "Expense": 1, "Liability": -1, "Equity": -1, "Income": -1}


def _section(ctx: Context, company: str, root_type: str,
             balances: dict[str, Decimal], precision: int) -> dict[str, Any]:
    sign = NATURAL_SIGN[root_type]

    def leaf(account: str) -> dict[str, Decimal]:
        return {"amount": balances.get(account, ZERO) * sign}

    rows = roll_up(account_tree(ctx, company, (root_type,)), leaf, ("amount",))
    rows = quantized([r for r in rows if r["amount"]], ("amount",), precision)
    total = sum((r["amount"] for r in rows if not r["is_group"]), ZERO)
    return {"rows": rows, "total": total}


def profit_and_loss(ctx: Context, company: str, from_date: dt.date,
                    to_date: dt.date) -> dict[str, Any]:
    check_period(from_date, to_date)
    sums = ledger_sums(ctx, company, from_date, to_date)
    period = {account: debit - credit for account, (_, debit, credit) in sums.items()}
    precision = company_precision(ctx, company)
    income = _section(ctx, company, "Income", period, precision)
    expense = _section(ctx, company, "Expense", period, precision)
    net = income["total"] - expense["total"]
    return {"income": income, "expense": expense, "net_profit": net,
            "rows": income["rows"] + expense["rows"] + [_line("Net Profit / Loss", net)]}


def _line(label: str, amount: Decimal) -> dict[str, Any]:
    """A summary row shown after the accounts (a total, not an account)."""
    return {"account": label, "account_name": label, "amount": amount, "is_group": 1,
            "indent": 0}


def balance_sheet(ctx: Context, company: str, on: dt.date) -> dict[str, Any]:
    sums = ledger_sums(ctx, company, None, on)
    balances = {account: debit - credit for account, (_, debit, credit) in sums.items()}
    precision = company_precision(ctx, company)
    sections = {root: _section(ctx, company, root, balances, precision)
                for root in ("Asset", "Liability", "Equity")}
    unclosed = (_section(ctx, company, "Income", balances, precision)["total"]
                - _section(ctx, company, "Expense", balances, precision)["total"])
    equity = sections["Equity"]["total"] + unclosed
    total_le = sections["Liability"]["total"] + equity
    rows = (sections["Asset"]["rows"] + [_line("Total Assets", sections["Asset"]["total"])]
            + sections["Liability"]["rows"] + sections["Equity"]["rows"]
            + [_line("Profit / Loss not yet closed", unclosed),
               _line("Total Liabilities and Equity", total_le)])
    return {"assets": sections["Asset"], "liabilities": sections["Liability"],
            "equity": sections["Equity"], "unclosed_profit": unclosed,
            "total_assets": sections["Asset"]["total"],
            "total_liabilities_and_equity": total_le, "rows": rows}
