"""Paying with points.

- Points are redeemed on a sale (never a return) in the company's currency, for a
  customer whose program applies to the sale; they are worth points x the program's
  value of a point (``loyalty_amount``), at most the grand total.
- At most the customer's balance on the sale's date: checked when the sale is saved and
  again on submit with the customer's row locked, so two tills spending the same last
  points cannot both succeed.
- A counter sale pays the amount in the program's mode of payment (the till's row is
  set to it); the closing debits the liability with it. A sales invoice posts the
  amount against its receivable (``postings.redemption``).
- A payment in the points mode without redeeming points is refused, and so is a refund
  in it: points come back only by cancelling the sale.
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING, Any

from core.meta.fieldtypes import quantize
from modules.accounting.companies import company_precision, company_settings
from modules.loyalty import ledger
from modules.loyalty.accounts import MODE_OF_PAYMENT
from modules.loyalty.errors import (
    InsufficientPoints,
    InvalidRedemption,
    NoProgram,
    RedemptionOverTotal,
)

if TYPE_CHECKING:
    from core.context import Context
    from core.document import Document

ZERO = Decimal(0)


def amount(ctx: Context, doc: Document, program: Document | None) -> Decimal:
    """Check what the sale redeems (without locks) and set ``loyalty_amount``."""
    doc.loyalty_points = doc.loyalty_points or 0
    if not doc.redeem_loyalty_points:
        doc.loyalty_points, doc.loyalty_amount = 0, ZERO
        return ZERO
    if doc.is_return:
        raise InvalidRedemption("A return cannot redeem points",
                                field="redeem_loyalty_points")
    if program is None:
        raise NoProgram(f"{doc.customer} has no loyalty program for this sale",
                        field="customer")
    if doc.currency != company_settings(ctx, doc.company)["default_currency"]:
        raise InvalidRedemption("Points are redeemed on sales in the company's currency",
                                field="currency")
    if doc.loyalty_points <= 0:
        raise InvalidRedemption("Give the number of points to redeem (above zero)",
                                field="loyalty_points")
    doc.loyalty_amount = quantize(doc.loyalty_points * program.conversion_factor,
                                  company_precision(ctx, doc.company))
    check_balance(ctx, doc, program)
    return doc.loyalty_amount


def check_total(doc: Document) -> None:
    if doc.redeem_loyalty_points and (doc.loyalty_amount or ZERO) > doc.grand_total:
        raise RedemptionOverTotal(f"{doc.loyalty_points} points are worth "
                                  f"{doc.loyalty_amount}, more than the grand total "
                                  f"{doc.grand_total}", field="loyalty_points")


def check_balance(ctx: Context, doc: Document, program: Document) -> None:
    held = ledger.balance(ctx, doc.customer, program.name or "", doc.posting_date)
    if doc.loyalty_points > held:
        raise InsufficientPoints(f"{doc.customer} holds {held} points on "
                                 f"{doc.posting_date}, fewer than the {doc.loyalty_points} "
                                 "redeemed", field="loyalty_points", balance=held)


def record(ctx: Context, doc: Document, program: Document) -> list[dict[str, Any]]:
    """The Redeemed rows, counted again under the customer's lock (taken by the
    caller)."""
    check_balance(ctx, doc, program)
    live = ledger.earnings(ctx, doc.customer, program.name or "", on=doc.posting_date)
    return ledger.spending_rows(ctx, doc, program, doc.customer, "Redeemed",
                                ledger.take(live, doc.loyalty_points), doc.posting_date)


def points_payment(ctx: Context, doc: Document, program: Document | None) -> None:
    """Counter sale, before the till's payments are settled: the points' row in the
    program's mode of payment carries their value."""
    if not doc.redeem_loyalty_points or doc.is_return or program is None:
        return
    mode = program.mode_of_payment
    if not mode:
        raise InvalidRedemption(f"{program.name} has no mode of payment to redeem points "
                                "in", field="redeem_loyalty_points")
    value = quantize((doc.loyalty_points or 0) * program.conversion_factor,
                     company_precision(ctx, doc.company))
    rows = [r for r in doc.children("payments") if r.mode_of_payment == mode]
    if rows:
        rows[0].amount = value
        for extra in rows[1:]:
            extra.amount = ZERO
    else:
        doc.append("payments", {"mode_of_payment": mode, "amount": value}, ctx)


def check_points_payment(doc: Document, program: Document | None) -> None:
    """Counter sale, after settling: only redeemed points are paid in the points mode."""
    modes = {MODE_OF_PAYMENT} | ({program.mode_of_payment} if program is not None else set())
    paid = sum((r.amount for r in doc.children("payments") if r.mode_of_payment in modes),
               ZERO)
    expected = doc.loyalty_amount or ZERO
    if paid != expected:
        raise InvalidRedemption(
            f"{paid} is paid in points, but the points redeemed are worth {expected}: "
            "pay in points only by redeeming them (and refund returns in another mode)",
            field="payments")
