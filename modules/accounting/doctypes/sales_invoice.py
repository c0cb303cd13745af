"""Sales Invoice: what a customer owes for goods or services; a return is a credit note."""

from __future__ import annotations

from modules.accounting.invoicing import invoice
from modules.accounting.invoicing.fields import invoice_fields
from modules.accounting.invoicing.side import SALES
from modules.accounting.permissions import vouchers

DOCTYPE = {
    "name": "Sales Invoice",
    "autoname": "naming_series:",
    "is_submittable": 1,
    "title_field": "customer_name",
    "sort_field": "posting_date",
    "search_fields": ["customer", "posting_date"],
    "fields": invoice_fields("customer", "debit_to", "Debit To", "Sales Invoice Item",
                             "Sales Taxes and Charges", "ACC-SINV-.YYYY.-.#####",
                             "Sales Invoice"),
    "permissions": vouchers("Sales User"),
}


validate, on_submit, before_cancel, on_cancel = invoice.lifecycle_functions(SALES)
