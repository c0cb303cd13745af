"""What GST returns add to a company: its aggregate turnover of the previous financial
year, which decides how many HSN digits its GSTR-1 summary must show."""

EXTENDS = "Company"
FIELDS = [
    {"fieldname": "gst_annual_turnover", "fieldtype": "Currency",
     "label": "Aggregate Turnover of the Previous Year",
     "insert_after": "gst_lut_number",
     "description": "Above 5 crore, the GSTR-1 HSN summary needs 6-digit codes "
                    "(GST Return Rule: HSN Digits)"},
]
