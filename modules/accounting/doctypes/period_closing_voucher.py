"""Period Closing Voucher: closes a period's income and expense into retained earnings.

On submit every income and expense account's balance from the start of the fiscal year
to the closing date is posted back to zero against the closing account; from then on no
posting may be dated on or before the closing date, until the voucher is cancelled.
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

from sqlalchemy import func, select

from core.db import query
from core.errors import ValidationError
from modules.accounting.companies import company_settings
from modules.accounting.posting import PostingLine, Voucher, post, reverse

if TYPE_CHECKING:
    from core.context import Context
    from core.document import Document

ZERO = Decimal(0)

DOCTYPE = {
    "name": "Period Closing Voucher",
    "cache_records": 1,
    "autoname": "ACC-PCV-.YYYY.-.#####",
    "is_submittable": 1,
    "sort_field": "posting_date",
    "fields": [
        {"fieldname": "company", "fieldtype": "Link", "options": "Company",
         "label": "Company", "reqd": 1, "in_list_view": 1},
        {"fieldname": "fiscal_year", "fieldtype": "Link", "options": "Fiscal Year",
         "label": "Fiscal Year", "reqd": 1, "in_list_view": 1},
        {"fieldname": "posting_date", "fieldtype": "Date", "label": "Closing Date",
         "reqd": 1, "in_list_view": 1},
        {"fieldname": "closing_account_head", "fieldtype": "Link", "options": "Account",
         "label": "Closing Account (Equity)"},
        {"fieldname": "net_profit", "fieldtype": "Currency", "label": "Net Profit Closed",
         "read_only": 1, "in_list_view": 1},
        {"fieldname": "remarks", "fieldtype": "Small Text", "label": "Remarks"},
    ],
    "permissions": [
        {"role": "System Manager", "read": 1, "write": 1, "create": 1, "delete": 1,
         "submit": 1, "cancel": 1},
        {"role": "Accounts Manager", "read": 1, "write": 1, "create": 1, "delete": 1,
         "submit": 1, "cancel": 1},
    ],
}


def validate(ctx: Context, doc: Document) -> None:
    year = query.select_rows(ctx, "Fiscal Year", fields=["year_start_date", "year_end_date"],
                             filters={"name": doc.fiscal_year}, limit=1)
    if year and not (year[0]["year_start_date"] <= doc.posting_date
                     <= year[0]["year_end_date"]):
        raise ValidationError(f"The closing date is outside fiscal year {doc.fiscal_year}",
                              field="posting_date")
    doc.closing_account_head = doc.closing_account_head or query.get_value(
        ctx, "Company", doc.company, "retained_earnings_account")
    root = query.get_value(ctx, "Account", doc.closing_account_head or "", "root_type")
    if root not in ("Equity", "Liability"):
        raise ValidationError("The closing account must be an Equity or Liability account",
                              field="closing_account_head")
    later = query.select_rows(ctx, "Period Closing Voucher", fields=["name"], filters=[
        ["company", "=", doc.company], ["docstatus", "=", 1],
        ["posting_date", ">=", doc.posting_date], ["name", "!=", doc.name or ""]], limit=1)
    if later:
        raise ValidationError(f"{later[0]['name']} already closes this period or a later one",
                              field="posting_date")


def _balances(ctx: Context, doc: Document) -> list[tuple[str, Decimal]]:
    start = query.get_value(ctx, "Fiscal Year", doc.fiscal_year, "year_start_date")
    accounts = [a["name"] for a in query.select_rows(ctx, "Account", fields=["name"], filters=[
        ["company", "=", doc.company], ["root_type", "in", ["Income", "Expense"]],
        ["is_group", "=", 0]])]
    gl = query.view(ctx, "GL Entry")
    total = func.sum(gl.c.debit - gl.c.credit)
    rows = ctx.conn.execute(
        select(gl.c.account, total).where(
            gl.c.company == doc.company, gl.c.account.in_(accounts),
            gl.c.posting_date >= start, gl.c.posting_date <= doc.posting_date)
        .group_by(gl.c.account).having(total != 0).order_by(gl.c.account))
    return [(account, Decimal(str(amount))) for account, amount in rows]


def on_submit(ctx: Context, doc: Document) -> None:
    balances = _balances(ctx, doc)
    if not balances:
        raise ValidationError("No income or expense to close in this period",
                              field="posting_date")
    cost_center = company_settings(ctx, doc.company)["cost_center"]
    lines = [PostingLine(account=account, debit=max(-amount, ZERO),
                         credit=max(amount, ZERO), cost_center=cost_center)
             for account, amount in balances]
    net = sum((amount for _, amount in balances), ZERO)  # debit balance = a loss
    lines.append(PostingLine(account=doc.closing_account_head, debit=max(net, ZERO),
                             credit=max(-net, ZERO), remarks="Profit or loss closed"))
    doc.net_profit = -net
    post(ctx, Voucher("Period Closing Voucher", doc.name or "", doc.posting_date,
                      doc.company), lines)
    query.update_row(ctx, "Period Closing Voucher", doc.name or "", {"net_profit": -net})


def on_cancel(ctx: Context, doc: Document) -> None:
    # Dated the closing date, not the cancel day: reopening must restore the closed
    # year's income and expense balances inside that year.
    reverse(ctx, "Period Closing Voucher", doc.name or "", doc.posting_date)
