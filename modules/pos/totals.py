"""A sale's totals and settlement, computed again whenever its amounts change.

The doctype's own ``validate`` totals the sale and settles its payments; a module that
changes amounts afterwards in its own ``validate`` (GST computed on the lines, say) calls
``retotal`` so the grand total, the payments and the change agree again.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from modules.accounting.companies import company_precision
from modules.accounting.invoicing.totals import compute_totals
from modules.pos import payments
from modules.pos.profiles import profile

if TYPE_CHECKING:
    from core.context import Context
    from core.document import Document


def retotal(ctx: Context, doc: Document, found: dict[str, Any] | None = None) -> None:
    precision = company_precision(ctx, doc.company)
    compute_totals(doc, precision, precision)
    payments.settle(ctx, doc, found or profile(ctx, doc.pos_profile))
