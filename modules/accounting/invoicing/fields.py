"""Field declarations shared by the sales and purchase invoice doctypes."""

from __future__ import annotations

from typing import Any

CHARGE_TYPES = ("On Net Total", "Actual")


def item_fields(account_field: str, account_label: str) -> list[dict[str, Any]]:
    return [
        {"fieldname": "item_code", "fieldtype": "Link", "options": "Item",
         "label": "Item", "in_list_view": 1},
        {"fieldname": "item_name", "fieldtype": "Data", "label": "Item Name", "reqd": 1,
         "in_list_view": 1},
        {"fieldname": "description", "fieldtype": "Small Text", "label": "Description"},
        {"fieldname": "qty", "fieldtype": "Float", "label": "Quantity", "reqd": 1,
         "default": 1, "in_list_view": 1},
        {"fieldname": "uom", "fieldtype": "Link", "options": "UOM", "label": "UOM"},
        {"fieldname": "rate", "fieldtype": "Currency", "label": "Rate", "in_list_view": 1},
        {"fieldname": "amount", "fieldtype": "Currency", "label": "Amount", "read_only": 1,
         "in_list_view": 1},
        {"fieldname": account_field, "fieldtype": "Link", "options": "Account",
         "label": account_label},
        {"fieldname": "cost_center", "fieldtype": "Link", "options": "Cost Center",
         "label": "Cost Center"},
    ]


TAX_FIELDS: list[dict[str, Any]] = [
    {"fieldname": "charge_type", "fieldtype": "Select", "label": "Type",
     "options": "\n".join(CHARGE_TYPES), "default": "On Net Total", "reqd": 1,
     "in_list_view": 1},
    {"fieldname": "account_head", "fieldtype": "Link", "options": "Account",
     "label": "Account Head", "reqd": 1, "in_list_view": 1},
    {"fieldname": "description", "fieldtype": "Data", "label": "Description",
     "in_list_view": 1},
    {"fieldname": "rate", "fieldtype": "Percent", "label": "Rate", "precision": 3,
     "in_list_view": 1},
    {"fieldname": "tax_amount", "fieldtype": "Currency", "label": "Amount",
     "in_list_view": 1},
    {"fieldname": "total", "fieldtype": "Currency", "label": "Total", "read_only": 1},
    {"fieldname": "cost_center", "fieldtype": "Link", "options": "Cost Center",
     "label": "Cost Center"},
]


def taxes_and_totals_fields(tax_doctype: str, company_currency: bool
                            ) -> list[dict[str, Any]]:
    """The taxes table and the totals after it, for a document that shows its taxes
    without posting them (a quotation, an order, a delivery note or a receipt).
    ``company_currency``: the document has a currency of its own, so its grand total is
    also given in the company's."""
    return [
        {"fieldname": "section_taxes", "fieldtype": "Section Break",
         "label": "Taxes and Charges"},
        {"fieldname": "taxes", "fieldtype": "Table", "options": tax_doctype,
         "label": "Taxes and Charges"},
        {"fieldname": "section_totals", "fieldtype": "Section Break", "label": "Totals"},
        {"fieldname": "total", "fieldtype": "Currency", "label": "Net Total",
         "read_only": 1, "in_list_view": 1},
        {"fieldname": "total_taxes_and_charges", "fieldtype": "Currency",
         "label": "Total Taxes and Charges", "read_only": 1},
        {"fieldname": "column_totals", "fieldtype": "Column Break"},
        {"fieldname": "grand_total", "fieldtype": "Currency", "label": "Grand Total",
         "read_only": 1, "in_list_view": 1},
        *([{"fieldname": "base_grand_total", "fieldtype": "Currency",
            "label": "Grand Total (Company Currency)", "read_only": 1}]
          if company_currency else []),
    ]


