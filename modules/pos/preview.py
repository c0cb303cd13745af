"""A sale priced by the server before it is paid: what the POS screen shows as its cart
totals.

The cart goes through the same checks and hooks a submitted sale does (prices, pricing
rules, a coupon or loyalty module's handlers, taxes, stock on the shelf, the cashier's
session), so the screen never computes taxes or discounts of its own. Nothing is named
or written: it runs in a savepoint that is always rolled back.

A cart is previewed before the customer pays: the answer's ``payments`` are only the
rows a module set itself (points redeemed in the loyalty program's mode), which the
cashier does not collect; the payment entered by default is left out.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from core import lifecycle, perms
from core.checks import check_document
from core.errors import BadRequest
from modules.pos.payments import defaulted_payment
from modules.pos.profiles import check_cashier, profile

if TYPE_CHECKING:
    from core.context import Context
    from core.document import Document

DOCTYPE = "POS Invoice"
# the terminal's id and the document's state are the submit's business, not a preview's
NOT_PREVIEWED = ("name", "uuid", "docstatus")


def preview_sale(ctx: Context, data: Any) -> dict[str, Any]:
    """The sale as it would be submitted now: lines with their rates and amounts, taxes,
    totals, payments and change."""
    if not isinstance(data, dict):
        raise BadRequest("A sale is a JSON object", field="invoice")
    savepoint = ctx.conn.begin_nested()
    try:
        doc = lifecycle.new_doc(ctx, DOCTYPE, {k: v for k, v in data.items()
                                               if k not in NOT_PREVIEWED})
        check_cashier(ctx, profile(ctx, doc.pos_profile), ctx.user)
        perms.check_restrictions(ctx, doc)
        lifecycle.run_hooks(ctx, doc, "before_validate")
        lifecycle.run_hooks(ctx, doc, "validate")
        check_document(ctx, doc)
        return _answer(ctx, doc)
    finally:
        savepoint.rollback()


def _answer(ctx: Context, doc: Document) -> dict[str, Any]:
    defaulted = defaulted_payment(doc)
    answer = doc.as_dict()
    answer["payments"] = [r.as_dict() for r in doc.children("payments")
                          if r is not defaulted]
    return answer
