"""Cached records (core/records.py): read once per process, invalidated for every process
by a committed write, and never by a rolled-back one."""

from __future__ import annotations

from contextlib import contextmanager

import pytest
from sqlalchemy import event

from core import lifecycle, records
from core.site import Site
from tests.fixtures import make_tenant


@contextmanager
def statements(site: Site):
    seen: list[str] = []

    def record(conn, cursor, statement, *args):  # noqa: ANN001
        seen.append(statement.lower())

    event.listen(site.db.app, "before_cursor_execute", record)
    try:
        yield seen
    finally:
        event.remove(site.db.app, "before_cursor_execute", record)


def precision(site: Site, tenant: str) -> int:
    with site.transaction(tenant, "admin") as ctx:
        return records.get(ctx, "Currency", "USD")["precision"]


def set_precision(ctx, value: int) -> None:  # noqa: ANN001
    doc = lifecycle.get_doc(ctx, "Currency", "USD")
    doc.precision = value
    lifecycle.save(ctx, doc)


def test_a_committed_write_reaches_every_process_and_a_rollback_none(site):
    handle = make_tenant(site, modules=["accounting"])
    other = Site.load(site.db.url)  # a second server process on the same database
    try:
        assert precision(site, handle.name) == precision(other, handle.name) == 2
        with statements(site) as seen:
            assert precision(site, handle.name) == 2
        assert not [s for s in seen if "currency" in s]  # served from the cache

        with pytest.raises(RuntimeError), site.transaction(handle.name, "admin") as ctx:
            set_precision(ctx, 3)
            # the writing transaction sees its own change, not the shared copy
            assert records.get(ctx, "Currency", "USD")["precision"] == 3
            raise RuntimeError("rolled back")
        assert precision(site, handle.name) == precision(other, handle.name) == 2

        with site.transaction(handle.name, "admin") as ctx:
            set_precision(ctx, 4)
        assert precision(site, handle.name) == precision(other, handle.name) == 4
    finally:
        other.db.dispose()


def test_tenants_never_share_cached_records(site):
    first, second = (make_tenant(site, modules=["accounting"]) for _ in range(2))
    with site.transaction(first.name, "admin") as ctx:
        set_precision(ctx, 0)
    assert (precision(site, first.name), precision(site, second.name)) == (0, 2)


def test_a_tenant_reading_more_records_than_kept_starts_again_from_empty(site, monkeypatch):
    """Past the cap the kept rows start again: every answer is still right, and the
    process holds no more than the cap (plus the rows of one read)."""
    monkeypatch.setattr(records, "MAX_ROWS", 2)
    monkeypatch.setattr(records, "MAX_DERIVED", 2)
    handle = make_tenant(site, modules=["accounting"])
    with handle.tx() as ctx:
        codes = sorted(r["name"] for r in records.get_all(ctx, "Currency"))[:5]
        for code in codes:
            assert records.get(ctx, "Currency", code)["name"] == code
            assert records.derived(ctx, f"twice.{code}", lambda code=code: code * 2) == \
                code * 2
        assert records.get_many(ctx, "Currency", codes).keys() == set(codes)
        entry = site.records.entry(ctx)
        assert len(entry.by_name["Currency"]) <= 2 + len(codes)
        assert len(entry.derived) <= 3
