"""The methods behind GST's returns and reports: ``/api/method/gst_india.gstr1`` and
``gst_india.gstr3b`` answer the portal's JSON; the others feed the desk reports
(also ``/api/report/gst_india.<name>``, with CSV, XLSX and PDF exports)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from core import perms
from core.api.arguments import Arguments
from core.api.whitelist import whitelist
from modules.gst_india.returns import gstr1 as gstr1_json
from modules.gst_india.returns import gstr3b as gstr3b_json
from modules.gst_india.returns.period import Period, parse_period

if TYPE_CHECKING:
    from core.context import Context


def _company_and_period(ctx: Context, company: Any, period: Any) -> tuple[str, Period]:
    args = Arguments(ctx)
    name = args.record(company, "company", "Company")
    args.done()
    return name, parse_period(period if isinstance(period, str) else str(period or ""))


@whitelist(methods=("GET",))
def gstr1(ctx: Context, company: Any = None, period: Any = None) -> dict[str, Any]:
    """GSTR-1 of ``company`` for ``period`` (MMYYYY) as the offline tool's JSON."""
    perms.require(ctx, "Sales Invoice", "read")
    name, month = _company_and_period(ctx, company, period)
    return gstr1_json.gstr1(ctx, name, month)


@whitelist(methods=("GET",))
def gstr3b(ctx: Context, company: Any = None, period: Any = None) -> dict[str, Any]:
    """GSTR-3B of ``company`` for ``period`` (MMYYYY) in the portal's JSON keys."""
    perms.require(ctx, "Sales Invoice", "read")
    perms.require(ctx, "Purchase Invoice", "read")
    name, month = _company_and_period(ctx, company, period)
    return gstr3b_json.gstr3b(ctx, name, month)
