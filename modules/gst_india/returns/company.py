"""The company a return is for: its GSTIN, home state and previous year's turnover."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING

from core.db import query
from core.errors import DoesNotExist
from modules.gst_india.errors import InvalidGSTIN
from modules.gst_india.gstin import clean_gstin, pan_of
from modules.gst_india.returns.errors import CompanyWithoutGSTIN

if TYPE_CHECKING:
    from core.context import Context


@dataclass(frozen=True)
class ReturnCompany:
    name: str
    gstin: str
    turnover: Decimal

    @property
    def state(self) -> str:
        return self.gstin[:2]


def return_company(ctx: Context, company: str, gstin: str | None = None) -> ReturnCompany:
    """The company as it files under ``gstin`` (one of its registrations, by its PAN; a
    company registered in several states files a return for each), else under its own
    GSTIN."""
    rows = query.select_rows(ctx, "Company", fields=["gstin", "gst_annual_turnover"],
                             filters={"name": company}, limit=1)
    if not rows:
        raise DoesNotExist(f"Company {company} not found")
    if not rows[0]["gstin"]:
        raise CompanyWithoutGSTIN(f"Company {company} has no GSTIN, so it files no GST "
                                  "returns", field="company")
    own = rows[0]["gstin"]
    if gstin:
        gstin = clean_gstin(gstin, "company_gstin", "Company GSTIN")
        if pan_of(gstin) != pan_of(own):
            raise InvalidGSTIN(f"{gstin} is not a registration of {company} (PAN "
                               f"{pan_of(own)})", field="company_gstin")
    return ReturnCompany(company, gstin or own, rows[0]["gst_annual_turnover"]
                         or Decimal(0))


@dataclass(frozen=True)
class Registration:
    """One GSTIN a company files returns under: its own, or a branch address's."""

    company: str
    gstin: str
    label: str


def registrations(ctx: Context) -> list[Registration]:
    """Every company's GSTINs: its own first, then those on addresses holding its PAN
    (the branches; a GSTIN of the company must hold the company's PAN)."""
    companies = [r for r in query.select_rows(ctx, "Company", fields=["name", "gstin"],
                                              order_by="name asc") if r["gstin"]]
    addresses = query.select_rows(ctx, "Address", fields=["address_title", "gstin"],
                                  filters=[["gstin", "is", "set"]], order_by="gstin asc")
    out = []
    for company in companies:
        own, pan = company["gstin"], pan_of(company["gstin"])
        out.append(Registration(company["name"], own, f"{own} ({company['name']})"))
        branches = {a["gstin"]: a["address_title"] for a in addresses
                    if a["gstin"] != own and pan and pan_of(a["gstin"]) == pan}
        out += [Registration(company["name"], gstin, f"{gstin} ({title})")
                for gstin, title in sorted(branches.items())]
    return out
