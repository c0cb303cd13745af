"""POS Closing Entry: a cashier's session ends. Submitting it counts the money per mode
of payment (``closing.py``), consolidates the session's sales into the ledger in one bulk
posting (``consolidation.py``), marks them Consolidated and the opening entry Closed.
Cancelling it reverses that posting and reopens the session."""

from __future__ import annotations

from typing import TYPE_CHECKING

from core import lifecycle
from core.db import query
from core.errors import ConflictError, ValidationError
from modules.accounting.companies import company_precision
from modules.accounting.posting import reverse
from modules.pos import closing, consolidation
from modules.pos.errors import SessionAlreadyOpen
from modules.pos.permissions import session_documents
from modules.pos.profiles import profile
from modules.pos.sessions import CLOSED, OPEN, lock_entry, open_session, set_status

if TYPE_CHECKING:
    from core.context import Context
    from core.document import Document


def _money(fieldname: str, label: str) -> dict[str, object]:
    return {"fieldname": fieldname, "fieldtype": "Currency", "label": label,
            "read_only": 1}


DOCTYPE = {
    "name": "POS Closing Entry",
    "autoname": "POS-CLO-.YYYY.-.#####",
    "is_submittable": 1,
    "title_field": "user",
    "sort_field": "posting_date",
    "fields": [
        {"fieldname": "pos_opening_entry", "fieldtype": "Link",
         "options": "POS Opening Entry", "label": "Session", "reqd": 1,
         "in_list_view": 1},
        {"fieldname": "pos_profile", "fieldtype": "Link", "options": "POS Profile",
         "label": "POS Profile", "read_only": 1, "in_standard_filter": 1},
        {"fieldname": "user", "fieldtype": "Link", "options": "User", "label": "Cashier",
         "read_only": 1, "in_list_view": 1},
        {"fieldname": "company", "fieldtype": "Link", "options": "Company",
         "label": "Company", "read_only": 1},
        {"fieldname": "posting_date", "fieldtype": "Date", "label": "Date", "reqd": 1,
         "default": "Today", "in_list_view": 1},
        {"fieldname": "period_start_date", "fieldtype": "Datetime", "label": "Opened At",
         "read_only": 1},
        {"fieldname": "period_end_date", "fieldtype": "Datetime", "label": "Closed At",
         "default": "now"},
        {"fieldname": "status", "fieldtype": "Select", "label": "Status", "read_only": 1,
         "options": "Draft\nSubmitted\nCancelled", "default": "Draft",
         "allow_on_submit": 1, "in_list_view": 1},
        {"fieldname": "section_totals", "fieldtype": "Section Break", "label": "Sales"},
        {"fieldname": "invoice_count", "fieldtype": "Int", "label": "Sales",
         "read_only": 1},
        {"fieldname": "total_quantity", "fieldtype": "Float", "label": "Total Quantity",
         "read_only": 1},
        _money("net_total", "Net Total"),
        _money("grand_total", "Grand Total") | {"in_list_view": 1},
        {"fieldname": "payment_reconciliation", "fieldtype": "Table",
         "options": "POS Closing Entry Detail", "label": "Payment Reconciliation"},
    ],
    "permissions": session_documents(),
}


def validate(ctx: Context, doc: Document) -> None:
    if (doc.previous or {}).get("docstatus") == 1:
        return
    locked = lock_entry(ctx, doc.pos_opening_entry or "")  # no sale slips in meanwhile
    if not locked or locked["docstatus"] != 1 or locked["status"] != OPEN:
        raise ValidationError(f"{doc.pos_opening_entry} is not an open session",
                              field="pos_opening_entry")
    opening = lifecycle.get_doc(ctx, "POS Opening Entry", locked["name"])
    doc.pos_profile, doc.user = opening.pos_profile, opening.user
    doc.company, doc.period_start_date = opening.company, opening.period_start_date
    if doc.posting_date < opening.posting_date:
        raise ValidationError(f"A session opened on {opening.posting_date} cannot close "
                              "before it", field="posting_date")
    found = profile(ctx, doc.pos_profile)
    totals = consolidation.session_totals(ctx, opening.name or "",
                                          company_precision(ctx, doc.company))
    if totals.lines and max(totals.lines) > doc.posting_date:
        raise ValidationError(f"The session has sales dated {max(totals.lines)}: it cannot "
                              "close before", field="posting_date")
    closing.reconcile(ctx, doc, opening, found, totals)
    doc.invoice_count = len(totals.invoices)
    doc.total_quantity, doc.net_total = totals.total_qty, totals.net_total
    doc.grand_total = totals.grand_total
    doc.status = "Draft"
    doc.flags["pos.closing"] = totals


def on_submit(ctx: Context, doc: Document) -> None:
    totals = doc.flags.pop("pos.closing")
    found = profile(ctx, doc.pos_profile)
    consolidation.consolidate(ctx, doc.name or "", doc.company, doc.posting_date, totals,
                              closing.difference_lines(doc, found))
    consolidation.mark_consolidated(ctx, totals.invoices, doc.name)
    set_status(ctx, doc.pos_opening_entry, CLOSED, doc.name)
    query.update_row(ctx, "POS Closing Entry", doc.name or "", {"status": "Submitted"})


def before_cancel(ctx: Context, doc: Document) -> None:
    lock_entry(ctx, doc.pos_opening_entry)
    running = open_session(ctx, doc.pos_profile, doc.user)
    if running is not None:
        raise SessionAlreadyOpen(f"{doc.user} has opened {running['name']} on "
                                 f"{doc.pos_profile} since: close it before reopening "
                                 f"{doc.pos_opening_entry}", field="pos_opening_entry")
    if query.get_value(ctx, "POS Opening Entry", doc.pos_opening_entry,
                       "pos_closing_entry") != doc.name:
        raise ConflictError(f"{doc.pos_opening_entry} is not closed by {doc.name}")


def on_cancel(ctx: Context, doc: Document) -> None:
    reverse(ctx, consolidation.VOUCHER, doc.name or "")
    invoices = [r["name"] for r in query.select_rows(
        ctx, "POS Invoice", fields=["name"], filters={"consolidated_in": doc.name})]
    consolidation.mark_consolidated(ctx, invoices, None)
    set_status(ctx, doc.pos_opening_entry, OPEN, None)
    query.update_row(ctx, "POS Closing Entry", doc.name or "", {"status": "Cancelled"})

