"""TDS and TCS errors: each says which rule refused the document."""

from core.errors import ConflictError, ValidationError


class InvalidWithholdingCategory(ValidationError):
    """A category's rates, thresholds or accounts contradict each other."""

    code = "TDS-INVALID-CATEGORY"


class MissingWithholdingRate(ValidationError):
    code = "TDS-NO-RATE"


class MissingWithholdingAccount(ValidationError):
    code = "TDS-NO-ACCOUNT"


class WrongCategoryKind(ValidationError):
    """A TCS category on a purchase or payment, or a TDS category on a sale."""

    code = "TDS-WRONG-KIND"


class ForeignCurrencyWithholding(ValidationError):
    """Form 26Q covers residents paid in rupees; foreign payments are not handled here."""

    code = "TDS-FOREIGN-CURRENCY"


class InvalidLowerDeductionCertificate(ValidationError):
    code = "TDS-INVALID-CERTIFICATE"


class InvalidAdvanceWithholding(ValidationError):
    code = "TDS-INVALID-ADVANCE"



class WithholdingChanged(ConflictError):
    """Another document of the category, submitted meanwhile, changed this one's TDS."""

    code = "TDS-CHANGED"
