"""GST's named errors: each says which rule refused the document."""

from core.errors import ValidationError


class InvalidGSTIN(ValidationError):
    code = "GST-INVALID-GSTIN"


class InvalidHSNCode(ValidationError):
    code = "GST-INVALID-HSN"


class MissingGSTRate(ValidationError):
    code = "GST-NO-RATE"


class MissingGSTAccount(ValidationError):
    code = "GST-NO-ACCOUNT"
