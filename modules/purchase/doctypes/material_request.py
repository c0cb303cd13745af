"""Material Request: goods a warehouse needs, to be bought, moved to it or issued from it.

Purchase orders (for a purchase) and stock entries (for a transfer or an issue) made
from a request count towards each line's ordered quantity; the request's status follows
(Pending, then Partially Ordered / Ordered, Partially Transferred / Transferred or
Partially Issued / Issued)."""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

from core.db import query
from core.errors import ValidationError
from modules.purchase.lines import check_lines
from modules.purchase.permissions import buying

if TYPE_CHECKING:
    from core.context import Context
    from core.document import Document

ZERO = Decimal(0)
PURPOSES = ("Purchase", "Material Transfer", "Material Issue")

DOCTYPE = {
    "name": "Material Request",
    "autoname": "MAT-MR-.YYYY.-.#####",
    "is_submittable": 1,
    "title_field": "material_request_type",
    "sort_field": "transaction_date",
    "fields": [
        {"fieldname": "material_request_type", "fieldtype": "Select", "label": "Purpose",
         "options": "\n".join(PURPOSES), "default": "Purchase", "reqd": 1,
         "in_list_view": 1, "in_standard_filter": 1},
        {"fieldname": "company", "fieldtype": "Link", "options": "Company",
         "label": "Company", "reqd": 1},
        {"fieldname": "transaction_date", "fieldtype": "Date", "label": "Date", "reqd": 1,
         "default": "Today", "in_list_view": 1},
        {"fieldname": "schedule_date", "fieldtype": "Date", "label": "Required By"},
        {"fieldname": "set_warehouse", "fieldtype": "Link", "options": "Warehouse",
         "label": "Warehouse"},
        {"fieldname": "set_from_warehouse", "fieldtype": "Link", "options": "Warehouse",
         "label": "Transfer From", "description": "Where a transfer takes the goods from"},
        {"fieldname": "items", "fieldtype": "Table", "options": "Material Request Item",
         "label": "Items", "reqd": 1},
        {"fieldname": "per_ordered", "fieldtype": "Percent", "label": "% Ordered",
         "read_only": 1, "allow_on_submit": 1, "in_list_view": 1},
        {"fieldname": "status", "fieldtype": "Select", "label": "Status", "read_only": 1,
         "options": "Draft\nPending\nPartially Ordered\nOrdered\nPartially Transferred"
                    "\nTransferred\nPartially Issued\nIssued\nCancelled",
         "default": "Draft", "allow_on_submit": 1, "in_list_view": 1,
         "in_standard_filter": 1},
    ],
    "permissions": buying("Stock User", "Stock Manager", readers=("Accounts User",)),
}


def validate(ctx: Context, doc: Document) -> None:
    check_lines(ctx, doc)
    if doc.material_request_type != "Material Transfer":
        doc.set_from_warehouse = None
    elif doc.set_from_warehouse in {r.warehouse for r in doc.children("items")}:
        raise ValidationError(f"A transfer from {doc.set_from_warehouse} cannot bring goods "
                              "to the same warehouse", field="set_from_warehouse")
    for i, row in enumerate(doc.children("items"), start=1):
        row.schedule_date = row.schedule_date or doc.schedule_date or doc.transaction_date
        if row.schedule_date < doc.transaction_date:
            raise ValidationError(f"Items row {i}: required by {row.schedule_date} is "
                                  f"before the request's date", field="items")
        row.ordered_qty = ZERO
    doc.status, doc.per_ordered = "Draft", ZERO


def on_submit(ctx: Context, doc: Document) -> None:
    query.update_row(ctx, "Material Request", doc.name or "", {"status": "Pending"})


def on_cancel(ctx: Context, doc: Document) -> None:
    query.update_row(ctx, "Material Request", doc.name or "", {"status": "Cancelled"})
