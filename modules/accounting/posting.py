"""The only writer of GL Entry rows: ``post`` a voucher's lines, ``reverse`` them on cancel.

Stages of ``post``: check the period is open and a fiscal year covers the date, check the
lines balance exactly as given, merge lines that share an account/party/cost center/
reference, round each to the currency's precision, book the rounding residue (never more
than half a paisa a line) to the company's round-off account, check every account, and
bulk-insert the rows. Any failure raises before anything is written, inside the caller's
transaction.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from core import records
from core.db import query
from core.errors import ConflictError
from core.meta.fieldtypes import quantize
from core.naming import row_name
from modules.accounting.budgets import check_budgets
from modules.accounting.companies import company_settings, currency_precision
from modules.accounting.errors import (
    GroupAccountPosting,
    InvalidAccount,
    NoFiscalYear,
    PartyRequired,
    PeriodLocked,
    UnbalancedPosting,
)

if TYPE_CHECKING:
    from core.context import Context

ZERO = Decimal(0)
PARTY_ACCOUNT_TYPES = ("Receivable", "Payable")


@dataclass(frozen=True)
class PostingLine:
    """One debit or credit, in company currency, before rounding.

    Give exact amounts (e.g. ``qty * rate * conversion_rate`` unrounded): ``post`` rounds
    them and books the residue. The account-currency amounts default to the company ones.
    """

    account: str
    debit: Decimal = ZERO
    credit: Decimal = ZERO
    party_type: str | None = None
    party: str | None = None
    cost_center: str | None = None
    against_voucher_type: str | None = None
    against_voucher: str | None = None
    debit_in_account_currency: Decimal | None = None
    credit_in_account_currency: Decimal | None = None
    is_opening: bool = False
    remarks: str = ""

    @property
    def key(self) -> tuple[Any, ...]:
        return (self.account, self.party_type, self.party, self.cost_center,
                self.against_voucher_type, self.against_voucher, self.is_opening)


@dataclass(frozen=True)
class Voucher:
    voucher_type: str
    voucher_no: str
    posting_date: dt.date
    company: str


def post(ctx: Context, voucher: Voucher, lines: Sequence[PostingLine]) -> list[dict[str, Any]]:
    """Write the voucher's ledger rows; returns them as written."""
    return post_many(ctx, [(voucher, lines)])


def post_many(ctx: Context, vouchers: Sequence[tuple[Voucher, Sequence[PostingLine]]]
              ) -> list[dict[str, Any]]:
    """Write many vouchers' ledger rows in one statement, each checked as ``post`` checks
    it: the bulk path for consolidations and imports (a point of sale's day, opening
    balances), where thousands of vouchers post together. All or nothing."""
    pending: dict[tuple[str, str, str], Decimal] = {}  # budget spending not yet written
    rows = [row for voucher, lines in vouchers
            for row in _ledger_rows(ctx, voucher, lines, pending)]
    query.insert_rows(ctx, "GL Entry", rows)
    return rows


def _ledger_rows(ctx: Context, voucher: Voucher, lines: Sequence[PostingLine],
                 pending: dict[tuple[str, str, str], Decimal]) -> list[dict[str, Any]]:
    settings = company_settings(ctx, voucher.company)
    check_period_open(settings, voucher.posting_date)
    check_not_closed(ctx, voucher.company, voucher.posting_date, voucher.voucher_no)
    fiscal_year = fiscal_year_of(ctx, voucher.posting_date)
    check_balanced(voucher, lines)
    precision = currency_precision(ctx, settings["default_currency"])
    rounded = [_round(line, precision) for line in merge(lines)]
    rounded += round_off(voucher, settings, rounded, precision)
    accounts = check_accounts(ctx, voucher, rounded)
    check_budgets(ctx, voucher, fiscal_year, [
        line for line in rounded if accounts[line.account]["root_type"] == "Expense"], pending)
    return [_row(ctx, voucher, fiscal_year, line, accounts[line.account], precision)
            for line in rounded]


def check_period_open(settings: dict[str, Any], posting_date: dt.date) -> None:
    frozen = settings.get("accounts_frozen_till_date")
    if frozen and posting_date <= frozen:
        raise PeriodLocked(f"Accounts are frozen till {frozen}: nothing can be posted on "
                           f"{posting_date}", field="posting_date")


