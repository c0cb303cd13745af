"""The methods behind GST's returns and reports: ``/api/method/gst_india.gstr1`` and
``gst_india.gstr3b`` answer the portal's JSON; the others feed the desk reports
(also ``/api/report/gst_india.<name>``, with CSV, XLSX and PDF exports)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from core import perms
from core.api.arguments import Arguments
from core.api.whitelist import whitelist
from core.db import query
from core.errors import DoesNotExist, ValidationError
from modules.gst_india.returns import gstr1 as gstr1_json
from modules.gst_india.returns import gstr3b as gstr3b_json
from modules.gst_india.returns import summary
from modules.gst_india.returns.period import Period, parse_period
from modules.gst_india.returns.reconcile_2b import STATUSES

if TYPE_CHECKING:
    from core.context import Context


def _company_and_period(ctx: Context, company: Any, period: Any, gstin: Any = None
                        ) -> tuple[str, Period, str | None]:
    """The company, the month, and which of the company's GSTINs files (its own when
    not given)."""
    args = Arguments(ctx)
    name = args.record(company, "company", "Company")
    registration = args.text(gstin, "company_gstin")
    args.done()
    return (name, parse_period(period if isinstance(period, str) else str(period or "")),
            registration or None)


@whitelist(methods=("GET",))
def gstr1(ctx: Context, company: Any = None, period: Any = None,
          company_gstin: Any = None) -> dict[str, Any]:
    """GSTR-1 of ``company`` for ``period`` (MMYYYY) as the offline tool's JSON."""
    perms.require(ctx, "Sales Invoice", "read")
    name, month, gstin = _company_and_period(ctx, company, period, company_gstin)
    return gstr1_json.gstr1(ctx, name, month, gstin)


@whitelist(methods=("GET",))
def gstr3b(ctx: Context, company: Any = None, period: Any = None,
           company_gstin: Any = None) -> dict[str, Any]:
    """GSTR-3B of ``company`` for ``period`` (MMYYYY) in the portal's JSON keys."""
    perms.require(ctx, "Sales Invoice", "read")
    perms.require(ctx, "Purchase Invoice", "read")
    name, month, gstin = _company_and_period(ctx, company, period, company_gstin)
    return gstr3b_json.gstr3b(ctx, name, month, gstin)


@whitelist(methods=("GET",))
def gstr1_summary(ctx: Context, company: Any = None, period: Any = None,
                  company_gstin: Any = None) -> dict[str, Any]:
    """GSTR-1 per table: documents, taxable value and taxes (the desk report)."""
    perms.require(ctx, "Sales Invoice", "read")
    name, month, gstin = _company_and_period(ctx, company, period, company_gstin)
    return summary.gstr1_summary(ctx, name, month, gstin)


@whitelist(methods=("GET",))
def gstr3b_summary(ctx: Context, company: Any = None, period: Any = None,
                   company_gstin: Any = None) -> dict[str, Any]:
    """GSTR-3B one row per line of its tables (the desk report)."""
    perms.require(ctx, "Sales Invoice", "read")
    perms.require(ctx, "Purchase Invoice", "read")
    name, month, gstin = _company_and_period(ctx, company, period, company_gstin)
    return summary.gstr3b_summary(ctx, name, month, gstin)


@whitelist(methods=("GET",))
def gstr2b_reconciliation(ctx: Context, gstr2b_import: Any = None, status: Any = None
                          ) -> dict[str, Any]:
    """The lines of a saved GSTR 2B Import, all or those of one status."""
    perms.require(ctx, "GSTR 2B Import", "read")
    args = Arguments(ctx)
    name = args.text(gstr2b_import, "gstr2b_import")
    wanted = args.text(status, "status")
    if not name:
        args.errors.append(ValidationError("gstr2b_import is required",
                                           field="gstr2b_import"))
    if wanted and wanted not in STATUSES:
        args.errors.append(ValidationError(f"status is one of {', '.join(STATUSES)}",
                                           field="status"))
    args.done()
    company = query.get_value(ctx, "GSTR 2B Import", name, "company")
    if company is None:
        raise DoesNotExist(f"GSTR 2B Import {name} not found")
    Arguments(ctx).record(company, "company", "Company")  # the user may see its company
    return summary.reconciliation_rows(ctx, name, wanted)
