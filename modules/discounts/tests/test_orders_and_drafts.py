"""Schemes on sales orders and drafts: the order uses its coupon, the invoice made from
it carries both the order's rates and its coupon, and saving a draft again works the
schemes out afresh instead of discounting twice.

    Chair 1,049.50 list, cost 600.00.
"""

import pytest

from core import lifecycle
from modules.accounting.tests.builders import gl_lines
from modules.discounts.errors import CouponExhausted
from modules.discounts.tests.builders import (
    COGS,
    DEBTORS,
    SALES,
    STOCK,
    D,
    coupon,
    invoice,
    line_view,
    order,
    scheme,
    shop,
    used,
)
from modules.inventory.tests.builders import assert_books_in_step
from modules.sales.invoicing import make_sales_invoice


def test_an_order_uses_the_coupon_and_its_invoice_carries_it(site):
    """CHAIR150: 150.00 off each Chair. 2 Chairs at 1,049.50 - 150.00 = 899.50:
    1,799.00. The invoice bills the order at 899.50 and does not use the coupon again.
    Debtors 1,799.00 / Sales 1,799.00; COGS 2 x 600.00 = 1,200.00."""
    handle = shop(site)
    with handle.tx() as ctx:
        chairs = scheme(ctx, "Chairs 150 off", items=["CHAIR"], coupon_only=1,
                        discount_type="Discount Amount", discount_amount=150)
        coupon(ctx, "CHAIR150", chairs)
        ordered = order(ctx, [("CHAIR", 2)], coupon_code="chair150")
        assert line_view(ordered) == [
            ("CHAIR", D("2"), D("899.50"), D("1799.00"), chairs, 0)]
        assert ordered.total == D("1799.00") and used(ctx, "CHAIR150") == 1
        draft = make_sales_invoice(ctx, ordered.name, source_doctype="Sales Order")
        billed = lifecycle.insert(ctx, lifecycle.new_doc(ctx, "Sales Invoice", draft | {
            "update_stock": 1, "docstatus": 1}))
        assert billed.coupon_code == "CHAIR150"
        assert (billed.items[0].rate, billed.grand_total) == (D("899.50"), D("1799.00"))
        assert used(ctx, "CHAIR150") == 1
        assert gl_lines(ctx, billed.name) == sorted([
            (DEBTORS, D("1799.00"), D("0.00")), (SALES, D("0.00"), D("1799.00")),
            (COGS, D("1200.00"), D("0.00")), (STOCK, D("0.00"), D("1200.00"))])
        lifecycle.cancel(ctx, "Sales Invoice", billed.name)
        assert used(ctx, "CHAIR150") == 1  # the order's use stands
        assert_books_in_step(ctx)
    with pytest.raises(CouponExhausted), handle.tx() as ctx:
        order(ctx, [("CHAIR", 1)], coupon_code="CHAIR150")
    with handle.tx() as ctx:
        lifecycle.cancel(ctx, "Sales Order", ordered.name)
        assert used(ctx, "CHAIR150") == 0  # cancelling the order gives its use back


def test_saving_a_draft_again_does_not_discount_twice(site):
    """Furniture 10% off: 2 Chairs at 944.55 however often the draft is saved; after the
    user lowers the quantity to 1 the scheme still gives 10% of the list price."""
    handle = shop(site)
    with handle.tx() as ctx:
        scheme(ctx, "Furniture 10%", apply_on="Item Group", items=["Furniture"],
               discount_percentage=10)
        draft = invoice(ctx, [("CHAIR", 2)], docstatus=0)
        for _ in range(2):
            draft = lifecycle.save(ctx, lifecycle.get_doc(ctx, "Sales Invoice",
                                                           draft.name))
        assert draft.items[0].rate == D("944.55")
        draft.items[0].qty = D("1")
        draft = lifecycle.save(ctx, draft)
        assert (draft.items[0].rate, draft.grand_total) == (D("944.55"), D("944.55"))


def test_an_amount_off_the_bill_is_spread_to_the_paisa(site):
    """100.00 off bills of 1,000.00 or more. 3 Chairs at 1,049.50 = 3,148.50 -> 3,048.50.
    3 units cannot make 3,048.50 at one rate (1,016.17 x 3 = 3,048.51): one Chair is
    split off, 2 at 1,016.17 = 2,032.34 and 1 at 1,016.16. A second save of the draft
    gives the same lines.
    Debtors 3,048.50 / Sales 3,048.50; COGS 3 x 600.00 = 1,800.00."""
    handle = shop(site)
    with handle.tx() as ctx:
        hundred = scheme(ctx, "100 off 1,000", apply_on="Transaction", min_amount=1000,
                         discount_type="Discount Amount", discount_amount=100)
        draft = invoice(ctx, [("CHAIR", 3)], docstatus=0)
        expected = [("CHAIR", D("2"), D("1016.17"), D("2032.34"), hundred, 0),
                    ("CHAIR", D("1"), D("1016.16"), D("1016.16"), hundred, 0)]
        assert line_view(draft) == expected
        again = lifecycle.save(ctx, lifecycle.get_doc(ctx, "Sales Invoice", draft.name))
        assert line_view(again) == expected
        sale = lifecycle.submit(ctx, again)
        assert sale.grand_total == D("3048.50")
        assert gl_lines(ctx, sale.name) == sorted([
            (DEBTORS, D("3048.50"), D("0.00")), (SALES, D("0.00"), D("3048.50")),
            (COGS, D("1800.00"), D("0.00")), (STOCK, D("0.00"), D("1800.00"))])
        assert_books_in_step(ctx)


def test_an_amount_off_the_bill_needs_its_minimum(site):
    """One Chair sold at 999.99 by hand is below the 1,000.00 minimum; 4 Pens at 25.00
    and 15 Notebooks at 60.00 = 1,000.00 reach it: 900.00, spread 90.00 + 810.00."""
    handle = shop(site)
    with handle.tx() as ctx:
        scheme(ctx, "100 off 1,000", apply_on="Transaction", min_amount=1000,
               discount_type="Discount Amount", discount_amount=100)
        below = invoice(ctx, [("CHAIR", 1, "999.99")], docstatus=0)
        assert below.grand_total == D("999.99")
        reached = invoice(ctx, [("PEN", 4), ("NOTEBOOK", 15)], docstatus=0)
        assert reached.grand_total == D("900.00")
        assert [r.amount for r in reached.items] == [D("90.00"), D("810.00")]
