"""DocField: one field of a tenant's custom doctype (a child row of DocType)."""

from core.meta.fieldtypes import FIELD_TYPES

FIELD_TYPE_OPTIONS = "\n".join(FIELD_TYPES)

DOCTYPE = {
    "name": "DocField",
    "istable": True,
    "fields": [
        {"fieldname": "fieldname", "fieldtype": "Data", "label": "Fieldname", "reqd": 1,
         "in_list_view": 1},
        {"fieldname": "label", "fieldtype": "Data", "label": "Label", "in_list_view": 1},
        {"fieldname": "fieldtype", "fieldtype": "Select", "label": "Type", "reqd": 1,
         "options": FIELD_TYPE_OPTIONS, "default": "Data", "in_list_view": 1},
        {"fieldname": "options", "fieldtype": "Small Text", "label": "Options",
         "in_list_view": 1},
        {"fieldname": "reqd", "fieldtype": "Check", "label": "Mandatory", "in_list_view": 1},
        {"fieldname": "unique", "fieldtype": "Check", "label": "Unique"},
        {"fieldname": "default", "fieldtype": "Small Text", "label": "Default"},
        {"fieldname": "in_list_view", "fieldtype": "Check", "label": "In List View"},
        {"fieldname": "in_standard_filter", "fieldtype": "Check", "label": "In Filter"},
        {"fieldname": "read_only", "fieldtype": "Check", "label": "Read Only"},
        {"fieldname": "hidden", "fieldtype": "Check", "label": "Hidden"},
        {"fieldname": "precision", "fieldtype": "Data", "label": "Precision"},
        {"fieldname": "allow_on_submit", "fieldtype": "Check", "label": "Allow on Submit"},
        {"fieldname": "search_index", "fieldtype": "Check", "label": "Index"},
        {"fieldname": "description", "fieldtype": "Small Text", "label": "Description"},
    ],
}
