"""The standard chart: what most small businesses anywhere start with."""

from __future__ import annotations

from typing import Any

Node = tuple[str, dict[str, Any], list[Any]]


def leaf(name: str, account_type: str = "") -> Node:
    return (name, {"account_type": account_type} if account_type else {}, [])


def group(name: str, children: list[Node], **attrs: Any) -> Node:
    return (name, attrs, children)


def chart(taxes: list[Node]) -> list[Node]:
    """The whole tree, with a country's tax accounts under Duties and Taxes."""
    return [
        group("Application of Funds (Assets)", [
            group("Current Assets", [
                group("Accounts Receivable", [leaf("Debtors", "Receivable")]),
                group("Bank Accounts", [leaf("Bank Account", "Bank")], account_type="Bank"),
                group("Cash In Hand", [leaf("Cash", "Cash")], account_type="Cash"),
                group("Loans and Advances (Assets)", [leaf("Employee Advances"),
                                                      leaf("Advances to Suppliers")]),
                group("Securities and Deposits", [leaf("Earnest Money")]),
                group("Stock Assets", [leaf("Stock In Hand", "Stock")],
                      account_type="Stock"),
                group("Tax Assets", [leaf("Prepaid Taxes")]),
            ]),
            group("Fixed Assets", [
                leaf("Capital Equipment", "Fixed Asset"),
                leaf("Furniture and Fixtures", "Fixed Asset"),
                leaf("Office Equipment", "Fixed Asset"),
                leaf("Accumulated Depreciation", "Accumulated Depreciation"),
            ]),
            group("Temporary Accounts", [leaf("Temporary Opening", "Temporary")]),
        ], root_type="Asset"),
        group("Source of Funds (Liabilities)", [
            group("Current Liabilities", [
                group("Accounts Payable", [leaf("Creditors", "Payable"),
                                           leaf("Payroll Payable")]),
                group("Stock Liabilities", [
                    leaf("Stock Received But Not Billed", "Stock Received But Not Billed")]),
                group("Duties and Taxes", taxes, account_type="Tax"),
                group("Advances Received", [leaf("Customer Advances")]),
            ]),
            group("Loans (Liabilities)", [leaf("Secured Loans"), leaf("Unsecured Loans"),
                                          leaf("Bank Overdraft Account")]),
        ], root_type="Liability"),
        group("Equity", [
            leaf("Capital Stock", "Equity"),
            leaf("Dividends Paid", "Equity"),
            leaf("Opening Balance Equity", "Equity"),
            leaf("Retained Earnings", "Equity"),
        ], root_type="Equity"),
        group("Income", [
            group("Direct Income", [leaf("Sales", "Income Account"),
                                    leaf("Service", "Income Account")]),
            group("Indirect Income", [leaf("Interest Income", "Income Account"),
                                      leaf("Discount Received", "Income Account")]),
        ], root_type="Income"),
        group("Expenses", [
            group("Direct Expenses", [
                group("Stock Expenses", [
                    leaf("Cost of Goods Sold", "Cost of Goods Sold"),
                    leaf("Stock Adjustment", "Stock Adjustment"),
                    leaf("Expenses Included In Valuation", "Expenses Included In Valuation"),
                ]),
            ]),
            group("Indirect Expenses", [
                leaf("Administrative Expenses", "Expense Account"),
                leaf("Bank Charges", "Expense Account"),
                leaf("Commission on Sales", "Expense Account"),
                leaf("Depreciation", "Depreciation"),
                leaf("Exchange Gain/Loss", "Expense Account"),
                leaf("Freight and Forwarding Charges", "Chargeable"),
                leaf("Legal Expenses", "Expense Account"),
                leaf("Marketing Expenses", "Chargeable"),
                leaf("Office Rent", "Expense Account"),
                leaf("Round Off", "Round Off"),
                leaf("Salary", "Expense Account"),
                leaf("Telephone Expenses", "Expense Account"),
                leaf("Travel Expenses", "Expense Account"),
                leaf("Utility Expenses", "Expense Account"),
                leaf("Write Off", "Expense Account"),
            ]),
        ], root_type="Expense"),
    ]


CHART = chart([leaf("Sales Tax Payable", "Tax"), leaf("Input Tax Credit", "Tax")])
