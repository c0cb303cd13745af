"""Accounting's whitelisted methods: ``/api/method/accounting.<function>``."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from core import perms
from core.api.whitelist import whitelist
from core.document import parse_value
from core.errors import MultipleValidationErrors, PermissionDenied, ValidationError
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
