"""Discounts' named errors."""

from core.errors import AppError, ConflictError, ValidationError


class CouponInvalid(ValidationError):
    """The coupon does not exist, is disabled, out of its dates or of another company."""

    code = "DISC-COUPON-INVALID"


class CouponExhausted(ConflictError):
    """The coupon has no uses left (in all, or for this customer); also the sale that
    lost the race for a coupon's last use."""

    code = "DISC-COUPON-EXHAUSTED"


class CouponNotApplicable(ValidationError):
    """The coupon's scheme gives nothing on this document (its items, customer or
    minimums do not fit)."""

    code = "DISC-COUPON-NOT-APPLICABLE"


class SchemeInvalid(ValidationError):
    """A promotional scheme whose settings contradict each other."""

    code = "DISC-SCHEME-INVALID"


class RedemptionsAreAppendOnly(AppError):
    """Coupon Redemption rows are written by submitting and cancelling documents only."""

    status = 403
    code = "DISC-APPEND-ONLY"
