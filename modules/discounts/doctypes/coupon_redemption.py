"""Coupon Redemption: the history of a coupon's uses, written only by ``coupons.py``.

Append-only like a ledger: a use is a row of +1, its cancellation a row of -1 for the
same document, so a customer's uses are the sum of their rows and nothing is erased.
Nobody writes, edits or deletes a row by hand (not even an administrator).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from modules.discounts.errors import RedemptionsAreAppendOnly

if TYPE_CHECKING:
    from core.context import Context
    from core.document import Document

REFUSAL = ("Coupon redemptions are written by submitting and cancelling the documents "
           "that use coupons")

DOCTYPE = {
    "name": "Coupon Redemption",
    "autoname": "hash",
    "title_field": "coupon_code",
    "sort_field": "creation",
    "search_fields": ["coupon_code", "customer", "voucher_no"],
    "fields": [
        {"fieldname": "coupon_code", "fieldtype": "Link", "options": "Coupon Code",
         "label": "Coupon Code", "reqd": 1, "in_list_view": 1, "in_standard_filter": 1,
         "search_index": 1},
        {"fieldname": "customer", "fieldtype": "Link", "options": "Customer",
         "label": "Customer", "in_list_view": 1, "in_standard_filter": 1},
        {"fieldname": "company", "fieldtype": "Link", "options": "Company",
         "label": "Company"},
        {"fieldname": "voucher_type", "fieldtype": "Data", "label": "Voucher Type",
         "in_list_view": 1},
        # Data, not a link: the history stays when its document is cancelled
        {"fieldname": "voucher_no", "fieldtype": "Data", "label": "Voucher",
         "in_list_view": 1, "search_index": 1},
        {"fieldname": "posting_date", "fieldtype": "Date", "label": "Date",
         "in_list_view": 1},
        {"fieldname": "uses", "fieldtype": "Int", "label": "Uses", "in_list_view": 1},
    ],
    # read only for everyone: rows come from submitting and cancelling documents
    "permissions": [
        {"role": "System Manager", "read": 1},
        {"role": "Sales Manager", "read": 1},
        {"role": "Sales User", "read": 1},
        {"role": "Accounts User", "read": 1},
    ],
}


def before_insert(ctx: Context, doc: Document) -> None:
    raise RedemptionsAreAppendOnly(REFUSAL)


def validate(ctx: Context, doc: Document) -> None:
    raise RedemptionsAreAppendOnly(REFUSAL)


def on_trash(ctx: Context, doc: Document) -> None:
    raise RedemptionsAreAppendOnly(REFUSAL)
