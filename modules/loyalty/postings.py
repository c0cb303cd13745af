"""What points post to the ledger (Ind AS 115 / IFRS 15: points are a separate
performance obligation, so the part of the price that pays for them is a contract
liability until they are used or lapse).

    earned      Dr revenue deferral (contra-revenue)   Cr points liability
    taken back  Dr points liability                    Cr revenue deferral
    redeemed    Dr points liability                    Cr debtors (Sales Invoice); a
                counter sale's points payment reaches the liability at its closing
    expired     Dr points liability                    Cr breakage income

Every amount is points x the program's value of a point (its stand-alone selling
price); see docs/decisions for the simplification.
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

from modules.accounting.posting import PostingLine

if TYPE_CHECKING:
    from core.document import Document


def deferral(program: Document, amount: Decimal, remarks: str) -> list[PostingLine]:
    return [PostingLine(program.expense_account, debit=amount,
                        cost_center=program.cost_center, remarks=remarks),
            PostingLine(program.liability_account, credit=amount, remarks=remarks)]


def take_back(program: Document, amount: Decimal, remarks: str) -> list[PostingLine]:
    return [PostingLine(program.liability_account, debit=amount, remarks=remarks),
            PostingLine(program.expense_account, credit=amount,
                        cost_center=program.cost_center, remarks=remarks)]


def breakage(program: Document, amount: Decimal, remarks: str) -> list[PostingLine]:
    return [PostingLine(program.liability_account, debit=amount, remarks=remarks),
            PostingLine(program.breakage_account, credit=amount,
                        cost_center=program.cost_center, remarks=remarks)]


def redemption(program: Document, invoice: Document, amount: Decimal
               ) -> list[PostingLine]:
    """Points paying part of a sales invoice: the receivable shrinks, the liability is
    used up."""
    remarks = f"{invoice.loyalty_points} loyalty points redeemed"
    return [PostingLine(program.liability_account, debit=amount, remarks=remarks),
            PostingLine(invoice.debit_to, credit=amount, party_type="Customer",
                        party=invoice.customer, against_voucher_type=invoice.doctype,
                        against_voucher=invoice.name, remarks=remarks)]
