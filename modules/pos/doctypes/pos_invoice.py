"""POS Invoice: one sale (or return) at the counter, in a cashier's open session.

Submitting it takes the goods out of the warehouse at once and books their cost; its
revenue, taxes and payments reach the ledger when the session closes, consolidated with
the session's other sales (``consolidation.py``). A module that discounts or rewards
sales hooks in through events: ``before_validate`` (after this doctype's own, which
prices the lines) to change rates or add lines, ``validate`` to check, ``on_submit`` and
``on_cancel`` to record points; payments in any mode the profile takes (a voucher or
points mode) settle the total like cash or card.
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

from core.db import query
from core.errors import ConflictError, ValidationError
from modules.accounting.companies import company_settings
from modules.pos import lines, payments, returns, stock
from modules.pos.permissions import session_documents
from modules.pos.profiles import check_cashier, profile
from modules.pos.sessions import require_open
from modules.pos.totals import retotal

if TYPE_CHECKING:
    from core.context import Context
    from core.document import Document


def _money(fieldname: str, label: str) -> dict[str, object]:
    return {"fieldname": fieldname, "fieldtype": "Currency", "label": label,
            "read_only": 1}


STOCK_ITEMS = "pos.stock_items"
SERIES = "ACC-PSINV-.YYYY.-.#####"

DOCTYPE = {
    "name": "POS Invoice",
    "autoname": "naming_series:",
    "is_submittable": 1,
    "title_field": "customer",
    "sort_field": "posting_date",
    "search_fields": ["customer", "uuid"],
    "fields": [
        {"fieldname": "naming_series", "fieldtype": "Data", "label": "Series",
         "default": SERIES, "hidden": 1},
        # the terminal's own id for the sale: a retried sale is found by it, not posted
        # again (unique per tenant; see terminal.py)
        {"fieldname": "uuid", "fieldtype": "Data", "label": "Terminal Reference",
         "unique": 1},
        {"fieldname": "pos_profile", "fieldtype": "Link", "options": "POS Profile",
         "label": "POS Profile", "reqd": 1, "in_standard_filter": 1},
        {"fieldname": "pos_opening_entry", "fieldtype": "Link",
         "options": "POS Opening Entry", "label": "Session", "in_standard_filter": 1},
        {"fieldname": "customer", "fieldtype": "Link", "options": "Customer",
         "label": "Customer", "in_list_view": 1},
        {"fieldname": "company", "fieldtype": "Link", "options": "Company",
         "label": "Company", "read_only": 1},
        {"fieldname": "posting_date", "fieldtype": "Date", "label": "Date", "reqd": 1,
         "default": "Today", "in_list_view": 1, "search_index": 1},
        {"fieldname": "column_1", "fieldtype": "Column Break"},
        {"fieldname": "currency", "fieldtype": "Link", "options": "Currency",
         "label": "Currency", "read_only": 1},
        {"fieldname": "conversion_rate", "fieldtype": "Float", "label": "Exchange Rate",
         "precision": 9, "hidden": 1},
        {"fieldname": "selling_price_list", "fieldtype": "Link", "options": "Price List",
         "label": "Price List", "read_only": 1},
        {"fieldname": "ignore_pricing_rule", "fieldtype": "Check",
         "label": "Ignore Pricing Rule"},
        {"fieldname": "set_warehouse", "fieldtype": "Link", "options": "Warehouse",
         "label": "Warehouse", "read_only": 1},
        {"fieldname": "is_return", "fieldtype": "Check", "label": "Is Return"},
        {"fieldname": "return_against", "fieldtype": "Link", "options": "POS Invoice",
         "label": "Return Against"},
        {"fieldname": "status", "fieldtype": "Select", "label": "Status", "read_only": 1,
         "options": "Draft\nPaid\nReturn\nConsolidated\nCancelled", "default": "Draft",
         "allow_on_submit": 1, "in_list_view": 1, "in_standard_filter": 1},
        # Data, not a Link: a Link would stop the closing from being cancelled
        {"fieldname": "consolidated_in", "fieldtype": "Data",
         "label": "POS Closing Entry", "read_only": 1, "allow_on_submit": 1},
        {"fieldname": "section_items", "fieldtype": "Section Break", "label": "Items"},
        {"fieldname": "items", "fieldtype": "Table", "options": "POS Invoice Item",
         "label": "Items", "reqd": 1},
        {"fieldname": "taxes", "fieldtype": "Table", "options": "POS Taxes and Charges",
         "label": "Taxes and Charges"},
        {"fieldname": "section_totals", "fieldtype": "Section Break", "label": "Totals"},
        {"fieldname": "total_qty", "fieldtype": "Float", "label": "Total Quantity",
         "read_only": 1},
        _money("total", "Net Total"),
        _money("total_taxes_and_charges", "Total Taxes and Charges"),
        _money("grand_total", "Grand Total") | {"in_list_view": 1},
        _money("base_grand_total", "Grand Total (Company Currency)"),
        {"fieldname": "section_payments", "fieldtype": "Section Break",
         "label": "Payments"},
        {"fieldname": "payments", "fieldtype": "Table", "options": "POS Invoice Payment",
         "label": "Payments"},
        _money("paid_amount", "Paid Amount"),
        _money("change_amount", "Change"),
        {"fieldname": "change_mode_of_payment", "fieldtype": "Link",
         "options": "Mode of Payment", "label": "Change Given In", "read_only": 1},
        {"fieldname": "account_for_change_amount", "fieldtype": "Link",
         "options": "Account", "label": "Account for Change", "read_only": 1},
        {"fieldname": "remarks", "fieldtype": "Small Text", "label": "Remarks"},
    ],
    "permissions": session_documents(),
}


def _saved_after_submit(doc: Document) -> bool:
    return (doc.previous or {}).get("docstatus") == 1


def before_insert(ctx: Context, doc: Document) -> None:
    """A sale takes its counter's series when the profile names one: counters with their
    own series never wait for each other's numbers."""
    doc.naming_series = profile(ctx, doc.pos_profile).get("naming_series") or SERIES


