"""Builders for e-invoice and e-way bill scenarios: Pune Furniture with its registered
address and e-invoicing enabled, and customers in Mumbai (same state), Bengaluru, the
Surat SEZ and Dubai, each with a billing address."""

from __future__ import annotations

from typing import Any

from core.context import Context
from core.singles import get_single, save_single
from modules.gst_india.tests.builders import (
    BENGALURU_GSTIN,
    MUMBAI_GSTIN,
    PUNE_GSTIN,
    SURAT_SEZ_GSTIN,
    customer,
    gst_tenant,
    insert,
    item,
    make_gst_company,
)
from tests.fixtures import TenantHandle

CHAIR_AND_STOOL = [("CHAIR", 2, "500.00"), ("STOOL", 1, "250.00")]


def address(ctx: Context, title: str, line1: str, city: str, state: str,
            pincode: str | None, gstin: str | None = None, country: str = "India") -> str:
    return insert(ctx, "Address", {
        "address_title": title, "address_line1": line1, "city": city, "state": state,
        "pincode": pincode, "country": country, "gstin": gstin}).name


def einvoicing_company(ctx: Context, **extra: Any) -> str:
    """Pune Furniture, Plot 12 MIDC Bhosari, Pune 411026, e-invoicing enabled."""
    office = address(ctx, "Pune Furniture", "Plot 12, MIDC Bhosari", "Pune",
                     "Maharashtra", "411026", PUNE_GSTIN)
    return make_gst_company(ctx, company_address=office, gst_einvoice_enabled=1, **extra)


def einvoicing_shop(site: Any) -> TenantHandle:
    """A GST tenant with the e-invoicing company, its furniture and the four customers."""
    handle = gst_tenant(site)
    with handle.tx() as ctx:
        einvoicing_company(ctx)
        furniture(ctx)
        customers(ctx)
    return handle


def customer_at(ctx: Context, name: str, gstin: str | None, line1: str, city: str,
                state: str, pincode: str | None, **extra: Any) -> str:
    country = extra.pop("country", "India")
    billing = address(ctx, name, line1, city, state, pincode, gstin, country)
    return customer(ctx, name, gstin, customer_primary_address=billing, **extra)


def customers(ctx: Context) -> None:
    customer_at(ctx, "Mumbai Traders", MUMBAI_GSTIN, "14 Dalal Street", "Mumbai",
                "Maharashtra", "400001")
    customer_at(ctx, "Bengaluru Interiors", BENGALURU_GSTIN, "80 MG Road", "Bengaluru",
                "Karnataka", "560001")
    customer_at(ctx, "Surat SEZ Works", SURAT_SEZ_GSTIN, "Plot 5, Sachin SEZ", "Surat",
                "Gujarat", "394230", gst_category="SEZ")
    customer_at(ctx, "Dubai Homes", None, "Sheikh Zayed Road", "Dubai", "Dubai", None,
                gst_category="Overseas", country="United Arab Emirates")


def furniture(ctx: Context) -> None:
    item(ctx, "CHAIR", "94017100", [("2025-04-01", "18")])
    item(ctx, "STOOL", "9401", [("2025-04-01", "18")])
    item(ctx, "FITTING", "998717", [("2025-04-01", "18")], group="Services")


def settings(ctx: Context, **values: Any) -> None:
    doc = get_single(ctx, "GST Settings")
    doc.values.update(values)
    save_single(ctx, doc)
