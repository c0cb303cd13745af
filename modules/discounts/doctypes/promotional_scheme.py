"""Promotional Scheme: a discount or a free item given on top of the pricing rules, for
some items, item groups or the whole transaction, to everyone, a customer group or a
customer, within dates and above minimums. Which schemes apply to a document is decided
in ``schemes.py``; ``applying.py`` writes the result on the lines."""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

from core.db import query
from modules.discounts.errors import SchemeInvalid

if TYPE_CHECKING:
    from core.context import Context
    from core.document import Document

ZERO = Decimal(0)
PARTY_FIELDS = {"Customer Group": "customer_group", "Customer": "customer"}
VALUE_FIELDS = {"Discount Percentage": "discount_percentage",
                "Discount Amount": "discount_amount", "Free Item": "free_item"}
PERMISSIONS = [
    {"role": "System Manager", "read": 1, "write": 1, "create": 1, "delete": 1},
    {"role": "Sales Manager", "read": 1, "write": 1, "create": 1, "delete": 1},
    {"role": "Sales User", "read": 1},
    {"role": "Accounts User", "read": 1},
]

DOCTYPE = {
    "name": "Promotional Scheme",
    "autoname": "PROMO-.#####",
    "title_field": "title",
    "search_fields": ["title", "company"],
    # read on every sale, changed seldom (docs/decisions/0010-cached-records.md)
    "cache_records": 1,
    "fields": [
        {"fieldname": "title", "fieldtype": "Data", "label": "Title", "reqd": 1,
         "in_list_view": 1},
        {"fieldname": "company", "fieldtype": "Link", "options": "Company",
         "label": "Company", "reqd": 1, "in_standard_filter": 1},
        {"fieldname": "disabled", "fieldtype": "Check", "label": "Disabled",
         "in_standard_filter": 1},
        {"fieldname": "column_1", "fieldtype": "Column Break"},
        {"fieldname": "valid_from", "fieldtype": "Date", "label": "Valid From",
         "in_list_view": 1},
        {"fieldname": "valid_upto", "fieldtype": "Date", "label": "Valid Upto",
         "in_list_view": 1},
        {"fieldname": "priority", "fieldtype": "Int", "label": "Priority"},
        {"fieldname": "section_applies", "fieldtype": "Section Break",
         "label": "Applies To"},
        {"fieldname": "applicable_for", "fieldtype": "Select", "label": "Applicable For",
         "options": "\nCustomer Group\nCustomer"},
        {"fieldname": "customer_group", "fieldtype": "Link", "options": "Customer Group",
         "label": "Customer Group"},
        {"fieldname": "customer", "fieldtype": "Link", "options": "Customer",
         "label": "Customer"},
        {"fieldname": "column_2", "fieldtype": "Column Break"},
        {"fieldname": "apply_on", "fieldtype": "Select", "label": "Apply On", "reqd": 1,
         "options": "Item Code\nItem Group\nTransaction", "default": "Item Code",
         "in_list_view": 1},
        {"fieldname": "items", "fieldtype": "Table", "options": "Promotional Scheme Item",
         "label": "Items or Item Groups"},
        {"fieldname": "section_conditions", "fieldtype": "Section Break",
         "label": "Conditions"},
        # measured over the lines the scheme covers, together, at their prices before
        # any scheme
        {"fieldname": "min_qty", "fieldtype": "Float", "label": "Min Qty"},
        {"fieldname": "min_amount", "fieldtype": "Currency", "label": "Min Amount"},
        {"fieldname": "column_3", "fieldtype": "Column Break"},
        {"fieldname": "stackable", "fieldtype": "Check",
         "label": "Stacks on Other Offers"},
        {"fieldname": "coupon_only", "fieldtype": "Check", "label": "Only With a Coupon"},
        {"fieldname": "section_discount", "fieldtype": "Section Break",
         "label": "Discount"},
        {"fieldname": "discount_type", "fieldtype": "Select", "label": "Discount Type",
         "options": "Discount Percentage\nDiscount Amount\nFree Item", "reqd": 1,
         "default": "Discount Percentage", "in_list_view": 1},
        {"fieldname": "discount_percentage", "fieldtype": "Percent",
         "label": "Discount Percentage"},
        # per unit on item schemes; off the whole bill on a transaction scheme
        {"fieldname": "discount_amount", "fieldtype": "Currency",
         "label": "Discount Amount"},
        {"fieldname": "column_4", "fieldtype": "Column Break"},
        {"fieldname": "free_item", "fieldtype": "Link", "options": "Item",
         "label": "Free Item"},
        {"fieldname": "free_qty", "fieldtype": "Float", "label": "Free Quantity"},
        # buy 2 get 1, recursively: 4 bought get 2, 6 get 3
        {"fieldname": "recurse", "fieldtype": "Check",
         "label": "Repeat per Multiple of Min Qty"},
    ],
    "permissions": PERMISSIONS,
}


