"""Inventory: warehouses, the stock ledger with FIFO and moving-average valuation, and
stock movements posted to the ledger as perpetual inventory."""

COMPANY = {"fieldname": "company", "fieldtype": "Link", "options": "Company",
           "label": "Company", "reqd": 1}
ITEM = {"fieldname": "item_code", "label": "Item", "fieldtype": "Link", "options": "Item"}
WAREHOUSE = {"fieldname": "warehouse", "label": "Warehouse", "fieldtype": "Link",
             "options": "Warehouse"}


def qty(fieldname: str, label: str) -> dict[str, str]:
    return {"fieldname": fieldname, "label": label, "fieldtype": "Float"}


def money(fieldname: str, label: str) -> dict[str, str]:
    return {"fieldname": fieldname, "label": label, "fieldtype": "Currency"}


def aged(n: int, label: str) -> list[dict[str, str]]:
    return [qty(f"range{n}_qty", f"{label} Qty"), money(f"range{n}_value", f"{label} Value")]


def days(n: int, default: int) -> dict[str, object]:
    return {"fieldname": f"range{n}", "fieldtype": "Int", "label": f"Range {n} (days)",
            "default": default}


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
        {"name": "stock_ledger", "label": "Stock Ledger", "method": "inventory.stock_ledger",
         "chart": "stock_value_difference",
         "filters": [COMPANY, {"fieldname": "from_date", "fieldtype": "Date",
                               "label": "From Date", "reqd": 1},
                     {"fieldname": "to_date", "fieldtype": "Date", "label": "To Date",
                      "reqd": 1},
                     {"fieldname": "item_code", "fieldtype": "Link", "options": "Item",
                      "label": "Item"}],
         "columns": [{"fieldname": "posting_date", "label": "Date", "fieldtype": "Date"},
                     ITEM, WAREHOUSE, qty("actual_qty", "Quantity"),
                     qty("qty_after_transaction", "Balance Qty"),
                     money("valuation_rate", "Valuation Rate"),
                     money("stock_value_difference", "Value Change"),
                     money("stock_value", "Balance Value"),
                     {"fieldname": "voucher_type", "label": "Voucher Type",
                      "fieldtype": "Data"},
                     {"fieldname": "voucher_no", "label": "Voucher", "fieldtype": "Data"}]},
        {"name": "reorder_suggestions", "label": "Reorder Suggestions",
         "method": "inventory.reorder_suggestions", "filters": [COMPANY],
         "chart": "qty_to_order",
         "columns": [ITEM, WAREHOUSE, qty("actual_qty", "In Stock"),
                     qty("projected_qty", "Projected"), qty("reorder_level", "Reorder Level"),
                     qty("qty_to_order", "Quantity to Order")]},
        {"name": "batch_qty", "label": "Batch-wise Balance", "method": "inventory.batch_qty",
         "chart": "qty",
         "filters": [COMPANY, {"fieldname": "item_code", "fieldtype": "Link",
                               "options": "Item", "label": "Item"},
                     {"fieldname": "warehouse", "fieldtype": "Link", "options": "Warehouse",
                      "label": "Warehouse"}],
         "columns": [ITEM, {"fieldname": "batch_no", "label": "Batch", "fieldtype": "Link",
                            "options": "Batch"}, WAREHOUSE,
                     {"fieldname": "expiry_date", "label": "Expiry Date", "fieldtype": "Date"},
                     qty("qty", "Quantity")]},
        {"name": "stock_ageing", "label": "Stock Ageing", "method": "inventory.stock_ageing",
         "chart": "value",
         "filters": [COMPANY, {"fieldname": "to_date", "fieldtype": "Date", "label": "As On",
                               "reqd": 1},
                     {"fieldname": "item_code", "fieldtype": "Link", "options": "Item",
                      "label": "Item"},
                     {"fieldname": "warehouse", "fieldtype": "Link", "options": "Warehouse",
                      "label": "Warehouse"}, days(1, 30), days(2, 60), days(3, 90)],
         "columns": [ITEM, WAREHOUSE, qty("qty", "Quantity"), money("value", "Value"),
                     {"fieldname": "average_age", "label": "Average Age (days)",
                      "fieldtype": "Float"},
                     *aged(1, "0-30"), *aged(2, "31-60"), *aged(3, "61-90"),
                     *aged(4, "90+")]},
    ],
}
