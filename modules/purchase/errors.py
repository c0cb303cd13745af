"""Buying's named errors."""

from core.errors import ValidationError


class OverOrdering(ValidationError):
    code = "PUR-OVER-ORDER"


class OverReceipt(ValidationError):
    code = "PUR-OVER-RECEIPT"


class OverBilling(ValidationError):
    code = "PUR-OVER-BILLING"
