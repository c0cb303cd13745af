"""Chart of accounts templates, as trees of (name, attributes, children).

A node is ``(account_name, {"root_type"|"account_type"|"is_group": ...}, [children])``;
``root_type`` is given on the five roots and inherited below. A node with children is a
group. ``DEFAULTS`` names, for each default account of a company, the template account
that becomes it.
"""

from __future__ import annotations

from modules.accounting.charts import india, standard
from modules.accounting.charts.standard import Node

TEMPLATES: dict[str, list[Node]] = {"Standard": standard.CHART, "India": india.CHART}

DEFAULTS = {
    "default_receivable_account": "Debtors",
    "default_payable_account": "Creditors",
    "default_income_account": "Sales",
    "default_expense_account": "Cost of Goods Sold",
    "default_cash_account": "Cash",
    "default_bank_account": "Bank Account",
    "round_off_account": "Round Off",
    "exchange_gain_loss_account": "Exchange Gain/Loss",
    "write_off_account": "Write Off",
    "retained_earnings_account": "Retained Earnings",
}
