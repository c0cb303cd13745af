DOCTYPE = {
    "name": "Ext Product",
    "autoname": "field:code",
    "fields": [
        {"fieldname": "code", "fieldtype": "Data", "reqd": 1},
        {"fieldname": "title", "fieldtype": "Data"},
    ],
}
