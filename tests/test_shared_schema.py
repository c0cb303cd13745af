"""Tenants with the same modules share doctype meta and table objects (and so the
statements compiled for them); a tenant's custom field gives it its own."""

from __future__ import annotations

from core import lifecycle
from core.db import query
from tests.fixtures import make_tenant


def _schema(handle):  # noqa: ANN001, ANN202
    with handle.tx() as ctx:
        return ctx.meta("Role"), ctx.table("Role")


def test_tenants_share_tables_until_one_adds_a_custom_field(site):
    first, second = make_tenant(site), make_tenant(site)
    (meta_a, table_a), (meta_b, table_b) = _schema(first), _schema(second)
    assert meta_a is meta_b and table_a is table_b
    with first.tx() as ctx:
        query.select_rows(ctx, "Role", filters={"name": "System Manager"})
    assert any(k.startswith("core.statements.") for k in table_a.info)
    with second.tx() as ctx:
        lifecycle.insert(ctx, lifecycle.new_doc(ctx, "Custom Field", {
            "dt": "Role", "fieldname": "desk_colour", "fieldtype": "Data",
            "label": "Desk Colour"}))
    (_, table_a), (_, table_b) = _schema(first), _schema(second)
    assert table_a is not table_b
    assert "cf_text_desk_colour" in table_b.c and "cf_text_desk_colour" not in table_a.c
    with second.tx() as ctx:
        lifecycle.insert(ctx, lifecycle.new_doc(ctx, "Role", {"role_name": "Painter",
                                                              "desk_colour": "teal"}))
        # the same shape of read, compiled for each table: each sees its own columns
        assert query.get_value(ctx, "Role", "Painter", "desk_colour") == "teal"
    with first.tx() as ctx:
        assert query.select_rows(ctx, "Role", filters={"name": "Painter"}) == []