def invoice_fields(party: str, party_account: str, party_account_label: str,
                   item_doctype: str, tax_doctype: str, series: str,
                   return_doctype: str) -> list[dict[str, Any]]:
    """The header, lines and totals of a sales or purchase invoice."""
    return [
        {"fieldname": "naming_series", "fieldtype": "Data", "label": "Series",
         "default": series, "hidden": 1},
        {"fieldname": party, "fieldtype": "Link", "options": party.title(),
         "label": party.title(), "reqd": 1, "in_list_view": 1, "in_standard_filter": 1},
        {"fieldname": f"{party}_name", "fieldtype": "Data", "label": f"{party.title()} Name",
         "read_only": 1},
        {"fieldname": "company", "fieldtype": "Link", "options": "Company",
         "label": "Company", "reqd": 1, "in_standard_filter": 1},
        {"fieldname": "posting_date", "fieldtype": "Date", "label": "Date", "reqd": 1,
         "default": "Today", "in_list_view": 1, "search_index": 1},
        {"fieldname": "due_date", "fieldtype": "Date", "label": "Due Date"},
        {"fieldname": "column_1", "fieldtype": "Column Break"},
        {"fieldname": "currency", "fieldtype": "Link", "options": "Currency",
         "label": "Currency"},
        {"fieldname": "conversion_rate", "fieldtype": "Float", "label": "Exchange Rate",
         "precision": 9},
        {"fieldname": party_account, "fieldtype": "Link", "options": "Account",
         "label": party_account_label},
        {"fieldname": "party_account_currency", "fieldtype": "Data",
         "label": "Party Account Currency", "read_only": 1, "hidden": 1},
        {"fieldname": "is_return", "fieldtype": "Check", "label": "Is Return"},
        {"fieldname": "return_against", "fieldtype": "Link", "options": return_doctype,
         "label": "Return Against"},
        {"fieldname": "status", "fieldtype": "Select", "label": "Status", "read_only": 1,
         "options": "Draft\nUnpaid\nPartly Paid\nPaid\nOverdue\nReturn\n"
                    "Credit Note Issued\nDebit Note Issued\nCancelled",
         "default": "Draft", "in_list_view": 1, "in_standard_filter": 1,
         "allow_on_submit": 1},
        {"fieldname": "section_items", "fieldtype": "Section Break", "label": "Items"},
        {"fieldname": "items", "fieldtype": "Table", "options": item_doctype,
         "label": "Items", "reqd": 1},
        {"fieldname": "section_taxes", "fieldtype": "Section Break",
         "label": "Taxes and Charges"},
        {"fieldname": "taxes", "fieldtype": "Table", "options": tax_doctype,
         "label": "Taxes and Charges"},
        {"fieldname": "section_totals", "fieldtype": "Section Break", "label": "Totals"},
        {"fieldname": "total_qty", "fieldtype": "Float", "label": "Total Quantity",
         "read_only": 1},
        {"fieldname": "total", "fieldtype": "Currency", "label": "Net Total", "read_only": 1},
        {"fieldname": "total_taxes_and_charges", "fieldtype": "Currency",
         "label": "Total Taxes and Charges", "read_only": 1},
        {"fieldname": "column_2", "fieldtype": "Column Break"},
        {"fieldname": "grand_total", "fieldtype": "Currency", "label": "Grand Total",
         "read_only": 1, "in_list_view": 1},
        {"fieldname": "base_grand_total", "fieldtype": "Currency",
         "label": "Grand Total (Company Currency)", "read_only": 1},
        {"fieldname": "outstanding_amount", "fieldtype": "Currency",
         "label": "Outstanding Amount", "read_only": 1, "allow_on_submit": 1,
         "in_list_view": 1},
        {"fieldname": "section_terms", "fieldtype": "Section Break",
         "label": "Payment Terms"},
        {"fieldname": "payment_terms_template", "fieldtype": "Link",
         "options": "Payment Terms Template", "label": "Payment Terms"},
        {"fieldname": "payment_schedule", "fieldtype": "Table", "options": "Payment Schedule",
         "label": "Payment Schedule"},
        {"fieldname": "remarks", "fieldtype": "Small Text", "label": "Remarks"},
    ]


# A sales debit note: positive lines raising the amount of ``return_against`` (ERPNext's
# field); it has its own outstanding amount and moves no stock.
DEBIT_NOTE_FIELD: dict[str, Any] = {
    "fieldname": "is_debit_note", "fieldtype": "Check", "label": "Is Debit Note"}


def inserted_after(fields: list[dict[str, Any]], after: str, field: dict[str, Any]
                   ) -> list[dict[str, Any]]:
    """``fields`` with ``field`` placed right after the field named ``after``."""
    at = next(i for i, f in enumerate(fields) if f["fieldname"] == after) + 1
    return [*fields[:at], field, *fields[at:]]
