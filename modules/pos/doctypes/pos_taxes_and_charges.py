"""POS Taxes and Charges: a tax on a POS invoice (or a profile's default taxes), with
the same fields and maths as a sales invoice's taxes."""

from modules.accounting.invoicing.fields import TAX_FIELDS

DOCTYPE = {"name": "POS Taxes and Charges", "istable": True, "fields": TAX_FIELDS}
