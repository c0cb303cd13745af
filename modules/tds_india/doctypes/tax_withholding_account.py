"""Tax Withholding Account: where one company books a category's TDS or TCS."""

DOCTYPE = {
    "name": "Tax Withholding Account",
    "cache_records": 1,
    "istable": True,
    "fields": [
        {"fieldname": "company", "fieldtype": "Link", "options": "Company",
         "label": "Company", "reqd": 1, "in_list_view": 1},
        {"fieldname": "account", "fieldtype": "Link", "options": "Account",
         "label": "Account", "reqd": 1, "in_list_view": 1},
    ],
}
