"""A stock entry line made from a material request line."""

EXTENDS = "Stock Entry Detail"
FIELDS = [
    {"fieldname": "material_request", "fieldtype": "Link", "options": "Material Request",
     "label": "Material Request"},
    {"fieldname": "material_request_item", "fieldtype": "Data", "hidden": 1,
     "label": "Material Request Line"},
]
