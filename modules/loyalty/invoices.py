"""Loyalty on a sale, shared by Sales Invoice and POS Invoice (``extends/``): which
program it collects in, what it redeems, and on submit the points rows and the postings,
all in the invoice's transaction.

The postings are made under the invoice's own voucher, so the invoice's cancel (which
reverses its whole voucher) takes them back with everything else it posted.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from core.db import query
from modules.accounting import subledger
from modules.accounting.posting import PostingLine, Voucher, post_many
from modules.loyalty import earning, ledger, postings, programs, redemption, restoring
from modules.loyalty.errors import NoProgram

if TYPE_CHECKING:
    from core.context import Context
    from core.document import Document


def saved_after_submit(doc: Document) -> bool:
    return (doc.previous or {}).get("docstatus") == 1


def sale_program(ctx: Context, doc: Document, enrol: bool = False) -> Document | None:
    if doc.is_return:
        return None
    return programs.program_for(ctx, doc.customer, doc.company, doc.posting_date, enrol)


def validate(ctx: Context, doc: Document) -> Document | None:
    """Set the program and the redeemed amount; the checks that need no lock."""
    program = sale_program(ctx, doc)
    doc.loyalty_program = program.name if program else None
    doc.loyalty_points_earned = 0
    redemption.amount(ctx, doc, program)
    redemption.check_total(doc)
    return program


def submit(ctx: Context, doc: Document) -> None:
    """Points rows and postings of a submitted sale or return."""
    if doc.is_return:
        if doc.return_against:
            ledger.lock_customer(ctx, doc.customer)
            rows, lines = earning.take_back(ctx, doc)
            restored, given_back = restoring.restore(ctx, doc) \
                if doc.doctype in subledger.INVOICES else ([], [])
            _book(ctx, doc, rows + restored, lines, given_back)
            if given_back:
                subledger.refresh(ctx, doc.doctype, doc.return_against)
        return
    program = sale_program(ctx, doc, enrol=True)
    if program is None:
        if doc.redeem_loyalty_points:
            raise NoProgram(f"{doc.customer} has no loyalty program for this sale",
                            field="customer")
        return
    ledger.lock_customer(ctx, doc.customer)
    rows: list[dict[str, Any]] = []
    released: list[PostingLine] = []
    if doc.redeem_loyalty_points:
        redemption.check_total(doc)
        rows += redemption.record(ctx, doc, program)
        # a POS sale's points payment reaches the liability when its session closes
        if doc.doctype in subledger.INVOICES:
            released = postings.redemption(program, doc, doc.loyalty_amount)
    earned_rows, deferred = earning.earn(ctx, doc, program)
    _book(ctx, doc, rows + earned_rows, released, deferred)
    query.update_row(ctx, doc.doctype, doc.name or "",
                     {"loyalty_points_earned": doc.loyalty_points_earned})


def _book(ctx: Context, doc: Document, rows: list[dict[str, Any]],
          *postings_: list[PostingLine]) -> None:
    """Write the points rows and post each group of lines on its own (a redemption's
    liability line is not netted against the same sale's deferral)."""
    ledger.write(ctx, rows)
    voucher = Voucher(doc.doctype, doc.name or "", doc.posting_date, doc.company)
    groups = [(voucher, lines) for lines in postings_ if lines]
    if groups:
        post_many(ctx, groups)
        if doc.doctype in subledger.INVOICES and doc.redeem_loyalty_points:
            subledger.refresh(ctx, doc.doctype, doc.name or "")
    for customer, program in {(r["customer"], r["loyalty_program"]) for r in rows}:
        programs.refresh_tier(ctx, customer, programs.load(ctx, program))


def before_cancel(ctx: Context, doc: Document) -> None:
    # locked until the cancel commits: nothing spends the sale's points meanwhile
    if doc.customer:
        ledger.lock_customer(ctx, doc.customer)
    earning.check_cancellable(ctx, doc)


def cancel(ctx: Context, doc: Document) -> None:
    """Put back every point the document moved; its postings were reversed with its
    voucher."""
    _book(ctx, doc, earning.cancel_rows(ctx, doc))
