"""TDS and TCS for India: tax withholding categories with dated rates and thresholds,
TDS on purchase invoices and advances, TCS on sales invoices, and Form 26Q."""

COMPANY = {"fieldname": "company", "fieldtype": "Link", "options": "Company",
           "label": "Company", "reqd": 1}


def _column(fieldname: str, label: str, fieldtype: str = "Data", **extra: str
            ) -> dict[str, str]:
    return {"fieldname": fieldname, "label": label, "fieldtype": fieldtype, **extra}


MANIFEST = {
    "name": "tds_india",
    "title": "TDS India",
    "version": "0.1.0",
    "depends": ["gst_india"],
    "description": "Tax withholding categories (194C, 194J, 194H, 194I, 194Q...), TDS on "
                   "purchase invoices and advances with thresholds and catch-up, 206AA, "
                   "lower deduction certificates, TCS on sales, Form 26Q.",
    "reports": [
        {"name": "tds_26q", "label": "TDS Deductions (Form 26Q)", "method":
         "tds_india.tds_26q", "totals": "totals", "chart": "tds_amount",
         "filters": [COMPANY,
                     {"fieldname": "fiscal_year", "fieldtype": "Data",
                      "label": "Financial Year", "reqd": 1,
                      "description": "e.g. 2025-26"},
                     {"fieldname": "quarter", "fieldtype": "Select", "label": "Quarter",
                      "options": "Q1\nQ2\nQ3\nQ4", "reqd": 1},
                     {"fieldname": "section", "fieldtype": "Data", "label": "Section"}],
         "columns": [_column("section", "Section"),
                     _column("deductee_code", "Deductee Code"),
                     _column("pan", "PAN of Deductee"),
                     _column("deductee_name", "Name of Deductee"),
                     _column("amount_paid", "Amount Paid / Credited", "Currency"),
                     _column("date_of_credit", "Date of Payment / Credit", "Date"),
                     _column("rate", "Rate", "Percent"),
                     _column("tds_amount", "TDS", "Currency"),
                     _column("reason", "Reason for Lower / Higher Deduction"),
                     _column("certificate_no", "Certificate u/s 197"),
                     _column("voucher_type", "Voucher Type"),
                     _column("voucher_no", "Voucher", "Dynamic Link",
                             options="voucher_type")]},
    ],
}
