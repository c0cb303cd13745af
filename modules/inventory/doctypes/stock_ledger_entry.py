"""Stock Ledger Entry: one movement of one item in one warehouse, with the running
quantity and value after it. Written only by ``inventory.ledger``; never edited."""

from __future__ import annotations

from typing import TYPE_CHECKING

from modules.inventory.errors import StockLedgerIsAppendOnly

if TYPE_CHECKING:
    from core.context import Context
    from core.document import Document

DOCTYPE = {
    "name": "Stock Ledger Entry",
    "autoname": "hash",
    "track_changes": 0,
    "sort_field": "posting_date",
    # every stock movement asks for the item's later entries in its warehouse, and a
    # back-dated one replays them in order: without this, both read the item's whole
    # history in every warehouse
    "indexes": [["item_code", "warehouse", "posting_date", "creation", "idx"]],
    "fields": [
        {"fieldname": "item_code", "fieldtype": "Link", "options": "Item", "label": "Item",
         "in_list_view": 1, "in_standard_filter": 1},
        {"fieldname": "warehouse", "fieldtype": "Link", "options": "Warehouse",
         "label": "Warehouse", "in_list_view": 1, "in_standard_filter": 1},
        {"fieldname": "company", "fieldtype": "Link", "options": "Company",
         "label": "Company"},
        {"fieldname": "posting_date", "fieldtype": "Date", "label": "Date",
         "in_list_view": 1, "search_index": 1},
        {"fieldname": "voucher_type", "fieldtype": "Data", "label": "Voucher Type"},
        {"fieldname": "voucher_no", "fieldtype": "Data", "label": "Voucher No",
         "search_index": 1, "in_list_view": 1},
        {"fieldname": "voucher_detail_no", "fieldtype": "Data", "label": "Voucher Row"},
        {"fieldname": "actual_qty", "fieldtype": "Float", "label": "Quantity",
         "in_list_view": 1},
        {"fieldname": "qty_after_transaction", "fieldtype": "Float",
         "label": "Quantity After"},
        {"fieldname": "incoming_rate", "fieldtype": "Currency", "label": "Incoming Rate"},
        {"fieldname": "outgoing_rate", "fieldtype": "Currency", "label": "Outgoing Rate",
         "precision": 6},
        {"fieldname": "valuation_rate", "fieldtype": "Currency", "label": "Valuation Rate",
         "precision": 6},
        {"fieldname": "stock_value", "fieldtype": "Currency", "label": "Stock Value"},
        {"fieldname": "stock_value_difference", "fieldtype": "Currency",
         "label": "Value Change", "in_list_view": 1},
        {"fieldname": "stock_queue", "fieldtype": "JSON", "label": "FIFO Queue"},
        {"fieldname": "is_reversal", "fieldtype": "Check", "label": "Is Reversal"},
        {"fieldname": "is_adjustment", "fieldtype": "Check", "label": "Is Revaluation"},
        {"fieldname": "against_account", "fieldtype": "Link", "options": "Account",
         "label": "Against Account"},
        {"fieldname": "batch_no", "fieldtype": "Link", "options": "Batch", "label": "Batch",
         "search_index": 1, "in_standard_filter": 1},
        {"fieldname": "serial_no", "fieldtype": "Text", "label": "Serial Numbers"},
    ],
    "permissions": [
        {"role": "System Manager", "read": 1}, {"role": "Stock Manager", "read": 1},
        {"role": "Stock User", "read": 1}, {"role": "Accounts User", "read": 1},
    ],
}


def before_insert(ctx: Context, doc: Document) -> None:
    raise StockLedgerIsAppendOnly("Stock ledger entries are written only by stock "
                                  "transactions; they are never edited")


validate = on_trash = before_insert
