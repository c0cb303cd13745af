"""What differs between a sales and a purchase invoice, in one value per side."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Side:
    doctype: str
    party_type: str          # Customer / Supplier
    party_field: str         # customer / supplier
    party_account: str       # debit_to / credit_to
    party_account_type: str  # Receivable / Payable
    default_party_account: str
    item_account: str        # income_account / expense_account
    default_item_account: str
    sign: int                # +1: the party is debited (owes us)


SALES = Side("Sales Invoice", "Customer", "customer", "debit_to", "Receivable",
             "default_receivable_account", "income_account", "default_income_account", 1)
PURCHASE = Side("Purchase Invoice", "Supplier", "supplier", "credit_to", "Payable",
                "default_payable_account", "expense_account", "default_expense_account",
                -1)

SIDES = {side.doctype: side for side in (SALES, PURCHASE)}
