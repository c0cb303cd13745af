"""The loyalty fields Sales Invoice and POS Invoice both take."""

from __future__ import annotations

from typing import Any

INVOICE_FIELDS: list[dict[str, Any]] = [
    {"fieldname": "section_loyalty", "fieldtype": "Section Break",
     "label": "Loyalty Points"},
    {"fieldname": "redeem_loyalty_points", "fieldtype": "Check",
     "label": "Redeem Loyalty Points"},
    {"fieldname": "loyalty_points", "fieldtype": "Int", "label": "Points to Redeem"},
    {"fieldname": "loyalty_amount", "fieldtype": "Currency", "label": "Redeemed Amount",
     "read_only": 1},
    {"fieldname": "loyalty_program", "fieldtype": "Link", "options": "Loyalty Program",
     "label": "Loyalty Program", "read_only": 1},
    {"fieldname": "loyalty_points_earned", "fieldtype": "Int", "label": "Points Earned",
     "read_only": 1, "allow_on_submit": 1},
]

CUSTOMER_FIELDS: list[dict[str, Any]] = [
    {"fieldname": "section_loyalty", "fieldtype": "Section Break", "label": "Loyalty"},
    {"fieldname": "loyalty_program", "fieldtype": "Link", "options": "Loyalty Program",
     "label": "Loyalty Program"},
    {"fieldname": "loyalty_tier", "fieldtype": "Data", "label": "Loyalty Tier",
     "read_only": 1},
]
