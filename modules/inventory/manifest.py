"""Inventory: warehouses, the stock ledger with FIFO and moving-average valuation, and
stock movements posted to the ledger as perpetual inventory."""

MANIFEST = {
    "name": "inventory",
    "title": "Stock",
    "version": "1.0.0",
    "depends": ["accounting"],
    "description": "Warehouses, stock entries, the stock ledger and its valuation.",
    "reports": [
        {"name": "stock_balance", "label": "Stock Balance", "method": "inventory.stock_balance",
         "filters": [{"fieldname": "company", "fieldtype": "Link", "options": "Company",
                      "label": "Company", "reqd": 1},
                     {"fieldname": "to_date", "fieldtype": "Date", "label": "As On",
                      "reqd": 1}],
         "columns": [{"fieldname": "item_code", "label": "Item", "fieldtype": "Link",
                      "options": "Item"},
                     {"fieldname": "warehouse", "label": "Warehouse", "fieldtype": "Link",
                      "options": "Warehouse"},
                     {"fieldname": "qty", "label": "Quantity", "fieldtype": "Float"},
                     {"fieldname": "valuation_rate", "label": "Valuation Rate",
                      "fieldtype": "Currency"},
                     {"fieldname": "value", "label": "Value", "fieldtype": "Currency"}]},
    ],
}
