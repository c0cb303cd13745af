DOCTYPE = {
    "name": "Ev Trace",
    "autoname": "hash",
    "fields": [{"fieldname": "event", "fieldtype": "Data"},
               {"fieldname": "module", "fieldtype": "Data"},
               {"fieldname": "move", "fieldtype": "Data"}],
}
