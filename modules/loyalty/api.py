"""Loyalty's whitelisted methods: ``/api/method/loyalty.<function>``."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from core import perms
from core.api.arguments import Arguments
from core.api.whitelist import whitelist
from core.document import jsonable
from modules.loyalty import expiry
from modules.loyalty.reports.customer_points import summary

if TYPE_CHECKING:
    from core.context import Context


@whitelist()
def points_balance(ctx: Context, company: Any = None, customer: Any = None,
                   on: Any = None) -> dict[str, Any]:
    """What a customer holds on ``on`` (today): ``{"customer", "loyalty_program",
    "loyalty_tier", "loyalty_points", "amount", "expiring": [{"expiry_date",
    "loyalty_points"}]}`` — what a till shows before the customer redeems."""
    perms.require(ctx, "Loyalty Point Entry", "read")
    args = Arguments(ctx)
    company = args.record(company, "company", "Company")
    party = args.record(customer, "customer", "Customer")
    day = args.date(on, "on") if on not in (None, "") else ctx.now.date()
    args.done()
    return jsonable(summary(ctx, company, party, day))


@whitelist(methods=("POST",))
def expire_points(ctx: Context, on: Any = None) -> dict[str, Any]:
    """Expire every point that lapsed before ``on`` (today); safe to run again. The
    scheduler runs it daily; this is the same run by hand (see the module's README)."""
    perms.require(ctx, "Loyalty Program", "write")
    args = Arguments(ctx)
    day = args.date(on, "on") if on not in (None, "") else ctx.now.date()
    args.done()
    return jsonable(expiry.expire_points(ctx, day).as_dict())
