"""The fields discounts adds to the documents and lines it discounts."""

from __future__ import annotations

from typing import Any


def coupon_field(insert_after: str) -> dict[str, Any]:
    return {"fieldname": "coupon_code", "fieldtype": "Link", "options": "Coupon Code",
            "label": "Coupon Code", "insert_after": insert_after}


LINE_FIELDS: list[dict[str, Any]] = [
    # the schemes that set the line's rate (comma separated), or gave it free
    {"fieldname": "promotional_scheme", "fieldtype": "Data",
     "label": "Promotional Scheme", "read_only": 1},
    {"fieldname": "is_free_item", "fieldtype": "Check", "label": "Free Item",
     "read_only": 1},
    # the rate before the schemes and the rate they set: a later save of the draft
    # works the schemes out again from the first (see applying.py: undo)
    {"fieldname": "scheme_base_rate", "fieldtype": "Currency",
     "label": "Rate Before Schemes", "read_only": 1, "hidden": 1},
    {"fieldname": "scheme_rate", "fieldtype": "Currency", "label": "Rate From Schemes",
     "read_only": 1, "hidden": 1},
    # one unit split off the line above it, to give an amount off the bill exactly
    {"fieldname": "scheme_split", "fieldtype": "Check", "label": "Split by Scheme",
     "read_only": 1, "hidden": 1},
]
