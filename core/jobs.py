"""Background jobs: work that must not run inside a request, or must reach the outside.

``enqueue(ctx, "modules.x.jobs.send_invoice", name=...)`` records a Background Job row in
the caller's transaction and hands the job over only after that transaction commits (a
rolled-back request queues nothing). With a Redis URL the job goes to RQ and an
``erp worker`` runs it, retrying failures after 10, 30 and 60 seconds; without one it
runs in the same process right after the commit. Either way the function is called as
``fn(ctx, **kwargs)`` in a transaction of the tenant and user that queued it, with that
user's real roles, and its Background Job row says how it went.

An event handler that must tell the outside world about a document (a webhook, an
e-mail, an e-invoice upload) calls ``enqueue`` from the handler::

    def on_submit(ctx, doc):
        enqueue(ctx, "modules.crm.jobs.notify_customer", invoice=doc.name)

The job then runs only if the document's transaction commits, and it sees the committed
document. Arguments must survive JSON (Decimals and dates are converted with
``core.document.jsonable``), so pass names, not documents.

The RQ job carries no database address: a worker runs every job against the Site it
was started with (``site_worker``), so database credentials never sit in Redis and a job
that queues another job queues it on the same Redis.
"""

from __future__ import annotations

import importlib
import logging
import secrets
import traceback
from collections.abc import Callable
from contextvars import ContextVar
from typing import TYPE_CHECKING, Any

from redis.exceptions import RedisError
from rq import Queue, Retry, SimpleWorker, Worker
from rq.worker.base import BaseWorker

from core.db import query
from core.document import jsonable

if TYPE_CHECKING:
    from redis import Redis
    from rq.executions import Execution
    from rq.job import Job

    from core.context import Context
    from core.site import Site

log = logging.getLogger("erp.jobs")
QUEUE = "erp"
RETRY_INTERVALS = [10, 30, 60]
MAX_ERROR = 20000  # characters of traceback kept on the Background Job

# The Site of the worker performing the current RQ job (set by SiteWorker.perform_job).
_worker_site: ContextVar[Site] = ContextVar("erp_worker_site")


def enqueue(ctx: Context, method: str, **kwargs: Any) -> str:
    """Queue ``method(ctx, **kwargs)`` to run after this transaction commits.

    ``method`` is the dotted path of a function; a wrong path fails here, in the caller's
    transaction. Returns the name of the Background Job that tracks the run.
    """
    resolve(method)
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
    """Hand a committed job to RQ, or run it now when the site has no Redis.

    Runs after the caller's commit, so a failure here must not fail that request: it is
    logged and kept on the Background Job.
    """
    if not site.redis_url:
        try:
            run_job(site, tenant, user, name, method, kwargs)
        except Exception:  # noqa: BLE001 - run_job has recorded it on the Background Job
            log.exception("inline job %s (%s) for %s failed", name, method, tenant)
        return
    try:
        Queue(QUEUE, connection=_redis(site.redis_url)).enqueue(
            execute, tenant, user, name, method, kwargs, job_id=name,
            retry=Retry(max=len(RETRY_INTERVALS), interval=RETRY_INTERVALS))
    except RedisError:
        log.exception("job %s (%s) for %s could not be queued", name, method, tenant)
        _mark(site, tenant, name, status="failed", error=traceback.format_exc())


def run_job(site: Site, tenant: str, user: str, name: str, method: str,
            kwargs: dict[str, Any]) -> None:
    """Run one job as ``user`` of ``tenant``; a failure rolls back the job's own writes,
    is recorded on its Background Job, and propagates (so RQ retries it)."""
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
            values["error"] = error[-MAX_ERROR:]
        query.update_row(ctx, "Background Job", name, values)


def execute(tenant: str, user: str, name: str, method: str, kwargs: dict[str, Any]) -> None:
    """What RQ calls: run the job against the Site of the worker performing it."""
    site = _worker_site.get(None)
    if site is None:
        raise RuntimeError("ERP jobs need a worker that knows its site: run `erp worker`")
    run_job(site, tenant, user, name, method, kwargs)


class _SiteBound(BaseWorker):
    """An RQ worker that runs every job against one loaded Site."""

    site: Site

    def perform_job(self, job: Job, queue: Queue, execution: Execution) -> bool:
        token = _worker_site.set(self.site)
        try:
            return super().perform_job(job, queue, execution)
        finally:
            _worker_site.reset(token)


class ForkingSiteWorker(_SiteBound, Worker):
    """Each job in a forked child, so a crashing or leaking job cannot take the worker
    down; the child inherits the loaded Site, not its pooled connections."""

    def main_work_horse(self, job: Job, queue: Queue) -> None:
        # Database connections must not be shared across fork (SQLAlchemy's recipe:
        # drop the inherited pool without closing the parent's sockets).
        self.site.db.app.dispose(close=False)
        self.site.db.owner.dispose(close=False)
        super().main_work_horse(job, queue)


class InProcessSiteWorker(_SiteBound, SimpleWorker):
    """Jobs in the worker's own process (tests, and platforms without fork)."""


def site_worker(site: Site, *, fork: bool = True) -> BaseWorker:
    """An RQ worker on the site's Redis, listening to the ERP queue."""
    if not site.redis_url:
        raise SystemExit("ERP_REDIS_URL is not set: without Redis, jobs run inline")
    cls = ForkingSiteWorker if fork else InProcessSiteWorker
    worker = cls([QUEUE], connection=_redis(site.redis_url))
    worker.site = site
    return worker


def run_worker(site: Site, *, burst: bool = False) -> None:
    """Run jobs from Redis until stopped (or, with ``burst``, until the queue is empty)."""
    site_worker(site).work(burst=burst, with_scheduler=True)


def _redis(url: str) -> Redis:
    from redis import Redis

    return Redis.from_url(url)
