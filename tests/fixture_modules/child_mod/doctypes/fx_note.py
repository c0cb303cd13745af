DOCTYPE = {"name": "Fx Note", "autoname": "hash",
           "fields": [{"fieldname": "text", "fieldtype": "Data"}]}
