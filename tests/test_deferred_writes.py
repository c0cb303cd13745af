"""Queued inserts (core/db/deferred.py): a read sees them, a rollback forgets them, a
failing one fails its transaction whole, and values arrive as the column types store
them. Also: a pooled PostgreSQL connection the server dropped is replaced unnoticed."""

from __future__ import annotations

import datetime as dt
import uuid
from decimal import Decimal

import pytest
from sqlalchemy import Column, MetaData, String, Table, select, text
from sqlalchemy.exc import IntegrityError

from core import lifecycle
from core.db import deferred, query
from core.errors import BadRequest, DuplicateEntryError
from tests.doctypes import TRIP, TRIP_STOP
from tests.fixtures import make_tenant


def _trip_tenant(site):  # noqa: ANN001, ANN202
    handle = make_tenant(site)
    with handle.tx() as ctx:
        for definition in (TRIP_STOP, TRIP):
            lifecycle.insert(ctx, lifecycle.new_doc(ctx, "DocType", definition))
    return handle


def _row(name: str, **values) -> dict:  # noqa: ANN003
    return {"name": name, "owner": "admin", "modified_by": "admin",
            "creation": dt.datetime(2026, 11, 24, 10, 0),
            "modified": dt.datetime(2026, 11, 24, 10, 0), "plate": "KA-1"} | values


def test_a_queued_insert_is_read_back_with_its_values_and_column_defaults(site):
    handle = _trip_tenant(site)
    with handle.tx() as ctx:
        query.insert_rows(ctx, "Trip", [
            _row("T-1", fare=Decimal("1234.56"), trip_date=dt.date(2026, 11, 24),
                 meta_json={"seats": [1, 2]}, night=1),
            _row("T-2", fare=None, trip_date=None, meta_json=None, night=0)])
        # docstatus and idx were left out: their column defaults apply
        rows = query.select_rows(ctx, "Trip", fields=[
            "name", "fare", "trip_date", "meta_json", "night", "docstatus", "idx"],
            order_by="name asc")
    assert rows == [
        {"name": "T-1", "fare": Decimal("1234.56"), "trip_date": dt.date(2026, 11, 24),
         "meta_json": {"seats": [1, 2]}, "night": 1, "docstatus": 0, "idx": 0},
        {"name": "T-2", "fare": None, "trip_date": None, "meta_json": None, "night": 0,
         "docstatus": 0, "idx": 0}]


def test_a_rolled_back_transaction_writes_none_of_its_queued_rows(site):
    handle = _trip_tenant(site)
    with pytest.raises(RuntimeError), handle.tx() as ctx:
        query.insert_rows(ctx, "Trip", [_row("T-1")])
        raise RuntimeError("changed my mind")
    with handle.tx() as ctx:
        assert query.count(ctx, "Trip") == 0


def test_a_failing_queued_insert_fails_the_commit_and_nothing_is_written(site):
    handle = _trip_tenant(site)
    with handle.tx() as ctx:
        query.insert_rows(ctx, "Trip", [_row("T-1")])
    # the unique name is broken at commit, far from the insert: still a duplicate (409)
    with pytest.raises(DuplicateEntryError), handle.tx() as ctx:
        lifecycle.insert(ctx, lifecycle.new_doc(ctx, "Trip", {"plate": "KA-2"}))
        query.insert_rows(ctx, "Trip", [_row("T-9"), _row("T-1")])  # T-1 is taken
    with handle.tx() as ctx:
        assert [r["name"] for r in query.select_rows(ctx, "Trip", fields=["name"])] \
            == ["T-1"]