def before_validate(ctx: Context, doc: Document) -> None:
    if _saved_after_submit(doc):
        return
    found = profile(ctx, doc.pos_profile)
    doc.company = found["company"]
    doc.customer = doc.customer or found["customer"]
    doc.selling_price_list = found["selling_price_list"]
    doc.set_warehouse = found["warehouse"]
    doc.currency = company_settings(ctx, doc.company)["default_currency"]
    doc.conversion_rate = Decimal(1)  # a counter sells in the company's currency
    lines.resolve_barcodes(ctx, doc)
    lines.check_items(ctx, doc)
    if doc.is_return:
        returns.prepare_return(ctx, doc)
    else:
        doc.return_against = None
        lines.price_lines(ctx, doc)
        if not doc.children("taxes"):
            for tax in found["taxes"]:
                doc.append("taxes", {k: tax[k] for k in returns.TAX_COPIED}, ctx)


def validate(ctx: Context, doc: Document) -> None:
    if _saved_after_submit(doc):
        doc.status = doc.previous.get("status")
        doc.consolidated_in = doc.previous.get("consolidated_in")
        return
    found = profile(ctx, doc.pos_profile)
    cashier = doc.owner or ctx.user
    check_cashier(ctx, found, cashier)
    session = require_open(ctx, doc.pos_profile, cashier, doc.pos_opening_entry)
    doc.pos_opening_entry = session["name"]
    if doc.posting_date < session["posting_date"]:
        raise ValidationError(f"The session {session['name']} opened on "
                              f"{session['posting_date']}: a sale in it cannot be dated "
                              "before", field="posting_date")
    items = lines.check_items(ctx, doc)  # again: an event handler may have added lines
    lines.check_quantities(doc)
    lines.fill_accounts(ctx, doc, found)
    stock.check_lines(ctx, doc)
    if doc.is_return:
        returns.check_quantities(ctx, doc)
    retotal(ctx, doc, found)
    doc.status, doc.consolidated_in = "Draft", None
    doc.flags[STOCK_ITEMS] = {
        code for code, item in items.items() if item["is_stock_item"]}


def _stock_items(ctx: Context, doc: Document) -> set[str]:
    if STOCK_ITEMS not in doc.flags:
        doc.flags[STOCK_ITEMS] = lines.stock_items(ctx, doc)
    return doc.flags[STOCK_ITEMS]


def before_submit(ctx: Context, doc: Document) -> None:
    payments.check_settled(doc)
    stock.number_returns(ctx, doc, _stock_items(ctx, doc))
    # set before the row is written, which saves updating it after: if anything later
    # in the submit fails, the whole of it rolls back
    doc.status = "Return" if doc.is_return else "Paid"


def on_submit(ctx: Context, doc: Document) -> None:
    stock.issue(ctx, doc, _stock_items(ctx, doc))


def before_cancel(ctx: Context, doc: Document) -> None:
    if doc.consolidated_in:
        raise ConflictError(f"{doc.name} is consolidated in {doc.consolidated_in}: "
                            "return the goods instead, or cancel that closing first")


def on_cancel(ctx: Context, doc: Document) -> None:
    stock.undo(ctx, doc, _stock_items(ctx, doc))
    query.update_row(ctx, "POS Invoice", doc.name or "", {"status": "Cancelled"})
