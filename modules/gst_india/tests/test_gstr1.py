"""GSTR-1 of Pune Furniture (Maharashtra, 27) for June 2025, table by table; the
documents (returns_builders.june_sales) are numbered in this order.

    b2b_intra      Mumbai Traders (27, registered)  2 Chair @ 500 + 1 Stool @ 250 = 1,250.00
                   CGST 112.50 + SGST 112.50 = 1,475.00                         -> b2b R
    b2b_inter      Bengaluru Interiors (29)  1 Chair @ 1,000; IGST 180; 1,180.00 -> b2b R
    b2cl           walk-in, Karnataka: 1 Chair @ 1,00,000; IGST 18,000 = 1,18,000
                   above the 1 lakh limit of June 2025                          -> b2cl
    b2cs_inter     walk-in, Karnataka: Chair 50,000 + Stool 2,000; IGST 9,360   -> b2cs
    b2cs_intra     walk-in, Pune: Stool 1,000; CGST 90 + SGST 90                -> b2cs
    exp_wopay      Dubai Homes, under LUT: Chair 20,000, no tax                 -> exp WOPAY
    exp_wpay       Dubai Homes, with IGST: Chair 10,000 + 1,800                 -> exp WPAY
    sez            Surat SEZ unit, with IGST: Chair 5,000 + 900                 -> b2b SEWP
    nil            walk-in, Pune: Rice 300 (nil-rated) + Milk 200 (exempted)    -> nil
    cdnr           credit note to Mumbai Traders: Chair 500; CGST 45 + SGST 45  -> cdnr
    cdnur          credit note on the b2cl sale: Chair 1,00,000; IGST 18,000    -> cdnur B2CL
    cancelled      cancelled                                                    -> doc_issue
"""

import pytest

from core.db import query
from core.errors import AppError
from modules.accounting.tests.builders import assert_ledger_balanced
from modules.gst_india.returns.gstr1 import gstr1
from modules.gst_india.returns.period import parse_period
from modules.gst_india.tests.builders import (
    BENGALURU_GSTIN,
    CO,
    MUMBAI_GSTIN,
    PUNE_GSTIN,
    SURAT_SEZ_GSTIN,
    gst_tenant,
    insert,
    make_gst_company,
    sales_invoice,
)
from modules.gst_india.tests.returns_builders import (
    gst_company_extra,
    june_sales,
    return_items,
    return_parties,
)

JUNE = parse_period("062025")


def detail(txval, iamt=0.0, camt=0.0, samt=0.0, rt=18.0):
    return {"txval": txval, "rt": rt, "iamt": iamt, "camt": camt, "samt": samt,
            "csamt": 0.0}


@pytest.fixture
def june(site):
    handle = gst_tenant(site)
    with handle.tx() as ctx:
        make_gst_company(ctx, **gst_company_extra())
        return_items(ctx)
        return_parties(ctx)
        handle.names = {kind: doc.name for kind, doc in june_sales(ctx).items()}
    return handle


@pytest.fixture
def n(june):
    """The documents' names by kind (their number series is the tenant's)."""
    return june.names


@pytest.fixture
def june_return(june):
    with june.tx() as ctx:
        assert_ledger_balanced(ctx, CO)
        return gstr1(ctx, CO, JUNE)


def test_header_names_the_gstin_and_the_period(june_return):
    assert (june_return["gstin"], june_return["fp"]) == (PUNE_GSTIN, "062025")


def test_b2b_lists_registered_buyers_invoices_with_rate_wise_items(june_return, n):
    assert june_return["b2b"] == [
        {"ctin": MUMBAI_GSTIN, "inv": [{
            "inum": n["b2b_intra"], "idt": "02-06-2025", "val": 1475.0, "pos": "27",
            "rchrg": "N", "inv_typ": "R",
            "itms": [{"num": 1, "itm_det": detail(1250.0, camt=112.5, samt=112.5)}]}]},
        {"ctin": BENGALURU_GSTIN, "inv": [{
            "inum": n["b2b_inter"], "idt": "03-06-2025", "val": 1180.0, "pos": "29",
            "rchrg": "N", "inv_typ": "R",
            "itms": [{"num": 1, "itm_det": detail(1000.0, iamt=180.0)}]}]},
        {"ctin": SURAT_SEZ_GSTIN, "inv": [{
            "inum": n["sez"], "idt": "09-06-2025", "val": 5900.0, "pos": "24",
            "rchrg": "N", "inv_typ": "SEWP",
            "itms": [{"num": 1, "itm_det": detail(5000.0, iamt=900.0)}]}]}]


