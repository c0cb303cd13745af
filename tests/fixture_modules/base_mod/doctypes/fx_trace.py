DOCTYPE = {
    "name": "Fx Trace",
    "autoname": "hash",
    "track_changes": 0,
    "fields": [{"fieldname": "module", "fieldtype": "Data"},
               {"fieldname": "event", "fieldtype": "Data"},
               {"fieldname": "ref_doctype", "fieldtype": "Data"},
               {"fieldname": "ref_name", "fieldtype": "Data"}],
}
