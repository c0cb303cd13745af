"""What loyalty adds to a company: its loyalty accounts, made when the company is."""

from __future__ import annotations

from typing import TYPE_CHECKING

from modules.loyalty.accounts import set_up_company

if TYPE_CHECKING:
    from core.context import Context
    from core.document import Document

EXTENDS = "Company"
FIELDS: list[dict[str, object]] = []


def after_insert(ctx: Context, doc: Document) -> None:
    # after accounting's own after_insert, which made the chart these accounts join
    set_up_company(ctx, doc.name or "")
