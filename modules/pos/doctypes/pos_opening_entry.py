"""POS Opening Entry: a cashier's session on a profile starts, with the float per mode of
payment. One open session per profile and cashier; the closing entry closes it."""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

from core import lifecycle
from core.db import query
from core.errors import ValidationError
from modules.pos.errors import SessionAlreadyOpen
from modules.pos.permissions import session_documents
from modules.pos.profiles import check_cashier, profile
from modules.pos.sessions import OPEN, open_session

if TYPE_CHECKING:
    from core.context import Context
    from core.document import Document

DOCTYPE = {
    "name": "POS Opening Entry",
    "autoname": "POS-OPE-.YYYY.-.#####",
    "is_submittable": 1,
    "title_field": "user",
    "sort_field": "period_start_date",
    "fields": [
        {"fieldname": "pos_profile", "fieldtype": "Link", "options": "POS Profile",
         "label": "POS Profile", "reqd": 1, "in_list_view": 1, "in_standard_filter": 1},
        {"fieldname": "user", "fieldtype": "Link", "options": "User", "label": "Cashier",
         "reqd": 1, "default": "__user", "in_list_view": 1, "in_standard_filter": 1},
        {"fieldname": "company", "fieldtype": "Link", "options": "Company",
         "label": "Company", "read_only": 1},
        {"fieldname": "period_start_date", "fieldtype": "Datetime", "label": "Opened At",
         "reqd": 1, "default": "now", "in_list_view": 1},
        {"fieldname": "posting_date", "fieldtype": "Date", "label": "Date", "reqd": 1,
         "default": "Today"},
        {"fieldname": "status", "fieldtype": "Select", "label": "Status", "read_only": 1,
         "options": "Draft\nOpen\nClosed\nCancelled", "default": "Draft",
         "allow_on_submit": 1, "in_list_view": 1, "in_standard_filter": 1},
        # Data, not a Link: a Link back would stop the closing from being cancelled
        {"fieldname": "pos_closing_entry", "fieldtype": "Data", "label": "Closed By",
         "read_only": 1, "allow_on_submit": 1},
        {"fieldname": "balance_details", "fieldtype": "Table",
         "options": "POS Opening Balance", "label": "Opening Balances"},
    ],
    "permissions": session_documents(),
}


def validate(ctx: Context, doc: Document) -> None:
    found = profile(ctx, doc.pos_profile)
    if found["disabled"]:
        raise ValidationError(f"POS Profile {doc.pos_profile} is disabled",
                              field="pos_profile")
    check_cashier(ctx, found, doc.user)
    doc.company = found["company"]
    taken = {r["mode_of_payment"] for r in found["payments"]}
    for i, row in enumerate(doc.children("balance_details"), start=1):
        if row.mode_of_payment not in taken:
            raise ValidationError(f"Opening Balances row {i}: {doc.pos_profile} does not "
                                  f"take {row.mode_of_payment}", field="balance_details")
        row.opening_amount = row.opening_amount or Decimal(0)
        if row.opening_amount < 0:
            raise ValidationError(f"Opening Balances row {i}: the amount cannot be "
                                  "negative", field="balance_details")
    doc.status = "Draft"


def before_submit(ctx: Context, doc: Document) -> None:
    # the profile's row lock queues two openings of the same cashier
    lifecycle.get_doc(ctx, "POS Profile", doc.pos_profile, for_update=True)
    running = open_session(ctx, doc.pos_profile, doc.user)
    if running is not None and running["name"] != doc.name:
        raise SessionAlreadyOpen(f"{doc.user} already has {running['name']} open on "
                                 f"{doc.pos_profile}: close it first", field="user")
    doc.status = OPEN


def before_cancel(ctx: Context, doc: Document) -> None:
    if doc.status != OPEN:
        raise ValidationError(f"{doc.name} is {doc.status}: cancel its closing first",
                              field="status")


def on_cancel(ctx: Context, doc: Document) -> None:
    query.update_row(ctx, "POS Opening Entry", doc.name or "", {"status": "Cancelled"})
