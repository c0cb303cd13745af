"""Sales register: every submitted sales invoice of a period with its net, tax and grand
totals and what is still outstanding, in the company's currency.

Invoice figures are kept in the invoice currency; the register converts them at the
invoice's own exchange rate. The grand total is the invoice's stored
``base_grand_total`` and the tax is what is left of it after the converted net total,
so each row adds up to the paisa even when converting the parts would round apart.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from core.db import query
from core.meta.fieldtypes import quantize
from modules.accounting.companies import company_precision, company_settings

if TYPE_CHECKING:
    from core.context import Context

ZERO = Decimal(0)
FIGURES = ("net_total", "tax_total", "grand_total", "outstanding_amount")
FIELDS = ["name", "posting_date", "customer", "customer_name", "currency", "conversion_rate",
          "total", "base_grand_total", "outstanding_amount", "party_account_currency",
          "is_return", "return_against"]


def sales_register(ctx: Context, company: str, from_date: dt.date, to_date: dt.date,
                   customer: str | None = None) -> dict[str, Any]:
    filters: list[list[Any]] = [["company", "=", company], ["docstatus", "=", 1],
                                ["posting_date", ">=", from_date],
                                ["posting_date", "<=", to_date]]
    if customer:
        filters.append(["customer", "=", customer])
    invoices = query.select_rows(ctx, "Sales Invoice", fields=FIELDS, filters=filters,
                                 order_by="posting_date asc, name asc")
    precision = company_precision(ctx, company)
    currency = company_settings(ctx, company)["default_currency"]
    rows = [_row(invoice, currency, precision) for invoice in invoices]
    totals = {f: sum((r[f] for r in rows), ZERO) for f in FIGURES}
    return {"rows": rows, "totals": totals, "currency": currency}


def _row(invoice: dict[str, Any], currency: str, precision: int) -> dict[str, Any]:
    rate = invoice["conversion_rate"] or Decimal(1)
    net = quantize(invoice["total"] * rate, precision)
    grand = quantize(invoice["base_grand_total"], precision)
    return {"posting_date": invoice["posting_date"], "invoice": invoice["name"],
            "customer": invoice["customer"], "customer_name": invoice["customer_name"],
            "net_total": net, "tax_total": grand - net, "grand_total": grand,
            "outstanding_amount": _outstanding(invoice, currency, rate, precision),
            "is_return": bool(invoice["is_return"]),
            "return_against": invoice["return_against"]}


def _outstanding(invoice: dict[str, Any], currency: str, rate: Decimal,
                 precision: int) -> Decimal:
    """The outstanding amount is kept in the receivable account's currency: a foreign
    currency account's balance is converted at the invoice's rate (its book value)."""
    amount = invoice["outstanding_amount"] or ZERO
    if (invoice["party_account_currency"] or currency) != currency:
        amount *= rate
    return quantize(amount, precision)
