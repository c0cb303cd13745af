"""The e-invoice JSON of a sales invoice, checked: what the API returns and the IRP job
sends."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from core import lifecycle, perms
from modules.gst_india.einvoice.payload import build_einvoice
from modules.gst_india.einvoice.validation import check_einvoice

if TYPE_CHECKING:
    from core.context import Context
    from core.document import Document


def checked_einvoice(ctx: Context, doc: Document) -> dict[str, Any]:
    payload = build_einvoice(ctx, doc)
    check_einvoice(payload)
    return payload


def readable_invoice(ctx: Context, name: str) -> Document:
    """The sales invoice ``name``, if the user may read it."""
    perms.require(ctx, "Sales Invoice", "read")
    doc = lifecycle.get_doc(ctx, "Sales Invoice", name)
    perms.check_restrictions(ctx, doc)
    return doc
