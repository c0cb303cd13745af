"""The tax row this module puts on a document, on the category's account: the rows it
made before (any row on a TDS or TCS account) are replaced, every other row stays."""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

from modules.tds_india.categories import withholding_accounts

if TYPE_CHECKING:
    from core.context import Context
    from core.document import Document

ZERO = Decimal(0)


def other_rows_total(ctx: Context, doc: Document) -> Decimal:
    """The document's taxes and charges other than TDS and TCS (its GST, freight...)."""
    ours = withholding_accounts(ctx, doc.company)
    return sum((row.tax_amount or ZERO for row in doc.children("taxes")
                if row.account_head not in ours), ZERO)


def replace_tax_row(ctx: Context, doc: Document, account: str | None, amount: Decimal,
                    description: str) -> None:
    """An ``Actual`` row: negative for TDS (it reduces what the supplier is owed and
    credits TDS payable), positive for TCS (the customer pays it on top)."""
    new = {"charge_type": "Actual", "account_head": account, "tax_amount": amount,
           "description": description}
    _replace(ctx, doc, "taxes", "account_head", new if account and amount else None)


def replace_deduction(ctx: Context, doc: Document, account: str | None, amount: Decimal,
                      description: str) -> None:
    """A Payment Entry deduction: credited on a payment, like tax the payer withheld."""
    new = {"account": account, "amount": amount, "description": description}
    _replace(ctx, doc, "deductions", "account", new if account and amount else None)


def _replace(ctx: Context, doc: Document, table: str, account_field: str,
             new: dict[str, object] | None) -> None:
    ours = withholding_accounts(ctx, doc.company)
    kept = [row for row in doc.children(table) if row.get(account_field) not in ours]
    doc.values[table] = []
    for row in kept:
        doc.append(table, row)
    if new is not None:  # last, after GST and charges, as the bill shows it
        doc.append(table, new, ctx)
