"""Naming series stay unique and gap-free under concurrent inserts, rolled-back ones too."""

import threading
import time
from types import SimpleNamespace

import pytest

from core import lifecycle
from core.naming import row_name
from tests.doctypes import create_trip_doctypes

THREADS, EACH = 8, 25


class Abort(Exception):
    pass


def test_concurrent_inserts_get_every_number_exactly_once(site, tenant, api):
    create_trip_doctypes(api)
    errors = []

    def worker(k):
        try:
            for i in range(EACH):
                with tenant.tx() as ctx:
                    lifecycle.insert(ctx, lifecycle.new_doc(ctx, "Trip",
                                                            {"plate": f"{k}-{i}"}))
                if i % 5 == 0:  # a transaction that takes a number, then rolls back
                    with pytest.raises(Abort), tenant.tx() as ctx:
                        lifecycle.insert(ctx, lifecycle.new_doc(ctx, "Trip", {"plate": "x"}))
                        raise Abort
        except Exception as exc:  # noqa: BLE001 - reported by the assertion below
            errors.append(exc)

    threads = [threading.Thread(target=worker, args=(k,)) for k in range(THREADS)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    names = [r["name"] for r in api.get("/api/resource/Trip", params={
        "limit_page_length": 0, "order_by": "name asc"}).json()["data"]]
    assert names == [f"TRIP-{n:05d}" for n in range(1, THREADS * EACH + 1)]
    after = api.post("/api/resource/Trip", json={"plate": "next"}).json()["data"]["name"]
    assert after == f"TRIP-{THREADS * EACH + 1:05d}"  # the rolled-back numbers were reused


def test_series_expand_the_year_and_count_per_prefix(api):
    spec = {"name": "Visit", "module": "Fleet", "custom": 1, "autoname": "VIS-.YYYY.-.###",
            "fields": [{"fieldname": "note", "fieldtype": "Data"}]}
    assert api.post("/api/resource/DocType", json=spec).status_code == 200
    first = api.post("/api/resource/Visit", json={"note": "a"}).json()["data"]["name"]
    second = api.post("/api/resource/Visit", json={"note": "b"}).json()["data"]["name"]
    year = first.split("-")[1]
    assert len(year) == 4 and (first, second) == (f"VIS-{year}-001", f"VIS-{year}-002")


def test_a_name_taken_from_a_field_cannot_be_taken_twice(api):
    spec = {"name": "Vehicle", "module": "Fleet", "custom": 1, "autoname": "field:plate",
            "fields": [{"fieldname": "plate", "fieldtype": "Data", "reqd": 1},
                       {"fieldname": "seats", "fieldtype": "Int"}]}
    assert api.post("/api/resource/DocType", json=spec).status_code == 200
    assert api.post("/api/resource/Vehicle", json={"plate": "KA-01", "seats": 4}
                    ).json()["data"]["name"] == "KA-01"
    again = api.post("/api/resource/Vehicle", json={"plate": "KA-01", "seats": 7})
    assert again.status_code == 409 and again.json()["exc_type"] == "DuplicateEntryError"
    assert api.get("/api/resource/Vehicle", params={"fields": '["name", "seats"]'}
                   ).json()["data"] == [{"name": "KA-01", "seats": 4}]


def test_each_tenant_counts_its_own_series(tenant, other_tenant):
    with tenant.client(headers=tenant.auth) as a, \
            other_tenant.client(headers=other_tenant.auth) as b:
        create_trip_doctypes(a)
        create_trip_doctypes(b)
        for plate in ("A1", "A2"):
            a.post("/api/resource/Trip", json={"plate": plate})
        assert b.post("/api/resource/Trip", json={"plate": "B1"}).json()["data"][
            "name"] == "TRIP-00001"


def test_a_series_number_is_taken_once_the_document_is_valid(site, tenant, api, monkeypatch):
    """``validate`` of a new numbered document sees no name (the counter is not locked
    while it runs); ``before_submit`` and later handlers see the number."""
    create_trip_doctypes(api)
    seen = []
    controller = SimpleNamespace(
        validate=lambda ctx, doc: seen.append(("validate", doc.name)),
        before_submit=lambda ctx, doc: seen.append(("before_submit", doc.name)),
        on_submit=lambda ctx, doc: seen.append(("on_submit", doc.name)))
    monkeypatch.setitem(site.controllers, "Trip", controller)
    with tenant.tx() as ctx:
        trip = lifecycle.insert(ctx, lifecycle.new_doc(ctx, "Trip", {"plate": "MH12",
                                                                     "docstatus": 1}))
    assert trip.name == "TRIP-00001"
    assert seen == [("validate", None), ("before_submit", "TRIP-00001"),
                    ("on_submit", "TRIP-00001")]


def test_row_names_are_unique_and_sort_in_the_order_they_were_made():
    first = [row_name() for _ in range(2000)]
    time.sleep(0.002)
    later = row_name()
    assert len(set(first)) == 2000
    assert all(len(n) == 24 and int(n, 16) >= 0 for n in first)
    assert later > max(first)  # a later millisecond sorts after every earlier name
