"""NIC Sandbox e-Way Bill: what the fake NIC remembers of the e-way bills it issued in
a tenant (the real NIC keeps this on its side). It lets the fake refuse a second e-way
bill for a document with error 604, a late or repeated cancellation, and compute the
validity when Part-B comes later, as the NIC sandbox does. Written by the fake NIC only."""

DOCTYPE = {
    "name": "NIC Sandbox e-Way Bill",
    "autoname": "field:ewaybill_no",
    "title_field": "doc_no",
    "search_fields": ["doc_no", "user_gstin"],
    "fields": [
        {"fieldname": "ewaybill_no", "fieldtype": "Data", "label": "e-Way Bill Number",
         "reqd": 1, "read_only": 1},
        {"fieldname": "user_gstin", "fieldtype": "Data", "label": "Generator GSTIN",
         "read_only": 1, "in_list_view": 1},
        {"fieldname": "doc_type", "fieldtype": "Data", "label": "Document Type",
         "read_only": 1},
        {"fieldname": "doc_no", "fieldtype": "Data", "label": "Document Number",
         "read_only": 1, "in_list_view": 1},
        {"fieldname": "ewaybill_date", "fieldtype": "Datetime", "label": "Generated On",
         "read_only": 1, "in_list_view": 1},
        {"fieldname": "valid_upto", "fieldtype": "Datetime", "label": "Valid Up To",
         "read_only": 1},
        {"fieldname": "distance", "fieldtype": "Int", "label": "Distance (km)",
         "read_only": 1},
        {"fieldname": "vehicle_type", "fieldtype": "Data", "label": "Vehicle Type",
         "read_only": 1},
        {"fieldname": "vehicle_no", "fieldtype": "Data", "label": "Vehicle Number",
         "read_only": 1},
        {"fieldname": "cancel_date", "fieldtype": "Datetime", "label": "Cancelled On",
         "read_only": 1},
    ],
    "permissions": [{"role": "System Manager", "read": 1}],
}
