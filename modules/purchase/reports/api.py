"""The method behind buying's report: ``/api/method/purchase.purchase_register`` (also
``/api/report/purchase.purchase_register`` and the desk)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from core import perms
from core.api.arguments import Arguments
from core.api.whitelist import whitelist
from modules.purchase.reports import purchase_register as register

if TYPE_CHECKING:
    from core.context import Context


@whitelist()
def purchase_register(ctx: Context, company: Any = None, from_date: Any = None,
                      to_date: Any = None) -> dict[str, Any]:
    """Every submitted purchase invoice of the period: net, tax, total and outstanding."""
    perms.require(ctx, "Purchase Invoice", "read")
    args = Arguments(ctx)
    company = args.record(company, "company", "Company")
    start, end = args.date(from_date, "from_date"), args.date(to_date, "to_date")
    args.done()
    return register.purchase_register(ctx, company, start, end)
