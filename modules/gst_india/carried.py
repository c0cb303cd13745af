"""A document made from an earlier one of the same supply (an order from its quotation,
an invoice from its order or delivery note, a receipt or bill from its order) takes the
GST choices made there when it is first saved: the branch it is issued under, the
billing address, reverse charge and export with payment. Everything else (the rates on
its own date, the tax rows) it works out again."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from core.db import query

if TYPE_CHECKING:
    from core.context import Context
    from core.document import Document

CHOICES = ("company_address", "customer_address", "is_reverse_charge", "is_export_with_gst")


def carry_choices(ctx: Context, doc: Document, links: Sequence[tuple[str, str]]) -> None:
    """``links``: (line field naming the earlier document, its doctype), in order of
    preference; the first one a line fills names the source. A choice the new document
    already makes is kept."""
    source = _source(ctx, doc, links)
    for field, value in source.items():
        if doc.meta.get_field(field) is not None and not doc.get(field) and value:
            doc.set(field, value)


def _source(ctx: Context, doc: Document, links: Sequence[tuple[str, str]]
            ) -> dict[str, Any]:
    for line_field, doctype in links:
        name = next((r.get(line_field) for r in doc.children("items")
                     if r.get(line_field)), None)
        if name:
            fields = [f for f in CHOICES if ctx.meta(doctype).get_field(f) is not None]
            rows = query.select_rows(ctx, doctype, fields=fields, filters={"name": name},
                                     limit=1)
            return rows[0] if rows else {}
    return {}
