"""Sales Invoice: what a customer owes for goods or services; a return is a credit note,
and a debit note (``is_debit_note``) raises the amount of an earlier invoice."""

from __future__ import annotations

from modules.accounting.invoicing import invoice
from modules.accounting.invoicing.fields import DEBIT_NOTE_FIELD, inserted_after, invoice_fields
from modules.accounting.invoicing.side import SALES
from modules.accounting.permissions import vouchers

DOCTYPE = {
    "name": "Sales Invoice",
    "autoname": "naming_series:",
    "is_submittable": 1,
    "title_field": "customer_name",
    "sort_field": "posting_date",
    "search_fields": ["customer", "posting_date"],
    "fields": inserted_after(
        invoice_fields("customer", "debit_to", "Debit To", "Sales Invoice Item",
                       "Sales Taxes and Charges", "ACC-SINV-.YYYY.-.#####", "Sales Invoice"),
        "return_against", DEBIT_NOTE_FIELD),
    "permissions": vouchers("Sales User"),
}


validate, on_submit, before_cancel, on_cancel = invoice.lifecycle_functions(SALES)
