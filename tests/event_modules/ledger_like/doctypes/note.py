DOCTYPE = {"name": "Ev Note", "autoname": "hash",
           "fields": [{"fieldname": "text", "fieldtype": "Data"}]}
