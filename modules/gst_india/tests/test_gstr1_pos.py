"""Counter sales in GSTR-1: once gst_india_pos gives POS invoices the GST field contract,
they are outward supplies like sales invoices.

    4 May 2026, Pune Furniture (27): 2 Pens @ 100 to the walk-in customer at 18%
    CGST 18.00 + SGST 18.00; 236.00 paid in cash                      -> b2cs INTRA 27
"""

from core import lifecycle
from modules.accounting.tests.builders import assert_ledger_balanced
from modules.gst_india.returns.gstr1 import gstr1
from modules.gst_india.returns.period import parse_period
from modules.gst_india.tests.builders import PUNE_GSTIN
from modules.inventory.tests.builders import CO, assert_books_in_step
from modules.pos.tests.builders import (
    GST,
    make_profile,
    open_session,
    pos_books,
    sale,
    stocked_item,
)


def test_pos_sales_are_reported_with_the_sales_invoices(site):
    handle = pos_books(site, ("gst_india",))
    with handle.tx() as ctx:
        company = lifecycle.get_doc(ctx, "Company", CO)
        company.gstin = PUNE_GSTIN
        lifecycle.save(ctx, company)
        stocked_item(ctx, "PEN", 100, 10, 100, gst_hsn_code="9608")
        lifecycle.insert(ctx, lifecycle.new_doc(ctx, "GST Rate", {
            "item_code": "PEN", "gst_rate": "18", "valid_from": "2025-09-22"}))
        make_profile(ctx, taxes=GST)
        open_session(ctx)
        pen_sale = sale(ctx, [{"item_code": "PEN", "qty": 2}], [("Cash", 236)])
        data = gstr1(ctx, CO, parse_period("052026"))
        assert_ledger_balanced(ctx, CO)
        assert_books_in_step(ctx)
    assert data["b2cs"] == [{"sply_ty": "INTRA", "pos": "27", "typ": "OE", "txval": 200.0,
                             "rt": 18.0, "iamt": 0.0, "camt": 18.0, "samt": 18.0,
                             "csamt": 0.0}]
    assert data["hsn"]["hsn_b2c"][0] | {"desc": ""} == {
        "num": 1, "hsn_sc": "9608", "desc": "", "uqc": "NOS", "qty": 2.0, "rt": 18.0,
        "txval": 200.0, "iamt": 0.0, "camt": 18.0, "samt": 18.0, "csamt": 0.0}
    assert data["doc_issue"]["doc_det"][0]["docs"][0] | {"num": 1} == {
        "num": 1, "from": pen_sale.name, "to": pen_sale.name, "totnum": 1, "cancel": 0,
        "net_issue": 1}
