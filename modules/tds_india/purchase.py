"""TDS on a purchase invoice, in one ``validate`` handler: the category (from the
supplier), the amount before GST, the year's earlier bills of every supplier with the
same PAN, the threshold decision with its catch-up, advances already taxed, the rate (no
PAN, lower deduction certificate), then the deduction row and the invoice's totals again.
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING, Any

from modules.accounting.companies import company_settings
from modules.accounting.invoicing.invoice import recompute_totals
from modules.tds_india.amounts import Withholding, withhold
from modules.tds_india.categories import TDS, account_of, category_of, rate_on
from modules.tds_india.deductees import rate_group
from modules.tds_india.errors import ForeignCurrencyWithholding
from modules.tds_india.financial_year import financial_year
from modules.tds_india.history import (
    Scope,
    certificate_for,
    is_taxed,
    lock_category,
    open_advances,
    prior_invoices,
)
from modules.tds_india.parties import Deductee, deductee
from modules.tds_india.party_fields import default_category
from modules.tds_india.rows import other_rows_total, replace_tax_row
from modules.tds_india.thresholds import Decision, decide

if TYPE_CHECKING:
    from collections.abc import Mapping

    from core.context import Context
    from core.document import Document

ZERO = Decimal(0)
FIELD = "tax_withholding_category"
RESULT_FIELDS = ("tds_on_this_bill", "tds_taxable_amount", "tds_rate", "tds_amount",
                 "certificate_taxable_amount")


def apply_tds(ctx: Context, doc: Document) -> None:
    if (doc.previous or {}).get("docstatus") == 1:
        return  # a submitted invoice saved again keeps the TDS it posted
    default_category(ctx, doc, "Supplier", FIELD)
    _clear(doc)
    if doc.get(FIELD):
        _withhold(ctx, doc, category_of(ctx, doc.get(FIELD), TDS, FIELD))
    elif (doc.previous or {}).get(FIELD):
        # the category was taken off, so is its TDS row; without one, a row the user
        # put on a TDS account by hand stays
        replace_tax_row(ctx, doc, None, ZERO, "")
    recompute_totals(ctx, doc)


def submit_tds(ctx: Context, doc: Document) -> None:
    """Work the TDS out again on submit, with the category locked: a bill of the same
    category submitted meanwhile is counted now, and one submitted after waits for this
    one, so two bills crossing a threshold together never catch up the same bill."""
    if doc.get(FIELD):
        lock_category(ctx, doc.get(FIELD))
        apply_tds(ctx, doc)


def _clear(doc: Document) -> None:
    for field in RESULT_FIELDS:
        doc.set(field, ZERO)
    doc.lower_deduction_certificate = None
    doc.tds_reason = None
    doc.values["tds_vouchers"] = []


def _withhold(ctx: Context, doc: Document, category: Mapping[str, Any]) -> None:
    currency = company_settings(ctx, doc.company)["default_currency"]
    if doc.currency != currency:
        raise ForeignCurrencyWithholding(
            f"TDS under Form 26Q is for bills in {currency}; this one is in "
            f"{doc.currency}", field=FIELD)
    party = deductee(ctx, "Supplier", doc.supplier)
    scope = Scope(doc.company, category["name"], party.parties,
                  *financial_year(doc.posting_date))
    base = doc.total + (other_rows_total(ctx, doc) if category["include_gst_in_base"]
                        else ZERO)
    doc.tds_base_amount = base
    rate = rate_on(ctx, category["name"], rate_group(party.deductee_type), doc.posting_date)
    advances: list[tuple[str, Decimal]] = []
    if doc.is_return:
        decision = _return_decision(ctx, doc, base)
    else:
        advances = open_advances(ctx, scope, None)
        decision = decide(base, prior_invoices(ctx, scope, doc.name), rate,
                          tax_on_excess=bool(category["tax_on_excess"]),
                          extra_total=sum((a for _, a in advances), ZERO))
    set_against = _set_against_advances(decision.own, advances)
    taxable = decision.taxable - sum((a for _, a in set_against), ZERO)
    certificate = certificate_for(ctx, scope, party.pan, doc.posting_date, doc.name) \
        if not doc.is_return else None
    result = withhold(taxable, rate.rate, has_pan=bool(party.pan),
                      no_pan_rate=category["no_pan_rate"] or ZERO, certificate=certificate,
                      whole_rupees=bool(category["round_off_tax_amount"]))
    _write(ctx, doc, category, decision, set_against, taxable, result, party)


def _return_decision(ctx: Context, doc: Document, base: Decimal) -> Decision:
    """A debit note gives back the TDS of a bill that was taxed; against an untaxed bill
    it only lowers the year's total (and is caught up with that bill)."""
    if doc.return_against and is_taxed(ctx, doc.return_against):
        return Decision(base, ())
    return Decision(ZERO, ())


def _set_against_advances(own: Decimal, advances: list[tuple[str, Decimal]]
                          ) -> list[tuple[str, Decimal]]:
    """The part of this bill that advances already taxed, oldest advance first."""
    out, left = [], own
    for name, amount in advances:
        if left <= 0:
            break
        used = min(left, amount)
        out.append((name, used))
        left -= used
    return out


def _write(ctx: Context, doc: Document, category: Mapping[str, Any], decision: Decision,
           set_against: list[tuple[str, Decimal]], taxable: Decimal, result: Withholding,
           party: Deductee) -> None:
    doc.tds_on_this_bill = decision.own
    for prior in decision.caught_up:
        doc.append("tds_vouchers", {"purchase_invoice": prior.name,
                                    "taxable_amount": prior.base}, ctx)
    for name, amount in set_against:
        doc.append("tds_vouchers", {"payment_entry": name, "taxable_amount": -amount}, ctx)
    doc.tds_taxable_amount = taxable
    doc.tds_rate = result.rate if taxable else ZERO
    doc.tds_amount = result.amount
    doc.lower_deduction_certificate = result.certificate
    doc.certificate_taxable_amount = result.certificate_taxable
    doc.tds_reason = result.reason or None
    account = account_of(ctx, category["name"], doc.company) if result.amount else None
    replace_tax_row(ctx, doc, account, -result.amount,
                    f"TDS u/s {category['section']} on {taxable}")
