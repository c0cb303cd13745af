"""What TDS adds to a company: its TDS and TCS accounts on every category, set up with
the company."""

from __future__ import annotations

from typing import TYPE_CHECKING

from modules.tds_india.accounts import set_up_accounts

if TYPE_CHECKING:
    from core.context import Context
    from core.document import Document

EXTENDS = "Company"
FIELDS: list[dict[str, object]] = []
INDIA = "India"


def after_insert(ctx: Context, doc: Document) -> None:
    if doc.country == INDIA:
        set_up_accounts(ctx, doc.name or "")
