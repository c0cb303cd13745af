"""What discounts adds to a POS sale: the coupon the terminal sends, the schemes on its
lines (priced by the POS before), and the coupon used on submit."""

from modules.discounts.fields import coupon_field
from modules.discounts.hooks import before_validate, on_cancel, on_submit, validate

__all__ = ["before_validate", "on_cancel", "on_submit", "validate"]

EXTENDS = "POS Invoice"
FIELDS = [coupon_field("ignore_pricing_rule")]
