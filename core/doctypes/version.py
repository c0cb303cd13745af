"""Version: the change log of a document (who, when, what changed)."""

DOCTYPE = {
    "name": "Version",
    "autoname": "hash",
    "track_changes": 0,
    "sort_field": "creation",
    "fields": [
        {"fieldname": "ref_doctype", "fieldtype": "Data", "label": "DocType",
         "in_list_view": 1, "in_standard_filter": 1, "search_index": 1},
        {"fieldname": "docname", "fieldtype": "Data", "label": "Document",
         "in_list_view": 1, "search_index": 1},
        {"fieldname": "action", "fieldtype": "Data", "label": "Action", "in_list_view": 1},
        {"fieldname": "data", "fieldtype": "JSON", "label": "Changes"},
    ],
    "permissions": [{"role": "System Manager", "read": 1}],
}