def test_a_queued_update_is_read_back_and_a_failing_one_rolls_back_the_transaction(site):
    handle = _trip_tenant(site)
    with handle.tx() as ctx:
        query.insert_rows(ctx, "Trip", [_row("T-1"), _row("T-2")])
    with handle.tx() as ctx:
        query.update_rows(ctx, "Trip", [{"name": "T-1", "fare": Decimal("10.50")},
                                        {"name": "T-2", "fare": Decimal("20.25")}])
        query.update_row(ctx, "Trip", "T-1", {"plate": "KA-9"})
        assert query.get_value(ctx, "Trip", "T-1", "plate") == "KA-9"
        assert [r["fare"] for r in query.select_rows(ctx, "Trip", fields=["fare"],
                                                     order_by="name asc")] \
            == [Decimal("10.50"), Decimal("20.25")]
    with pytest.raises(IntegrityError), handle.tx() as ctx:
        query.update_row(ctx, "Trip", "T-2", {"plate": "KA-2"})
        query.update_row(ctx, "Trip", "T-1", {"docstatus": None})  # NOT NULL
    with handle.tx() as ctx:
        assert query.get_value(ctx, "Trip", "T-2", "plate") == "KA-1"
        with pytest.raises(ValueError, match="does not rename"):
            query.update_row(ctx, "Trip", "T-2", {"name": "T-3"})


def test_a_duplicate_document_name_is_still_reported_where_it_happens(site):
    handle = _trip_tenant(site)
    with handle.tx() as ctx:
        lifecycle.insert(ctx, lifecycle.new_doc(ctx, "Trip", {"plate": "KA-1"}))
        name = query.select_rows(ctx, "Trip", fields=["name"])[0]["name"]
    with handle.tx() as ctx:
        doc = lifecycle.new_doc(ctx, "Trip", {"plate": "KA-2", "name": name})
        doc.docstatus = 0
        lifecycle._stamp(ctx, doc, created=True)
        with pytest.raises(DuplicateEntryError, match=f"Trip {name} already exists") as error:
            lifecycle._write_new(ctx, doc)
        assert error.value.field == "name"


BADGE_ROW = {"name": "Badge Card", "module": "Fleet", "custom": 1, "istable": 1,
             "fields": [{"fieldname": "card_no", "fieldtype": "Data", "label": "Card No",
                         "unique": 1}]}
BADGE = {"name": "Badge", "module": "Fleet", "custom": 1, "autoname": "hash",
         "fields": [{"fieldname": "code", "fieldtype": "Data", "label": "Badge Code",
                     "unique": 1},
                    {"fieldname": "cards", "fieldtype": "Table", "options": "Badge Card",
                     "label": "Cards"}],
         "permissions": [{"role": "System Manager", "read": 1, "write": 1, "create": 1}]}


def test_a_taken_unique_value_is_refused_by_the_index_naming_its_field(site):
    handle = make_tenant(site)
    with handle.tx() as ctx:
        for definition in (BADGE_ROW, BADGE):
            lifecycle.insert(ctx, lifecycle.new_doc(ctx, "DocType", definition))
        lifecycle.insert(ctx, lifecycle.new_doc(ctx, "Badge", {
            "code": "B-1", "cards": [{"card_no": "C-1"}]}))
    other = make_tenant(site)
    with other.tx() as ctx:  # unique within a tenant: another one may use the same code
        for definition in (BADGE_ROW, BADGE):
            lifecycle.insert(ctx, lifecycle.new_doc(ctx, "DocType", definition))
        lifecycle.insert(ctx, lifecycle.new_doc(ctx, "Badge", {"code": "B-1"}))
    cases = [({"code": "B-1"}, "code", "Badge with Badge Code 'B-1' already exists"),
             ({"code": "B-2", "cards": [{"card_no": "C-1"}]}, "card_no",
              "Badge Card: a row's Card No is already taken")]
    for values, field, message in cases:
        with pytest.raises(DuplicateEntryError) as error, handle.tx() as ctx:
            lifecycle.insert(ctx, lifecycle.new_doc(ctx, "Badge", values))
        assert (error.value.field, error.value.message) == (field, message)
    with handle.tx() as ctx:  # a save keeping its own value is no duplicate; taking one is
        doc = lifecycle.insert(ctx, lifecycle.new_doc(ctx, "Badge", {"code": "B-3"}))
        doc.set("code", "B-3")
        lifecycle.save(ctx, doc)
    with pytest.raises(DuplicateEntryError) as error, handle.tx() as ctx:
        stored = lifecycle.get_doc(ctx, "Badge", doc.name)
        stored.set("code", "B-1")
        lifecycle.save(ctx, stored)
    assert error.value.field == "code"
    with handle.tx() as ctx:
        assert sorted(r["code"] for r in query.select_rows(ctx, "Badge", fields=["code"])) \
            == ["B-1", "B-3"]


