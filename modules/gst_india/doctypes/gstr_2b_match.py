"""GSTR 2B Match: one line of a GSTR-2B reconciliation: a supplier document as the
GSTR-2B shows it, the purchase invoice it matched in the books, and the verdict."""

from modules.gst_india.returns.reconcile_2b import STATUSES

DOCTYPE = {
    "name": "GSTR 2B Match",
    "istable": 1,
    "fields": [
        {"fieldname": "status", "fieldtype": "Select", "label": "Status",
         "options": "\n".join(STATUSES), "in_list_view": 1},
        {"fieldname": "document_type", "fieldtype": "Select", "label": "Document",
         "options": "Invoice\nCredit Note\nDebit Note", "in_list_view": 1},
        {"fieldname": "supplier_gstin", "fieldtype": "Data", "label": "Supplier GSTIN",
         "in_list_view": 1},
        {"fieldname": "supplier_name", "fieldtype": "Data", "label": "Supplier Name"},
        {"fieldname": "bill_no", "fieldtype": "Data", "label": "Number in GSTR-2B",
         "in_list_view": 1},
        {"fieldname": "bill_date", "fieldtype": "Date", "label": "Date in GSTR-2B"},
        {"fieldname": "taxable_value_2b", "fieldtype": "Currency",
         "label": "Taxable Value in GSTR-2B"},
        {"fieldname": "tax_2b", "fieldtype": "Currency", "label": "Tax in GSTR-2B"},
        {"fieldname": "purchase_invoice", "fieldtype": "Link",
         "options": "Purchase Invoice", "label": "Purchase Invoice", "in_list_view": 1},
        {"fieldname": "books_bill_no", "fieldtype": "Data", "label": "Number in Books"},
        {"fieldname": "books_bill_date", "fieldtype": "Date", "label": "Date in Books"},
        {"fieldname": "taxable_value_books", "fieldtype": "Currency",
         "label": "Taxable Value in Books"},
        {"fieldname": "tax_books", "fieldtype": "Currency", "label": "Tax in Books"},
        {"fieldname": "reason", "fieldtype": "Small Text", "label": "Differences",
         "in_list_view": 1},
    ],
}
