"""A lower deduction certificate's checks: a valid PAN (the supplier's when one is
named), dates in order, a rate and a limit that make sense, a TDS category."""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

from stdnum.exceptions import ValidationError as StdnumError
from stdnum.in_ import pan as stdnum_pan

from core.db import query
from modules.tds_india.categories import TDS, category_of
from modules.tds_india.errors import InvalidLowerDeductionCertificate

if TYPE_CHECKING:
    from core.context import Context
    from core.document import Document

ZERO = Decimal(0)


def check_certificate(ctx: Context, doc: Document) -> None:
    if doc.supplier:
        supplier_pan = query.get_value(ctx, "Supplier", doc.supplier, "pan")
        if doc.pan and supplier_pan and doc.pan != supplier_pan:
            raise InvalidLowerDeductionCertificate(
                f"{doc.supplier}'s PAN is {supplier_pan}, not {doc.pan}", field="pan")
        doc.pan = doc.pan or supplier_pan
    try:
        doc.pan = stdnum_pan.validate(doc.pan or "")
    except StdnumError:
        raise InvalidLowerDeductionCertificate(
            "A certificate is issued to a valid PAN: 5 letters, 4 digits, a letter",
            field="pan") from None
    category_of(ctx, doc.tax_withholding_category, TDS, "tax_withholding_category")
    if doc.valid_upto < doc.valid_from:
        raise InvalidLowerDeductionCertificate("Valid Up To is before Valid From",
                                               field="valid_upto")
    if doc.rate < 0 or doc.rate >= 100:
        raise InvalidLowerDeductionCertificate("The rate is a percentage from 0 to below "
                                               "100", field="rate")
    if doc.certificate_limit <= 0:
        raise InvalidLowerDeductionCertificate("The certificate limit must be above zero",
                                               field="certificate_limit")
