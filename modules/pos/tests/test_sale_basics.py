"""Single rules of a POS sale: pricing, barcodes, payments and change, the session."""

import pytest

from core.db import query
from core.errors import ValidationError
from modules.accounting.tests.builders import gl_lines
from modules.inventory.tests.builders import assert_books_in_step
from modules.pos.errors import NoOpenSession, Underpaid
from modules.pos.tests.builders import (
    PEN_BARCODE,
    D,
    bin_of,
    make_profile,
    open_session,
    pos_books,
    sale,
    stocked_item,
)


def test_a_scanned_sale_takes_the_list_price_and_posts_only_its_cost(site):
    """3 Pens by barcode @ 25.00 = 75.00, paid 100.00 cash: change 25.00.
    Cost 3 x 10.00 = 30.00 to COGS now; no revenue until the session closes."""
    handle = pos_books(site)
    with handle.tx() as ctx:
        stocked_item(ctx, "PEN", 100, 10, 25, barcodes=[{"barcode": PEN_BARCODE}])
        make_profile(ctx)
        open_session(ctx)
        invoice = sale(ctx, [{"barcode": PEN_BARCODE, "qty": 3}], [("Cash", 100)])
        assert (invoice.grand_total, invoice.paid_amount, invoice.change_amount) == (
            D("75.00"), D("100.00"), D("25.00"))
        assert invoice.status == "Paid"
        assert gl_lines(ctx, invoice.name) == [
            ("Cost of Goods Sold - PF", D("30.00"), D("0.00")),
            ("Stock In Hand - PF", D("0.00"), D("30.00"))]
        assert bin_of(ctx, "PEN") == (D("97"), D("970.00"))
        assert_books_in_step(ctx)


@pytest.mark.parametrize(("payments", "error", "field"), [
    ([("Cash", 50)], Underpaid, "paid_amount"),
    ([("Card", 100)], ValidationError, "payments"),   # a card gives no change
    ([("Cash", -5), ("Card", 80)], ValidationError, "payments"),
])
def test_bad_payments_are_refused_and_nothing_is_written(site, payments, error, field):
    handle = pos_books(site)
    with handle.tx() as ctx:
        stocked_item(ctx, "PEN", 10, 10, 25)
        make_profile(ctx)
        open_session(ctx)
    with handle.tx() as ctx, pytest.raises(error) as refused:
        sale(ctx, [{"item_code": "PEN", "qty": 3}], payments)
    assert refused.value.field == field
    with handle.tx() as ctx:
        assert query.count(ctx, "POS Invoice") == 0
        assert bin_of(ctx, "PEN") == (D("10"), D("100.00"))
        assert_books_in_step(ctx)


def test_a_sale_without_an_open_session_is_refused(site):
    handle = pos_books(site)
    with handle.tx() as ctx:
        stocked_item(ctx, "PEN", 10, 10, 25)
        make_profile(ctx)
    with handle.tx() as ctx, pytest.raises(NoOpenSession) as refused:
        sale(ctx, [{"item_code": "PEN", "qty": 1}], [("Cash", 25)])
    assert refused.value.field == "pos_opening_entry"
    with handle.tx() as ctx:
        assert query.count(ctx, "POS Invoice") == 0
        assert bin_of(ctx, "PEN") == (D("10"), D("100.00"))
        assert_books_in_step(ctx)
