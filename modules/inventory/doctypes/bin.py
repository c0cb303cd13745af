"""Bin: the current quantity and value of one item in one warehouse, kept by the stock
ledger (a summary that can always be rebuilt from it)."""

DOCTYPE = {
    "name": "Bin",
    "autoname": "hash",
    "track_changes": 0,
    # listed by item, not by last change: every stock movement updates its Bins, and with
    # no index on ``modified`` PostgreSQL rewrites them in place (core/db/tables.py)
    "sort_field": "item_code",
    "sort_order": "asc",
    "fields": [
        {"fieldname": "item_code", "fieldtype": "Link", "options": "Item", "label": "Item",
         "in_list_view": 1, "in_standard_filter": 1},
        {"fieldname": "warehouse", "fieldtype": "Link", "options": "Warehouse",
         "label": "Warehouse", "in_list_view": 1, "in_standard_filter": 1},
        {"fieldname": "actual_qty", "fieldtype": "Float", "label": "Actual Quantity",
         "in_list_view": 1},
        {"fieldname": "reserved_qty", "fieldtype": "Float", "label": "Reserved"},
        {"fieldname": "ordered_qty", "fieldtype": "Float", "label": "Ordered"},
        {"fieldname": "projected_qty", "fieldtype": "Float", "label": "Projected",
         "in_list_view": 1},
        {"fieldname": "valuation_rate", "fieldtype": "Currency", "label": "Valuation Rate",
         "precision": 6},
        {"fieldname": "stock_value", "fieldtype": "Currency", "label": "Stock Value",
         "in_list_view": 1},
        {"fieldname": "stock_queue", "fieldtype": "JSON", "label": "FIFO Queue"},
        # the latest posting date among the ledger rows: a movement dated before it is
        # back-dated. Empty on a Bin kept before this was (the ledger then tells).
        {"fieldname": "latest_posting_date", "fieldtype": "Date",
         "label": "Latest Movement"},
    ],
    "permissions": [
        {"role": "System Manager", "read": 1}, {"role": "Stock Manager", "read": 1},
        {"role": "Stock User", "read": 1}, {"role": "Sales User", "read": 1},
    ],
}
