"""What GST returns add to an item: whether its 0% supplies are nil-rated, exempted or
outside GST, which GSTR-1 (table 8) and GSTR-3B (3.1 (c) and (e), 5) report apart."""

EXTENDS = "Item"
NIL_RATED, EXEMPTED, NON_GST = "Nil-Rated", "Exempted", "Non-GST"
FIELDS = [
    {"fieldname": "gst_treatment", "fieldtype": "Select", "label": "GST Treatment at 0%",
     "options": "\n".join(("", NIL_RATED, EXEMPTED, NON_GST)),
     "insert_after": "gst_hsn_code",
     "description": "For items sold or bought at a GST rate of 0%; left empty, such a "
                    "supply is nil-rated"},
]
