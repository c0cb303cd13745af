"""Contact Phone: one more number of a contact."""

DOCTYPE = {
    "name": "Contact Phone",
    "istable": True,
    "fields": [
        {"fieldname": "phone", "fieldtype": "Data", "label": "Number", "reqd": 1,
         "in_list_view": 1},
        {"fieldname": "kind", "fieldtype": "Select", "label": "Kind",
         "options": "Mobile\nWork\nHome", "default": "Mobile", "in_list_view": 1},
    ],
}
