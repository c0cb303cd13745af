"""Background jobs run after commit, as the user who queued them, and failures are kept."""

import datetime as dt

import pytest
from redis import Redis
from rq import Queue

from core.db import query
from core.jobs import QUEUE, enqueue, site_worker
from core.site import Site
from tests.conftest import make_tenant


def job_row(handle, name):
    with handle.tx() as ctx:
        return query.select_rows(ctx, "Background Job", fields=[
            "status", "attempts", "error", "job_user"], filters={"name": name})[0]


def add_viewer(handle):
    """A user whose only role may not create roles."""
    with handle.client(headers=handle.auth) as api:
        api.post("/api/resource/Role", json={"role_name": "Viewer"})
        api.post("/api/resource/User", json={"login": "vik", "roles": [{"role": "Viewer"}]})


# Inline: no Redis, the job runs in the same process right after the commit.

def test_an_inline_job_runs_after_commit_as_its_user(site):
    handle = make_tenant(site)
    with handle.tx() as ctx:
        name = enqueue(ctx, "tests.jobfuncs.make_role", role_name="Inline")
        assert not query.exists(ctx, "Role", f"Inline by admin in {handle.name}")
    with handle.tx() as ctx:
        assert query.exists(ctx, "Role", f"Inline by admin in {handle.name}")
    assert job_row(handle, name)["status"] == "finished"


def test_a_job_queued_in_a_rolled_back_transaction_never_runs(site):
    handle = make_tenant(site)
    with pytest.raises(RuntimeError), handle.tx() as ctx:
        enqueue(ctx, "tests.jobfuncs.make_role", role_name="Ghost")
        raise RuntimeError("the request failed")
    with handle.tx() as ctx:
        assert not query.exists(ctx, "Role", {"role_name": ["like", "Ghost%"]})
        assert query.count(ctx, "Background Job") == 0


def test_an_inline_failure_is_recorded_and_does_not_break_the_request(site):
    handle = make_tenant(site)
    with handle.tx() as ctx:
        name = enqueue(ctx, "tests.jobfuncs.fail", message="printer on fire")
    row = job_row(handle, name)
    assert row["status"] == "failed" and "printer on fire" in row["error"]


def test_a_job_has_the_real_roles_of_the_user_who_queued_it(site):
    handle = make_tenant(site)
    add_viewer(handle)
    with handle.tx("vik") as ctx:
        name = enqueue(ctx, "tests.jobfuncs.make_role", role_name="Sneaky")
    row = job_row(handle, name)
    assert (row["status"], row["job_user"]) == ("failed", "vik")
    assert "not permitted to create Role" in row["error"]


def test_an_unknown_job_function_is_refused_when_queued(site):
    handle = make_tenant(site)
    with pytest.raises(ValueError, match="No job function"), handle.tx() as ctx:
        enqueue(ctx, "tests.jobfuncs.nope")


# RQ on a real Redis: the job waits in the queue until a worker takes it.

@pytest.fixture
def redis_site(site, redis_url):
    """A second Site on the session's database, with Redis; the queue is emptied after."""
    queued = Site.load(site.db.url, redis_url=redis_url)
    queued.login_delay = 0.001
    connection = Redis.from_url(redis_url)
    connection.flushdb()
    yield queued, Queue(QUEUE, connection=connection)
    connection.flushdb()
    queued.db.dispose()


def work(site):
    site_worker(site, fork=False).work(burst=True)


def test_rq_runs_the_job_in_a_worker_with_its_tenant_and_user(redis_site):
    queued, queue = redis_site
    handle = make_tenant(queued)
    with handle.tx() as ctx:
        name = enqueue(ctx, "tests.jobfuncs.make_role", role_name="Queued")
    assert job_row(handle, name)["status"] == "queued" and queue.count == 1
    work(queued)
    with handle.tx() as ctx:
        assert query.exists(ctx, "Role", f"Queued by admin in {handle.name}")
    row = job_row(handle, name)
    assert (row["status"], row["attempts"], row["job_user"]) == ("finished", 1, "admin")


def test_a_rolled_back_transaction_puts_nothing_on_the_queue(redis_site):
    queued, queue = redis_site
    handle = make_tenant(queued)
    with pytest.raises(RuntimeError), handle.tx() as ctx:
        enqueue(ctx, "tests.jobfuncs.make_role", role_name="Ghost")
        raise RuntimeError("the request failed")
    assert queue.count == 0


def test_a_failing_rq_job_is_retried_after_10_then_30_seconds(redis_site):
    queued, queue = redis_site
    handle = make_tenant(queued)
    with handle.tx() as ctx:
        name = enqueue(ctx, "tests.jobfuncs.fail", message="gateway down")
    for attempt, retries_left, wait in ((1, 2, 10), (2, 1, 30)):
        work(queued)
        row = job_row(handle, name)
        assert (row["status"], row["attempts"]) == ("failed", attempt)
        assert "gateway down" in row["error"]
        job = queue.fetch_job(name)
        assert job.retries_left == retries_left
        retry_at = queue.scheduled_job_registry.get_scheduled_time(name)
        delay = retry_at - dt.datetime.now(dt.UTC)
        assert wait - 3 < delay.total_seconds() <= wait
        # Skip the wait: move the job back onto the queue, as the scheduler would.
        queue.scheduled_job_registry.remove(job)
        queue.enqueue_job(job)


def test_a_job_queued_by_a_job_goes_to_the_queue_too(redis_site):
    queued, queue = redis_site
    handle = make_tenant(queued)
    with handle.tx() as ctx:
        enqueue(ctx, "tests.jobfuncs.make_role_later", role_name="Chained")
    work(queued)  # runs the first job, which queues the second; burst runs that too
    with handle.tx() as ctx:
        assert query.exists(ctx, "Role", f"Chained by admin in {handle.name}")
        rows = query.select_rows(ctx, "Background Job", fields=["method", "status"],
                                 order_by="creation asc")
    assert {(r["method"], r["status"]) for r in rows} == {
        ("tests.jobfuncs.make_role_later", "finished"), ("tests.jobfuncs.make_role", "finished")}
    assert queue.finished_job_registry.count == 2  # both went through Redis, none inline


def test_without_redis_reachable_the_request_still_commits_and_the_job_says_why(site):
    unreachable = Site.load(site.db.url, redis_url="redis://127.0.0.1:1/0")
    handle = make_tenant(unreachable)
    with handle.tx() as ctx:
        name = enqueue(ctx, "tests.jobfuncs.make_role", role_name="Lost")
    row = job_row(handle, name)
    assert row["status"] == "failed" and "ConnectionError" in row["error"]
    unreachable.db.dispose()


def test_erp_worker_burst_runs_what_is_queued(redis_site, monkeypatch):
    from core.cli import main

    queued, _ = redis_site
    handle = make_tenant(queued)
    with handle.tx() as ctx:
        name = enqueue(ctx, "tests.jobfuncs.make_role", role_name="Cli")
    monkeypatch.setenv("ERP_DATABASE_URL", queued.db.url)
    monkeypatch.setenv("ERP_REDIS_URL", queued.redis_url)
    main(["worker", "--burst"])
    assert job_row(handle, name)["status"] == "finished"