def test_a_connection_the_server_dropped_is_replaced_before_the_transaction_starts(
        postgres_site):
    handle = make_tenant(postgres_site)
    with handle.tx() as ctx:
        assert query.count(ctx, "User") >= 1  # a pooled connection now exists
    with postgres_site.db.owner.connect() as owner:
        dropped = owner.execute(text(
            "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
            "WHERE usename = :role AND datname = current_database()"),
            {"role": postgres_site.db.app_role}).scalar_one()
    assert dropped >= 1
    with handle.tx() as ctx:
        assert query.count(ctx, "User") >= 1


def test_savepoints_queue_with_the_writes_and_a_rollback_to_one_undoes_them(site):
    handle = _trip_tenant(site)
    with handle.tx() as ctx:
        query.insert_rows(ctx, "Trip", [_row("T-1")])
        kept = ctx.conn.begin_nested()
        query.insert_rows(ctx, "Trip", [_row("T-2")])
        kept.commit()
        undone = ctx.conn.begin_nested()
        query.insert_rows(ctx, "Trip", [_row("T-3")])
        assert query.count(ctx, "Trip") == 3
        undone.rollback()
        failed = ctx.conn.begin_nested()
        query.insert_rows(ctx, "Trip", [_row("T-1")])  # taken: fails when sent
        with pytest.raises(IntegrityError):
            query.flush(ctx)
        failed.rollback()  # the transaction carries on from the savepoint
        query.insert_rows(ctx, "Trip", [_row("T-4")])
    with handle.tx() as ctx:
        assert [r["name"] for r in query.select_rows(ctx, "Trip", fields=["name"],
                                                     order_by="name asc")] \
            == ["T-1", "T-2", "T-4"]


def test_a_table_whose_defaults_are_computed_is_inserted_into_at_once(site):
    """A default worked out when inserting (a function) is SQLAlchemy's to compute: such
    rows are not queued, and the queue still goes first."""
    table = Table(f"deferred_probe_{uuid.uuid4().hex[:8]}", MetaData(),
                  Column("name", String(20), primary_key=True),
                  Column("stamp", String(20), default=lambda: "computed"))
    plain = Table(table.name + "_plain", MetaData(),
                  Column("name", String(20), primary_key=True))
    with site.db.owner.begin() as conn:
        table.create(conn)
        plain.create(conn)
    try:
        with site.db.owner.begin() as conn:
            deferred.queue_insert(conn, plain, [{"name": "first"}])
            deferred.queue_insert(conn, table, [{"name": "a"}, {"name": "b"}])
            assert deferred.PENDING not in conn.info  # sent, with the queue before it
            assert conn.execute(select(table.c.name, table.c.stamp).order_by(
                table.c.name)).all() == [("a", "computed"), ("b", "computed")]
            assert conn.execute(select(plain.c.name)).scalars().all() == ["first"]
    finally:
        with site.db.owner.begin() as conn:
            table.drop(conn)
            plain.drop(conn)


