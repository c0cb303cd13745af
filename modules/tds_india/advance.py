"""TDS on an advance paid to a supplier: a Payment Entry paying a supplier with a
category and no invoices. ``advance_before_tds`` is what the supplier is credited with;
the TDS on it becomes a deduction row (credited to TDS payable) and the paid amount is
what is left, so the bank pays the net and the supplier's advance is the gross.

Runs before the entry's own validation, which then allocates and balances the figures.
A later invoice of the supplier sets its amount against the advance (``purchase.py``), so
the same amount is never taxed twice.
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING, Any

from modules.accounting.companies import company_settings
from modules.tds_india.amounts import withhold
from modules.tds_india.categories import TDS, account_of, category_of, rate_on
from modules.tds_india.deductees import rate_group
from modules.tds_india.errors import (
    ForeignCurrencyWithholding,
    InvalidAdvanceWithholding,
    WithholdingChanged,
)
from modules.tds_india.financial_year import financial_year
from modules.tds_india.history import (
    Scope,
    certificate_for,
    lock_category,
    open_advances,
    prior_invoices,
)
from modules.tds_india.parties import deductee
from modules.tds_india.rows import replace_deduction
from modules.tds_india.thresholds import decide

if TYPE_CHECKING:
    from collections.abc import Mapping

    from core.context import Context
    from core.document import Document

ZERO = Decimal(0)
FIELD = "tax_withholding_category"


def apply_advance_tds(ctx: Context, doc: Document) -> None:
    if (doc.previous or {}).get("docstatus") == 1:
        return
    for field in ("tds_taxable_amount", "tds_rate", "tds_amount",
                  "certificate_taxable_amount"):
        doc.set(field, ZERO)
    doc.lower_deduction_certificate, doc.tds_reason = None, None
    before = doc.previous or {}
    if not doc.get(FIELD):
        if before.get(FIELD):  # the category was taken off: the advance is paid whole
            doc.paid_amount = doc.received_amount = doc.advance_before_tds or doc.paid_amount
            replace_deduction(ctx, doc, None, ZERO, "")
        doc.advance_before_tds = None
        return
    category = category_of(ctx, doc.get(FIELD), TDS, FIELD)
    _check_advance(ctx, doc)
    doc.advance_before_tds = doc.advance_before_tds or doc.paid_amount
    tds = _withhold(ctx, doc, category)
    doc.paid_amount = doc.received_amount = doc.advance_before_tds - tds


def submit_advance_tds(ctx: Context, doc: Document) -> None:
    """On submit, with the category locked, the TDS is worked out again; if another
    document of the category changed it meanwhile, the payment is refused (its paid
    amount would change under the user's eyes): save it again and submit."""
    if not doc.get(FIELD):
        return
    lock_category(ctx, doc.get(FIELD))
    shown = (doc.tds_amount, doc.paid_amount)
    apply_advance_tds(ctx, doc)
    if (doc.tds_amount, doc.paid_amount) != shown:
        raise WithholdingChanged(f"The TDS on this advance is now {doc.tds_amount} (was "
                                 f"{shown[0]}): another document of {doc.get(FIELD)} was "
                                 "submitted meanwhile. Save the payment again and submit",
                                 field="tds_amount")


def _check_advance(ctx: Context, doc: Document) -> None:
    if doc.payment_type != "Pay" or (doc.party_type or "Supplier") != "Supplier" \
            or not doc.party:
        raise InvalidAdvanceWithholding("TDS is deducted on payments to a supplier",
                                        field=FIELD)
    if doc.children("references"):
        raise InvalidAdvanceWithholding(
            "A payment of invoices deducts no TDS: the invoices deducted it. Deduct TDS "
            "on an advance (a payment without invoices)", field="references")
    currency = company_settings(ctx, doc.company)["default_currency"]
    if doc.paid_from_account_currency not in (None, currency) or \
            doc.paid_to_account_currency not in (None, currency):
        raise ForeignCurrencyWithholding(f"TDS on an advance is for payments in {currency}",
                                         field=FIELD)
    if (doc.advance_before_tds or doc.paid_amount or ZERO) <= 0:
        raise InvalidAdvanceWithholding("Advance Before TDS must be above zero",
                                        field="advance_before_tds")


def _withhold(ctx: Context, doc: Document, category: Mapping[str, Any]) -> Decimal:
    """The advance is taxed when it crosses a threshold by itself or with the year's
    bills and earlier advances; earlier untaxed bills are caught up by the next bill."""
    party = deductee(ctx, "Supplier", doc.party)
    scope = Scope(doc.company, category["name"], party.parties,
                  *financial_year(doc.posting_date))
    rate = rate_on(ctx, category["name"], rate_group(party.deductee_type), doc.posting_date)
    base = doc.advance_before_tds
    earlier = sum((a for _, a in open_advances(ctx, scope, doc.name)), ZERO)
    decision = decide(base, prior_invoices(ctx, scope, None), rate,
                      tax_on_excess=bool(category["tax_on_excess"]), extra_total=earlier)
    result = withhold(decision.own, rate.rate, has_pan=bool(party.pan),
                      no_pan_rate=category["no_pan_rate"] or ZERO,
                      certificate=certificate_for(ctx, scope, party.pan, doc.posting_date,
                                                  doc.name),
                      whole_rupees=bool(category["round_off_tax_amount"]))
    doc.tds_taxable_amount = decision.own
    doc.tds_rate = result.rate if decision.own else ZERO
    doc.tds_amount = result.amount
    doc.lower_deduction_certificate = result.certificate
    doc.certificate_taxable_amount = result.certificate_taxable
    doc.tds_reason = result.reason or None
    account = account_of(ctx, category["name"], doc.company) if result.amount else None
    replace_deduction(ctx, doc, account, result.amount,
                      f"TDS u/s {category['section']} on advance {decision.own}")
    return result.amount
