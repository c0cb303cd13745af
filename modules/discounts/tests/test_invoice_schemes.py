"""Schemes on sales invoices, to the paisa on the ledger and the shelf.

    List prices: Chair 1,049.50 (Seating, under Furniture), Pen 25.00, Notebook 60.00.
    Costs: Chair 600.00, Pen 10.00, Notebook 30.00.
"""

import pytest

from core.db import query
from modules.accounting.tests.builders import gl_lines
from modules.discounts.errors import SchemeInvalid
from modules.discounts.tests.builders import (
    ANAND,
    COGS,
    DEBTORS,
    RAO,
    SALES,
    STOCK,
    D,
    invoice,
    line_view,
    scheme,
    shop,
    stock_of,
)
from modules.inventory.tests.builders import assert_books_in_step


def test_a_percentage_off_furniture_lowers_the_chair_rate(site):
    """Furniture 10% off covers Seating's Chair; the Pens are not Furniture.

    3 Chairs at 1,049.50 - 10% = 944.55      2,833.65
    2 Pens at 25.00                             50.00
    Debtors 2,883.65 / Sales 2,883.65; COGS 3 x 600 + 2 x 10 = 1,820.00
    """
    handle = shop(site)
    with handle.tx() as ctx:
        furniture = scheme(ctx, "Furniture 10%", apply_on="Item Group",
                           items=["Furniture"], discount_percentage=10)
        sale = invoice(ctx, [("CHAIR", 3), ("PEN", 2)])
        assert line_view(sale) == [
            ("CHAIR", D("3"), D("944.55"), D("2833.65"), furniture, 0),
            ("PEN", D("2"), D("25.00"), D("50.00"), None, 0)]
        assert sale.items[0].discount_percentage == D("10.00")
        assert sale.items[0].discount_amount == D("104.95")
        assert gl_lines(ctx, sale.name) == sorted([
            (DEBTORS, D("2883.65"), D("0.00")),
            (SALES, D("0.00"), D("2883.65")),
            (COGS, D("1820.00"), D("0.00")), (STOCK, D("0.00"), D("1820.00"))])
        assert_books_in_step(ctx)


def test_buy_two_pens_get_a_notebook_free_per_pair(site):
    """Buy 2 Pens, get 1 Notebook free, repeated: 5 Pens earn 2 Notebooks.

    5 Pens at 25.00 = 125.00; 2 Notebooks at 0.00 (list 60.00, 100% off)
    Debtors 125.00 / Sales 125.00; COGS 5 x 10 + 2 x 30 = 110.00: the free
    Notebooks leave the shelf and their cost is in COGS.
    """
    handle = shop(site)
    with handle.tx() as ctx:
        pens = scheme(ctx, "Pens: notebook free", items=["PEN"], min_qty=2,
                      discount_type="Free Item", free_item="NOTEBOOK", free_qty=1,
                      recurse=1)
        sale = invoice(ctx, [("PEN", 5)])
        assert line_view(sale) == [
            ("PEN", D("5"), D("25.00"), D("125.00"), None, 0),
            ("NOTEBOOK", D("2"), D("0.00"), D("0.00"), pens, 1)]
        assert (sale.items[1].price_list_rate, sale.items[1].discount_percentage) == (
            D("60.00"), D("100.00"))
        assert gl_lines(ctx, sale.name) == sorted([
            (DEBTORS, D("125.00"), D("0.00")), (SALES, D("0.00"), D("125.00")),
            (COGS, D("110.00"), D("0.00")), (STOCK, D("0.00"), D("110.00"))])
        assert (stock_of(ctx, "PEN"), stock_of(ctx, "NOTEBOOK")) == (D("45"), D("48"))
        assert_books_in_step(ctx)


def test_a_scheme_for_a_customer_group_leaves_other_customers(site):
    """Individuals get 5.00 off each Notebook: Anand Stores (Individual) pays 55.00,
    Rao Traders (Commercial) 60.00."""
    handle = shop(site)
    with handle.tx() as ctx:
        scheme(ctx, "Individuals", items=["NOTEBOOK"], applicable_for="Customer Group",
               customer_group="Individual", discount_type="Discount Amount",
               discount_amount=5)
        anand = invoice(ctx, [("NOTEBOOK", 2)], customer=ANAND)
        rao = invoice(ctx, [("NOTEBOOK", 2)], customer=RAO)
        assert (anand.grand_total, rao.grand_total) == (D("110.00"), D("120.00"))
        assert gl_lines(ctx, anand.name) == sorted([
            (DEBTORS, D("110.00"), D("0.00")), (SALES, D("0.00"), D("110.00")),
            (COGS, D("60.00"), D("0.00")), (STOCK, D("0.00"), D("60.00"))])
        assert_books_in_step(ctx)


