"""Loyalty Point Entry: the points ledger. Written only by the invoices that earn,
redeem and return points and by expiry (``ledger.py``); never edited.

Every row names the earned entry (``earned_entry``) whose points it adds or takes, and
carries that entry's expiry date, so a customer's balance on a day is one sum over the
rows whose points have not expired, and expiry knows exactly what is left of each
earning.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from modules.loyalty.errors import PointLedgerIsAppendOnly

if TYPE_CHECKING:
    from core.context import Context
    from core.document import Document

ENTRY_TYPES = ("Earned", "Redeemed", "Reversed", "Restored", "Expired", "Cancelled")

DOCTYPE = {
    "name": "Loyalty Point Entry",
    "autoname": "hash",
    "track_changes": 0,
    "sort_field": "posting_date",
    "fields": [
        {"fieldname": "company", "fieldtype": "Link", "options": "Company",
         "label": "Company", "in_standard_filter": 1},
        {"fieldname": "customer", "fieldtype": "Link", "options": "Customer",
         "label": "Customer", "in_list_view": 1, "in_standard_filter": 1,
         "search_index": 1},
        {"fieldname": "loyalty_program", "fieldtype": "Link", "options": "Loyalty Program",
         "label": "Loyalty Program", "in_standard_filter": 1},
        {"fieldname": "loyalty_tier", "fieldtype": "Data", "label": "Tier"},
        {"fieldname": "entry_type", "fieldtype": "Select", "label": "Entry",
         "options": "\n".join(ENTRY_TYPES), "in_list_view": 1},
        {"fieldname": "loyalty_points", "fieldtype": "Int", "label": "Points",
         "in_list_view": 1},
        {"fieldname": "purchase_amount", "fieldtype": "Currency",
         "label": "Purchase Amount"},
        {"fieldname": "conversion_factor", "fieldtype": "Currency",
         "label": "Value of a Point"},
        {"fieldname": "collection_factor", "fieldtype": "Currency",
         "label": "Spent per Point"},
        {"fieldname": "posting_date", "fieldtype": "Date", "label": "Date",
         "in_list_view": 1},
        {"fieldname": "expiry_date", "fieldtype": "Date", "label": "Expiry Date"},
        {"fieldname": "earned_entry", "fieldtype": "Data", "label": "Earned Entry",
         "search_index": 1},
        # on the rows a return writes: the earning it takes points back from
        {"fieldname": "reversal_of", "fieldtype": "Data", "label": "Reversal Of"},
        {"fieldname": "voucher_type", "fieldtype": "Data", "label": "Voucher Type",
         "in_list_view": 1},
        {"fieldname": "voucher_no", "fieldtype": "Data", "label": "Voucher",
         "in_list_view": 1, "search_index": 1},
    ],
    "permissions": [
        {"role": "System Manager", "read": 1},
        {"role": "Accounts Manager", "read": 1},
        {"role": "Accounts User", "read": 1},
        {"role": "Sales User", "read": 1},
    ],
}

REFUSAL = ("Loyalty Point Entries are written by the invoices that earn and spend "
           "points; they are never edited")


def before_insert(ctx: Context, doc: Document) -> None:
    raise PointLedgerIsAppendOnly(REFUSAL)


def validate(ctx: Context, doc: Document) -> None:
    raise PointLedgerIsAppendOnly(REFUSAL)


def on_trash(ctx: Context, doc: Document) -> None:
    raise PointLedgerIsAppendOnly(REFUSAL)
