"""Buying: material requests, purchase orders, receipts into stock, the bills made from
them, and landed costs added to the goods' value."""

COMPANY = {"fieldname": "company", "fieldtype": "Link", "options": "Company",
           "label": "Company", "reqd": 1}


def money(fieldname: str, label: str) -> dict[str, str]:
    return {"fieldname": fieldname, "label": label, "fieldtype": "Currency"}


MANIFEST = {
    "name": "purchase",
    "title": "Buying",
    "version": "1.0.0",
    "depends": ["inventory"],
    "description": "Material requests, purchase orders, purchase receipts, bills made from "
                   "them and landed costs.",
    "make": [
        {"from": "Material Request", "to": "Purchase Order",
         "method": "purchase.make_purchase_order", "until": "per_ordered",
         "when": {"material_request_type": ["Purchase"]}},
        {"from": "Material Request", "to": "Stock Entry",
         "method": "purchase.make_stock_entry", "until": "per_ordered",
         "when": {"material_request_type": ["Material Transfer", "Material Issue"]}},
        {"from": "Purchase Order", "to": "Purchase Receipt",
         "method": "purchase.make_purchase_receipt", "until": "per_received"},
        {"from": "Purchase Order", "to": "Purchase Invoice",
         "method": "purchase.make_purchase_invoice", "until": "per_billed"},
        {"from": "Purchase Receipt", "to": "Purchase Invoice",
         "method": "purchase.make_purchase_invoice", "until": "per_billed"},
        {"from": "Purchase Receipt", "to": "Purchase Receipt", "label": "Return",
         "method": "purchase.make_purchase_return"},
    ],
    "reports": [
        {"name": "purchase_register", "label": "Purchase Register",
         "method": "purchase.purchase_register", "totals": "totals",
         "chart": "grand_total",
         "filters": [COMPANY,
                     {"fieldname": "from_date", "fieldtype": "Date", "label": "From Date",
                      "reqd": 1},
                     {"fieldname": "to_date", "fieldtype": "Date", "label": "To Date",
                      "reqd": 1}],
         "columns": [{"fieldname": "posting_date", "label": "Date", "fieldtype": "Date"},
                     {"fieldname": "name", "label": "Invoice", "fieldtype": "Link",
                      "options": "Purchase Invoice"},
                     {"fieldname": "supplier", "label": "Supplier", "fieldtype": "Link",
                      "options": "Supplier"},
                     {"fieldname": "bill_no", "label": "Supplier Invoice No",
                      "fieldtype": "Data"},
                     money("net_total", "Net Total"), money("tax", "Tax"),
                     money("grand_total", "Grand Total"),
                     money("outstanding_amount", "Outstanding"),
                     {"fieldname": "is_return", "label": "Debit Note", "fieldtype": "Check"}]},
    ],
}
