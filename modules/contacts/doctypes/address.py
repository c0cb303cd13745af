"""Address: a postal address, used for billing, shipping and a party's place of business."""

DOCTYPE = {
    "name": "Address",
    "autoname": "hash",
    "title_field": "address_title",
    "search_fields": ["address_title", "city", "pincode"],
    "fields": [
        {"fieldname": "address_title", "fieldtype": "Data", "label": "Title", "reqd": 1,
         "in_list_view": 1},
        {"fieldname": "address_type", "fieldtype": "Select", "label": "Type",
         "options": "Billing\nShipping\nOffice\nWarehouse\nOther", "default": "Billing",
         "in_list_view": 1, "in_standard_filter": 1},
        {"fieldname": "address_line1", "fieldtype": "Data", "label": "Address Line 1",
         "reqd": 1},
        {"fieldname": "address_line2", "fieldtype": "Data", "label": "Address Line 2"},
        {"fieldname": "column_1", "fieldtype": "Column Break"},
        {"fieldname": "city", "fieldtype": "Data", "label": "City", "reqd": 1,
         "in_list_view": 1, "in_standard_filter": 1},
        {"fieldname": "state", "fieldtype": "Data", "label": "State"},
        {"fieldname": "pincode", "fieldtype": "Data", "label": "Postal Code"},
        {"fieldname": "country", "fieldtype": "Data", "label": "Country", "reqd": 1,
         "default": "India", "in_standard_filter": 1},
    ],
    "permissions": [
        {"role": "System Manager", "read": 1, "write": 1, "create": 1, "delete": 1},
        {"role": "Contacts User", "read": 1, "write": 1, "create": 1},
    ],
}
