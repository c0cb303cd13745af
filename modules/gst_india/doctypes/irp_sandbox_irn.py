"""IRP Sandbox IRN: what the fake IRP remembers of the IRNs it issued in a tenant (the
real IRP keeps this on its side). It lets the fake refuse a second IRN for a document
with error 2150 and the first IRN's details, and refuse a late or repeated cancellation,
as the NIC sandbox does. Written by the fake IRP only."""

DOCTYPE = {
    "name": "IRP Sandbox IRN",
    "autoname": "field:irn",
    "title_field": "document_number",
    "search_fields": ["document_number", "seller_gstin"],
    "fields": [
        {"fieldname": "irn", "fieldtype": "Data", "label": "IRN", "reqd": 1,
         "read_only": 1},
        {"fieldname": "seller_gstin", "fieldtype": "Data", "label": "Seller GSTIN",
         "read_only": 1, "in_list_view": 1},
        {"fieldname": "document_number", "fieldtype": "Data", "label": "Document Number",
         "read_only": 1, "in_list_view": 1},
        {"fieldname": "ack_no", "fieldtype": "Data", "label": "Acknowledgement Number",
         "read_only": 1},
        {"fieldname": "ack_date", "fieldtype": "Datetime", "label": "Acknowledged On",
         "read_only": 1, "in_list_view": 1},
        {"fieldname": "cancel_date", "fieldtype": "Datetime", "label": "Cancelled On",
         "read_only": 1},
        {"fieldname": "signed_invoice", "fieldtype": "Long Text",
         "label": "Signed Invoice", "read_only": 1},
        {"fieldname": "signed_qr_code", "fieldtype": "Long Text",
         "label": "Signed QR Code", "read_only": 1},
    ],
    "permissions": [{"role": "System Manager", "read": 1}],
}
