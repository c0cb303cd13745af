"""Loyalty's named errors (docs/errors.md lists their codes)."""

from core.errors import AppError, ConflictError, ValidationError


class InvalidProgram(ValidationError):
    """A loyalty program's rules, dates, factors or accounts do not hold together."""

    code = "LOYALTY-PROGRAM"


class ConversionFactorLocked(ConflictError):
    """The value of a point cannot change once points of the program exist."""

    code = "LOYALTY-FACTOR-LOCKED"


class NoProgram(ValidationError):
    """Points are redeemed for a customer who has no program valid for the sale."""

    code = "LOYALTY-NO-PROGRAM"


class InsufficientPoints(ValidationError):
    """More points redeemed than the customer holds on the sale's date."""

    code = "LOYALTY-INSUFFICIENT"


class RedemptionOverTotal(ValidationError):
    """The points redeemed are worth more than the invoice's grand total."""

    code = "LOYALTY-OVER-TOTAL"


class InvalidRedemption(ValidationError):
    """Points redeemed in a way the sale cannot take: on a return, in another currency,
    without the program's mode of payment, or a points payment without redeeming."""

    code = "LOYALTY-REDEMPTION"


class PointsAlreadyUsed(ConflictError):
    """An invoice whose points were spent, expired or taken back by a return cannot be
    cancelled: return its goods instead."""

    code = "LOYALTY-POINTS-USED"


class MissingAccountGroup(ValidationError):
    """The company's chart has no group to hold a loyalty account."""

    code = "LOYALTY-NO-ACCOUNT-GROUP"


class PointLedgerIsAppendOnly(AppError):
    """Loyalty Point Entries are written by the documents that earn and spend points."""

    status = 403
    code = "LOYALTY-APPEND-ONLY"
