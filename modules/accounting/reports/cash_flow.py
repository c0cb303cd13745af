"""Cash flow statement, indirect method: the period's net profit, adjusted by the change of
every other balance-sheet account, grouped into operating, investing and financing.

By double entry the three add up to the change in cash and bank, which the statement
shows beside them as the check it is.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from core.db import query
from modules.accounting.companies import company_precision
from modules.accounting.reports.trial_balance import check_period, ledger_sums

if TYPE_CHECKING:
    from core.context import Context

ZERO = Decimal(0)
CASH_TYPES = ("Cash", "Bank")
INVESTING_TYPES = ("Fixed Asset", "Accumulated Depreciation", "Capital Work in Progress")


def _activity(account: dict[str, Any]) -> str:
    if account["account_type"] in INVESTING_TYPES:
        return "investing"
    if account["root_type"] == "Equity" or account["parent_account"] and \
            account["parent_account"].startswith("Loans (Liabilities)"):
        return "financing"
    return "operating"


def cash_flow(ctx: Context, company: str, from_date: dt.date, to_date: dt.date
              ) -> dict[str, Any]:
    check_period(from_date, to_date)
    sums = ledger_sums(ctx, company, from_date, to_date)
    accounts = query.select_rows(ctx, "Account", fields=[
        "name", "root_type", "account_type", "parent_account"],
        filters={"company": company, "is_group": 0})
    unit = Decimal(1).scaleb(-company_precision(ctx, company))
    sections: dict[str, list[dict[str, Any]]] = {"operating": [], "investing": [],
                                                  "financing": []}
    net_profit = cash_change = ZERO
    for account in accounts:
        _, debit, credit = sums.get(account["name"], (ZERO, ZERO, ZERO))
        change = debit - credit
        if not change:
            continue
        if account["root_type"] in ("Income", "Expense"):
            net_profit -= change
        elif account["account_type"] in CASH_TYPES:
            cash_change += change
        else:
            # more assets used cash; more liabilities or equity brought cash in
            sections[_activity(account)].append({"account": account["name"],
                                                 "amount": (-change).quantize(unit)})
    sections["operating"].insert(0, {"account": "Net Profit", "amount": net_profit.quantize(
        unit)})
    totals = {k: sum((r["amount"] for r in v), ZERO) for k, v in sections.items()}
    net_change = sum(totals.values(), ZERO)
    rows = []
    for key, lines in sections.items():
        rows.append({"account": f"Cash from {key} activities", "amount": totals[key],
                     "is_group": 1, "indent": 0})
        rows.extend(line | {"is_group": 0, "indent": 1} for line in lines)
    rows.append({"account": "Net change in cash", "amount": net_change, "is_group": 1,
                 "indent": 0})
    return {"sections": sections, "totals": totals, "net_change": net_change,
            "cash_change": cash_change.quantize(unit), "rows": rows}
