"""Customer Credit Limit: how much a customer may owe one company (zero: no limit)."""

DOCTYPE = {
    "name": "Customer Credit Limit",
    "istable": True,
    "fields": [
        {"fieldname": "company", "fieldtype": "Link", "options": "Company",
         "label": "Company", "reqd": 1, "in_list_view": 1},
        {"fieldname": "credit_limit", "fieldtype": "Currency", "label": "Credit Limit",
         "in_list_view": 1},
        {"fieldname": "bypass_credit_limit_check_at_sales_order", "fieldtype": "Check",
         "label": "Bypass Credit Limit Check at Sales Order", "in_list_view": 1},
    ],
}
