"""The company a return is for: its GSTIN, home state and previous year's turnover."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING

from core.db import query
from core.errors import DoesNotExist
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


def return_company(ctx: Context, company: str) -> ReturnCompany:
    rows = query.select_rows(ctx, "Company", fields=["gstin", "gst_annual_turnover"],
                             filters={"name": company}, limit=1)
    if not rows:
        raise DoesNotExist(f"Company {company} not found")
    if not rows[0]["gstin"]:
        raise CompanyWithoutGSTIN(f"Company {company} has no GSTIN, so it files no GST "
                                  "returns", field="company")
    return ReturnCompany(company, rows[0]["gstin"], rows[0]["gst_annual_turnover"]
                         or Decimal(0))
