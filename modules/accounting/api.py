"""Accounting's whitelisted methods: ``/api/method/accounting.<function>``.

Reports need read access to GL Entry and to the company (a user limited to some companies
sees only theirs); every argument is parsed and checked before any query runs.
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING, Any

from core import perms
from core.api.arguments import Arguments
from core.api.whitelist import whitelist
from core.document import parse_value
from core.errors import MultipleValidationErrors, ValidationError
from modules.accounting.banking import reconciliation as banking
from modules.accounting.payments import reconcile
from modules.accounting.reports import aging, statements
from modules.accounting.reports import cash_flow as cf
from modules.accounting.reports import general_ledger as gl
from modules.accounting.reports import trial_balance as tb

if TYPE_CHECKING:
    from core.context import Context


def report_args(ctx: Context, company: Any) -> tuple[Arguments, str]:
    """Ledger reports need read access to GL Entry and to the company."""
    perms.require(ctx, "GL Entry", "read")
    args = Arguments(ctx)
    return args, args.record(company, "company", "Company")


@whitelist()
def trial_balance(ctx: Context, company: Any = None, from_date: Any = None,
                  to_date: Any = None) -> dict[str, Any]:
    """Opening, debit, credit and closing of every account of ``company`` in the period."""
    args, company = report_args(ctx, company)
    start, end = args.date(from_date, "from_date"), args.date(to_date, "to_date")
    args.done()
    return tb.trial_balance(ctx, company, start, end)


@whitelist()
def profit_and_loss(ctx: Context, company: Any = None, from_date: Any = None,
                    to_date: Any = None) -> dict[str, Any]:
    """Income and expense accounts of the period, and the net profit."""
    args, company = report_args(ctx, company)
    start, end = args.date(from_date, "from_date"), args.date(to_date, "to_date")
    args.done()
    return statements.profit_and_loss(ctx, company, start, end)


@whitelist()
def balance_sheet(ctx: Context, company: Any = None, to_date: Any = None) -> dict[str, Any]:
    """Assets, liabilities and equity at ``to_date``."""
    args, company = report_args(ctx, company)
    on = args.date(to_date, "to_date")
    args.done()
    return statements.balance_sheet(ctx, company, on)


@whitelist()
def cash_flow(ctx: Context, company: Any = None, from_date: Any = None,
              to_date: Any = None) -> dict[str, Any]:
    """Operating, investing and financing cash flows of the period (indirect method)."""
    args, company = report_args(ctx, company)
    start, end = args.date(from_date, "from_date"), args.date(to_date, "to_date")
    args.done()
    return cf.cash_flow(ctx, company, start, end)


@whitelist()
def general_ledger(ctx: Context, company: Any = None, from_date: Any = None,
                   to_date: Any = None,
                   account: str | None = None, party_type: str | None = None,
                   party: str | None = None, voucher_no: str | None = None
                   ) -> dict[str, Any]:
    """Ledger entries of the period with opening and running balance."""
    args, company = report_args(ctx, company)
    start, end = args.date(from_date, "from_date"), args.date(to_date, "to_date")
    filters = {f: args.text(v, f) for f, v in (("account", account),
                                                ("party_type", party_type),
                                                ("party", party), ("voucher_no", voucher_no))}
    args.done()
    return gl.general_ledger(ctx, company, start, end, **filters)


@whitelist()
def party_ledger(ctx: Context, company: str, party_type: str, party: str, from_date: str,
                 to_date: str) -> dict[str, Any]:
    """One customer's or supplier's entries with opening and running balance."""
    return general_ledger(ctx, company, from_date, to_date, party_type=party_type,
                          party=party)


@whitelist()
def accounts_receivable(ctx: Context, company: Any = None,
                        report_date: Any = None) -> dict[str, Any]:
    """What each customer owes per invoice at ``report_date``, aged by due date."""
    args, company = report_args(ctx, company)
    on = args.date(report_date, "report_date")
    args.done()
    return aging.aging(ctx, company, "Receivable", on)


@whitelist()
def accounts_payable(ctx: Context, company: Any = None,
                     report_date: Any = None) -> dict[str, Any]:
    """What is owed to each supplier per invoice at ``report_date``, aged by due date."""
    args, company = report_args(ctx, company)
    on = args.date(report_date, "report_date")
    args.done()
    return aging.aging(ctx, company, "Payable", on)


@whitelist(methods=("POST",))
def allocate_advance(ctx: Context, payment_entry: str, invoice_type: str, invoice: str,
                     amount: Any, posting_date: Any = None) -> str:
    """Settle part of an invoice from a payment's unallocated advance (a journal entry)."""
    perms.require(ctx, "Journal Entry", "create")
    perms.require(ctx, "Journal Entry", "submit")
    errors: list[ValidationError] = []
    value: Decimal | None = parse_value("Currency", 2, amount, errors, "", "amount")
    on = parse_value("Date", None, posting_date, errors, "", "posting_date")
    if invoice_type not in ("Sales Invoice", "Purchase Invoice"):
        errors.append(ValidationError("invoice_type is Sales Invoice or Purchase Invoice",
                                      field="invoice_type"))
    if value is None:
        errors.append(ValidationError("amount is required", field="amount"))
    if errors:
        raise errors[0] if len(errors) == 1 else MultipleValidationErrors(errors)
    return reconcile.allocate_advance(ctx, payment_entry, invoice_type, invoice, value, on)


@whitelist(methods=("POST",))
def import_bank_statement(ctx: Context, bank_account: str, content: str,
                          file_format: str = "csv") -> dict[str, int]:
    """Import a CSV or OFX statement; lines already imported are skipped."""
    perms.require(ctx, "Bank Transaction", "create")
    if not isinstance(content, str) or not content.strip():
        raise ValidationError("content is the statement file's text", field="content")
    return banking.import_statement(ctx, bank_account, content, str(file_format).lower())


@whitelist()
def bank_reconciliation_suggestions(ctx: Context, bank_transaction: str
                                    ) -> list[dict[str, Any]]:
    """Vouchers that could match a statement line, best first."""
    perms.require(ctx, "Bank Transaction", "read")
    return banking.suggestions(ctx, bank_transaction)


@whitelist(methods=("POST",))
def reconcile_bank_transaction(ctx: Context, bank_transaction: str,
                               vouchers: Any) -> dict[str, Any]:
    """Match vouchers ``[{payment_document, payment_entry, allocated_amount}]`` to a line."""
    perms.require(ctx, "Bank Transaction", "write")
    if not isinstance(vouchers, list) or not vouchers:
        raise ValidationError("vouchers is a non-empty list", field="vouchers")
    errors: list[ValidationError] = []
    parsed = []
    for i, v in enumerate(vouchers, start=1):
        if not isinstance(v, dict):
            raise ValidationError(f"vouchers row {i} must be an object", field="vouchers")
        amount = parse_value("Currency", 2, v.get("allocated_amount"), errors,
                             f"vouchers row {i}: ", "allocated_amount")
        parsed.append((str(v.get("payment_document")), str(v.get("payment_entry")), amount))
    if errors:
        raise errors[0] if len(errors) == 1 else MultipleValidationErrors(errors)
    return banking.reconcile(ctx, bank_transaction, parsed).as_dict()


@whitelist(methods=("POST",))
def create_payment_from_bank_transaction(ctx: Context, bank_transaction: str,
                                         party_type: str, party: str) -> str:
    """Create, submit and match a payment entry for an unmatched statement line."""
    perms.require(ctx, "Payment Entry", "create")
    perms.require(ctx, "Payment Entry", "submit")
    return banking.create_payment(ctx, bank_transaction, party_type, party)
