"""Selling's named errors."""

from core.errors import ValidationError


class CreditLimitExceeded(ValidationError):
    """What the customer would owe and has ordered passes their credit limit."""

    code = "SAL-CREDIT-LIMIT"
