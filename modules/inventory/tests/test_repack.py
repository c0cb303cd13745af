"""Repack: 10 kg of sugar received at 40.00 (400.00) repacked into 3 packs of 2 kg and
4 packs of 1 kg. Without rates the 400.00 is shared by quantity, 3 : 4 ->
171.43 and 228.57 (the last share takes the rounding). With rates 90 and 50 it is shared
by rate x quantity, 270 : 200 -> 229.79 and 170.21."""

from decimal import Decimal as D

import pytest

from core import lifecycle
from core.db import query
from core.errors import ValidationError
from modules.inventory.tests.builders import (
    CO,
    STORES,
    assert_books_in_step,
    make_item,
    receive,
    stock_books,
)


def repack(ctx, rates=(None, None)):  # noqa: ANN001
    return lifecycle.insert(ctx, lifecycle.new_doc(ctx, "Stock Entry", {
        "stock_entry_type": "Repack", "company": CO, "posting_date": "2026-05-02",
        "docstatus": 1, "items": [
            {"item_code": "SUGAR", "qty": 10, "s_warehouse": STORES},
            {"item_code": "PACK-2KG", "qty": 3, "t_warehouse": STORES,
             "basic_rate": rates[0]},
            {"item_code": "PACK-1KG", "qty": 4, "t_warehouse": STORES,
             "basic_rate": rates[1]}]}))


def stock(ctx, item):  # noqa: ANN001
    row = query.select_rows(ctx, "Bin", fields=["actual_qty", "stock_value"],
                            filters={"item_code": item, "warehouse": STORES})[0]
    return row["actual_qty"], row["stock_value"]


@pytest.mark.parametrize(("rates", "values"), [
    ((None, None), (D("171.43"), D("228.57"))),
    ((90, 50), (D("229.79"), D("170.21")))])
def test_a_repack_carries_the_consumed_value_into_what_it_makes(site, rates, values):
    handle = stock_books(site)
    with handle.tx() as ctx:
        for code in ("SUGAR", "PACK-2KG", "PACK-1KG"):
            make_item(ctx, code)
        receive(ctx, "SUGAR", 10, 40)
        entry = repack(ctx, rates)
        assert stock(ctx, "SUGAR") == (D("0"), D("0"))
        assert (stock(ctx, "PACK-2KG"), stock(ctx, "PACK-1KG")) == (
            (D("3"), values[0]), (D("4"), values[1]))
        assert query.get_value(ctx, "Stock Entry", entry.name, "total_amount") == D("400")
        # one stock account: the value only moved within it
        assert query.count(ctx, "GL Entry", {"voucher_no": entry.name}) == 0
        assert_books_in_step(ctx)
        lifecycle.cancel(ctx, "Stock Entry", entry.name)
        assert (stock(ctx, "SUGAR"), stock(ctx, "PACK-2KG")) == (
            (D("10"), D("400.00")), (D("0"), D("0")))
        assert_books_in_step(ctx)


def test_a_repack_needs_lines_on_both_sides(site):
    handle = stock_books(site)
    with pytest.raises(ValidationError, match="give both"), handle.tx() as ctx:
        make_item(ctx, "SUGAR")
        receive(ctx, "SUGAR", 10, 40)
        lifecycle.insert(ctx, lifecycle.new_doc(ctx, "Stock Entry", {
            "stock_entry_type": "Repack", "company": CO, "posting_date": "2026-05-02",
            "items": [{"item_code": "SUGAR", "qty": 10, "s_warehouse": STORES}]}))