def test_b2cl_holds_the_inter_state_sale_above_the_limit_of_its_date(june_return, n):
    assert june_return["b2cl"] == [{"pos": "29", "inv": [{
        "inum": n["b2cl"], "idt": "04-06-2025", "val": 118000.0,
        "itms": [{"num": 1, "itm_det": {"txval": 100000.0, "rt": 18.0, "iamt": 18000.0,
                                        "csamt": 0.0}}]}]}]


def test_b2cs_sums_small_sales_by_supply_type_state_and_rate(june_return, n):
    """Karnataka: 50,000 + 2,000 = 52,000, IGST 9,000 + 360 = 9,360; Pune: 1,000."""
    assert june_return["b2cs"] == [
        {"sply_ty": "INTER", "pos": "29", "typ": "OE"} | detail(52000.0, iamt=9360.0),
        {"sply_ty": "INTRA", "pos": "27", "typ": "OE"} | detail(1000.0, camt=90.0,
                                                                samt=90.0)]


def test_exports_are_split_by_payment_of_igst(june_return, n):
    assert june_return["exp"] == [
        {"exp_typ": "WOPAY", "inv": [{"inum": n["exp_wopay"], "idt": "07-06-2025",
                                      "val": 20000.0, "itms": [{
                                          "txval": 20000.0, "rt": 18.0, "iamt": 0.0,
                                          "csamt": 0.0}]}]},
        {"exp_typ": "WPAY", "inv": [{"inum": n["exp_wpay"], "idt": "08-06-2025",
                                     "val": 11800.0, "itms": [{
                                         "txval": 10000.0, "rt": 18.0, "iamt": 1800.0,
                                         "csamt": 0.0}]}]}]


def test_credit_notes_go_to_cdnr_and_cdnur_with_positive_amounts(june_return, n):
    assert june_return["cdnr"] == [{"ctin": MUMBAI_GSTIN, "nt": [{
        "ntty": "C", "nt_num": n["cdnr"], "nt_dt": "11-06-2025", "val": 590.0,
        "pos": "27", "rchrg": "N", "inv_typ": "R",
        "itms": [{"num": 1, "itm_det": detail(500.0, camt=45.0, samt=45.0)}]}]}]
    assert june_return["cdnur"] == [{
        "typ": "B2CL", "ntty": "C", "nt_num": n["cdnur"], "nt_dt": "12-06-2025",
        "val": 118000.0, "pos": "29",
        "itms": [{"num": 1, "itm_det": {"txval": 100000.0, "rt": 18.0, "iamt": 18000.0,
                                        "csamt": 0.0}}]}]


def test_nil_rated_and_exempted_lines_are_reported_apart(june_return, n):
    assert june_return["nil"] == {"inv": [{"sply_ty": "INTRAB2C", "expt_amt": 200.0,
                                           "nil_amt": 300.0, "ngsup_amt": 0.0}]}


def test_hsn_summary_is_split_into_b2b_and_b2c_from_april_2025(june_return, n):
    """B2B chairs: 1,000 + 1,000 + 5,000 - 500 = 6,500 (qty 2 + 1 + 1 - 1 = 3),
    IGST 180 + 900 = 1,080, CGST 90 - 45 = 45. B2C chairs: 1,00,000 + 50,000 + 20,000
    + 10,000 - 1,00,000 = 80,000 (qty 3), IGST 18,000 + 9,000 + 1,800 - 18,000 = 10,800.
    B2C stools: 2,000 + 1,000 = 3,000, IGST 360, CGST 90, SGST 90."""
    def row(num, code, desc, qty, txval, iamt=0.0, camt=0.0, rt=18.0):
        return {"num": num, "hsn_sc": code, "desc": desc, "uqc": "NOS", "qty": qty,
                "rt": rt, "txval": txval, "iamt": iamt, "camt": camt, "samt": camt,
                "csamt": 0.0}
    assert june_return["hsn"] == {
        "hsn_b2b": [row(1, "9401", "Stool", 1.0, 250.0, camt=22.5),
                    row(2, "94017100", "Chair", 3.0, 6500.0, iamt=1080.0, camt=45.0)],
        "hsn_b2c": [row(1, "0401", "Milk", 1.0, 200.0, rt=0.0),
                    row(2, "1006", "Rice", 1.0, 300.0, rt=0.0),
                    row(3, "9401", "Stool", 2.0, 3000.0, iamt=360.0, camt=90.0),
                    row(4, "94017100", "Chair", 3.0, 80000.0, iamt=10800.0)]}


