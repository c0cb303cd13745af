"""The tenant the document workloads run in: Bench Co on the India chart, registered
for GST in Maharashtra, 50 customers (half registered in five states, half consumers),
200 stock items with HSN codes and GST rates, and opening stock of every item in
Stores. Everything is made through the engine, as a user would."""

from __future__ import annotations

from typing import Any

from stdnum import luhn

from benchmarks.harness import Run
from core import lifecycle
from core.context import Context

COMPANY, ABBR, GSTIN = "Bench Co", "BC", "27AAPFU0939F1ZV"
WAREHOUSE = f"Stores - {ABBR}"
CUSTOMERS, ITEMS = 50, 200
STATES = ("27", "29", "24", "33", "07")  # Maharashtra, Karnataka, Gujarat, Tamil Nadu, Delhi
RATES = ("5", "12", "18", "18", "28")  # a shop's mix, most goods at 18%
GSTIN_ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"


def customer_name(i: int) -> str:
    return f"Customer {i % CUSTOMERS:02d}"


def item_code(i: int) -> str:
    return f"ITEM-{i % ITEMS:03d}"


def buyer_gstin(k: int) -> str:
    """A GSTIN with a valid check character: state, PAN ``AABCB####B``, entity 1, Z."""
    body = f"{STATES[k % len(STATES)]}AABCB{k + 1:04d}B1Z"
    return body + luhn.calc_check_digit(body, GSTIN_ALPHABET)


def india_tenant(run: Run, modules: list[str], units: int) -> None:
    """The tenant, with ``units`` of every item in Stores at 100.00 each."""
    run.new_tenant(modules=["gst_india", *modules])
    with run.site.transaction(run.tenant, "admin") as ctx:
        _insert(ctx, "Fiscal Year", {"year": "2026-2027", "year_start_date": "2026-04-01",
                                     "year_end_date": "2027-03-31"})
        _insert(ctx, "Company", {"company_name": COMPANY, "abbr": ABBR, "gstin": GSTIN,
                                 "chart_of_accounts": "India"})
        for k in range(CUSTOMERS):
            registered = k % 2 == 0
            _insert(ctx, "Customer", {
                "customer_name": customer_name(k), "customer_group": "Commercial",
                "gstin": buyer_gstin(k) if registered else None})
        for k in range(ITEMS):
            _insert(ctx, "Item", {"item_code": item_code(k), "item_name": f"Item {k}",
                                  "item_group": "Products", "gst_hsn_code": "94017100"})
            _insert(ctx, "GST Rate", {"item_code": item_code(k), "valid_from": "2025-09-22",
                                      "gst_rate": RATES[k % len(RATES)]})
        _insert(ctx, "Stock Entry", {
            "stock_entry_type": "Material Receipt", "company": COMPANY,
            "posting_date": "2026-04-01", "docstatus": 1,
            "items": [{"item_code": item_code(k), "qty": units, "basic_rate": 100,
                       "t_warehouse": WAREHOUSE} for k in range(ITEMS)]})


def _insert(ctx: Context, doctype: str, values: dict[str, Any]) -> None:
    lifecycle.insert(ctx, lifecycle.new_doc(ctx, doctype, values))