@pytest.mark.parametrize("values, field", [
    ({"items": [], "discount_percentage": 10}, "items"),
    ({"items": ["PEN"], "discount_percentage": 120}, "discount_percentage"),
    ({"items": ["PEN"], "discount_type": "Free Item", "free_qty": 1}, "free_item"),
    ({"items": ["PEN"], "discount_type": "Free Item", "free_item": "PEN", "free_qty": 1,
      "recurse": 1}, "min_qty"),
    ({"items": ["PEN"], "discount_type": "Free Item", "free_item": "PEN", "free_qty": 1,
      "min_qty": 2, "__not_sold": 1}, "free_item"),
    ({"items": ["PEN"], "discount_percentage": 5, "valid_from": "2026-06-01",
      "valid_upto": "2026-05-31"}, "valid_upto"),
])
def test_a_scheme_that_contradicts_itself_is_refused(sqlite_site, values, field):
    handle = shop(sqlite_site)
    if values.pop("__not_sold", None):
        with handle.tx() as ctx:
            query.update_row(ctx, "Item", "PEN", {"is_sales_item": 0})
    with pytest.raises(SchemeInvalid) as refused, handle.tx() as ctx:
        scheme(ctx, "Bad", **values)
    assert (refused.value.code, refused.value.field) == ("DISC-SCHEME-INVALID", field)


def test_an_invoice_in_another_currency_takes_percentages_but_not_rupee_amounts(site):
    """100.00 (rupees) off the bill is not 100 dollars off: a USD invoice at 80.00 gets
    only the 10% off Chairs: 1 Chair at USD 20.00 - 10% = 18.00 (Sales 1,440.00)."""
    handle = shop(site)
    with handle.tx() as ctx:
        scheme(ctx, "100 off", apply_on="Transaction", discount_type="Discount Amount",
               discount_amount=100, stackable=1)
        scheme(ctx, "Chairs 10%", items=["CHAIR"], discount_percentage=10)
        sale = invoice(ctx, [("CHAIR", 1, "20.00")], currency="USD",
                       conversion_rate=80, selling_price_list=None)
        assert (sale.items[0].rate, sale.grand_total) == (D("18.00"), D("18.00"))
        assert (SALES, D("0.00"), D("1440.00")) in gl_lines(ctx, sale.name)
        assert_books_in_step(ctx)


def test_priority_picks_the_exclusive_scheme_and_stackable_ones_add_on(site):
    """Exclusive: Furniture 10% (priority 1), Chairs 15% (priority 0), May sale 20%
    (priority 5, until 2026-05-03); stackable: 50.00 off each Chair.

    4 May: the May sale has ended, Furniture 10% outranks the larger Chairs 15%:
        1,049.50 - 10% = 944.55; - 50.00 = 894.55;  2 Chairs = 1,789.10
        Debtors 1,789.10 / Sales 1,789.10; COGS 2 x 600.00 = 1,200.00
    3 May (a draft): the May sale wins: 1,049.50 - 20% = 839.60; - 50.00 = 789.60
    """
    handle = shop(site)
    with handle.tx() as ctx:
        furniture = scheme(ctx, "Furniture 10%", apply_on="Item Group",
                           items=["Furniture"], discount_percentage=10, priority=1)
        scheme(ctx, "Chairs 15%", items=["CHAIR"], discount_percentage=15)
        may = scheme(ctx, "May sale", items=["CHAIR"], discount_percentage=20,
                     priority=5, valid_upto="2026-05-03")
        fifty = scheme(ctx, "Chairs 50 off", items=["CHAIR"], stackable=1, priority=1,
                       discount_type="Discount Amount", discount_amount=50)
        sale = invoice(ctx, [("CHAIR", 2)])
        assert line_view(sale) == [
            ("CHAIR", D("2"), D("894.55"), D("1789.10"), f"{furniture}, {fifty}", 0)]
        assert gl_lines(ctx, sale.name) == sorted([
            (DEBTORS, D("1789.10"), D("0.00")), (SALES, D("0.00"), D("1789.10")),
            (COGS, D("1200.00"), D("0.00")), (STOCK, D("0.00"), D("1200.00"))])
        earlier = invoice(ctx, [("CHAIR", 2)], date="2026-05-03", docstatus=0)
        assert line_view(earlier) == [
            ("CHAIR", D("2"), D("789.60"), D("1579.20"), f"{may}, {fifty}", 0)]
        assert_books_in_step(ctx)
