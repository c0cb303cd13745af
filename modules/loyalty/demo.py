"""Demo loyalty: Showroom Rewards in the demo company (a point is worth 1.00, one point
per 100.00 spent, per 50.00 from 50,000.00 spent; points last a year), the counter's
customers enrolled, and the showroom counter taking points as a payment."""

from __future__ import annotations

from typing import TYPE_CHECKING

from core import lifecycle
from core.db import query
from modules.loyalty.accounts import MODE_OF_PAYMENT

if TYPE_CHECKING:
    from core.context import Context

COMPANY = "Demo Furniture Pvt Ltd"
PROGRAM, PROFILE = "Showroom Rewards", "Showroom Counter"
MEMBERS = ("Anita Desai", "Rohan Kulkarni")


def make_demo(ctx: Context) -> None:
    if not query.exists(ctx, "Company", COMPANY) or query.exists(
            ctx, "Loyalty Program", PROGRAM):
        return
    lifecycle.insert(ctx, lifecycle.new_doc(ctx, "Loyalty Program", {
        "loyalty_program_name": PROGRAM, "company": COMPANY, "from_date": "2025-04-01",
        "conversion_factor": 1, "expiry_days": 365,
        "collection_rules": [
            {"tier_name": "Silver", "min_spent": 0, "collection_factor": 100},
            {"tier_name": "Gold", "min_spent": 50000, "collection_factor": 50}]}))
    for name in MEMBERS:
        if query.exists(ctx, "Customer", name):
            customer = lifecycle.get_doc(ctx, "Customer", name)
            customer.loyalty_program = PROGRAM
            lifecycle.save(ctx, customer)
    if query.exists(ctx, "POS Profile", PROFILE):
        profile = lifecycle.get_doc(ctx, "POS Profile", PROFILE)
        if all(r.mode_of_payment != MODE_OF_PAYMENT for r in profile.children("payments")):
            profile.append("payments", {"mode_of_payment": MODE_OF_PAYMENT}, ctx)
            lifecycle.save(ctx, profile)
