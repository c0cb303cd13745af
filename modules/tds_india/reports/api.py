"""The method behind the Form 26Q report: ``/api/method/tds_india.tds_26q`` (also
``/api/report/tds_india.tds_26q`` and the desk, with CSV and XLSX export)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from core import perms
from core.api.arguments import Arguments
from core.api.whitelist import whitelist
from core.errors import ValidationError
from modules.tds_india.financial_year import parse_label
from modules.tds_india.reports import tds_26q as form_26q

if TYPE_CHECKING:
    from core.context import Context


@whitelist()
def tds_26q(ctx: Context, company: Any = None, fiscal_year: Any = None, quarter: Any = None,
            section: Any = None) -> dict[str, Any]:
    """TDS deducted by the company in a quarter of a financial year ("2025-26", "Q1")."""
    perms.require(ctx, "Purchase Invoice", "read")
    args = Arguments(ctx)
    company = args.record(company, "company", "Company")
    year = parse_label(args.text(fiscal_year, "fiscal_year") or "")
    if year is None:
        args.errors.append(ValidationError("fiscal_year is a financial year such as 2025-26",
                                           field="fiscal_year"))
    name = args.text(quarter, "quarter")
    if name not in form_26q.QUARTERS:
        args.errors.append(ValidationError("quarter is Q1, Q2, Q3 or Q4", field="quarter"))
    wanted = args.text(section, "section")
    args.done()
    assert year is not None and name is not None  # args.done() raised otherwise
    start, end = form_26q.quarter_dates(year[0], name)
    return form_26q.tds_26q(ctx, company, start, end, wanted)
