"""What discounts adds to a sales order: its coupon, the schemes on its lines, and the
coupon used when the order is submitted (the invoices made from it carry it)."""

from modules.discounts.fields import coupon_field
from modules.discounts.hooks import before_validate, on_cancel, on_submit, validate

__all__ = ["before_validate", "on_cancel", "on_submit", "validate"]

EXTENDS = "Sales Order"
FIELDS = [coupon_field("ignore_pricing_rule")]
