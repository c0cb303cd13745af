"""GST Settings: the tenant's e-invoice and e-way bill settings (one document).

Which IRP and which e-way bill system answer (the sandbox-like fakes, or a GSP reached
over HTTPS with the tenant's credentials), the number series of GST sales invoices and
delivery challans, and the e-way bill threshold. Passwords are Password fields: the API
shows them masked, never their value.
"""

DOCTYPE = {
    "name": "GST Settings",
    "issingle": True,
    "fields": [
        {"fieldname": "section_einvoice", "fieldtype": "Section Break", "label": "e-Invoice"},
        {"fieldname": "irp_connector", "fieldtype": "Select", "label": "IRP Connection",
         "options": "Fake IRP\nGSP", "default": "Fake IRP",
         "description": "Fake IRP answers like the NIC sandbox without leaving the server "
                        "(tests and demos); GSP sends invoices to the GSP URL below"},
        {"fieldname": "gsp_url", "fieldtype": "Data", "label": "GSP URL"},
        {"fieldname": "gsp_username", "fieldtype": "Data", "label": "e-Invoice Username"},
        {"fieldname": "gsp_password", "fieldtype": "Password",
         "label": "e-Invoice Password"},
        {"fieldname": "gsp_client_id", "fieldtype": "Data", "label": "Client ID"},
        {"fieldname": "gsp_client_secret", "fieldtype": "Password",
         "label": "Client Secret"},
        {"fieldname": "column_einvoice", "fieldtype": "Column Break"},
        {"fieldname": "irn_cancel_hours", "fieldtype": "Int",
         "label": "Hours an IRN Can Be Cancelled", "default": 24,
         "description": "The IRP cancels an IRN only this long after its acknowledgement"},
        {"fieldname": "sales_invoice_series", "fieldtype": "Data",
         "label": "GST Sales Invoice Series", "default": "SI-.FY.-.#####",
         "description": ".FY. becomes the financial year of the posting date (2526 for "
                        "2025-26), so numbers restart each year; at most 16 characters"},
        {"fieldname": "pos_invoice_series", "fieldtype": "Data",
         "label": "GST POS Invoice Series", "default": "PS-.FY.-.#####",
         "description": "For counters whose POS profile names no series of its own"},
        {"fieldname": "section_ewaybill", "fieldtype": "Section Break",
         "label": "e-Way Bill"},
        {"fieldname": "ewaybill_threshold", "fieldtype": "Currency",
         "label": "e-Way Bill Threshold", "default": "50000",
         "description": "Consignment value (taxable value plus taxes) from which goods "
                        "need an e-way bill. States may set other limits for movements "
                        "within them; this one applies to every movement"},
        {"fieldname": "challan_series", "fieldtype": "Data",
         "label": "Delivery Challan Series", "default": "DC-.FY.-.#####",
         "description": "Numbers the delivery challans of goods moved without an invoice "
                        "(stock transfers); at most 16 characters"},
        {"fieldname": "column_ewaybill", "fieldtype": "Column Break"},
        {"fieldname": "ewaybill_connector", "fieldtype": "Select",
         "label": "e-Way Bill Connection", "options": "Fake NIC\nGSP",
         "default": "Fake NIC",
         "description": "Fake NIC answers like the e-way bill sandbox without leaving the "
                        "server (tests and demos); GSP sends requests to the URL below with "
                        "the client ID and secret above"},
        {"fieldname": "ewaybill_gsp_url", "fieldtype": "Data", "label": "e-Way Bill GSP URL"},
        {"fieldname": "ewaybill_username", "fieldtype": "Data",
         "label": "e-Way Bill Username"},
        {"fieldname": "ewaybill_password", "fieldtype": "Password",
         "label": "e-Way Bill Password"},
    ],
    "permissions": [
        {"role": "System Manager", "read": 1, "write": 1},
        {"role": "Accounts Manager", "read": 1},
    ],
}
