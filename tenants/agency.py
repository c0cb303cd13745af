"""The agency view: reports across tenants, for the operator of an installation.

Nothing in the request path can read two tenants at once. This is the one deliberate
exception, reachable only from the command line (``erp agency-report``), and every run
is recorded in ``agency_audit`` with the operator and the reason before any tenant is
read. Each tenant is still read in its own transaction, with its own tenant set.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from sqlalchemy import func, insert, select

from core.context import SUPERUSER_ROLE, Context
from core.db import query
from core.db.tables import agency_audit, tenant
from core.errors import BadRequest

if TYPE_CHECKING:
    from core.site import Site

ACTIVE_DAYS = 30


def activity(ctx: Context) -> dict[str, Any]:
    """Users, recent changes and the last change in one tenant."""
    versions = query.view(ctx, "Version")
    since = ctx.now - dt.timedelta(days=ACTIVE_DAYS)
    recent, last = ctx.conn.execute(select(
        func.count().filter(versions.c.creation >= since), func.max(versions.c.creation))
    ).one()
    return {"modules": ",".join(sorted(ctx.tenant.modules)),
            "users": query.count(ctx, "User", {"enabled": 1}),
            f"changes_{ACTIVE_DAYS}d": recent, "last_change": last}


REPORTS: dict[str, Callable[[Context], dict[str, Any]]] = {"activity": activity}


def run(site: Site, report: str, operator: str, reason: str) -> list[dict[str, Any]]:
    if report not in REPORTS:
        raise BadRequest(f"No agency report {report!r}; one of {', '.join(REPORTS)}")
    if not operator.strip() or len(reason.strip()) < 10:
        raise BadRequest("Name the operator and give a reason (at least 10 characters)")
    with site.db.owner.begin() as conn:
        names = [r.name for r in conn.execute(select(tenant.c.name).where(
            tenant.c.status == "active").order_by(tenant.c.name))]
        conn.execute(insert(agency_audit).values(
            operator=operator.strip(), report=report, reason=reason.strip(),
            tenants=len(names), created=dt.datetime.now()))
    rows = []
    for name in names:
        with site.transaction(name, operator.strip(), roles=frozenset({SUPERUSER_ROLE}),
                              owner=True, write=False) as ctx:
            rows.append({"tenant": name} | REPORTS[report](ctx))
    return rows