def check_not_closed(ctx: Context, company: str, posting_date: dt.date,
                     voucher_no: str = "") -> None:
    """Refuse a date on or before the latest submitted period closing."""
    closed = sorted((r for r in records.get_all(ctx, "Period Closing Voucher")
                     if r["company"] == company and r["docstatus"] == 1
                     and r["posting_date"] >= posting_date and r["name"] != voucher_no),
                    key=lambda r: r["posting_date"], reverse=True)
    if closed:
        raise PeriodLocked(f"The period up to {closed[0]['posting_date']} is closed by "
                           f"{closed[0]['name']}: nothing can be posted on {posting_date}",
                           field="posting_date")


def fiscal_year_of(ctx: Context, posting_date: dt.date) -> str:
    key = f"accounting.fiscal_year.{posting_date}"
    if key not in ctx.cache:
        rows = [r for r in records.get_all(ctx, "Fiscal Year")
                if r["year_start_date"] <= posting_date <= r["year_end_date"]]
        if not rows:
            raise NoFiscalYear(f"No fiscal year covers {posting_date}: create one first",
                               field="posting_date")
        ctx.cache[key] = rows[0]["name"]
    return ctx.cache[key]


def check_balanced(voucher: Voucher, lines: Sequence[PostingLine]) -> None:
    """Debits equal credits exactly, before any rounding."""
    if not lines:
        raise UnbalancedPosting(f"{voucher.voucher_type} {voucher.voucher_no} has no "
                                "ledger lines")
    difference = sum((line.debit - line.credit for line in lines), ZERO)
    if difference != ZERO:
        raise UnbalancedPosting(
            f"{voucher.voucher_type} {voucher.voucher_no} does not balance: debits exceed "
            f"credits by {difference}", difference=str(difference))


def merge(lines: Iterable[PostingLine]) -> list[PostingLine]:
    """One line per account/party/cost center/reference, debit and credit netted."""
    merged: dict[tuple[Any, ...], PostingLine] = {}
    for line in lines:
        found = merged.get(line.key)
        merged[line.key] = line if found is None else replace(
            found, debit=found.debit + line.debit, credit=found.credit + line.credit,
            debit_in_account_currency=_add(found.debit_in_account_currency,
                                           line.debit_in_account_currency),
            credit_in_account_currency=_add(found.credit_in_account_currency,
                                            line.credit_in_account_currency),
            remarks=found.remarks or line.remarks)
    netted = [_net(line) for line in merged.values()]
    return [line for line in netted if line.debit or line.credit
            or line.debit_in_account_currency or line.credit_in_account_currency]


def _add(a: Decimal | None, b: Decimal | None) -> Decimal | None:
    return None if a is None and b is None else (a or ZERO) + (b or ZERO)


def _net(line: PostingLine) -> PostingLine:
    if _one_sided(line.debit, line.credit) and _one_sided(line.debit_in_account_currency,
                                                           line.credit_in_account_currency):
        return line  # already netted: the common case, kept cheap for bulk postings
    net = line.debit - line.credit
    acc_debit = line.debit_in_account_currency
    acc_credit = line.credit_in_account_currency
    acc_net = None if acc_debit is None and acc_credit is None \
        else (acc_debit or ZERO) - (acc_credit or ZERO)
    return replace(line, debit=max(net, ZERO), credit=max(-net, ZERO),
                   debit_in_account_currency=None if acc_net is None else max(acc_net, ZERO),
                   credit_in_account_currency=None if acc_net is None else max(-acc_net, ZERO))


def _one_sided(debit: Decimal | None, credit: Decimal | None) -> bool:
    if debit is None and credit is None:
        return True
    debit, credit = debit or ZERO, credit or ZERO
    return debit >= 0 and credit >= 0 and not (debit and credit)


def _round(line: PostingLine, precision: int) -> PostingLine:
    debit, credit = quantize(line.debit, precision), quantize(line.credit, precision)
    if debit == line.debit and credit == line.credit \
            and debit.as_tuple().exponent == credit.as_tuple().exponent == -precision:
        return line
    return replace(line, debit=debit, credit=credit)


