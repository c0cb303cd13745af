"""Periodic jobs declared by modules: expiring quotations every day, loyalty points,
reminders.

A module lists them in ``MANIFEST["scheduled"]``::

    {"method": "modules.sales.quoting.expire_quotations", "every": "daily"}

``every`` is ``hourly``, ``daily``, ``weekly`` or ``monthly``. ``erp scheduler`` ticks
once a minute (``--once`` ticks once, for cron): for every active tenant that installed
the module, a period with no Scheduled Run yet gets one and its job is queued through
``core.jobs.enqueue`` (RQ with Redis, else run right after the commit). The run's name,
``{method}@{period}``, is its key, so two schedulers never queue a period twice, and a
scheduler that was down catches up with the current period only (jobs are written to do
everything that is due, not one period's worth).

A job runs as the tenant's first enabled Administrator, with ``ctx.now`` the moment it
runs; it takes no arguments.
"""

from __future__ import annotations

import datetime as dt
import logging
import time
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sqlalchemy import and_, select
from sqlalchemy.exc import IntegrityError

from core import jobs
from core.context import SUPERUSER_ROLE
from core.db import query
from core.db.tables import tenant as tenant_table
from core.errors import MetaError

if TYPE_CHECKING:
    from core.context import Context
    from core.site import Site

log = logging.getLogger("erp.scheduler")
# how each frequency names its period: a new name starts a new period
PERIODS = {"hourly": "%Y-%m-%dT%H", "daily": "%Y-%m-%d", "weekly": "%G-W%V",
           "monthly": "%Y-%m"}


@dataclass(frozen=True)
class ScheduledEvent:
    module: str
    method: str
    every: str

    def period(self, now: dt.datetime) -> str:
        return now.strftime(PERIODS[self.every])


def event_from_dict(module: str, data: dict[str, Any]) -> ScheduledEvent:
    every = data.get("every")
    if every not in PERIODS:
        raise MetaError(f"{module}: scheduled {data.get('method')!r} runs every "
                        f"{every!r}; one of {', '.join(PERIODS)}")
    jobs.resolve(data["method"])  # a wrong path fails when the site loads
    return ScheduledEvent(module, data["method"], every)


def tick(site: Site, now: dt.datetime | None = None) -> list[tuple[str, str]]:
    """Queue every due job of every active tenant; returns (tenant, method) queued."""
    if not site.scheduled:
        return []
    queued = []
    with site.db.app.connect() as conn:
        tenants = [r.name for r in conn.execute(
            select(tenant_table.c.name).where(tenant_table.c.status == "active")
            .order_by(tenant_table.c.id))]
    for tenant in tenants:
        try:
            queued += [(tenant, m) for m in _tick_tenant(site, tenant, now)]
        except Exception:  # noqa: BLE001 - one tenant's trouble must not stop the others
            log.exception("scheduling for %s failed", tenant)
    return queued


def _tick_tenant(site: Site, tenant: str, now: dt.datetime | None) -> list[str]:
    with site.transaction(tenant, None) as probe:
        due = [e for e in site.scheduled if e.module in probe.tenant.modules]
        user = _run_as(probe) if due else None
    if not due or user is None:
        return []
    queued = []
    with site.transaction(tenant, user) as ctx:
        moment = now or ctx.now
        for event in due:
            if _claim(ctx, event, event.period(moment)):
                queued.append(event.method)
    return queued


def _claim(ctx: Context, event: ScheduledEvent, period: str) -> bool:
    """Record this period's run and queue its job, unless it is recorded already."""
    name = f"{event.method}@{period}"
    if query.exists(ctx, "Scheduled Run", name):
        return False
    try:
        with ctx.conn.begin_nested():
            query.insert_rows(ctx, "Scheduled Run", [{
                "name": name, "owner": ctx.user, "creation": ctx.now, "modified": ctx.now,
                "modified_by": ctx.user, "docstatus": 0, "idx": 0, "method": event.method,
                "period": period}])
            query.flush(ctx)
    except IntegrityError:
        return False  # another scheduler claimed it a moment ago
    job = jobs.enqueue(ctx, event.method)
    query.update_row(ctx, "Scheduled Run", name, {"background_job": job})
    return True


def _run_as(ctx: Context) -> str | None:
    users, roles = ctx.table("User"), ctx.table("Has Role")
    row = ctx.conn.execute(
        select(users.c.name).join(roles, and_(
            roles.c.tenant_id == users.c.tenant_id, roles.c.parent == users.c.name,
            roles.c.parenttype == "User"))
        .where(users.c.tenant_id == ctx.tenant.id, users.c.enabled == 1,
               roles.c.role == SUPERUSER_ROLE)
        .order_by(users.c.name).limit(1)).first()
    return row.name if row else None


def run_scheduler(site: Site, *, once: bool = False, interval: float = 60.0) -> None:
    """Tick now, then every ``interval`` seconds until stopped (or once)."""
    while True:
        for tenant, method in tick(site):
            log.info("queued %s for %s", method, tenant)
        if once:
            return
        time.sleep(interval)
