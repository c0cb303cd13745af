"""Purchase Invoice Item: one line billed by a supplier."""

from modules.accounting.invoicing.fields import item_fields

DOCTYPE = {
    "name": "Purchase Invoice Item",
    "istable": True,
    "fields": item_fields("expense_account", "Expense Account"),
}
