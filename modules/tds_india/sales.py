"""TCS on a sales invoice of a customer whose category is a TCS one (206C(1) scrap, say):
the base (with GST where the category says so), the thresholds over the year's earlier
sales to the same PAN, the rate (higher without a PAN, section 206CC), then a tax row on
the TCS account the customer pays on top of the invoice.

TCS is collected sale by sale: a threshold crossed does not reach back to earlier sales.
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING, Any

from core.db import query
from modules.accounting.invoicing.invoice import recompute_totals
from modules.tds_india.amounts import to_paisa, withhold
from modules.tds_india.categories import TCS, account_of, category_of, rate_on
from modules.tds_india.deductees import rate_group
from modules.tds_india.financial_year import financial_year
from modules.tds_india.history import Scope
from modules.tds_india.parties import deductee
from modules.tds_india.party_fields import default_category
from modules.tds_india.rows import other_rows_total, replace_tax_row
from modules.tds_india.thresholds import Prior, decide

if TYPE_CHECKING:
    from collections.abc import Mapping

    from core.context import Context
    from core.document import Document

ZERO = Decimal(0)
FIELD = "tax_collection_category"


def apply_tcs(ctx: Context, doc: Document) -> None:
    if (doc.previous or {}).get("docstatus") == 1:
        return  # a submitted invoice saved again keeps the TCS it posted
    default_category(ctx, doc, "Customer", FIELD)
    for field in ("tcs_base_amount", "tcs_rate", "tcs_amount"):
        doc.set(field, ZERO)
    doc.tcs_reason = None
    if doc.get(FIELD):
        category = category_of(ctx, doc.get(FIELD), TCS, FIELD)
        amount = ZERO if doc.is_return else _collect(ctx, doc, category)
        account = account_of(ctx, category["name"], doc.company) if amount else None
        replace_tax_row(ctx, doc, account, amount, f"TCS u/s {category['section']}")
    elif (doc.previous or {}).get(FIELD):  # the category was taken off, so is its TCS
        replace_tax_row(ctx, doc, None, ZERO, "")
    recompute_totals(ctx, doc)


def _collect(ctx: Context, doc: Document, category: Mapping[str, Any]) -> Decimal:
    party = deductee(ctx, "Customer", doc.customer)
    scope = Scope(doc.company, category["name"], party.parties,
                  *financial_year(doc.posting_date))
    base = to_paisa((doc.total + (other_rows_total(ctx, doc)
                                  if category["include_gst_in_base"] else ZERO))
                    * doc.conversion_rate)
    doc.tcs_base_amount = base
    rate = rate_on(ctx, category["name"], rate_group(party.deductee_type), doc.posting_date)
    # each earlier sale counts as taxed: TCS never reaches back to them
    priors = [Prior(r["name"], r["tcs_base_amount"] or ZERO, True) for r in
              query.select_rows(ctx, "Sales Invoice", fields=["name", "tcs_base_amount"],
                                filters=[*scope.filters("customer", doc.name),
                                         [FIELD, "=", category["name"]]])]
    decision = decide(base, priors, rate, tax_on_excess=bool(category["tax_on_excess"]))
    result = withhold(decision.own, rate.rate, has_pan=bool(party.pan),
                      no_pan_rate=category["no_pan_rate"] or ZERO,
                      whole_rupees=bool(category["round_off_tax_amount"]))
    doc.tcs_rate = result.rate if decision.own else ZERO
    doc.tcs_reason = result.reason or None
    doc.tcs_amount = result.amount
    return to_paisa(result.amount / doc.conversion_rate)  # the row is in invoice currency
