"""What discounts adds to a sales invoice: its coupon (or its order's), the schemes on its
lines, and the coupon used on submit unless the order it bills used it."""

from modules.discounts.fields import coupon_field
from modules.discounts.hooks import before_validate, on_cancel, on_submit, validate

__all__ = ["before_validate", "on_cancel", "on_submit", "validate"]

EXTENDS = "Sales Invoice"
FIELDS = [coupon_field("ignore_pricing_rule")]
