"""Purchase Taxes and Charges: one tax or charge on a supplier's bill."""

from modules.accounting.invoicing.fields import TAX_FIELDS

DOCTYPE = {"name": "Purchase Taxes and Charges", "istable": True, "fields": TAX_FIELDS}
