"""Exchange Rate Revaluation: restates foreign-currency balances (receivables, payables,
bank) at the period-end rate and books the unrealised gain or loss."""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

from sqlalchemy import func, select

from core.db import query
from core.errors import ValidationError
from core.meta.fieldtypes import quantize
from modules.accounting.companies import company_precision, company_settings
from modules.accounting.exchange import exchange_rate
from modules.accounting.posting import PostingLine, Voucher, post, reverse

if TYPE_CHECKING:
    from core.context import Context
    from core.document import Document

ZERO = Decimal(0)

DOCTYPE = {
    "name": "Exchange Rate Revaluation",
    "autoname": "ACC-ERR-.YYYY.-.#####",
    "is_submittable": 1,
    "sort_field": "posting_date",
    "fields": [
        {"fieldname": "company", "fieldtype": "Link", "options": "Company",
         "label": "Company", "reqd": 1, "in_list_view": 1},
        {"fieldname": "posting_date", "fieldtype": "Date", "label": "Posting Date",
         "reqd": 1, "default": "Today", "in_list_view": 1},
        {"fieldname": "accounts", "fieldtype": "Table",
         "options": "Exchange Rate Revaluation Account", "label": "Balances"},
        {"fieldname": "total_gain_loss", "fieldtype": "Currency",
         "label": "Total Gain / Loss", "read_only": 1, "in_list_view": 1},
    ],
    "permissions": [
        {"role": "System Manager", "read": 1, "write": 1, "create": 1, "delete": 1,
         "submit": 1, "cancel": 1},
        {"role": "Accounts Manager", "read": 1, "write": 1, "create": 1, "delete": 1,
         "submit": 1, "cancel": 1},
    ],
}


def validate(ctx: Context, doc: Document) -> None:
    settings = company_settings(ctx, doc.company)
    if not doc.children("accounts"):
        for row in foreign_balances(ctx, doc.company, settings["default_currency"],
                                    doc.posting_date):
            doc.append("accounts", row, ctx)
    precision = company_precision(ctx, doc.company)
    for i, row in enumerate(doc.children("accounts"), start=1):
        _restate(ctx, doc, row, i, settings["default_currency"], precision)
    doc.total_gain_loss = sum((r.gain_loss for r in doc.children("accounts")), ZERO)


def foreign_balances(ctx: Context, company: str, company_currency: str, on: object
                     ) -> list[dict[str, object]]:
    """Every non-zero balance, by account and party, of the company's foreign accounts."""
    accounts = {a["name"]: a["account_currency"] for a in query.select_rows(
        ctx, "Account", fields=["name", "account_currency"], filters=[
            ["company", "=", company], ["is_group", "=", 0],
            ["account_currency", "!=", company_currency]])}
    if not accounts:
        return []
    gl = query.view(ctx, "GL Entry")
    in_account = func.sum(gl.c.debit_in_account_currency - gl.c.credit_in_account_currency)
    stmt = (select(gl.c.account, gl.c.party_type, gl.c.party, in_account,
                   func.sum(gl.c.debit - gl.c.credit))
            .where(gl.c.company == company, gl.c.account.in_(list(accounts)),
                   gl.c.posting_date <= on)
            .group_by(gl.c.account, gl.c.party_type, gl.c.party)
            .order_by(gl.c.account, gl.c.party))
    return [{"account": account, "party_type": party_type, "party": party,
             "account_currency": accounts[account],
             "balance_in_account_currency": Decimal(str(acc)),
             "balance_in_base_currency": Decimal(str(base))}
            for account, party_type, party, acc, base in ctx.conn.execute(stmt) if acc]


def _restate(ctx: Context, doc: Document, row: Document, i: int, company_currency: str,
             precision: int) -> None:
    if not row.account_currency or row.balance_in_account_currency is None:
        raise ValidationError(f"Balances row {i}: leave the table empty to fetch the "
                              "balances", field="accounts")
    row.new_exchange_rate = row.new_exchange_rate or exchange_rate(
        ctx, row.account_currency, company_currency, doc.posting_date)
    row.new_balance_in_base_currency = quantize(
        row.balance_in_account_currency * row.new_exchange_rate, precision)
    row.gain_loss = row.new_balance_in_base_currency - row.balance_in_base_currency


def on_submit(ctx: Context, doc: Document) -> None:
    settings = company_settings(ctx, doc.company)
    lines = []
    for row in doc.children("accounts"):
        if not row.gain_loss:
            continue
        lines.append(PostingLine(
            account=row.account, party_type=row.party_type or None, party=row.party or None,
            debit=max(row.gain_loss, ZERO), credit=max(-row.gain_loss, ZERO),
            debit_in_account_currency=ZERO, credit_in_account_currency=ZERO,
            remarks=f"Revalued at {row.new_exchange_rate}"))
        lines.append(PostingLine(
            account=settings["exchange_gain_loss_account"], cost_center=settings["cost_center"],
            debit=max(-row.gain_loss, ZERO), credit=max(row.gain_loss, ZERO)))
    if not lines:
        raise ValidationError("Nothing to revalue: every balance is at the new rate",
                              field="accounts")
    post(ctx, Voucher("Exchange Rate Revaluation", doc.name or "", doc.posting_date,
                      doc.company), lines)


def on_cancel(ctx: Context, doc: Document) -> None:
    reverse(ctx, "Exchange Rate Revaluation", doc.name or "")
