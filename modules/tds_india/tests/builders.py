"""Builders for TDS scenarios: Pune Furniture (PF, Maharashtra, India chart) buying from
contractors and professionals, with the FY 2025-26 categories the module installs.

PANs: the fourth character is the holder's status (P individual, C company, F firm).
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from core import lifecycle
from core.context import Context
from core.db import query
from modules.gst_india.tests.builders import CO, make_gst_company
from tests.conftest import TenantHandle, make_tenant

D = Decimal
TDS_PAYABLE = "TDS Payable - PF"
TCS_PAYABLE = "TCS Payable - PF"
CREDITORS = "Creditors - PF"
CONTRACTOR = "194C - Contractors"
PROFESSIONAL = "194J(b) - Fees for Professional Services"
GOODS = "194Q - Purchase of Goods"
SCRAP = "206C(1) - Scrap"
RAVI_PAN = "ABCPR1234K"      # an individual
TIMBER_PAN = "AABCT5678L"    # a company


def tds_tenant(site: Any) -> TenantHandle:
    return make_tenant(site, modules=["tds_india"])


def insert(ctx: Context, doctype: str, values: dict[str, Any]) -> Any:
    return lifecycle.insert(ctx, lifecycle.new_doc(ctx, doctype, values))


def make_company(ctx: Context) -> str:
    return make_gst_company(ctx)


def supplier(ctx: Context, name: str, category: str | None, pan: str | None = None,
             **extra: Any) -> str:
    insert(ctx, "Supplier", {"supplier_name": name, "supplier_group": "Services",
                             "pan": pan, "tax_withholding_category": category, **extra})
    return name


def bill(ctx: Context, party: str, date: str, amount: str, *, submit: bool = True,
         **extra: Any) -> Any:
    """A purchase invoice of one service line, without GST (an unregistered supplier)."""
    return insert(ctx, "Purchase Invoice", {
        "supplier": party, "company": CO, "posting_date": date,
        "docstatus": 1 if submit else 0,
        "items": [{"item_name": "Work", "qty": 1, "rate": amount}], **extra})


def outstanding(ctx: Context, doctype: str, name: str) -> Decimal:
    return query.get_value(ctx, doctype, name, "outstanding_amount")


def covered(doc: Any) -> list[tuple[str | None, str | None, Decimal]]:
    """The amounts a document's TDS covered: (invoice, advance, amount)."""
    return [(r.purchase_invoice, r.payment_entry, r.taxable_amount)
            for r in doc.children("tds_vouchers")]
