"""Gross profit: what the goods sold for against what the stock ledger says they cost,
per invoice or per item, in the company's currency.

Selling amounts are the invoice lines converted at the invoice's rate; buying amounts
come from ``costs.line_costs``. Credit notes carry negative quantities and amounts, and
the goods they bring back come in at the cost they left with, so a return lowers both
the selling and the buying side of its group.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from sqlalchemy import and_, select

from core.db import query
from core.meta.fieldtypes import quantize
from modules.accounting.companies import company_precision
from modules.sales.reports.costs import line_costs

if TYPE_CHECKING:
    from core.context import Context

ZERO = Decimal(0)
HUNDRED = Decimal(100)
GROUPINGS = ("Invoice", "Item")
FIGURES = ("qty", "selling_amount", "buying_amount", "gross_profit")


def gross_profit(ctx: Context, company: str, from_date: dt.date, to_date: dt.date,
                 group_by: str = "Invoice", customer: str | None = None) -> dict[str, Any]:
    precision = company_precision(ctx, company)
    lines, invoices = _lines(ctx, company, from_date, to_date, customer)
    costs = line_costs(ctx, lines, invoices, precision)
    groups: dict[str, dict[str, Any]] = {}
    for line in lines:
        group = groups.setdefault(*_group(line, group_by))
        group["qty"] += line["qty"]
        group["selling_amount"] += quantize(line["amount"] * line["conversion_rate"],
                                            precision)
        group["buying_amount"] += costs[line["line"]]
    rows = [_with_profit(g) for g in groups.values()]
    if group_by == "Item":
        rows.sort(key=lambda r: r["item_code"] or "")
    totals = _with_profit({f: sum((r[f] for r in rows), ZERO) for f in FIGURES[:3]})
    return {"rows": rows, "totals": totals, "columns": COLUMNS[group_by]}


def _lines(ctx: Context, company: str, from_date: dt.date, to_date: dt.date,
           customer: str | None) -> tuple[list[dict[str, Any]], Any]:
    """The lines of the submitted invoices of the period (in date order), and a query
    selecting those invoices' names."""
    si, sii = query.view(ctx, "Sales Invoice"), query.view(ctx, "Sales Invoice Item")
    chosen = [si.c.company == company, si.c.docstatus == 1,
              si.c.posting_date >= from_date, si.c.posting_date <= to_date]
    if customer:
        chosen.append(si.c.customer == customer)
    stmt = (select(si.c.name.label("invoice"), si.c.posting_date, si.c.customer,
                   si.c.conversion_rate, sii.c.name.label("line"), sii.c.item_code,
                   sii.c.item_name, sii.c.qty, sii.c.amount, sii.c.dn_detail)
            .join(sii, and_(sii.c.parent == si.c.name, sii.c.parenttype == "Sales Invoice"))
            .where(*chosen).order_by(si.c.posting_date, si.c.name, sii.c.idx))
    lines = [dict(r._mapping) for r in ctx.conn.execute(stmt)]
    for line in lines:
        line["qty"] = Decimal(str(line["qty"] or 0))
        line["conversion_rate"] = Decimal(str(line["conversion_rate"] or 1))
    return lines, select(si.c.name).where(*chosen)


def _group(line: dict[str, Any], group_by: str) -> tuple[str, dict[str, Any]]:
    empty = dict.fromkeys(FIGURES[:3], ZERO)
    if group_by == "Item":
        key = line["item_code"] or line["item_name"]
        return key, {"item_code": line["item_code"], "item_name": line["item_name"]} | empty
    return line["invoice"], {"invoice": line["invoice"], "posting_date": line["posting_date"],
                             "customer": line["customer"]} | empty


def _with_profit(row: dict[str, Any]) -> dict[str, Any]:
    profit = row["selling_amount"] - row["buying_amount"]
    percent = (profit / row["selling_amount"] * HUNDRED).quantize(Decimal("0.01")) \
        if row["selling_amount"] else ZERO
    return row | {"gross_profit": profit, "gross_profit_percent": percent}


def _money(fieldname: str, label: str) -> dict[str, str]:
    return {"fieldname": fieldname, "label": label, "fieldtype": "Currency"}


FIGURE_COLUMNS = [{"fieldname": "qty", "label": "Quantity", "fieldtype": "Float"},
                  _money("selling_amount", "Selling Amount"),
                  _money("buying_amount", "Buying Amount"),
                  _money("gross_profit", "Gross Profit"),
                  {"fieldname": "gross_profit_percent", "label": "Gross Profit %",
                   "fieldtype": "Percent"}]
COLUMNS = {
    "Invoice": [{"fieldname": "invoice", "label": "Invoice", "fieldtype": "Link",
                 "options": "Sales Invoice"},
                {"fieldname": "posting_date", "label": "Date", "fieldtype": "Date"},
                {"fieldname": "customer", "label": "Customer", "fieldtype": "Link",
                 "options": "Customer"}, *FIGURE_COLUMNS],
    "Item": [{"fieldname": "item_code", "label": "Item", "fieldtype": "Link",
              "options": "Item"},
             {"fieldname": "item_name", "label": "Item Name", "fieldtype": "Data"},
             *FIGURE_COLUMNS],
}
