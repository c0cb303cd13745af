"""The methods behind selling's reports: ``/api/method/sales.sales_register`` and
``/api/method/sales.gross_profit`` (also ``/api/report/sales.<name>`` and the desk)."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from core import perms
from core.api.arguments import Arguments
from core.api.whitelist import whitelist
from core.errors import ValidationError
from modules.sales.reports import gross_profit as profit
from modules.sales.reports import sales_register as register

if TYPE_CHECKING:
    from core.context import Context


@whitelist()
def sales_register(ctx: Context, company: Any = None, from_date: Any = None,
                   to_date: Any = None, customer: Any = None) -> dict[str, Any]:
    """Submitted sales invoices of the period with their totals and outstanding amounts."""
    perms.require(ctx, "Sales Invoice", "read")
    args = Arguments(ctx)
    company = args.record(company, "company", "Company")
    start, end = args.date(from_date, "from_date"), args.date(to_date, "to_date")
    party = args.text(customer, "customer")
    _check_period(args, start, end)
    args.done()
    return register.sales_register(ctx, company, start, end, party)


@whitelist()
def gross_profit(ctx: Context, company: Any = None, from_date: Any = None,
                 to_date: Any = None, group_by: Any = None, customer: Any = None
                 ) -> dict[str, Any]:
    """Selling against buying amounts of the period's invoices, by invoice or by item;
    the buying side is stock cost, so it takes the right to read the stock ledger too."""
    perms.require(ctx, "Sales Invoice", "read")
    perms.require(ctx, "Stock Ledger Entry", "read")
    args = Arguments(ctx)
    company = args.record(company, "company", "Company")
    start, end = args.date(from_date, "from_date"), args.date(to_date, "to_date")
    grouping = args.text(group_by, "group_by") or "Invoice"
    party = args.text(customer, "customer")
    _check_period(args, start, end)
    if grouping not in profit.GROUPINGS:
        args.errors.append(ValidationError(
            f"group_by is {' or '.join(profit.GROUPINGS)}", field="group_by"))
    args.done()
    return profit.gross_profit(ctx, company, start, end, grouping, party)


def _check_period(args: Arguments, start: dt.date, end: dt.date) -> None:
    if start > end:
        args.errors.append(ValidationError("from_date is after to_date", field="from_date"))
