"""Sales Invoice Item: one line sold on an invoice."""

from modules.accounting.invoicing.fields import item_fields

DOCTYPE = {
    "name": "Sales Invoice Item",
    "istable": True,
    "fields": item_fields("income_account", "Income Account"),
}
