"""Sales Taxes and Charges: one tax or charge added to a sales document."""

from modules.accounting.invoicing.fields import TAX_FIELDS

DOCTYPE = {"name": "Sales Taxes and Charges", "istable": True, "fields": TAX_FIELDS}
