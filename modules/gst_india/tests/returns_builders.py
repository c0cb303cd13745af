"""Builders for the GST return scenarios: Pune Furniture's month of June 2025 with one
supply of each kind GSTR-1 sorts, and the items they sell."""

from __future__ import annotations

from typing import Any

from core import lifecycle
from core.context import Context
from modules.gst_india.tests.builders import (
    BENGALURU_GSTIN,
    MUMBAI_GSTIN,
    SURAT_SEZ_GSTIN,
    customer,
    insert,
    item,
    purchase_invoice,
    sales_invoice,
    supplier,
)


def return_items(ctx: Context) -> None:
    """Chair (8-digit HSN) and stool (4-digit) at 18%; rice nil-rated and milk exempted
    at 0%."""
    item(ctx, "CHAIR", "94017100", [("2024-04-01", "18")])
    item(ctx, "STOOL", "9401", [("2024-04-01", "18")])
    item(ctx, "RICE", "1006", [("2024-04-01", "0")])
    insert(ctx, "Item", {"item_code": "MILK", "item_name": "Milk", "item_group": "Products",
                         "is_stock_item": 0, "gst_hsn_code": "0401",
                         "gst_treatment": "Exempted"})
    insert(ctx, "GST Rate", {"item_code": "MILK", "gst_rate": "0", "valid_from": "2024-04-01"})


def return_parties(ctx: Context) -> None:
    customer(ctx, "Mumbai Traders", MUMBAI_GSTIN)
    customer(ctx, "Bengaluru Interiors", BENGALURU_GSTIN)
    customer(ctx, "Surat SEZ Unit", SURAT_SEZ_GSTIN, gst_category="SEZ")
    customer(ctx, "Dubai Homes", gst_category="Overseas")
    customer(ctx, "Walk-in")


def june_sales(ctx: Context) -> dict[str, Any]:
    """One document of each kind, dated June 2025 (numbered in this order)."""
    done: dict[str, Any] = {}
    done["b2b_intra"] = sales_invoice(ctx, "Mumbai Traders", "2025-06-02",
                                      [("CHAIR", 2, "500"), ("STOOL", 1, "250")])
    done["b2b_inter"] = sales_invoice(ctx, "Bengaluru Interiors", "2025-06-03",
                                      [("CHAIR", 1, "1000")])
    done["b2cl"] = sales_invoice(ctx, "Walk-in", "2025-06-04", [("CHAIR", 1, "100000")],
                                 place_of_supply="29-Karnataka")
    done["b2cs_inter"] = sales_invoice(ctx, "Walk-in", "2025-06-05",
                                       [("CHAIR", 1, "50000"), ("STOOL", 1, "2000")],
                                       place_of_supply="29-Karnataka")
    done["b2cs_intra"] = sales_invoice(ctx, "Walk-in", "2025-06-06", [("STOOL", 1, "1000")])
    done["exp_wopay"] = sales_invoice(ctx, "Dubai Homes", "2025-06-07",
                                      [("CHAIR", 1, "20000")])
    done["exp_wpay"] = sales_invoice(ctx, "Dubai Homes", "2025-06-08",
                                     [("CHAIR", 1, "10000")], is_export_with_gst=1)
    done["sez"] = sales_invoice(ctx, "Surat SEZ Unit", "2025-06-09", [("CHAIR", 1, "5000")],
                                is_export_with_gst=1)
    done["nil"] = sales_invoice(ctx, "Walk-in", "2025-06-10",
                                [("RICE", 1, "300"), ("MILK", 1, "200")])
    done["cdnr"] = sales_invoice(ctx, "Mumbai Traders", "2025-06-11", [("CHAIR", -1, "500")],
                                 is_return=1, return_against=done["b2b_intra"].name)
    done["cdnur"] = sales_invoice(ctx, "Walk-in", "2025-06-12", [("CHAIR", -1, "100000")],
                                  is_return=1, return_against=done["b2cl"].name,
                                  place_of_supply="29-Karnataka")
    done["cancelled"] = sales_invoice(ctx, "Mumbai Traders", "2025-06-13",
                                      [("CHAIR", 1, "700")])
    lifecycle.cancel(ctx, "Sales Invoice", done["cancelled"].name)
    return done


def gst_company_extra() -> dict[str, Any]:
    return {"gst_export_under_lut": 1, "gst_lut_number": "AD270525000123X"}


def june_purchases(ctx: Context) -> dict[str, Any]:
    """Mumbai Timber (27): oak 10,000 at 18% (CGST 900 + SGST 900 credit), a staff lunch
    2,000 at 5% whose CGST 50 + SGST 50 is blocked, rice 400 nil-rated.
    Bengaluru Tools (29): lathe 40,000 at 18% (IGST 7,200), diesel 3,000 outside GST.
    Deccan Transport (unregistered), reverse charge: freight 10,000 at 5%, CGST 250 +
    SGST 250 paid by the company and claimed back."""
    item(ctx, "OAK", "44079990", [("2025-04-01", "18")])
    item(ctx, "LUNCH", "996334", [("2025-04-01", "5")], group="Services")
    item(ctx, "LATHE", "8458", [("2025-04-01", "18")])
    item(ctx, "FREIGHT", "996511", [("2025-04-01", "5")], group="Services")
    insert(ctx, "Item", {"item_code": "DIESEL", "item_name": "Diesel",
                         "item_group": "Products", "is_stock_item": 0,
                         "gst_hsn_code": "2710", "gst_treatment": "Non-GST"})
    insert(ctx, "GST Rate", {"item_code": "DIESEL", "gst_rate": "0",
                             "valid_from": "2024-04-01"})
    supplier(ctx, "Mumbai Timber", MUMBAI_GSTIN)
    supplier(ctx, "Bengaluru Tools", BENGALURU_GSTIN)
    supplier(ctx, "Deccan Transport")
    done = {}
    done["intra"] = purchase_invoice(ctx, "Mumbai Timber", "2025-06-10", [
        {"item_code": "OAK", "qty": 10, "rate": "1000"},
        {"item_code": "LUNCH", "qty": 1, "rate": "2000", "is_ineligible_for_itc": 1,
         "expense_account": "Administrative Expenses - PF"},
        {"item_code": "RICE", "qty": 1, "rate": "400"}], bill_no="MT/0042",
        bill_date="2025-06-09")
    done["inter"] = purchase_invoice(ctx, "Bengaluru Tools", "2025-06-11", [
        {"item_code": "LATHE", "qty": 1, "rate": "40000"},
        {"item_code": "DIESEL", "qty": 1, "rate": "3000"}], bill_no="BT-118",
        bill_date="2025-06-11")
    done["rcm"] = purchase_invoice(ctx, "Deccan Transport", "2025-06-12", [
        {"item_code": "FREIGHT", "qty": 1, "rate": "10000",
         "expense_account": "Freight and Forwarding Charges - PF"}], is_reverse_charge=1,
        bill_no="DT 7", bill_date="2025-06-12")
    return done
