"""GST for India: GSTINs on companies, parties and addresses, HSN codes and dated rates
on items, and GST computed on every sales and purchase invoice; GSTR-1 and GSTR-3B, and
the reconciliation of purchase invoices with GSTR-2B."""

COMPANY = {"fieldname": "company", "fieldtype": "Link", "options": "Company",
           "label": "Company", "reqd": 1}
PERIOD = {"fieldname": "period", "fieldtype": "Data", "label": "Period (MMYYYY)",
          "reqd": 1}
TABLE = {"fieldname": "section", "label": "Table", "fieldtype": "Data"}
DESCRIPTION = {"fieldname": "description", "label": "Description", "fieldtype": "Data"}


def money(fieldname: str, label: str) -> dict[str, str]:
    return {"fieldname": fieldname, "label": label, "fieldtype": "Currency"}


TAX_COLUMNS = [money("taxable_value", "Taxable Value"), money("igst", "IGST"),
               money("cgst", "CGST"), money("sgst", "SGST/UTGST"), money("cess", "Cess")]

GSTIN = {"fieldname": "company_gstin", "fieldtype": "Data", "label": "Company GSTIN",
         "description": "A branch's GSTIN; the company's own when empty"}


def ewaybill_buttons(doctype: str, **when: list[object]) -> list[dict[str, object]]:
    """Generate an e-way bill (again after a failure) and cancel it, on a submitted
    document (``when`` narrows it further); the cancellation takes the reason and remark
    filled on the form."""
    return [
        {"doctype": doctype, "label": "Generate e-Way Bill",
         "method": "gst_india.generate_ewaybill",
         "when": {"docstatus": [1], "ewaybill_status": [None, "", "Failed"], **when}},
        {"doctype": doctype, "label": "Cancel e-Way Bill",
         "method": "gst_india.cancel_ewaybill",
         "when": {"docstatus": [1], "ewaybill_status": ["Generated"], **when},
         "fields": {"reason": "ewaybill_cancel_reason", "remark": "ewaybill_cancel_remark"}},
    ]


MANIFEST = {
    "name": "gst_india",
    "title": "GST India",
    "version": "0.1.0",
    "depends": ["accounting", "contacts"],
    "method_prefix": "gst",  # /api/method/gst.einvoice_json as well as gst_india.*
    "buttons": ewaybill_buttons("Sales Invoice"),
    "print_formats": [{"doctype": "Sales Invoice", "name": "GST Tax Invoice",
                       "template": "gst_tax_invoice.html",
                       "context": "modules.gst_india.print.tax_invoice.print_context"}],
    "reports": [
        {"name": "gstr1_summary", "label": "GSTR-1 Summary",
         "method": "gst_india.gstr1_summary", "filters": [COMPANY, PERIOD, GSTIN],
         "columns": [TABLE, DESCRIPTION,
                     {"fieldname": "documents", "label": "Documents", "fieldtype": "Int"},
                     *TAX_COLUMNS]},
        {"name": "gstr3b_summary", "label": "GSTR-3B", "method": "gst_india.gstr3b_summary",
         "filters": [COMPANY, PERIOD, GSTIN],
         "columns": [TABLE, DESCRIPTION, *TAX_COLUMNS]},
        {"name": "gstr2b_reconciliation", "label": "GSTR-2B Reconciliation",
         "method": "gst_india.gstr2b_reconciliation",
         "filters": [{"fieldname": "gstr2b_import", "fieldtype": "Link",
                      "options": "GSTR 2B Import", "label": "GSTR-2B Import", "reqd": 1},
                     {"fieldname": "status", "fieldtype": "Select", "label": "Status",
                      "options": "\nMatched\nMismatched\nMissing in Books\n"
                                 "Missing in GSTR-2B"}],
         "columns": [{"fieldname": "status", "label": "Status", "fieldtype": "Data"},
                     {"fieldname": "supplier_gstin", "label": "Supplier GSTIN",
                      "fieldtype": "Data"},
                     {"fieldname": "bill_no", "label": "Number in GSTR-2B",
                      "fieldtype": "Data"},
                     {"fieldname": "bill_date", "label": "Date in GSTR-2B",
                      "fieldtype": "Date"},
                     money("taxable_value_2b", "Taxable (2B)"), money("tax_2b", "Tax (2B)"),
                     {"fieldname": "purchase_invoice", "label": "Purchase Invoice",
                      "fieldtype": "Link", "options": "Purchase Invoice"},
                     {"fieldname": "books_bill_date", "label": "Date in Books",
                      "fieldtype": "Date"},
                     money("taxable_value_books", "Taxable (Books)"),
                     money("tax_books", "Tax (Books)"),
                     {"fieldname": "reason", "label": "Differences", "fieldtype": "Data"}]},
    ],
    "pages": [
        {"name": "gst_returns", "label": "GST Returns",
         "method": "modules.gst_india.returns.page.show",
         "requires": ["Sales Invoice", "read"],
         "description": "GSTR-1 and GSTR-3B JSON for the GST portal"},
    ],
    "description": "GSTIN validation, HSN/SAC codes, dated GST rates, place of supply, "
                   "CGST/SGST/IGST and cess on invoices, reverse charge.",
}
