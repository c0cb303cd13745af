"""Purchase Invoice: what the business owes a supplier; a return is a debit note."""

from __future__ import annotations

from modules.accounting.invoicing import invoice
from modules.accounting.invoicing.fields import invoice_fields
from modules.accounting.invoicing.side import PURCHASE
from modules.accounting.permissions import vouchers

DOCTYPE = {
    "name": "Purchase Invoice",
    "autoname": "naming_series:",
    "is_submittable": 1,
    "title_field": "supplier_name",
    "sort_field": "posting_date",
    "search_fields": ["supplier", "bill_no"],
    "fields": invoice_fields("supplier", "credit_to", "Credit To", "Purchase Invoice Item",
                             "Purchase Taxes and Charges", "ACC-PINV-.YYYY.-.#####",
                             "Purchase Invoice") + [
        {"fieldname": "bill_no", "fieldtype": "Data", "label": "Supplier Invoice No",
         "in_list_view": 1},
        {"fieldname": "bill_date", "fieldtype": "Date", "label": "Supplier Invoice Date"},
    ],
    "permissions": vouchers("Purchase User"),
}


validate, on_submit, before_cancel, on_cancel = invoice.lifecycle_functions(PURCHASE)
