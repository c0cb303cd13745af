"""Purchase register: every submitted purchase invoice of a period (debit notes
included, negative) with its net total, taxes, grand total and what is still owed, in
the company's currency, and the totals of each column.

Invoice figures are kept in the invoice currency; the register converts them at the
invoice's own exchange rate. The grand total is the stored ``base_grand_total`` and the
tax what is left of it after the converted net total, so each row adds up to the paisa.
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
FIGURES = ("net_total", "tax", "grand_total", "outstanding_amount")
FIELDS = ["name", "posting_date", "supplier", "bill_no", "conversion_rate", "total",
          "base_grand_total", "outstanding_amount", "party_account_currency", "is_return"]


def purchase_register(ctx: Context, company: str, from_date: dt.date,
                      to_date: dt.date) -> dict[str, Any]:
    invoices = query.select_rows(ctx, "Purchase Invoice", fields=FIELDS, filters=[
        ["company", "=", company], ["docstatus", "=", 1], ["posting_date", ">=", from_date],
        ["posting_date", "<=", to_date]], order_by="posting_date asc, name asc")
    precision = company_precision(ctx, company)
    currency = company_settings(ctx, company)["default_currency"]
    rows = [_row(invoice, currency, precision) for invoice in invoices]
    return {"rows": rows, "totals": {f: sum((r[f] for r in rows), ZERO) for f in FIGURES},
            "currency": currency}


def _row(invoice: dict[str, Any], currency: str, precision: int) -> dict[str, Any]:
    rate = invoice["conversion_rate"] or Decimal(1)
    net = quantize(invoice["total"] * rate, precision)
    grand = quantize(invoice["base_grand_total"], precision)
    owed = invoice["outstanding_amount"] or ZERO
    if (invoice["party_account_currency"] or currency) != currency:
        owed *= rate  # a foreign currency payable is owed at the bill's rate (book value)
    return {"posting_date": invoice["posting_date"], "name": invoice["name"],
            "supplier": invoice["supplier"], "bill_no": invoice["bill_no"],
            "net_total": net, "tax": grand - net, "grand_total": grand,
            "outstanding_amount": quantize(owed, precision),
            "is_return": bool(invoice["is_return"])}
