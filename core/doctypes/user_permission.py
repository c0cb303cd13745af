"""User Permission: limits a user to some records of a doctype (e.g. some companies).

Once a user has any User Permission for a doctype, they see only the records of that
doctype that are listed, and only documents whose Link fields to it point at one of them.
"""

DOCTYPE = {
    "name": "User Permission",
    "autoname": "hash",
    "cache_records": 1,  # read by every request of a restricted user (core.perms)
    "fields": [
        {"fieldname": "user", "fieldtype": "Link", "options": "User", "label": "User",
         "reqd": 1, "in_list_view": 1, "in_standard_filter": 1},
        {"fieldname": "allow", "fieldtype": "Data", "label": "Allow (DocType)", "reqd": 1,
         "in_list_view": 1},
        {"fieldname": "for_value", "fieldtype": "Dynamic Link", "options": "allow",
         "label": "For Value", "reqd": 1, "in_list_view": 1},
    ],
    "permissions": [{"role": "System Manager", "read": 1, "write": 1, "create": 1,
                     "delete": 1}],
}
