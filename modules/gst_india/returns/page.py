"""The GST Returns desk page (``/app/page/gst_india.gst_returns``): pick a company, one
of its GSTINs (its own or a branch's) and a month; see the GSTR-1 and GSTR-3B figures of
that registration, download either as the portal's JSON file, or open the reports.

The file and the figures are what ``gst_india.gstr1`` / ``gstr3b`` and their summaries
answer (same rights, same checks), the file written as an attachment named as the
offline tool names its files.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any
from urllib.parse import urlencode

from starlette.responses import Response

from core import perms
from core.errors import AppError, BadRequest
from core.web.pages import desk_context
from core.web.templating import render
from modules.gst_india.reports import api
from modules.gst_india.returns.company import registrations

if TYPE_CHECKING:
    from starlette.requests import Request

    from core.context import Context

PAGE = "gst_india.gst_returns"
RETURNS = {"gstr1": "GSTR1", "gstr3b": "GSTR3B"}
REPORTS = (("gstr1_summary", "GSTR-1 Summary"), ("gstr3b_summary", "GSTR-3B"))


def show(ctx: Context, request: Request, body: dict[str, Any]) -> Response:
    params = {k: v for k, v in request.query_params.items() if v}
    try:
        if params.get("return"):
            return download(ctx, params["return"], params.get("company"),
                            params.get("period"), params.get("company_gstin"))
        figures = summary(ctx, params) if params.get("period") else None
    except AppError as exc:
        return _form(ctx, params, None, str(exc), exc.status)
    return _form(ctx, params, figures)


def download(ctx: Context, kind: str, company: Any, period: Any,
             company_gstin: Any = None) -> Response:
    if kind not in RETURNS:
        raise BadRequest(f"return is {' or '.join(RETURNS)}", field="return")
    data = getattr(api, kind)(ctx, company=company, period=period,
                              company_gstin=company_gstin)
    filename = f"{RETURNS[kind]}_{data['gstin']}_{data.get('fp') or data['ret_period']}.json"
    return Response(json.dumps(data, indent=1), media_type="application/json",
                    headers={"Content-Disposition": f'attachment; filename="{filename}"'})


def summary(ctx: Context, params: dict[str, str]) -> dict[str, Any]:
    """The GSTR-1 tables and, for a user who may read purchases, the GSTR-3B lines of
    the chosen registration and month."""
    args = {k: params.get(k) for k in ("company", "period", "company_gstin")}
    may_read_purchases = perms.has_right(ctx, "Purchase Invoice", "read")
    return {"gstr1": api.gstr1_summary(ctx, **args)["rows"],
            "gstr3b": api.gstr3b_summary(ctx, **args)["rows"] if may_read_purchases
            else None}


def _form(ctx: Context, params: dict[str, str], figures: dict[str, Any] | None,
          error: str = "", status: int = 200) -> Response:
    gstins = registrations(ctx)
    companies = list(dict.fromkeys(r.company for r in gstins))
    company = params.get("company") or (companies[0] if companies else "")
    own = next((r.gstin for r in gstins if r.company == company), "")
    chosen = {"company": company, "period": params.get("period") or "",
              "company_gstin": params.get("company_gstin") or own}
    query = urlencode({k: v for k, v in chosen.items() if v})
    return render("gst_india/gst_returns.html", status=status, **desk_context(ctx),
                  page=ctx.site.pages[PAGE], title="GST Returns", companies=companies,
                  gstins=gstins, chosen=chosen, figures=figures, error=error,
                  reports=[(f"/app/report/gst_india.{name}?{query}", label)
                           for name, label in REPORTS])
