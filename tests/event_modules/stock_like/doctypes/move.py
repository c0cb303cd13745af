DOCTYPE = {
    "name": "Ev Move",
    "autoname": "EVM-.####",
    "is_submittable": 1,
    "fields": [{"fieldname": "qty", "fieldtype": "Int"},
               {"fieldname": "log", "fieldtype": "Small Text"},
               {"fieldname": "fail_on", "fieldtype": "Data"}],
}
