"""The handlers discounts registers on every document that sells (Sales Order, Sales
Invoice, POS Invoice): schemes on the lines before the document totals them, the coupon
checked, used on submit and given back on cancel."""

from __future__ import annotations

from typing import TYPE_CHECKING

from modules.discounts import applying, coupons

if TYPE_CHECKING:
    from core.context import Context
    from core.document import Document


def before_validate(ctx: Context, doc: Document) -> None:
    applying.apply_schemes(ctx, doc)


def validate(ctx: Context, doc: Document) -> None:
    coupons.validate(ctx, doc)


def on_submit(ctx: Context, doc: Document) -> None:
    coupons.redeem(ctx, doc)


def on_cancel(ctx: Context, doc: Document) -> None:
    coupons.release(ctx, doc)
