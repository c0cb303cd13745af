DOCTYPE = {
    "name": "Fx Move",
    "autoname": "FXM-.####",
    "is_submittable": 1,
    "fields": [{"fieldname": "qty", "fieldtype": "Int"},
               {"fieldname": "fail_on", "fieldtype": "Data"}],
}
