"""The lifecycle shared by sales and purchase invoices: defaults, checks, totals, posting
to the ledger through ``accounting.posting`` and keeping the sub-ledger current."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from core import records
from core.db import query
from core.errors import LinkExistsError, ValidationError
from modules.accounting import subledger
from modules.accounting.companies import (
    company_precision,
    company_settings,
    currency_precision,
)
from modules.accounting.exchange import exchange_rate
from modules.accounting.invoicing.schedule import set_schedule
from modules.accounting.invoicing.side import SIDES, Side
from modules.accounting.invoicing.totals import compute_totals
from modules.accounting.items import item_defaults
from modules.accounting.posting import PostingLine, Voucher, post, reverse
from modules.base.items import item_rows

if TYPE_CHECKING:
    from core.context import Context
    from core.document import Document

ZERO = Decimal(0)


def validate(ctx: Context, doc: Document, side: Side) -> None:
    settings = company_settings(ctx, doc.company)
    company_currency = settings["default_currency"]
    doc.set(f"{side.party_field}_name", query.get_value(
        ctx, side.party_type, doc.get(side.party_field), f"{side.party_field}_name"))
    doc.currency = doc.currency or company_currency
    if doc.currency == company_currency:
        doc.conversion_rate = Decimal(1)
    elif not doc.conversion_rate:
        doc.conversion_rate = exchange_rate(ctx, doc.currency, company_currency,
                                            doc.posting_date)
    _check_party_account(ctx, doc, side, settings)
    _check_return(ctx, doc, side)
    _fill_items(ctx, doc, side, settings)
    _totals_and_schedule(ctx, doc, side)
    doc.due_date = doc.due_date or doc.posting_date
    if doc.due_date < doc.posting_date:
        raise ValidationError("Due Date cannot be before the posting date", field="due_date")
    if doc.docstatus == 0:  # a submitted invoice saved again keeps its payment status
        doc.status = "Draft"


def _totals_and_schedule(ctx: Context, doc: Document, side: Side) -> None:
    precision = currency_precision(ctx, doc.currency)
    compute_totals(doc, precision, company_precision(ctx, doc.company))
    set_schedule(ctx, doc, side, precision)


def recompute_totals(ctx: Context, doc: Document) -> None:
    """Totals and payment schedule of a sales or purchase invoice, computed again.

    For a module whose ``validate`` handler changes an invoice's lines or tax rows after
    the invoice computed them (a country's taxes worked out per line, say): it calls this
    last, so the grand total, the schedule and what ``on_submit`` posts include its rows.
    """
    side = SIDES.get(doc.doctype)
    if side is None:
        raise ValueError(f"{doc.doctype} is not a sales or purchase invoice")
    _totals_and_schedule(ctx, doc, side)


def _check_party_account(ctx: Context, doc: Document, side: Side, settings: dict) -> None:
    account = doc.get(side.party_account) or settings[side.default_party_account]
    doc.set(side.party_account, account)
    found = records.get(ctx, "Account", account) if account else None
    if not found or found["company"] != doc.company or \
            found["account_type"] != side.party_account_type:
        raise ValidationError(f"{account} is not a {side.party_account_type} account of "
                              f"{doc.company}", field=side.party_account)
    if found["account_currency"] not in (doc.currency, settings["default_currency"]):
        raise ValidationError(f"{account} is kept in {found['account_currency']}; the "
                              f"invoice is in {doc.currency}", field=side.party_account)
    doc.party_account_currency = found["account_currency"]


def _fill_items(ctx: Context, doc: Document, side: Side, settings: dict) -> None:
    rows = doc.children("items")
    if not rows:
        raise ValidationError("An invoice needs at least one item", field="items")
    codes = sorted({r.item_code for r in rows if r.item_code})
    names = {code: row["item_name"] for code, row in item_rows(ctx, codes).items()}
    accounts = _item_accounts(ctx, codes, doc.company, side.item_account)
    default_account = settings_value(ctx, doc.company, side.default_item_account)
    for i, row in enumerate(rows, start=1):
        row.item_name = row.item_name or names.get(row.item_code) or row.item_code
        row.set(side.item_account, row.get(side.item_account)
                or accounts.get(row.item_code) or default_account)
        row.cost_center = row.cost_center or settings["cost_center"]
        _check_quantity(doc, i, row.qty or ZERO)
        if (row.rate or ZERO) < 0:
            raise ValidationError(f"Items row {i}: rate cannot be negative", field="items")


def _check_quantity(doc: Document, i: int, qty: Decimal) -> None:
    """A return takes negative quantities, an invoice positive ones; a debit note's line
    may have none (a price difference alone: its amount is its rate)."""
    if doc.is_return and qty >= 0:
        raise ValidationError(f"Items row {i}: a return takes a negative quantity",
                              field="items")
    if doc.get("is_debit_note") and qty < 0:
        raise ValidationError(f"Items row {i}: a debit note raises the amount billed; its "
                              "quantity cannot be negative", field="items")
    if not doc.is_return and not doc.get("is_debit_note") and qty <= 0:
        raise ValidationError(f"Items row {i}: quantity must be above zero", field="items")


def _item_accounts(ctx: Context, codes: list[str], company: str, field: str
                   ) -> dict[str, str]:
    """Each item's own income or expense account in this company, where it has one."""
    return {code: row[field] for code, row in item_defaults(ctx, codes, company).items()
            if row[field]}


def settings_value(ctx: Context, company: str, field: str) -> str | None:
    return company_settings(ctx, company)[field]


def _check_return(ctx: Context, doc: Document, side: Side) -> None:
    """A return may name the invoice it credits; a debit note must name the one it
    raises. Either way that is a submitted invoice (not a note) of the same party."""
    debit_note = bool(doc.get("is_debit_note"))
    if doc.is_return and debit_note:
        raise ValidationError("A return (credit note) cannot also be a debit note: clear "
                              "Is Return or Is Debit Note", field="is_debit_note")
    if not doc.is_return and not debit_note:
        doc.return_against = None
        return
    if not doc.return_against:
        if debit_note:
            raise ValidationError("A debit note names the invoice whose amount it raises",
                                  field="return_against")
        return
    fields = [side.party_field, "company", "docstatus", "is_return"]
    if doc.meta.has_field("is_debit_note"):
        fields.append("is_debit_note")
    original = query.select_rows(ctx, side.doctype, fields=fields,
                                 filters={"name": doc.return_against}, limit=1)
    if not original or original[0]["docstatus"] != 1 or original[0]["is_return"] or \
            original[0].get("is_debit_note") or \
            original[0][side.party_field] != doc.get(side.party_field) or \
            original[0]["company"] != doc.company:
        raise ValidationError(f"{doc.return_against} is not a submitted {side.doctype} of "
                              f"this {side.party_type.lower()} and company",
                              field="return_against")


def ledger_lines(doc: Document, side: Side) -> list[PostingLine]:
    """The party line for the grand total, an item account line per item, a line per tax.

    Amounts in company currency are exact (``amount * conversion_rate``); the posting
    service rounds them and books any residue.
    """
    rate = doc.conversion_rate
    # a credit note settles its invoice; a debit note is owed on its own
    against = doc.return_against if doc.is_return and doc.return_against else doc.name
    in_party_currency = doc.grand_total if doc.party_account_currency == doc.currency \
        else None
    party_line = PostingLine(
        account=doc.get(side.party_account), party_type=side.party_type,
        party=doc.get(side.party_field), against_voucher_type=side.doctype,
        against_voucher=against, remarks=doc.remarks or "",
        **sided(side.sign, doc.grand_total * rate, in_party_currency))
    lines = [party_line]
    for row in doc.children("items"):
        lines.append(PostingLine(account=row.get(side.item_account),
                                 cost_center=row.cost_center,
                                 **sided(-side.sign, row.amount * rate)))
    for tax in doc.children("taxes"):
        lines.append(PostingLine(account=tax.account_head,
                                 cost_center=tax.cost_center or None,
                                 **sided(-side.sign, tax.tax_amount * rate)))
    return lines


def sided(sign: int, amount: Decimal, in_account_currency: Decimal | None = None
          ) -> dict[str, Decimal]:
    """Debit for sign +1 and credit for -1; a negative amount (a return) flips the side.

    ``in_account_currency`` is given when the account is kept in a foreign currency.
    """
    signed = amount * sign
    out = {"debit": max(signed, ZERO), "credit": max(-signed, ZERO)}
    if in_account_currency is not None:
        signed_acc = in_account_currency * sign
        out.update(debit_in_account_currency=max(signed_acc, ZERO),
                   credit_in_account_currency=max(-signed_acc, ZERO))
    return out


def on_submit(ctx: Context, doc: Document, side: Side) -> None:
    posted = post(ctx, Voucher(side.doctype, doc.name or "", doc.posting_date,
                               doc.company), ledger_lines(doc, side))
    _refresh_all(ctx, doc, side, posted)


ALLOCATIONS = (("Payment Entry Reference", "reference_doctype", "reference_name"),
               ("Journal Entry Account", "reference_type", "reference_name"))


def before_cancel(ctx: Context, doc: Document, side: Side) -> None:
    """Payments and journal entries allocated to the invoice must be cancelled first."""
    for child, type_field, name_field in ALLOCATIONS:
        rows = query.select_rows(ctx, child, fields=["parenttype", "parent"], filters={
            type_field: side.doctype, name_field: doc.name, "docstatus": 1}, limit=1)
        if rows:
            raise LinkExistsError(
                f"Cannot cancel {side.doctype} {doc.name}: the submitted "
                f"{rows[0]['parenttype']} {rows[0]['parent']} is allocated to it; cancel "
                "that first")


def on_cancel(ctx: Context, doc: Document, side: Side) -> None:
    reverse(ctx, side.doctype, doc.name or "")
    _refresh_all(ctx, doc, side)


def _refresh_all(ctx: Context, doc: Document, side: Side,
                 posted: list[dict[str, Any]] | None = None) -> None:
    subledger.refresh(ctx, side.doctype, doc.name or "", doc, posted)
    if doc.is_return and doc.return_against:
        subledger.refresh(ctx, side.doctype, doc.return_against)


def lifecycle_functions(side: Side) -> tuple[Callable[..., None], ...]:
    """validate, on_submit, before_cancel and on_cancel of one side's invoice doctype."""

    def validate_side(ctx: Context, doc: Document) -> None:
        validate(ctx, doc, side)

    def on_submit_side(ctx: Context, doc: Document) -> None:
        on_submit(ctx, doc, side)

    def before_cancel_side(ctx: Context, doc: Document) -> None:
        before_cancel(ctx, doc, side)

    def on_cancel_side(ctx: Context, doc: Document) -> None:
        on_cancel(ctx, doc, side)

    return validate_side, on_submit_side, before_cancel_side, on_cancel_side
