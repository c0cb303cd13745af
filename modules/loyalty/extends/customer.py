"""What loyalty adds to a customer: the program they collect points in and the tier
their spend has reached (kept by the points ledger, never typed in)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from modules.loyalty import programs
from modules.loyalty.errors import InvalidProgram
from modules.loyalty.fields import CUSTOMER_FIELDS

if TYPE_CHECKING:
    from core.context import Context
    from core.document import Document

EXTENDS = "Customer"
FIELDS = CUSTOMER_FIELDS


def validate(ctx: Context, doc: Document) -> None:
    if not doc.loyalty_program:
        doc.loyalty_tier = None
        return
    program = programs.load(ctx, doc.loyalty_program)
    if program.customer_group and program.customer_group != doc.customer_group or \
            program.customer_territory and program.customer_territory != doc.territory:
        raise InvalidProgram(f"{program.name} is for customers of "
                             f"{program.customer_group or 'any group'} in "
                             f"{program.customer_territory or 'any territory'}",
                             field="loyalty_program")
    if doc.name:
        tier = programs.tier_for(program, programs.total_spent(ctx, doc.name, program))
        doc.loyalty_tier = tier.name if tier else None
