"""What the deductee was billed and paid earlier in the financial year, read from the
submitted documents themselves: an invoice is taxed when its own TDS took its amount
(``tds_on_this_bill``) or while a later submitted invoice lists it among the amounts its
TDS caught up, and an advance is open for what no submitted invoice
has set against it yet. Cancelling a document takes its rows out of both counts.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING

from core.db import query
from modules.tds_india.amounts import Certificate
from modules.tds_india.thresholds import Prior

if TYPE_CHECKING:
    from core.context import Context

ZERO = Decimal(0)
VOUCHER = "Tax Withholding Voucher"


@dataclass(frozen=True)
class Scope:
    """Documents counted together: one company (the deductor), one category, the parties
    sharing the deductee's PAN, one financial year."""

    company: str
    category: str
    parties: tuple[str, ...]
    start: dt.date
    end: dt.date

    def filters(self, party_field: str, exclude: str | None) -> list[list[object]]:
        return [["docstatus", "=", 1], ["company", "=", self.company],
                [party_field, "in", list(self.parties)],
                ["posting_date", ">=", self.start], ["posting_date", "<=", self.end],
                ["name", "!=", exclude or ""]]


def prior_invoices(ctx: Context, scope: Scope, exclude: str | None) -> list[Prior]:
    rows = query.select_rows(ctx, "Purchase Invoice", fields=["name", "tds_base_amount",
                                                              "tds_on_this_bill"],
                             filters=[*scope.filters("supplier", exclude),
                                      ["tax_withholding_category", "=", scope.category]],
                             order_by="posting_date asc, name asc")
    taxed = taxed_invoices(ctx, [r["name"] for r in rows])
    return [Prior(r["name"], r["tds_base_amount"] or ZERO,
                  bool(r["tds_on_this_bill"]) or r["name"] in taxed) for r in rows]


def is_taxed(ctx: Context, invoice: str) -> bool:
    """Whether an invoice's amount was taxed, by its own TDS or a later catch-up."""
    own = query.get_value(ctx, "Purchase Invoice", invoice, "tds_on_this_bill")
    return bool(own) or invoice in taxed_invoices(ctx, [invoice])


def taxed_invoices(ctx: Context, names: list[str]) -> set[str]:
    """The invoices among ``names`` that a submitted invoice caught up."""
    if not names:
        return set()
    return {r["purchase_invoice"] for r in query.select_rows(
        ctx, VOUCHER, fields=["purchase_invoice"], filters=[
            ["parenttype", "=", "Purchase Invoice"], ["docstatus", "=", 1],
            ["purchase_invoice", "in", names]])}


def open_advances(ctx: Context, scope: Scope, exclude: str | None
                  ) -> list[tuple[str, Decimal]]:
    """Advances taxed in the year with what is left of each, oldest first."""
    rows = query.select_rows(ctx, "Payment Entry", fields=["name", "tds_taxable_amount"],
                             filters=[*scope.filters("party", exclude),
                                      ["payment_type", "=", "Pay"],
                                      ["party_type", "=", "Supplier"],
                                      ["tax_withholding_category", "=", scope.category],
                                      ["tds_taxable_amount", ">", 0]],
                             order_by="posting_date asc, name asc")
    if not rows:
        return []
    used: dict[str, Decimal] = {}
    for r in query.select_rows(ctx, VOUCHER, fields=["payment_entry", "taxable_amount"],
                               filters=[["parenttype", "=", "Purchase Invoice"],
                                        ["docstatus", "=", 1],
                                        ["payment_entry", "in", [x["name"] for x in rows]]]):
        used[r["payment_entry"]] = used.get(r["payment_entry"], ZERO) - r["taxable_amount"]
    left = [(r["name"], r["tds_taxable_amount"] - used.get(r["name"], ZERO)) for r in rows]
    return [(name, amount) for name, amount in left if amount > 0]


def certificate_for(ctx: Context, scope: Scope, pan: str | None, on: dt.date,
                    exclude: str | None) -> Certificate | None:
    """The deductee's certificate for the category valid on the date, with what its
    limit has left after the other submitted documents taxed under it."""
    if not pan:
        return None
    found = query.select_rows(ctx, "Lower Deduction Certificate", fields=[
        "name", "rate", "certificate_limit"], filters=[
        ["company", "=", scope.company], ["pan", "=", pan],
        ["tax_withholding_category", "=", scope.category], ["valid_from", "<=", on],
        ["valid_upto", ">=", on]], order_by="valid_from desc", limit=1)
    if not found:
        return None
    used = ZERO
    for doctype in ("Purchase Invoice", "Payment Entry"):
        used += sum((r["certificate_taxable_amount"] or ZERO for r in query.select_rows(
            ctx, doctype, fields=["certificate_taxable_amount"], filters=[
                ["docstatus", "=", 1], ["name", "!=", exclude or ""],
                ["lower_deduction_certificate", "=", found[0]["name"]]])), ZERO)
    return Certificate(found[0]["name"], found[0]["rate"],
                       found[0]["certificate_limit"] - used)


def lock_category(ctx: Context, category: str) -> None:
    """Documents of one category submit one at a time, so two bills crossing a threshold
    together cannot both catch up the same earlier bill."""
    query.select_rows(ctx, "Tax Withholding Category", fields=["name"],
                      filters={"name": category}, for_update=True)
