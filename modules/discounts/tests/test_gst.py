"""GST is charged on the discounted value: the coupon lowers the rates before GST is
worked out on the lines.

    Pune Furniture (Maharashtra) sells 2 Desks (HSN 94036000, GST 18%) to Mumbai
    Traders (Maharashtra) at 1,000.00 with coupon DESK10 (10% off Desks):
    2 x 900.00 = 1,800.00 taxable; CGST 9% = 162.00; SGST 9% = 162.00; total 2,124.00
"""

from modules.accounting.tests.builders import (
    assert_ledger_balanced,
    assert_subledger_consistent,
    gl_lines,
)
from modules.discounts.tests.builders import D, coupon, scheme
from modules.gst_india.tests.builders import (
    CO,
    MUMBAI_GSTIN,
    customer,
    insert,
    item,
    make_gst_company,
)
from tests.fixtures import make_tenant


def test_gst_is_computed_on_the_discounted_taxable_value(site):
    handle = make_tenant(site, modules=["discounts", "gst_india"])
    with handle.tx() as ctx:
        make_gst_company(ctx)
        customer(ctx, "Mumbai Traders", MUMBAI_GSTIN)
        item(ctx, "DESK", "94036000", [("2025-04-01", "18")])
        desks = scheme(ctx, "Desks 10%", items=["DESK"], discount_percentage=10,
                       coupon_only=1)
        coupon(ctx, "DESK10", desks)
        invoice = insert(ctx, "Sales Invoice", {
            "customer": "Mumbai Traders", "company": CO, "posting_date": "2026-05-04",
            "coupon_code": "DESK10", "docstatus": 1,
            "items": [{"item_code": "DESK", "qty": 2, "rate": 1000}]})
        assert (invoice.items[0].rate, invoice.total, invoice.grand_total) == (
            D("900.00"), D("1800.00"), D("2124.00"))
        assert gl_lines(ctx, invoice.name) == [
            ("Debtors - PF", D("2124.00"), D("0")),
            ("Output Tax CGST - PF", D("0"), D("162.00")),
            ("Output Tax SGST - PF", D("0"), D("162.00")),
            ("Sales - PF", D("0"), D("1800.00"))]
        assert_ledger_balanced(ctx, CO)
        assert_subledger_consistent(ctx)
