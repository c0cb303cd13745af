"""The GST a purchase order or receipt carries: the field contract of a purchase
invoice, computed the same way on the document's own date (reverse charge included) and
totalled by buying's ``retotal``. The tax rows name the input tax accounts; the document
posts nothing, and a receipt values its goods at their net rates (the input tax is
claimed on the bill, not part of the cost)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from modules.gst_india.carried import carry_choices
from modules.gst_india.invoices import PURCHASE, apply_gst
from modules.purchase.lines import retotal

if TYPE_CHECKING:
    from core.context import Context
    from core.document import Document


def gst_validate(date_field: str) -> Callable[[Context, Document], None]:
    """The ``validate`` handler of a buying document dated by ``date_field``."""

    def validate(ctx: Context, doc: Document) -> None:
        apply_gst(ctx, doc, PURCHASE, retotal, date_field=date_field)

    return validate


def carried_from(*links: tuple[str, str]) -> Callable[[Context, Document], None]:
    """The ``before_insert`` handler of a document made from the ``links``' doctypes."""

    def before_insert(ctx: Context, doc: Document) -> None:
        carry_choices(ctx, doc, links)

    return before_insert
