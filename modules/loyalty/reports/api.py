"""The method behind loyalty's report: ``/api/method/loyalty.customer_points``."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from core import perms
from core.api.arguments import Arguments
from core.api.whitelist import whitelist
from modules.loyalty.reports import customer_points as points

if TYPE_CHECKING:
    from core.context import Context


@whitelist()
def customer_points(ctx: Context, company: Any = None, customer: Any = None,
                    on: Any = None) -> dict[str, Any]:
    """A customer's loyalty history up to ``on`` (today), with the balance and tier."""
    perms.require(ctx, "Loyalty Point Entry", "read")
    args = Arguments(ctx)
    company = args.record(company, "company", "Company")
    party = args.record(customer, "customer", "Customer")
    day = args.date(on, "on") if on not in (None, "") else ctx.now.date()
    args.done()
    return points.customer_points(ctx, company, party, day)
