"""When a sales invoice talks to the IRP: on submit (an IRN is asked for after the
commit) and on cancel (allowed only within the IRP's cancellation window of the
acknowledgement; later, the user issues a credit note)."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from core.jobs import enqueue
from core.singles import get_single
from modules.accounting.companies import company_settings
from modules.gst_india.einvoice.errors import IRNCancelWindowClosed
from modules.gst_india.einvoice.service import checked_einvoice
from modules.gst_india.einvoice.supply_type import supply_type

if TYPE_CHECKING:
    from core.context import Context
    from core.document import Document

GENERATE_JOB = "modules.gst_india.einvoice.jobs.generate_irn"
CANCEL_JOB = "modules.gst_india.einvoice.jobs.cancel_irn"
PENDING, GENERATED, NOT_APPLICABLE = "Pending", "Generated", "Not Applicable"


def applies(ctx: Context, doc: Document) -> bool:
    """e-Invoicing applies to a GST company that enabled it, for B2B, SEZ, export and
    deemed export supplies."""
    company = company_settings(ctx, doc.company)
    return bool(company.get("gst_einvoice_enabled") and doc.company_gstin
                and supply_type(doc))


def mark_submission(ctx: Context, doc: Document) -> None:
    """Before submit: an invoice the IRP must register is checked against the schema
    now, so it cannot be submitted with an e-invoice the IRP would refuse."""
    if not applies(ctx, doc):
        doc.einvoice_status = NOT_APPLICABLE
        return
    checked_einvoice(ctx, doc)
    doc.einvoice_status = PENDING


def queue_generation(ctx: Context, doc: Document) -> None:
    if doc.einvoice_status == PENDING:
        enqueue(ctx, GENERATE_JOB, invoice=doc.name)


def queue_cancellation(ctx: Context, doc: Document) -> None:
    """Before cancel: an invoice with an IRN is cancelled at the IRP too, which it
    allows only within ``irn_cancel_hours`` of the acknowledgement."""
    if doc.einvoice_status != GENERATED or not doc.irn:
        return
    hours = get_single(ctx, "GST Settings").get("irn_cancel_hours") or 24
    deadline = doc.ack_date + dt.timedelta(hours=hours)
    if ctx.now > deadline:
        raise IRNCancelWindowClosed(
            f"Sales Invoice {doc.name} has IRN {doc.irn} acknowledged on "
            f"{doc.ack_date:%d-%m-%Y %H:%M}; the IRP cancels an IRN only within {hours} "
            f"hours (until {deadline:%d-%m-%Y %H:%M}). Issue a credit note instead.",
            field="irn")
    enqueue(ctx, CANCEL_JOB, invoice=doc.name, reason=doc.get("irn_cancel_reason") or "2",
            remark=doc.get("irn_cancel_remark") or "Data entry mistake")
