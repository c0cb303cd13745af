"""Background jobs run after commit, as the user who queued them, and failures are kept."""

import pytest
from redis import Redis
from rq import Queue, SimpleWorker

from core.db import query
from core.jobs import QUEUE, enqueue
from core.site import Site
from tests.conftest import make_tenant


def job_row(handle, name):
    with handle.tx() as ctx:
        return query.select_rows(ctx, "Background Job", fields=[
            "status", "attempts", "error", "job_user"], filters={"name": name})[0]


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


@pytest.fixture
def redis_site(site, redis_url):
    queued = Site.load(site.db.url, redis_url=redis_url)
    queued.login_delay = 0.001
    connection = Redis.from_url(redis_url)
    connection.flushdb()
    yield queued, connection
    connection.flushdb()
    queued.db.dispose()


def test_rq_runs_the_job_in_a_worker_with_its_tenant_and_user(redis_site):
    queued, connection = redis_site
    handle = make_tenant(queued)
    with handle.tx() as ctx:
        name = enqueue(ctx, "tests.jobfuncs.make_role", role_name="Queued")
    assert job_row(handle, name)["status"] == "queued"
    SimpleWorker([Queue(QUEUE, connection=connection)], connection=connection).work(
        burst=True)
    with handle.tx() as ctx:
        assert query.exists(ctx, "Role", f"Queued by admin in {handle.name}")
    row = job_row(handle, name)
    assert (row["status"], row["attempts"], row["job_user"]) == ("finished", 1, "admin")


def test_a_failing_rq_job_is_marked_failed_and_scheduled_for_retry(redis_site):
    queued, connection = redis_site
    handle = make_tenant(queued)
    with handle.tx() as ctx:
        name = enqueue(ctx, "tests.jobfuncs.fail", message="gateway down")
    queue = Queue(QUEUE, connection=connection)
    SimpleWorker([queue], connection=connection).work(burst=True)
    row = job_row(handle, name)
    assert (row["status"], row["attempts"]) == ("failed", 1)
    assert "gateway down" in row["error"]
    job = queue.fetch_job(name)
    assert job.retries_left == 2  # three tries in all; the next one after 10 s
    assert name in queue.scheduled_job_registry.get_job_ids()


def test_an_unknown_job_function_is_refused_when_queued(site):
    handle = make_tenant(site)
    with pytest.raises(ValueError, match="No job function"), handle.tx() as ctx:
        enqueue(ctx, "tests.jobfuncs.nope")


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