def test_totals_sums_this_tenants_selected_rows_including_queued_ones(site):
    handle, other = _trip_tenant(site), _trip_tenant(site)
    with other.tx() as ctx:
        query.insert_rows(ctx, "Trip", [_row("T-1", fare=Decimal("999.00"), km=5.0)])
    with handle.tx() as ctx:
        query.insert_rows(ctx, "Trip", [
            _row("T-1", fare=Decimal("100.10"), km=1.5),
            _row("T-2", fare=Decimal("200.25"), km=2.0),
            _row("T-3", plate="KA-9", fare=Decimal("50.00"), km=None)])
        # the queued rows go with the read; the other tenant's trip is not summed
        assert query.totals(ctx, "Trip", ["fare", "km"], {"plate": "KA-1"}) \
            == {"fare": Decimal("300.35"), "km": 3.5}
        assert query.totals(ctx, "Trip", ["fare"], [["plate", "in", ["KA-1", "KA-9"]]]) \
            == {"fare": Decimal("350.35")}
        assert query.totals(ctx, "Trip", ["fare"], {"plate": "MH-1"}) == {"fare": None}
        with pytest.raises(BadRequest):
            query.totals(ctx, "Trip", ["no_such_field"])


def test_many_rows_go_as_few_statements_and_all_arrive_with_their_values(site):
    handle = _trip_tenant(site)
    count = deferred.MAX_ROWS_PER_STATEMENT * 2 + 7  # three statements on PostgreSQL
    with handle.tx() as ctx:
        query.insert_rows(ctx, "Trip", [
            _row(f"T-{i:05d}", fare=Decimal(i) / 100, trip_date=dt.date(2026, 11, 1 + i % 30))
            for i in range(count)])
    with handle.tx() as ctx:
        rows = query.select_rows(ctx, "Trip", fields=["name", "fare", "trip_date"],
                                 order_by="name asc", limit=count + 1)
        assert len(rows) == count
        assert rows[-1] == {"name": f"T-{count - 1:05d}", "fare": Decimal(count - 1) / 100,
                            "trip_date": dt.date(2026, 11, 1 + (count - 1) % 30)}
        assert query.totals(ctx, "Trip", ["fare"])["fare"] \
            == sum(Decimal(i) / 100 for i in range(count))


def test_a_single_row_insert_is_renumbered_for_many_rows():
    sql = "INSERT INTO t (a, b) VALUES ($1::INTEGER, $2)"
    assert deferred._many_rows(sql, 2, 3) == (
        "INSERT INTO t (a, b) VALUES ($1::INTEGER, $2), ($3::INTEGER, $4), "
        "($5::INTEGER, $6)")
    with pytest.raises(ValueError):
        deferred._many_rows("UPDATE t SET a = $1", 1, 2)


def test_updates_of_locked_rows_go_as_one_statement_with_every_type(site):
    handle = _trip_tenant(site)
    with handle.tx() as ctx:
        query.insert_rows(ctx, "Trip", [_row(f"T-{i}") for i in range(3)])
    with handle.tx() as ctx:
        query.select_rows(ctx, "Trip", fields=["name"], for_update=True)
        query.update_rows(ctx, "Trip", [
            {"name": "T-0", "fare": Decimal("10.50"), "km": 1.5, "trip_date": dt.date(2026, 1, 2),
             "meta_json": {"a": [1]}, "night": 1, "plate": "MH-0"},
            {"name": "T-2", "fare": None, "km": None, "trip_date": None, "meta_json": None,
             "night": 0, "plate": "MH-2"}], locked=True)
        rows = query.select_rows(ctx, "Trip", fields=[
            "name", "fare", "km", "trip_date", "meta_json", "night", "plate"],
            order_by="name asc")
    assert rows == [
        {"name": "T-0", "fare": Decimal("10.50"), "km": 1.5, "trip_date": dt.date(2026, 1, 2),
         "meta_json": {"a": [1]}, "night": 1, "plate": "MH-0"},
        {"name": "T-1", "fare": None, "km": None, "trip_date": None, "meta_json": None,
         "night": None, "plate": "KA-1"},  # not updated
        {"name": "T-2", "fare": None, "km": None, "trip_date": None, "meta_json": None,
         "night": 0, "plate": "MH-2"}]
