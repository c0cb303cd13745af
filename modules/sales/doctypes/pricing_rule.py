"""Pricing Rule: a selling price or discount for an item or item group, for a customer,
customer group, territory or anyone, within dates and quantity limits. Which rule prices
a line is decided in ``pricing/rules.py: best_rule``."""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

from core.errors import ValidationError

if TYPE_CHECKING:
    from core.context import Context
    from core.document import Document

ZERO = Decimal(0)
PARTY_FIELDS = {"Customer": "customer", "Customer Group": "customer_group",
                "Territory": "territory"}
VALUE_FIELDS = {"Rate": "rate", "Discount Percentage": "discount_percentage",
                "Discount Amount": "discount_amount"}

DOCTYPE = {
    "name": "Pricing Rule",
    "autoname": "PRLE-.#####",
    "cache_records": 1,  # read by every priced line (pricing/apply.py: load_rules)
    "title_field": "title",
    "search_fields": ["title", "item_code", "item_group"],
    "fields": [
        {"fieldname": "title", "fieldtype": "Data", "label": "Title", "reqd": 1,
         "in_list_view": 1},
        {"fieldname": "disabled", "fieldtype": "Check", "label": "Disabled",
         "in_standard_filter": 1},
        {"fieldname": "apply_on", "fieldtype": "Select", "label": "Apply On", "reqd": 1,
         "options": "Item Code\nItem Group", "default": "Item Code", "in_list_view": 1},
        {"fieldname": "item_code", "fieldtype": "Link", "options": "Item", "label": "Item",
         "in_standard_filter": 1},
        {"fieldname": "item_group", "fieldtype": "Link", "options": "Item Group",
         "label": "Item Group", "in_standard_filter": 1},
        {"fieldname": "column_1", "fieldtype": "Column Break"},
        {"fieldname": "applicable_for", "fieldtype": "Select", "label": "Applicable For",
         "options": "\nCustomer\nCustomer Group\nTerritory", "in_list_view": 1},
        {"fieldname": "customer", "fieldtype": "Link", "options": "Customer",
         "label": "Customer"},
        {"fieldname": "customer_group", "fieldtype": "Link", "options": "Customer Group",
         "label": "Customer Group"},
        {"fieldname": "territory", "fieldtype": "Link", "options": "Territory",
         "label": "Territory"},
        {"fieldname": "company", "fieldtype": "Link", "options": "Company",
         "label": "Company"},
        {"fieldname": "section_conditions", "fieldtype": "Section Break",
         "label": "Conditions"},
        {"fieldname": "min_qty", "fieldtype": "Float", "label": "Min Qty"},
        {"fieldname": "max_qty", "fieldtype": "Float", "label": "Max Qty"},
        {"fieldname": "min_amt", "fieldtype": "Currency", "label": "Min Amount"},
        {"fieldname": "column_2", "fieldtype": "Column Break"},
        {"fieldname": "valid_from", "fieldtype": "Date", "label": "Valid From"},
        {"fieldname": "valid_upto", "fieldtype": "Date", "label": "Valid Upto"},
        {"fieldname": "priority", "fieldtype": "Int", "label": "Priority",
         "in_list_view": 1},
        {"fieldname": "section_price", "fieldtype": "Section Break", "label": "Price"},
        {"fieldname": "rate_or_discount", "fieldtype": "Select", "label": "Rate or Discount",
         "options": "Discount Percentage\nDiscount Amount\nRate", "reqd": 1,
         "default": "Discount Percentage", "in_list_view": 1},
        {"fieldname": "rate", "fieldtype": "Currency", "label": "Rate"},
        {"fieldname": "discount_percentage", "fieldtype": "Percent",
         "label": "Discount Percentage"},
        {"fieldname": "discount_amount", "fieldtype": "Currency",
         "label": "Discount Amount"},
    ],
    "permissions": [
        {"role": "System Manager", "read": 1, "write": 1, "create": 1, "delete": 1},
        {"role": "Sales Manager", "read": 1, "write": 1, "create": 1, "delete": 1},
        {"role": "Sales User", "read": 1},
        {"role": "Accounts User", "read": 1},
    ],
}


def validate(ctx: Context, doc: Document) -> None:
    _check_target(doc)
    _check_limits(doc)
    _check_value(doc)


def _check_target(doc: Document) -> None:
    field = "item_group" if doc.apply_on == "Item Group" else "item_code"
    if not doc.get(field):
        raise ValidationError(f"A rule applied on {doc.apply_on or 'Item Code'} needs "
                              f"the {field.replace('_', ' ')}", field=field)
    doc.set("item_group" if field == "item_code" else "item_code", None)
    party_field = PARTY_FIELDS.get(doc.applicable_for or "")
    if party_field and not doc.get(party_field):
        raise ValidationError(f"A rule applicable for a {doc.applicable_for.lower()} needs "
                              f"the {doc.applicable_for.lower()}", field=party_field)
    for other in PARTY_FIELDS.values():  # only the field the rule is for stays set
        if other != party_field:
            doc.set(other, None)


def _check_limits(doc: Document) -> None:
    for field in ("min_qty", "max_qty", "min_amt"):
        if (doc.get(field) or ZERO) < 0:
            raise ValidationError(f"{field} cannot be negative", field=field)
    if doc.max_qty and doc.max_qty < (doc.min_qty or ZERO):
        raise ValidationError("Max Qty cannot be below Min Qty", field="max_qty")
    if doc.valid_from and doc.valid_upto and doc.valid_upto < doc.valid_from:
        raise ValidationError("Valid Upto cannot be before Valid From", field="valid_upto")


def _check_value(doc: Document) -> None:
    field = VALUE_FIELDS.get(doc.rate_or_discount or "")
    if field is None:  # not one of the options: the metadata check says so
        return
    value = doc.get(field)
    if value is None or value < 0:
        raise ValidationError(f"{doc.rate_or_discount} needs a value of zero or more",
                              field=field)
    if field == "discount_percentage" and value > 100:
        raise ValidationError("Discount Percentage cannot be above 100",
                              field="discount_percentage")
    for other in VALUE_FIELDS.values():
        if other != field:
            doc.set(other, None)
