"""The e-invoice's and e-way bill's named errors: each says which rule refused what."""

from core.errors import ValidationError


class InvalidInvoiceNumber(ValidationError):
    code = "GST-INVOICE-NUMBER"


class EInvoiceSchemaError(ValidationError):
    """The e-invoice JSON breaks a rule of the NIC schema; ``field`` is its path
    (``BuyerDtls.Gstin``, ``ItemList[0].HsnCd``) and ``errors`` lists every one."""

    code = "GST-EINVOICE-SCHEMA"


class EInvoiceNotApplicable(ValidationError):
    code = "GST-EINVOICE-NOT-APPLICABLE"


class IRNCancelWindowClosed(ValidationError):
    code = "GST-IRN-CANCEL-CLOSED"


class EWayBillNotApplicable(ValidationError):
    code = "GST-EWAYBILL-NOT-APPLICABLE"
