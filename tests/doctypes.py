"""Metadata-only doctypes the engine tests create through the API, as a tenant admin would."""

from __future__ import annotations

from typing import Any

TRIP = {
    "name": "Trip", "module": "Fleet", "custom": 1, "is_submittable": 1,
    "autoname": "TRIP-.#####", "title_field": "plate",
    "fields": [
        {"fieldname": "plate", "fieldtype": "Data", "label": "Plate", "reqd": 1,
         "in_list_view": 1},
        {"fieldname": "driver", "fieldtype": "Link", "options": "User", "label": "Driver"},
        {"fieldname": "trip_date", "fieldtype": "Date", "label": "Date", "in_list_view": 1},
        {"fieldname": "started_at", "fieldtype": "Datetime", "label": "Started At"},
        {"fieldname": "km", "fieldtype": "Float", "label": "Distance (km)"},
        {"fieldname": "fare", "fieldtype": "Currency", "label": "Fare", "in_list_view": 1},
        {"fieldname": "tip_pct", "fieldtype": "Percent", "label": "Tip %"},
        {"fieldname": "passengers", "fieldtype": "Int", "label": "Passengers"},
        {"fieldname": "night", "fieldtype": "Check", "label": "Night Trip"},
        {"fieldname": "kind", "fieldtype": "Select", "label": "Kind",
         "options": "City\nAirport\nOutstation", "default": "City"},
        {"fieldname": "notes", "fieldtype": "Text", "label": "Notes"},
        {"fieldname": "meta_json", "fieldtype": "JSON", "label": "Extra"},
        {"fieldname": "stops", "fieldtype": "Table", "options": "Trip Stop", "label": "Stops"},
    ],
    "permissions": [{"role": "System Manager", "read": 1, "write": 1, "create": 1,
                     "delete": 1, "submit": 1, "cancel": 1}],
}

TRIP_STOP = {
    "name": "Trip Stop", "module": "Fleet", "custom": 1, "istable": 1,
    "fields": [
        {"fieldname": "place", "fieldtype": "Data", "label": "Place", "reqd": 1,
         "in_list_view": 1},
        {"fieldname": "wait_minutes", "fieldtype": "Int", "label": "Wait (min)",
         "in_list_view": 1},
    ],
}


def create_trip_doctypes(api: Any) -> None:
    for definition in (TRIP_STOP, TRIP):
        response = api.post("/api/resource/DocType", json=definition)
        assert response.status_code == 200, response.text
