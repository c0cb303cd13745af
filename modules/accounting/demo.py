"""Demo books: an Indian furniture company with two fiscal years and opening entries."""

from __future__ import annotations

from typing import TYPE_CHECKING

from core import lifecycle
from modules.base.install import ensure

if TYPE_CHECKING:
    from core.context import Context

COMPANY = "Demo Furniture Pvt Ltd"


def make_demo(ctx: Context) -> None:
    for year, start, end in (("2025-2026", "2025-04-01", "2026-03-31"),
                             ("2026-2027", "2026-04-01", "2027-03-31")):
        ensure(ctx, "Fiscal Year", year, {"year": year, "year_start_date": start,
                                          "year_end_date": end})
    ensure(ctx, "Company", COMPANY, {"company_name": COMPANY, "abbr": "DF",
                                     "default_currency": "INR", "chart_of_accounts": "India"})
    for date, title, lines in (
        ("2026-04-01", "Capital introduced", [("Bank Account - DF", "1500000", 0),
                                              ("Capital Stock - DF", 0, "1500000")]),
        ("2026-04-03", "Shop rent for April", [("Office Rent - DF", "45000", 0),
                                               ("Bank Account - DF", 0, "45000")]),
        ("2026-04-04", "Cash withdrawn for the till", [("Cash - DF", "20000", 0),
                                                       ("Bank Account - DF", 0, "20000")]),
    ):
        lifecycle.insert(ctx, lifecycle.new_doc(ctx, "Journal Entry", {
            "title": title, "company": COMPANY, "posting_date": date, "docstatus": 1,
            "accounts": [{"account": a, "debit_in_account_currency": d,
                          "credit_in_account_currency": c} for a, d, c in lines]}))
