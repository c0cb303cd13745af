"""Accounting: the ledger, and the reports the desk shows with filters and exports."""

COMPANY = {"fieldname": "company", "fieldtype": "Link", "options": "Company",
           "label": "Company", "reqd": 1}
FROM = {"fieldname": "from_date", "fieldtype": "Date", "label": "From Date", "reqd": 1}
TO = {"fieldname": "to_date", "fieldtype": "Date", "label": "To Date", "reqd": 1}
ON = {"fieldname": "report_date", "fieldtype": "Date", "label": "As On", "reqd": 1}
ACCOUNT = {"fieldname": "account", "label": "Account", "fieldtype": "Link",
           "options": "Account"}
AMOUNT = {"fieldname": "amount", "label": "Amount", "fieldtype": "Currency"}


def money(fieldname: str, label: str) -> dict[str, str]:
    return {"fieldname": fieldname, "label": label, "fieldtype": "Currency"}


AGING_COLUMNS = [
    {"fieldname": "party", "label": "Party", "fieldtype": "Data"},
    {"fieldname": "voucher_type", "label": "Voucher Type", "fieldtype": "Data"},
    {"fieldname": "voucher_no", "label": "Voucher", "fieldtype": "Data"},
    {"fieldname": "due_date", "label": "Due Date", "fieldtype": "Date"},
    money("invoice_amount", "Invoiced"), money("outstanding", "Outstanding"),
    {"fieldname": "age", "label": "Age (Days)", "fieldtype": "Int"},
    money("range_0_30", "0-30"), money("range_31_60", "31-60"),
    money("range_61_90", "61-90"), money("range_90_above", "90+"),
]

MANIFEST = {
    "name": "accounting",
    "title": "Accounting",
    "version": "1.0.0",
    "depends": ["base"],
    "description": "Companies, the chart of accounts, the double-entry ledger, invoices, "
                   "payments, banking and financial reports.",
    "reports": [
        {"name": "trial_balance", "label": "Trial Balance",
         "method": "accounting.trial_balance", "filters": [COMPANY, FROM, TO],
         "chart": "closing_debit",
         "columns": [ACCOUNT, money("opening_debit", "Opening (Dr)"),
                     money("opening_credit", "Opening (Cr)"), money("debit", "Debit"),
                     money("credit", "Credit"), money("closing_debit", "Closing (Dr)"),
                     money("closing_credit", "Closing (Cr)")]},
        {"name": "general_ledger", "label": "General Ledger",
         "method": "accounting.general_ledger", "chart": "debit",
         "filters": [COMPANY, FROM, TO, ACCOUNT | {"reqd": 0},
                     {"fieldname": "party", "fieldtype": "Data", "label": "Party"}],
         "columns": [{"fieldname": "posting_date", "label": "Date", "fieldtype": "Date"},
                     ACCOUNT, {"fieldname": "party", "label": "Party", "fieldtype": "Data"},
                     money("debit", "Debit"), money("credit", "Credit"),
                     money("balance", "Balance"),
                     {"fieldname": "voucher_type", "label": "Voucher Type",
                      "fieldtype": "Data"},
                     {"fieldname": "voucher_no", "label": "Voucher", "fieldtype": "Data"}]},
        {"name": "profit_and_loss", "label": "Profit and Loss",
         "method": "accounting.profit_and_loss", "filters": [COMPANY, FROM, TO],
         "columns": [ACCOUNT, AMOUNT]},
        {"name": "balance_sheet", "label": "Balance Sheet",
         "method": "accounting.balance_sheet",
         "filters": [COMPANY, TO | {"label": "As On"}], "columns": [ACCOUNT, AMOUNT]},
        {"name": "cash_flow", "label": "Cash Flow", "method": "accounting.cash_flow",
         "filters": [COMPANY, FROM, TO], "columns": [ACCOUNT, AMOUNT]},
        {"name": "accounts_receivable", "label": "Accounts Receivable",
         "method": "accounting.accounts_receivable", "filters": [COMPANY, ON],
         "chart": "outstanding",
         "columns": AGING_COLUMNS},
        {"name": "accounts_payable", "label": "Accounts Payable",
         "method": "accounting.accounts_payable", "filters": [COMPANY, ON],
         "chart": "outstanding",
         "columns": AGING_COLUMNS},
    ],
}
