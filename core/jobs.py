"""Background jobs: work that must not run inside a request, or must reach the outside.

``enqueue(ctx, "modules.x.jobs.send_invoice", name=...)`` records a Background Job row in
the caller's transaction and hands the job over only after that transaction commits (a
rolled-back request queues nothing). With a Redis URL the job goes to RQ and an
``erp worker`` runs it, retrying failures after 10, 30 and 60 seconds; without one it
runs in the same process right after the commit. Either way the function is called as
``fn(ctx, **kwargs)`` in a transaction of the tenant and user that queued it, with that
user's real roles, and its Background Job row says how it went.

An event handler that must tell the outside world about a document (a webhook, an
e-mail, an e-invoice upload) calls ``enqueue`` from the handler; the job then runs only
if the document's transaction commits.
"""

from __future__ import annotations

import importlib
import logging
import secrets
import traceback
from collections.abc import Callable
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from core.db import query
from core.document import jsonable

if TYPE_CHECKING:
    from core.context import Context
    from core.site import Site

log = logging.getLogger("erp.jobs")
QUEUE = "erp"
RETRY_INTERVALS = [10, 30, 60]


def enqueue(ctx: Context, method: str, **kwargs: Any) -> str:
    """Queue ``method(ctx, **kwargs)`` to run after this transaction commits."""
    resolve(method)  # fail now, in the caller's transaction, if the path is wrong
    name = secrets.token_hex(8)
    arguments = jsonable(kwargs)
    query.insert_rows(ctx, "Background Job", [{
        "name": name, "owner": ctx.user, "creation": ctx.now, "modified": ctx.now,
        "modified_by": ctx.user, "docstatus": 0, "idx": 0, "method": method,
        "status": "queued", "attempts": 0, "job_user": ctx.user, "kwargs": arguments}])
    site, tenant, user = ctx.site, ctx.tenant.name, ctx.user
    ctx.after_commit.append(lambda: dispatch(site, tenant, user, name, method, arguments))
    return name


def resolve(method: str) -> Callable[..., Any]:
    module, _, function = method.rpartition(".")
    try:
        fn = getattr(importlib.import_module(module), function)
    except (ImportError, AttributeError, ValueError):
        raise ValueError(f"No job function {method}") from None
    if not callable(fn):
        raise ValueError(f"{method} is not a function")
    return fn


def dispatch(site: Site, tenant: str, user: str, name: str, method: str,
             kwargs: dict[str, Any]) -> None:
    if site.redis_url:
        from rq import Queue, Retry

        Queue(QUEUE, connection=_redis(site.redis_url)).enqueue(
            "core.jobs.execute", site.db.url, tenant, user, name, method, kwargs,
            job_id=name, retry=Retry(max=len(RETRY_INTERVALS), interval=RETRY_INTERVALS))
        return
    try:
        run_job(site, tenant, user, name, method, kwargs)
    except Exception:  # noqa: BLE001 - the request that queued it has already succeeded
        log.exception("inline job %s (%s) failed", name, method)


def run_job(site: Site, tenant: str, user: str, name: str, method: str,
            kwargs: dict[str, Any]) -> None:
    _mark(site, tenant, name, status="started", attempt=True)
    try:
        with site.transaction(tenant, user) as ctx:
            resolve(method)(ctx, **kwargs)
    except Exception:
        _mark(site, tenant, name, status="failed", error=traceback.format_exc())
        raise
    _mark(site, tenant, name, status="finished")


def _mark(site: Site, tenant: str, name: str, *, status: str, attempt: bool = False,
          error: str | None = None) -> None:
    """Record progress in a transaction of its own, so a failure is kept."""
    with site.transaction(tenant, None) as ctx:
        values: dict[str, Any] = {"status": status, "modified": ctx.now}
        if attempt:
            attempts = query.get_value(ctx, "Background Job", name, "attempts") or 0
            values["attempts"] = attempts + 1
        if status in ("finished", "failed"):
            values["ended_at"] = ctx.now
        if error is not None:
            values["error"] = error[-20000:]
        query.update_row(ctx, "Background Job", name, values)


def execute(database_url: str, tenant: str, user: str, name: str, method: str,
            kwargs: dict[str, Any]) -> None:
    """What an RQ worker calls: run the job against the site of ``database_url``."""
    run_job(_site(database_url), tenant, user, name, method, kwargs)


@lru_cache(maxsize=8)
def _site(database_url: str) -> Site:
    """One loaded Site per database per worker process (loading reads every module)."""
    from core.site import Site

    return Site.load(database_url)


def _redis(url: str) -> Any:
    from redis import Redis

    return Redis.from_url(url)


def run_worker(site: Site, *, burst: bool = False) -> None:
    """Run jobs from Redis until stopped (or, with ``burst``, until the queue is empty)."""
    if not site.redis_url:
        raise SystemExit("ERP_REDIS_URL is not set: without Redis, jobs run inline")
    from rq import Worker

    Worker([QUEUE], connection=_redis(site.redis_url)).work(burst=burst)
