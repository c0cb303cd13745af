"""Accounting's whitelisted methods: ``/api/method/accounting.<function>``."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from core import perms
from core.api.whitelist import whitelist
from core.document import parse_value
from core.errors import MultipleValidationErrors, PermissionDenied, ValidationError
from modules.accounting.payments import reconcile
from modules.accounting.reports import trial_balance as tb

if TYPE_CHECKING:
    import datetime as dt

    from core.context import Context


def _date(value: Any, field: str, errors: list[ValidationError]) -> dt.date:
    if value in (None, ""):
        errors.append(ValidationError(f"{field} is required", field=field))
        return None  # type: ignore[return-value]
    return parse_value("Date", None, value, errors, "", field)


def _report_args(ctx: Context, company: Any, from_date: Any, to_date: Any
                 ) -> tuple[str, dt.date, dt.date]:
    perms.require(ctx, "GL Entry", "read")
    errors: list[ValidationError] = []
    if not isinstance(company, str) or not company:
        errors.append(ValidationError("company is required", field="company"))
    start, end = _date(from_date, "from_date", errors), _date(to_date, "to_date", errors)
    if errors:
        raise errors[0] if len(errors) == 1 else MultipleValidationErrors(errors)
    perms.require(ctx, "Company", "read")
    allowed = perms.restrictions(ctx).get("Company")
    if allowed is not None and company not in allowed:
        raise PermissionDenied(f"You are not permitted to access Company {company}")
    return company, start, end


@whitelist()
def trial_balance(ctx: Context, company: str, from_date: str, to_date: str
                  ) -> dict[str, Any]:
    """Opening, debit, credit and closing of every account of ``company`` in the period."""
    return tb.trial_balance(ctx, *_report_args(ctx, company, from_date, to_date))


@whitelist(methods=("POST",))
def allocate_advance(ctx: Context, payment_entry: str, invoice_type: str, invoice: str,
                     amount: Any, posting_date: Any = None) -> str:
    """Settle part of an invoice from a payment's unallocated advance (a journal entry)."""
    perms.require(ctx, "Journal Entry", "create")
    perms.require(ctx, "Journal Entry", "submit")
    errors: list[ValidationError] = []
    value = parse_value("Currency", 2, amount, errors, "", "amount")
    on = parse_value("Date", None, posting_date, errors, "", "posting_date")
    if invoice_type not in ("Sales Invoice", "Purchase Invoice"):
        errors.append(ValidationError("invoice_type is Sales Invoice or Purchase Invoice",
                                      field="invoice_type"))
    if errors or value is None:
        raise errors[0] if errors else ValidationError("amount is required", field="amount")
    return reconcile.allocate_advance(ctx, payment_entry, invoice_type, invoice, value, on)
