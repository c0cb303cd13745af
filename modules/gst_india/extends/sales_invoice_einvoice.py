"""What the e-invoice, e-way bill and GST invoice number add to a sales invoice.

The IRP's answer (IRN, acknowledgement, signed QR code) and the transport details are
filled after submission, so those fields may change on a submitted invoice.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from modules.gst_india.einvoice.irp import CANCEL_REASONS
from modules.gst_india.einvoice.lifecycle import (
    mark_submission,
    queue_cancellation,
    queue_generation,
)
from modules.gst_india.einvoice.numbering import (
    check_invoice_number,
    clear_irp_fields,
    gst_series,
)
from modules.gst_india.ewaybill.fields import TRANSPORT_FIELDS
from modules.gst_india.ewaybill.lifecycle import clear_for_amendment
from modules.gst_india.fields import PORTAL_STATUSES, after_submit, portal_answer

if TYPE_CHECKING:
    from core.context import Context
    from core.document import Document

EXTENDS = "Sales Invoice"

FIELDS = [
    {"fieldname": "section_addresses", "fieldtype": "Section Break",
     "label": "Addresses"},
    {"fieldname": "company_address", "fieldtype": "Link", "options": "Address",
     "label": "Company Address", "description": "The company's registered address when "
                                                "left empty"},
    {"fieldname": "dispatch_address_name", "fieldtype": "Link", "options": "Address",
     "label": "Dispatch From", "description": "Only when goods leave from elsewhere"},
    {"fieldname": "column_addresses", "fieldtype": "Column Break"},
    {"fieldname": "customer_address", "fieldtype": "Link", "options": "Address",
     "label": "Billing Address", "description": "The customer's primary address when "
                                                "left empty"},
    {"fieldname": "shipping_address_name", "fieldtype": "Link", "options": "Address",
     "label": "Ship To", "description": "Only when goods go elsewhere than the billing "
                                        "address"},
    {"fieldname": "section_export", "fieldtype": "Section Break", "label": "Export"},
    {"fieldname": "port_code", "fieldtype": "Data", "label": "Port Code"},
    {"fieldname": "shipping_bill_number", "fieldtype": "Data",
     "label": "Shipping Bill Number"},
    {"fieldname": "shipping_bill_date", "fieldtype": "Date", "label": "Shipping Bill Date"},
    {"fieldname": "section_einvoice", "fieldtype": "Section Break", "label": "e-Invoice"},
    portal_answer("einvoice_status", "Select", "e-Invoice Status", options=PORTAL_STATUSES),
    portal_answer("irn", "Data", "IRN"),
    portal_answer("ack_no", "Data", "Acknowledgement Number"),
    portal_answer("ack_date", "Datetime", "Acknowledgement Date"),
    portal_answer("irn_cancel_date", "Datetime", "IRN Cancelled On"),
    {"fieldname": "column_einvoice", "fieldtype": "Column Break"},
    portal_answer("einvoice_error", "Small Text", "e-Invoice Error"),
    portal_answer("signed_qr_code", "Long Text", "Signed QR Code", hidden=1),
    portal_answer("signed_invoice", "Long Text", "Signed Invoice", hidden=1),
    after_submit("irn_cancel_reason", "Select", "IRN Cancellation Reason",
                 options="\n".join(("", *(f"{k}" for k in CANCEL_REASONS))),
                 description="1 Duplicate, 2 Data entry mistake (when left empty), "
                             "3 Order cancelled, 4 Others"),
    after_submit("irn_cancel_remark", "Data", "IRN Cancellation Remark"),
    *TRANSPORT_FIELDS,
]


def before_insert(ctx: Context, doc: Document) -> None:
    clear_irp_fields(doc)
    clear_for_amendment(ctx, doc)
    doc.naming_series = gst_series(ctx, doc)


def validate(ctx: Context, doc: Document) -> None:
    check_invoice_number(ctx, doc)


def before_submit(ctx: Context, doc: Document) -> None:
    mark_submission(ctx, doc)


def on_submit(ctx: Context, doc: Document) -> None:
    queue_generation(ctx, doc)


def before_cancel(ctx: Context, doc: Document) -> None:
    queue_cancellation(ctx, doc)