def test_documents_issued_count_the_cancelled_invoice(june_return, n):
    assert june_return["doc_issue"] == {"doc_det": [
        {"doc_num": 1, "docs": [{"num": 1, "from": n["b2b_intra"], "to": n["cancelled"],
                                 "totnum": 10, "cancel": 1, "net_issue": 9}]},
        {"doc_num": 5, "docs": [{"num": 1, "from": n["cdnr"], "to": n["cdnur"],
                                 "totnum": 2, "cancel": 0, "net_issue": 2}]}]}


def test_the_cancelled_invoice_is_in_no_table(june_return, n):
    listed = [inv["inum"] for party in june_return["b2b"] for inv in party["inv"]]
    assert n["cancelled"] not in listed


def test_the_b2cl_limit_is_the_one_of_the_invoice_date(june):
    """1 Chair @ 1,50,000 + IGST 27,000 = 1,77,000 to a walk-in buyer in Karnataka: in
    July 2024 the limit was 2.5 lakh (b2cs); from 1 August 2024 it is 1 lakh (b2cl)."""
    with june.tx() as ctx:
        insert(ctx, "Fiscal Year", {"year": "2024-2025", "year_start_date": "2024-04-01",
                                    "year_end_date": "2025-03-31"})
        for day in ("2024-07-31", "2024-08-01"):
            sales_invoice(ctx, "Walk-in", day, [("CHAIR", 1, "150000")],
                          place_of_supply="29-Karnataka")
        july, august = (gstr1(ctx, CO, parse_period(p)) for p in ("072024", "082024"))
    assert ("b2cl" in july, july["b2cs"]) == (False, [
        {"sply_ty": "INTER", "pos": "29", "typ": "OE"} | detail(150000.0, iamt=27000.0)])
    assert ("b2cs" in august, [inv["val"] for inv in august["b2cl"][0]["inv"]]) == (
        False, [177000.0])


def test_a_month_before_the_split_has_one_hsn_table(june):
    """March 2025: the June sale moved to a month before Phase-III has one HSN table."""
    with june.tx() as ctx:
        insert(ctx, "Fiscal Year", {"year": "2024-2025", "year_start_date": "2024-04-01",
                                    "year_end_date": "2025-03-31"})
        sales_invoice(ctx, "Mumbai Traders", "2025-03-10", [("CHAIR", 1, "1000")])
        sales_invoice(ctx, "Walk-in", "2025-03-11", [("CHAIR", 1, "500")])
        march = gstr1(ctx, CO, parse_period("032025"))
    assert march["hsn"] == {"data": [{
        "num": 1, "hsn_sc": "94017100", "desc": "Chair", "uqc": "NOS", "qty": 2.0,
        "rt": 18.0, "txval": 1500.0, "iamt": 0.0, "camt": 135.0, "samt": 135.0,
        "csamt": 0.0}]}


def test_a_company_above_5_crore_needs_6_digit_hsn_codes(june):
    """The stool's 4-digit code 9401 is refused once the turnover is above 5 crore."""
    with june.tx() as ctx:
        query.update_row(ctx, "Company", CO, {"gst_annual_turnover": 60000000})
        with pytest.raises(AppError) as refused:
            gstr1(ctx, CO, JUNE)
    assert (refused.value.code, refused.value.field) == ("GST-HSN-DIGITS", "period")
    assert "9401" in str(refused.value) and "6 digits" in str(refused.value)


@pytest.mark.parametrize("period", ["132025", "2025-06", "", "062016"])
def test_a_bad_period_is_refused(june, period):
    with june.tx() as ctx, pytest.raises(AppError) as refused:
        gstr1(ctx, CO, parse_period(period))
    assert (refused.value.code, refused.value.field) == ("GST-RETURN-PERIOD", "period")
