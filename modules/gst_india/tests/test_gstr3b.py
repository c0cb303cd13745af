"""GSTR-3B of Pune Furniture (27) for June 2025: the sales of test_gstr1 and three
purchases (returns_builders.june_purchases).

3.1 (a) taxable sales, credit notes netted:
    txval 1,250 + 1,000 + 1,00,000 + 52,000 + 1,000 - 500 - 1,00,000 = 54,750
    IGST  180 + 18,000 + 9,360 - 18,000 = 9,540;  CGST = SGST 112.50 + 90 - 45 = 157.50
3.1 (b) zero-rated: exports 20,000 + 10,000 and SEZ 5,000 = 35,000; IGST 1,800 + 900
3.1 (c) nil-rated rice 300 + exempted milk 200 = 500
3.1 (d) reverse charge freight 10,000; CGST 250 + SGST 250
3.2 unregistered, Karnataka: 1,00,000 + 52,000 - 1,00,000 = 52,000; IGST 9,360
4 (A) ISRC CGST 250 + SGST 250;  OTH IGST 7,200, CGST 900, SGST 900
4 (C) net IGST 7,200, CGST 1,150, SGST 1,150;  4 (D) 17(5): CGST 50 + SGST 50
5 nil-rated rice 400 (intra-state); diesel 3,000 outside GST (inter-state)
"""

import pytest

from modules.accounting.tests.builders import assert_ledger_balanced, assert_subledger_consistent
from modules.gst_india.returns.gstr3b import gstr3b
from modules.gst_india.returns.period import parse_period
from modules.gst_india.tests.builders import (
    BENGALURU_GSTIN,
    CO,
    PUNE_GSTIN,
    customer,
    gst_tenant,
    make_gst_company,
    sales_invoice,
)
from modules.gst_india.tests.returns_builders import (
    gst_company_extra,
    june_purchases,
    june_sales,
    return_items,
    return_parties,
)


def tax(iamt=0.0, camt=0.0, samt=0.0, csamt=0.0, **extra):
    return extra | {"iamt": iamt, "camt": camt, "samt": samt, "csamt": csamt}


@pytest.fixture
def june_3b(site):
    handle = gst_tenant(site)
    with handle.tx() as ctx:
        make_gst_company(ctx, **gst_company_extra())
        return_items(ctx)
        return_parties(ctx)
        june_sales(ctx)
        june_purchases(ctx)
        assert_ledger_balanced(ctx, CO)
        assert_subledger_consistent(ctx)
        return gstr3b(ctx, CO, parse_period("062025"))


def test_header(june_3b):
    assert (june_3b["gstin"], june_3b["ret_period"]) == (PUNE_GSTIN, "062025")


def test_3_1_outward_and_reverse_charge_supplies(june_3b):
    assert june_3b["sup_details"] == {
        "osup_det": {"txval": 54750.0} | tax(9540.0, 157.5, 157.5),
        "osup_zero": {"txval": 35000.0, "iamt": 2700.0, "csamt": 0.0},
        "osup_nil_exmp": {"txval": 500.0},
        "isup_rev": {"txval": 10000.0} | tax(0.0, 250.0, 250.0),
        "osup_nongst": {"txval": 0.0}}


def test_3_2_inter_state_supplies_to_unregistered_buyers_by_state(june_3b):
    assert june_3b["inter_sup"] == {
        "unreg_details": [{"pos": "29", "txval": 52000.0, "iamt": 9360.0}],
        "comp_details": [], "uin_details": []}


def test_4_input_tax_credit(june_3b):
    assert june_3b["itc_elg"] == {
        "itc_avl": [tax(ty="IMPG"), tax(ty="IMPS"), tax(0.0, 250.0, 250.0, ty="ISRC"),
                    tax(ty="ISD"), tax(7200.0, 900.0, 900.0, ty="OTH")],
        "itc_rev": [tax(ty="RUL"), tax(ty="OTH")],
        "itc_net": tax(7200.0, 1150.0, 1150.0),
        "itc_inelg": [tax(0.0, 50.0, 50.0, ty="RUL"), tax(ty="OTH")]}


def test_5_exempt_nil_and_non_gst_inward_supplies(june_3b):
    assert june_3b["inward_sup"] == {"isup_details": [
        {"ty": "GST", "inter": 0.0, "intra": 400.0},
        {"ty": "NONGST", "inter": 3000.0, "intra": 0.0}]}


def test_3_2_lists_sales_to_composition_dealers_apart(site):
    """A composition dealer in Karnataka buys 1 Chair @ 1,000: IGST 180; it is a
    registered buyer (GSTR-1 b2b) and a 3.2 composition supply."""
    handle = gst_tenant(site)
    with handle.tx() as ctx:
        make_gst_company(ctx)
        return_items(ctx)
        customer(ctx, "Karnataka Kiosk", BENGALURU_GSTIN,
                 gst_category="Registered Composition")
        sales_invoice(ctx, "Karnataka Kiosk", "2025-06-05", [("CHAIR", 1, "1000")])
        data = gstr3b(ctx, CO, parse_period("062025"))
        assert_ledger_balanced(ctx, CO)
    assert data["inter_sup"] == {
        "unreg_details": [], "uin_details": [],
        "comp_details": [{"pos": "29", "txval": 1000.0, "iamt": 180.0}]}
    assert data["sup_details"]["osup_det"] == {"txval": 1000.0} | tax(180.0)
