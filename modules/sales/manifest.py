"""Selling: sales orders, deliveries to customers, the invoices made from them, and the
sales register and gross profit reports."""

COMPANY = {"fieldname": "company", "fieldtype": "Link", "options": "Company",
           "label": "Company", "reqd": 1}
FROM = {"fieldname": "from_date", "fieldtype": "Date", "label": "From Date", "reqd": 1}
TO = {"fieldname": "to_date", "fieldtype": "Date", "label": "To Date", "reqd": 1}
CUSTOMER = {"fieldname": "customer", "fieldtype": "Link", "options": "Customer",
            "label": "Customer"}


def money(fieldname: str, label: str) -> dict[str, str]:
    return {"fieldname": fieldname, "label": label, "fieldtype": "Currency"}


MANIFEST = {
    "name": "sales",
    "title": "Selling",
    "version": "1.0.0",
    "depends": ["inventory"],
    "description": "Deliveries to customers and the invoices made from them.",
    "scheduled": [
        {"method": "modules.sales.quoting.expire_quotations", "every": "daily"},
    ],
    "make": [
        {"from": "Quotation", "to": "Sales Order", "method": "sales.make_sales_order",
         "when": {"status": ["Open", "Partially Ordered"]}},
        {"from": "Sales Order", "to": "Delivery Note", "method": "sales.make_delivery_note",
         "until": "per_delivered"},
        {"from": "Sales Order", "to": "Sales Invoice", "method": "sales.make_sales_invoice",
         "args": {"source_doctype": "Sales Order"}, "until": "per_billed"},
        {"from": "Delivery Note", "to": "Sales Invoice", "method": "sales.make_sales_invoice",
         "until": "per_billed"},
    ],
    "reports": [
        {"name": "sales_register", "label": "Sales Register",
         "method": "sales.sales_register", "totals": "totals", "chart": "grand_total",
         "filters": [COMPANY, FROM, TO, CUSTOMER],
         "columns": [{"fieldname": "invoice", "label": "Invoice", "fieldtype": "Link",
                      "options": "Sales Invoice"},
                     {"fieldname": "posting_date", "label": "Date", "fieldtype": "Date"},
                     CUSTOMER, money("net_total", "Net Total"),
                     money("tax_total", "Tax Total"), money("grand_total", "Grand Total"),
                     money("outstanding_amount", "Outstanding"),
                     {"fieldname": "is_return", "label": "Return", "fieldtype": "Check"}]},
        # the columns follow group_by: the method returns the item columns when asked
        {"name": "gross_profit", "label": "Gross Profit", "method": "sales.gross_profit",
         "totals": "totals", "chart": "gross_profit",
         "filters": [COMPANY, FROM, TO,
                     {"fieldname": "group_by", "fieldtype": "Select", "label": "Group By",
                      "options": "Invoice\nItem", "default": "Invoice"}, CUSTOMER],
         "columns": [{"fieldname": "invoice", "label": "Invoice", "fieldtype": "Link",
                      "options": "Sales Invoice"},
                     {"fieldname": "posting_date", "label": "Date", "fieldtype": "Date"},
                     CUSTOMER, {"fieldname": "qty", "label": "Quantity", "fieldtype": "Float"},
                     money("selling_amount", "Selling Amount"),
                     money("buying_amount", "Buying Amount"),
                     money("gross_profit", "Gross Profit"),
                     {"fieldname": "gross_profit_percent", "label": "Gross Profit %",
                      "fieldtype": "Percent"}]},
    ],
}
