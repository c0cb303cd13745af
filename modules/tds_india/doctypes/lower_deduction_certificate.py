"""Lower Deduction Certificate: a certificate under section 197 letting the company
deduct at a lower rate from one PAN under one section, within dates and up to an amount;
above the amount, the section's rate applies again."""

from __future__ import annotations

from typing import TYPE_CHECKING

from modules.accounting.permissions import managed
from modules.tds_india.certificates import check_certificate

if TYPE_CHECKING:
    from core.context import Context
    from core.document import Document

DOCTYPE = {
    "name": "Lower Deduction Certificate",
    "autoname": "field:certificate_no",
    "title_field": "certificate_no",
    "search_fields": ["pan", "tax_withholding_category"],
    "fields": [
        {"fieldname": "certificate_no", "fieldtype": "Data", "label": "Certificate No",
         "reqd": 1, "unique": 1, "in_list_view": 1},
        {"fieldname": "company", "fieldtype": "Link", "options": "Company",
         "label": "Company", "reqd": 1, "in_standard_filter": 1},
        {"fieldname": "supplier", "fieldtype": "Link", "options": "Supplier",
         "label": "Supplier", "description": "Fills the PAN"},
        {"fieldname": "pan", "fieldtype": "Data", "label": "PAN", "in_list_view": 1,
         "in_standard_filter": 1},
        {"fieldname": "tax_withholding_category", "fieldtype": "Link",
         "options": "Tax Withholding Category", "label": "Tax Withholding Category",
         "reqd": 1, "in_list_view": 1},
        {"fieldname": "column_1", "fieldtype": "Column Break"},
        {"fieldname": "valid_from", "fieldtype": "Date", "label": "Valid From", "reqd": 1},
        {"fieldname": "valid_upto", "fieldtype": "Date", "label": "Valid Up To", "reqd": 1},
        {"fieldname": "rate", "fieldtype": "Percent", "label": "Rate", "precision": 3,
         "reqd": 1, "in_list_view": 1},
        {"fieldname": "certificate_limit", "fieldtype": "Currency",
         "label": "Certificate Limit", "reqd": 1, "in_list_view": 1,
         "description": "The amount that may be taxed at the certificate's rate"},
    ],
    "permissions": managed("Accounts User", "Purchase User"),
}


def validate(ctx: Context, doc: Document) -> None:
    check_certificate(ctx, doc)