def validate(ctx: Context, doc: Document) -> None:
    _check_targets(doc)
    _check_limits(doc)
    _check_discount(doc)
    if doc.free_item and not query.get_value(ctx, "Item", doc.free_item, "is_sales_item"):
        raise SchemeInvalid(f"{doc.free_item} is not sold: it cannot be given free",
                            field="free_item")


def _check_targets(doc: Document) -> None:
    rows = doc.children("items")
    if doc.apply_on == "Transaction":
        doc.values["items"] = []
    elif not rows:
        raise SchemeInvalid(f"A scheme applied on {doc.apply_on} lists at least one",
                            field="items")
    field = "item_group" if doc.apply_on == "Item Group" else "item_code"
    for i, row in enumerate(doc.children("items"), start=1):
        if not row.get(field):
            raise SchemeInvalid(f"Items row {i}: give the {field.replace('_', ' ')}",
                                field="items")
        row.set("item_code" if field == "item_group" else "item_group", None)
    party_field = PARTY_FIELDS.get(doc.applicable_for or "")
    if party_field and not doc.get(party_field):
        raise SchemeInvalid(f"A scheme for a {doc.applicable_for.lower()} needs the "
                            f"{doc.applicable_for.lower()}", field=party_field)
    for other in PARTY_FIELDS.values():
        if other != party_field:
            doc.set(other, None)


def _check_limits(doc: Document) -> None:
    for field in ("min_qty", "min_amount", "free_qty"):
        if (doc.get(field) or ZERO) < 0:
            raise SchemeInvalid(f"{field.replace('_', ' ')} cannot be negative",
                                field=field)
    if doc.valid_from and doc.valid_upto and doc.valid_upto < doc.valid_from:
        raise SchemeInvalid("Valid Upto cannot be before Valid From", field="valid_upto")


def _check_discount(doc: Document) -> None:
    field = VALUE_FIELDS.get(doc.discount_type or "")
    if field is None:  # not one of the options: the metadata check says so
        return
    value = doc.get(field)
    if field == "free_item":
        if not value or (doc.free_qty or ZERO) <= 0:
            raise SchemeInvalid("A free item scheme needs the item and a free quantity",
                                field="free_item" if not value else "free_qty")
        if doc.recurse and not doc.min_qty:
            raise SchemeInvalid("Repeating per multiple needs the Min Qty it repeats on",
                                field="min_qty")
    elif value is None or value <= 0:
        raise SchemeInvalid(f"{doc.discount_type} needs a value above zero", field=field)
    elif field == "discount_percentage" and value > 100:
        raise SchemeInvalid("Discount Percentage cannot be above 100",
                            field="discount_percentage")
    for other in VALUE_FIELDS.values():
        if other != field:
            doc.set(other, None)
    if field != "free_item":
        doc.free_qty, doc.recurse = None, 0
