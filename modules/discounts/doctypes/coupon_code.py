"""Coupon Code: a code a customer gives to get a promotional scheme, with its dates and
how often it may be used. It is named by its code in capitals, so codes are unique per
tenant whatever their case (``save10`` and ``SAVE10`` are one coupon). ``used`` counts
the submitted documents that redeemed it (``coupons.py``); each use is also a Coupon
Redemption row, which is what the per-customer limit counts."""

from __future__ import annotations

from typing import TYPE_CHECKING

from core.db import query
from modules.discounts.doctypes.promotional_scheme import PERMISSIONS
from modules.discounts.errors import SchemeInvalid

if TYPE_CHECKING:
    from core.context import Context
    from core.document import Document

DOCTYPE = {
    "name": "Coupon Code",
    "autoname": "controller",
    "title_field": "coupon_code",
    "search_fields": ["coupon_code", "promotional_scheme"],
    "fields": [
        {"fieldname": "coupon_code", "fieldtype": "Data", "label": "Code", "reqd": 1,
         "in_list_view": 1},
        {"fieldname": "promotional_scheme", "fieldtype": "Link",
         "options": "Promotional Scheme", "label": "Promotional Scheme", "reqd": 1,
         "in_list_view": 1, "in_standard_filter": 1},
        {"fieldname": "company", "fieldtype": "Link", "options": "Company",
         "label": "Company", "read_only": 1},
        {"fieldname": "disabled", "fieldtype": "Check", "label": "Disabled"},
        {"fieldname": "column_1", "fieldtype": "Column Break"},
        {"fieldname": "valid_from", "fieldtype": "Date", "label": "Valid From"},
        {"fieldname": "valid_upto", "fieldtype": "Date", "label": "Valid Upto",
         "in_list_view": 1},
        {"fieldname": "section_uses", "fieldtype": "Section Break", "label": "Uses"},
        {"fieldname": "coupon_type", "fieldtype": "Select", "label": "Coupon Type",
         "options": "Single Use\nMulti Use", "default": "Single Use", "reqd": 1,
         "in_list_view": 1},
        # zero: no limit (multi-use only; a single-use coupon is used once)
        {"fieldname": "max_uses", "fieldtype": "Int", "label": "Max Uses"},
        {"fieldname": "per_customer_limit", "fieldtype": "Int",
         "label": "Uses per Customer"},
        {"fieldname": "column_2", "fieldtype": "Column Break"},
        {"fieldname": "used", "fieldtype": "Int", "label": "Used", "read_only": 1,
         "in_list_view": 1},
    ],
    "permissions": PERMISSIONS,
}


def code_key(code: str) -> str:
    """The name a code is stored under: trimmed and in capitals."""
    return code.strip().upper()


def before_insert(ctx: Context, doc: Document) -> None:
    doc.values["name"] = code_key(doc.coupon_code or "")
    doc.used = 0


def validate(ctx: Context, doc: Document) -> None:
    if doc.previous is not None:  # the counter moves only with redemptions
        doc.used = doc.previous.get("used") or 0
    if doc.coupon_code and code_key(doc.coupon_code) != doc.name:
        raise SchemeInvalid("A coupon's code cannot change: make a new coupon",
                            field="coupon_code")
    doc.company = query.get_value(ctx, "Promotional Scheme", doc.promotional_scheme,
                                  "company")
    if doc.coupon_type == "Single Use":
        doc.max_uses = 1
    for field in ("max_uses", "per_customer_limit"):
        if (doc.get(field) or 0) < 0:
            raise SchemeInvalid(f"{field.replace('_', ' ')} cannot be negative",
                                field=field)
    if doc.valid_from and doc.valid_upto and doc.valid_upto < doc.valid_from:
        raise SchemeInvalid("Valid Upto cannot be before Valid From", field="valid_upto")