def round_off(voucher: Voucher, settings: dict[str, Any], lines: list[PostingLine],
              precision: int) -> list[PostingLine]:
    """The line that absorbs what rounding each line to the paisa left over."""
    residue = sum((line.debit - line.credit for line in lines), ZERO)
    if residue == ZERO:
        return []
    unit = Decimal(1).scaleb(-precision)
    if abs(residue) > unit * len(lines) / 2 or not settings.get("round_off_account"):
        raise UnbalancedPosting(f"{voucher.voucher_type} {voucher.voucher_no}: rounding left "
                                f"{residue}, more than rounding can explain")
    return [PostingLine(account=settings["round_off_account"],
                        debit=max(-residue, ZERO), credit=max(residue, ZERO),
                        cost_center=settings.get("round_off_cost_center"),
                        remarks="Rounding difference")]


def check_accounts(ctx: Context, voucher: Voucher,
                   lines: Sequence[PostingLine]) -> dict[str, dict[str, Any]]:
    names = sorted({line.account for line in lines})
    found = records.get_many(ctx, "Account", names)
    for line in lines:
        account = found.get(line.account)
        if account is None or account["company"] != voucher.company:
            raise InvalidAccount(f"Account {line.account} does not exist in company "
                                 f"{voucher.company}", field="account")
        if account["is_group"]:
            raise GroupAccountPosting(f"Account {line.account} is a group: post to one of "
                                      "its ledger accounts", field="account")
        if account["disabled"]:
            raise InvalidAccount(f"Account {line.account} is disabled", field="account")
        if account["account_type"] in PARTY_ACCOUNT_TYPES and not line.party:
            raise PartyRequired(f"Account {line.account} is {account['account_type']}: a "
                                "party is required", field="party")
    return found


def _row(ctx: Context, voucher: Voucher, fiscal_year: str, line: PostingLine,
         account: dict[str, Any], precision: int) -> dict[str, Any]:
    acc_precision = currency_precision(ctx, account["account_currency"]) \
        if account["account_currency"] else precision
    acc_debit = line.debit if line.debit_in_account_currency is None \
        else quantize(line.debit_in_account_currency, acc_precision)
    acc_credit = line.credit if line.credit_in_account_currency is None \
        else quantize(line.credit_in_account_currency, acc_precision)
    return {
        "name": row_name(), "owner": ctx.user, "creation": ctx.now,
        "modified": ctx.now, "modified_by": ctx.user, "docstatus": 1, "idx": 0,
        "posting_date": voucher.posting_date, "company": voucher.company,
        "account": line.account, "party_type": line.party_type, "party": line.party,
        "cost_center": line.cost_center, "debit": line.debit, "credit": line.credit,
        "account_currency": account["account_currency"],
        "debit_in_account_currency": acc_debit, "credit_in_account_currency": acc_credit,
        "voucher_type": voucher.voucher_type, "voucher_no": voucher.voucher_no,
        "against_voucher_type": line.against_voucher_type,
        "against_voucher": line.against_voucher, "fiscal_year": fiscal_year,
        "is_opening": int(line.is_opening), "is_reversal": 0, "remarks": line.remarks,
    }


def reverse(ctx: Context, voucher_type: str, voucher_no: str,
            posting_date: dt.date | None = None) -> list[dict[str, Any]]:
    """Cancel a voucher's ledger effect with opposite rows dated ``posting_date`` (today)."""
    posting_date = posting_date or ctx.now.date()
    rows = query.select_rows(ctx, "GL Entry", filters={
        "voucher_type": voucher_type, "voucher_no": voucher_no}, order_by="creation asc")
    if any(r["is_reversal"] for r in rows):
        raise ConflictError(f"{voucher_type} {voucher_no} is already reversed")
    if not rows:
        return []
    check_period_open(company_settings(ctx, rows[0]["company"]), posting_date)
    check_not_closed(ctx, rows[0]["company"], posting_date, voucher_no)
    fiscal_year = fiscal_year_of(ctx, posting_date)
    reversal = [r | {
        "name": row_name(), "owner": ctx.user, "creation": ctx.now,
        "modified": ctx.now, "modified_by": ctx.user, "posting_date": posting_date,
        "fiscal_year": fiscal_year, "debit": r["credit"], "credit": r["debit"],
        "debit_in_account_currency": r["credit_in_account_currency"],
        "credit_in_account_currency": r["debit_in_account_currency"], "is_reversal": 1,
        "remarks": f"Cancellation of {voucher_type} {voucher_no}"} for r in rows]
    query.insert_rows(ctx, "GL Entry", reversal)
    return reversal
