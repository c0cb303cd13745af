"""The pricing fields every selling document and line carries."""

from __future__ import annotations

from typing import Any

HEADER_FIELDS: list[dict[str, Any]] = [
    {"fieldname": "selling_price_list", "fieldtype": "Link", "options": "Price List",
     "label": "Selling Price List"},
    {"fieldname": "ignore_pricing_rule", "fieldtype": "Check",
     "label": "Ignore Pricing Rule"},
]

LINE_FIELDS: list[dict[str, Any]] = [
    {"fieldname": "price_list_rate", "fieldtype": "Currency", "label": "Price List Rate"},
    {"fieldname": "discount_percentage", "fieldtype": "Percent", "label": "Discount (%)"},
    {"fieldname": "discount_amount", "fieldtype": "Currency", "label": "Discount Amount"},
    {"fieldname": "pricing_rule", "fieldtype": "Link", "options": "Pricing Rule",
     "label": "Pricing Rule", "read_only": 1},
    {"fieldname": "ignore_pricing_rule", "fieldtype": "Check",
     "label": "Ignore Pricing Rule"},
]
