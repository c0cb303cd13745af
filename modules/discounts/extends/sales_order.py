"""What discounts adds to a sales order: its coupon, the schemes on its lines, and the
coupon used when the order is submitted (the invoices made from it carry it)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from modules.discounts import applying, coupons
from modules.discounts.fields import coupon_field

if TYPE_CHECKING:
    from core.context import Context
    from core.document import Document

EXTENDS = "Sales Order"
FIELDS = [coupon_field("ignore_pricing_rule")]


def before_validate(ctx: Context, doc: Document) -> None:
    applying.apply_schemes(ctx, doc)


def validate(ctx: Context, doc: Document) -> None:
    coupons.validate(ctx, doc)


def on_submit(ctx: Context, doc: Document) -> None:
    coupons.redeem(ctx, doc)


def on_cancel(ctx: Context, doc: Document) -> None:
    coupons.release(ctx, doc)
