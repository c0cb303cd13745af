"""Scheduled Run: a periodic job queued for one period (a day, an hour) of a tenant.

Its name is ``{method}@{period}``, so a period's job is queued once even when two
schedulers tick at the same moment (the second insert hits the primary key)."""

DOCTYPE = {
    "name": "Scheduled Run",
    "autoname": "prompt",
    "track_changes": 0,
    "sort_field": "creation",
    "fields": [
        {"fieldname": "method", "fieldtype": "Data", "label": "Method", "reqd": 1,
         "in_list_view": 1, "in_standard_filter": 1},
        {"fieldname": "period", "fieldtype": "Data", "label": "Period", "reqd": 1,
         "in_list_view": 1},
        {"fieldname": "background_job", "fieldtype": "Link", "label": "Background Job",
         "options": "Background Job", "in_list_view": 1},
    ],
    "permissions": [{"role": "System Manager", "read": 1}],
}
