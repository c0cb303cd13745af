"""GL Entry: one line of the general ledger. Written only by ``accounting.posting``.

The rows are append-only: the REST API and the desk can read them, but any attempt to
insert, change or delete one through the document lifecycle is refused, whoever asks.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from modules.accounting.errors import LedgerIsAppendOnly

if TYPE_CHECKING:
    from core.context import Context
    from core.document import Document

DOCTYPE = {
    "name": "GL Entry",
    "autoname": "hash",
    "track_changes": 0,
    "sort_field": "posting_date",
    "fields": [
        {"fieldname": "posting_date", "fieldtype": "Date", "label": "Posting Date",
         "in_list_view": 1, "search_index": 1},
        {"fieldname": "company", "fieldtype": "Link", "options": "Company",
         "label": "Company", "in_standard_filter": 1},
        {"fieldname": "account", "fieldtype": "Link", "options": "Account",
         "label": "Account", "in_list_view": 1, "in_standard_filter": 1},
        {"fieldname": "party_type", "fieldtype": "Data", "label": "Party Type"},
        {"fieldname": "party", "fieldtype": "Data", "label": "Party", "search_index": 1,
         "in_standard_filter": 1},
        {"fieldname": "cost_center", "fieldtype": "Link", "options": "Cost Center",
         "label": "Cost Center"},
        {"fieldname": "debit", "fieldtype": "Currency", "label": "Debit", "in_list_view": 1},
        {"fieldname": "credit", "fieldtype": "Currency", "label": "Credit",
         "in_list_view": 1},
        {"fieldname": "account_currency", "fieldtype": "Data", "label": "Account Currency"},
        {"fieldname": "debit_in_account_currency", "fieldtype": "Currency",
         "label": "Debit (Account Currency)"},
        {"fieldname": "credit_in_account_currency", "fieldtype": "Currency",
         "label": "Credit (Account Currency)"},
        {"fieldname": "voucher_type", "fieldtype": "Data", "label": "Voucher Type",
         "in_list_view": 1},
        {"fieldname": "voucher_no", "fieldtype": "Data", "label": "Voucher No",
         "in_list_view": 1, "search_index": 1, "in_standard_filter": 1},
        {"fieldname": "against_voucher_type", "fieldtype": "Data",
         "label": "Against Voucher Type"},
        {"fieldname": "against_voucher", "fieldtype": "Data", "label": "Against Voucher",
         "search_index": 1},
        {"fieldname": "fiscal_year", "fieldtype": "Data", "label": "Fiscal Year"},
        {"fieldname": "is_opening", "fieldtype": "Check", "label": "Is Opening"},
        {"fieldname": "is_reversal", "fieldtype": "Check", "label": "Is Reversal"},
        {"fieldname": "remarks", "fieldtype": "Small Text", "label": "Remarks"},
    ],
    "permissions": [
        {"role": "System Manager", "read": 1},
        {"role": "Accounts Manager", "read": 1},
        {"role": "Accounts User", "read": 1},
    ],
}

REFUSAL = "GL Entries are written only by posting a voucher; they are never edited"


def before_insert(ctx: Context, doc: Document) -> None:
    raise LedgerIsAppendOnly(REFUSAL)


def validate(ctx: Context, doc: Document) -> None:
    raise LedgerIsAppendOnly(REFUSAL)


def on_trash(ctx: Context, doc: Document) -> None:
    raise LedgerIsAppendOnly(REFUSAL)
