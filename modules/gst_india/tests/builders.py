"""Builders for GST scenarios: a Maharashtra company, parties in and out of the state,
items with HSN codes and dated rates. Every GSTIN here passes the check-character test."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from core import lifecycle
from core.context import Context
from tests.conftest import TenantHandle, make_tenant

D = Decimal
CO = "Pune Furniture"
PUNE_GSTIN = "27AAPFU0939F1ZV"       # Maharashtra
MUMBAI_GSTIN = "27AABCR1234M1ZD"     # Maharashtra
BENGALURU_GSTIN = "29AAGCB7383J1Z4"  # Karnataka
SURAT_SEZ_GSTIN = "24AABCS4321K1ZK"  # Gujarat


def gst_tenant(site: Any) -> TenantHandle:
    return make_tenant(site, modules=["gst_india"])


def insert(ctx: Context, doctype: str, values: dict[str, Any]) -> Any:
    return lifecycle.insert(ctx, lifecycle.new_doc(ctx, doctype, values))


def make_gst_company(ctx: Context, **extra: Any) -> str:
    """Pune Furniture (PF), registered in Maharashtra, Indian chart; fiscal years from
    April 2025 (the scenarios' dates) to March 2027 (a cancellation is dated today)."""
    insert(ctx, "Company", {"company_name": CO, "abbr": "PF", "default_currency": "INR",
                            "chart_of_accounts": "India", "gstin": PUNE_GSTIN, **extra})
    for start in (2025, 2026):
        insert(ctx, "Fiscal Year", {"year": f"{start}-{start + 1}",
                                    "year_start_date": f"{start}-04-01",
                                    "year_end_date": f"{start + 1}-03-31"})
    return CO


def customer(ctx: Context, name: str, gstin: str | None = None, **extra: Any) -> str:
    insert(ctx, "Customer", {"customer_name": name, "customer_group": "Commercial",
                             "gstin": gstin, **extra})
    return name


def supplier(ctx: Context, name: str, gstin: str | None = None, **extra: Any) -> str:
    insert(ctx, "Supplier", {"supplier_name": name, "supplier_group": "Raw Material",
                             "gstin": gstin, **extra})
    return name


def item(ctx: Context, code: str, hsn: str, rates: list[tuple[str, str]],
         group: str = "Products", cess: str = "0") -> str:
    """rates: (valid_from, gst_rate) pairs, each a GST Rate record for the item."""
    insert(ctx, "Item", {"item_code": code, "item_name": code.title(), "item_group": group,
                         "is_stock_item": 0, "gst_hsn_code": hsn})
    for valid_from, rate in rates:
        insert(ctx, "GST Rate", {"item_code": code, "gst_rate": rate, "cess_rate": cess,
                                 "valid_from": valid_from})
    return code


def sales_invoice(ctx: Context, party: str, date: str, items: list[tuple[str, int, str]],
                  **extra: Any) -> Any:
    return insert(ctx, "Sales Invoice", {
        "customer": party, "company": CO, "posting_date": date, "docstatus": 1,
        "items": [{"item_code": code, "qty": qty, "rate": rate} for code, qty, rate in items],
        **extra})


def purchase_invoice(ctx: Context, party: str, date: str, lines: list[dict[str, Any]],
                     **extra: Any) -> Any:
    return insert(ctx, "Purchase Invoice", {
        "supplier": party, "company": CO, "posting_date": date, "docstatus": 1,
        "items": lines, **extra})
