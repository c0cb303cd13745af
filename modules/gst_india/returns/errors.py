"""The returns' named errors: each says which input the return could not be built from."""

from core.errors import ValidationError


class InvalidReturnPeriod(ValidationError):
    code = "GST-RETURN-PERIOD"


class CompanyWithoutGSTIN(ValidationError):
    code = "GST-NO-COMPANY-GSTIN"


class HSNCodeTooShort(ValidationError):
    code = "GST-HSN-DIGITS"


class InvalidGSTR2B(ValidationError):
    code = "GST-2B-FILE"
