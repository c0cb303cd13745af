"""What e-invoicing adds to a company: its registered address (the seller's address on
invoices, e-invoices and e-way bills) and whether its B2B, SEZ and export invoices are
reported to the IRP."""

EXTENDS = "Company"
FIELDS = [
    {"fieldname": "company_address", "fieldtype": "Link", "options": "Address",
     "label": "Registered Address", "insert_after": "gst_lut_number"},
    {"fieldname": "gst_einvoice_enabled", "fieldtype": "Check",
     "label": "e-Invoicing Applies", "insert_after": "company_address",
     "description": "Submitted B2B, SEZ, export and deemed export invoices get an IRN"},
]
