"""Builders for loyalty scenarios: the point-of-sale shop of the pos tests (Pune
Furniture, Cash/Card/UPI, a counter profile) with loyalty installed afterwards, a
program with two tiers, members, sales invoices and counter sales.

    Shop Rewards: a point is worth 0.25; points expire 90 days after the sale.
        Silver from 0 spent:        1 point per 100.00
        Gold   from 10,000 spent:   1 point per 50.00
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from core import lifecycle
from core.context import Context
from core.db import query
from core.document import Document
from modules.inventory.tests.builders import CO, make_party
from modules.loyalty import ledger
from modules.pos.tests.builders import PROFILE, pos_books
from tenants.provisioning import install_modules
from tests.fixtures import TenantHandle

D = Decimal
PROGRAM = "Shop Rewards"
LIABILITY, DEFERRED = "Loyalty Points Liability - PF", "Loyalty Revenue Deferred - PF"
BREAKAGE = "Loyalty Points Breakage - PF"
GST = [{"charge_type": "On Net Total", "account_head": f"Output Tax {t} - PF", "rate": 9}
       for t in ("CGST", "SGST")]


def loyalty_books(site: Any) -> TenantHandle:
    """The pos shop, then loyalty installed (so an existing company gets its accounts)."""
    handle = pos_books(site)
    with handle.tx() as ctx:
        install_modules(ctx, ["loyalty"])
    return handle


def make_program(ctx: Context, name: str = PROGRAM, **extra: Any) -> str:
    return lifecycle.insert(ctx, lifecycle.new_doc(ctx, "Loyalty Program", {
        "loyalty_program_name": name, "company": CO, "from_date": "2026-04-01",
        "conversion_factor": "0.25", "expiry_days": 90,
        "collection_rules": [
            {"tier_name": "Silver", "min_spent": 0, "collection_factor": 100},
            {"tier_name": "Gold", "min_spent": 10000, "collection_factor": 50}],
        **extra})).name or ""


def member(ctx: Context, name: str, program: str = PROGRAM) -> str:
    make_party(ctx, "Customer", name)
    doc = lifecycle.get_doc(ctx, "Customer", name)
    doc.loyalty_program = program
    lifecycle.save(ctx, doc)
    return name


def sales_invoice(ctx: Context, customer: str, items: list[tuple[str, Any, Any]],
                  date: str = "2026-05-04", taxes: bool = True, submit: bool = True,
                  **extra: Any) -> Document:
    return lifecycle.insert(ctx, lifecycle.new_doc(ctx, "Sales Invoice", {
        "customer": customer, "company": CO, "posting_date": date,
        "docstatus": 1 if submit else 0,
        "items": [{"item_code": code, "qty": qty, "rate": rate} for code, qty, rate in items],
        "taxes": GST if taxes else [], **extra}))


def points_profile(ctx: Context) -> None:
    """The counter profile takes points as a mode of payment."""
    doc = lifecycle.get_doc(ctx, "POS Profile", PROFILE)
    doc.append("payments", {"mode_of_payment": "Loyalty Points"}, ctx)
    lifecycle.save(ctx, doc)


def entries(ctx: Context, customer: str) -> list[tuple[str, int, Any]]:
    """(entry type, points, voucher) of the customer's ledger rows, by voucher (one
    transaction writes its rows at the same instant) then most points first."""
    rows = query.select_rows(ctx, "Loyalty Point Entry", fields=[
        "entry_type", "loyalty_points", "voucher_no"], filters={"customer": customer})
    return sorted(((r["entry_type"], r["loyalty_points"], r["voucher_no"]) for r in rows),
                  key=lambda r: (r[2], -r[1], r[0]))


def balance(ctx: Context, customer: str, on: str = "2026-05-04") -> int:
    return ledger.balance(ctx, customer, PROGRAM, dt.date.fromisoformat(on))


def tier_of(ctx: Context, customer: str) -> str | None:
    return query.get_value(ctx, "Customer", customer, "loyalty_tier")
