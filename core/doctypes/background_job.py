"""Background Job: one queued piece of work and how it went (failed jobs are listed here)."""

DOCTYPE = {
    "name": "Background Job",
    "autoname": "hash",
    "track_changes": 0,
    "sort_field": "creation",
    "fields": [
        {"fieldname": "method", "fieldtype": "Data", "label": "Method", "in_list_view": 1},
        {"fieldname": "status", "fieldtype": "Select", "label": "Status",
         "options": "queued\nstarted\nfinished\nfailed", "default": "queued",
         "in_list_view": 1, "in_standard_filter": 1},
        {"fieldname": "attempts", "fieldtype": "Int", "label": "Attempts", "in_list_view": 1},
        {"fieldname": "job_user", "fieldtype": "Data", "label": "Run As"},
        {"fieldname": "kwargs", "fieldtype": "JSON", "label": "Arguments"},
        {"fieldname": "error", "fieldtype": "Long Text", "label": "Error"},
        {"fieldname": "ended_at", "fieldtype": "Datetime", "label": "Ended At"},
    ],
    "permissions": [{"role": "System Manager", "read": 1, "delete": 1}],
}
