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


class EWayBillIncomplete(ValidationError):
    """The document lacks what the e-way bill needs (a warehouse's address)."""

    code = "GST-EWAYBILL-INCOMPLETE"


class EWayBillNeedsTaxInvoice(ValidationError):
    """Goods moved between two GSTINs of a company: a supply, billed by a tax invoice."""

    code = "GST-EWAYBILL-TAX-INVOICE"


class EWayBillLive(ValidationError):
    """A document with a live e-way bill cannot be cancelled before its e-way bill."""

    code = "GST-EWAYBILL-LIVE"


class EWayBillCancelWindowClosed(ValidationError):
    code = "GST-EWAYBILL-CANCEL-CLOSED"


class InvalidEWayBillRequest(ValidationError):
    """A cancellation or vehicle update asked with a missing or wrong value."""

    code = "GST-EWAYBILL-REQUEST"
