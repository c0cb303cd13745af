"""Point of sale's named errors."""

from core.errors import ConflictError, PermissionDenied, ValidationError


class NoOpenSession(ValidationError):
    """The cashier has no open POS Opening Entry for the profile."""

    code = "POS-NO-SESSION"


class SessionAlreadyOpen(ConflictError):
    """The cashier already has an open POS Opening Entry for the profile."""

    code = "POS-SESSION-OPEN"


class Underpaid(ValidationError):
    """What was paid does not cover the grand total."""

    code = "POS-UNDERPAID"


class NotAllowedCashier(PermissionDenied):
    """The user is not one of the profile's cashiers."""

    code = "POS-CASHIER"
