"""Debit notes of Pune Furniture (Maharashtra, 27) in June 2025: their ledger lines, their
e-invoice, and where GSTR-1 and GSTR-3B report them. Numbered in this order:

    SI-2526-00001  2 Jun  invoice to Mumbai Traders (27): 2 Chair @ 500 + 1 Stool @ 250
                          = 1,250.00; CGST 112.50 + SGST 112.50 = 1,475.00        -> b2b
    SI-2526-00002  4 Jun  invoice to a walk-in buyer in Karnataka: 1 Chair @ 1,00,000;
                          IGST 18,000.00 = 1,18,000.00 (above the 1 lakh limit)   -> b2cl
    SI-2526-00003 10 Jun  debit note on 00001: the chairs cost 550, 2 Chair @ 50 = 100.00;
                          CGST 9% 9.00 + SGST 9% 9.00 = 118.00                   -> cdnr D
    SI-2526-00004 12 Jun  debit note on 00002: 1 Chair @ 2,000 = 2,000.00; IGST 360.00
                          = 2,360.00: below the limit itself, but it amends a b2cl
                          invoice                                               -> cdnur D
    SI-2526-00005 15 Jun  credit note on 00001: 1 Stool back, -250.00; CGST -22.50,
                          SGST -22.50 = -295.00                                  -> cdnr C

GSTR-3B 3.1 (a), notes netted: taxable 1,250 + 1,00,000 + 100 + 2,000 - 250 = 1,03,100.00;
IGST 18,000 + 360 = 18,360.00; CGST = SGST = 112.50 + 9.00 - 22.50 = 99.00.
3.2, unregistered in Karnataka (29): 1,00,000 + 2,000 = 1,02,000.00, IGST 18,360.00.
"""

import io

import pytest
from pypdf import PdfReader

from core.db import query
from modules.accounting.tests.builders import (
    assert_ledger_balanced,
    assert_subledger_consistent,
    gl_lines,
)
from modules.gst_india.returns.gstr1 import gstr1
from modules.gst_india.returns.gstr3b import gstr3b
from modules.gst_india.returns.period import parse_period
from modules.gst_india.tests.builders import (
    CO,
    MUMBAI_GSTIN,
    D,
    customer,
    gst_tenant,
    sales_invoice,
)
from modules.gst_india.tests.einvoice_builders import (
    CHAIR_AND_STOOL,
    customers,
    einvoicing_company,
    furniture,
)

JUNE = parse_period("062025")
SELLER = {"Gstin": "27AAPFU0939F1ZV", "LglNm": "Pune Furniture",
          "Addr1": "Plot 12, MIDC Bhosari", "Loc": "Pune", "Pin": 411026, "Stcd": "27"}


@pytest.fixture
def june(site):
    handle = gst_tenant(site)
    with handle.tx() as ctx:
        einvoicing_company(ctx)
        furniture(ctx)
        customers(ctx)
        customer(ctx, "Walk-in")
        first = sales_invoice(ctx, "Mumbai Traders", "2025-06-02", CHAIR_AND_STOOL).name
        large = sales_invoice(ctx, "Walk-in", "2025-06-04", [("CHAIR", 1, "100000")],
                              place_of_supply="29-Karnataka").name
        sales_invoice(ctx, "Mumbai Traders", "2025-06-10", [("CHAIR", 2, "50")],
                      is_debit_note=1, return_against=first)
        sales_invoice(ctx, "Walk-in", "2025-06-12", [("CHAIR", 1, "2000")],
                      is_debit_note=1, return_against=large, place_of_supply="29-Karnataka")
        sales_invoice(ctx, "Mumbai Traders", "2025-06-15", [("STOOL", -1, "250")],
                      is_return=1, return_against=first)
    return handle


def test_a_debit_note_credits_income_and_output_gst(june):
    with june.tx() as ctx:
        assert gl_lines(ctx, "SI-2526-00003") == [
            ("Debtors - PF", D("118.00"), D("0.00")),
            ("Output Tax CGST - PF", D("0.00"), D("9.00")),
            ("Output Tax SGST - PF", D("0.00"), D("9.00")),
            ("Sales - PF", D("0.00"), D("100.00"))]
        assert query.select_rows(ctx, "Sales Invoice", fields=[
            "name", "outstanding_amount"], filters=[["name", "in", [
                "SI-2526-00001", "SI-2526-00003"]]], order_by="name asc") == [
            {"name": "SI-2526-00001", "outstanding_amount": D("1180.00")},
            {"name": "SI-2526-00003", "outstanding_amount": D("118.00")}]
        assert_ledger_balanced(ctx, CO)
        assert_subledger_consistent(ctx)


def test_the_e_invoice_of_a_debit_note_is_a_dbn_referring_to_its_invoice(june):
    with june.client(headers=june.auth) as api:
        response = api.get("/api/method/gst.einvoice_json",
                           params={"name": "SI-2526-00003"})
    assert response.status_code == 200, response.text
    assert response.json()["message"] == {
        "Version": "1.1",
        "TranDtls": {"TaxSch": "GST", "SupTyp": "B2B", "RegRev": "N", "IgstOnIntra": "N"},
        "DocDtls": {"Typ": "DBN", "No": "SI-2526-00003", "Dt": "10/06/2025"},
        "SellerDtls": SELLER,
        "BuyerDtls": {"Gstin": "27AABCR1234M1ZD", "LglNm": "Mumbai Traders", "Pos": "27",
                      "Addr1": "14 Dalal Street", "Loc": "Mumbai", "Pin": 400001,
                      "Stcd": "27"},
        "ItemList": [{
            "SlNo": "1", "PrdDesc": "Chair", "IsServc": "N", "HsnCd": "94017100",
            "Qty": 2.0, "Unit": "OTH", "UnitPrice": 50.0, "TotAmt": 100.0,
            "Discount": 0.0, "AssAmt": 100.0, "GstRt": 18, "IgstAmt": 0.0,
            "CgstAmt": 9.0, "SgstAmt": 9.0, "CesRt": 0, "CesAmt": 0.0,
            "TotItemVal": 118.0}],
        "ValDtls": {"AssVal": 100.0, "CgstVal": 9.0, "SgstVal": 9.0, "IgstVal": 0.0,
                    "CesVal": 0.0, "Discount": 0.0, "OthChrg": 0.0, "RndOffAmt": 0.0,
                    "TotInvVal": 118.0},
        "RefDtls": {"PrecDocDtls": [{"InvNo": "SI-2526-00001", "InvDt": "02/06/2025"}]},
    }


def test_gstr1_lists_debit_notes_as_d_next_to_credit_notes(june):
    with june.tx() as ctx:
        data = gstr1(ctx, CO, JUNE)
    assert data["cdnr"] == [{"ctin": MUMBAI_GSTIN, "nt": [
        {"ntty": "D", "nt_num": "SI-2526-00003", "nt_dt": "10-06-2025", "val": 118.0,
         "pos": "27", "rchrg": "N", "inv_typ": "R",
         "itms": [{"num": 1, "itm_det": {"txval": 100.0, "rt": 18.0, "iamt": 0.0,
                                         "camt": 9.0, "samt": 9.0, "csamt": 0.0}}]},
        {"ntty": "C", "nt_num": "SI-2526-00005", "nt_dt": "15-06-2025", "val": 295.0,
         "pos": "27", "rchrg": "N", "inv_typ": "R",
         "itms": [{"num": 1, "itm_det": {"txval": 250.0, "rt": 18.0, "iamt": 0.0,
                                         "camt": 22.5, "samt": 22.5, "csamt": 0.0}}]}]}]
    assert data["cdnur"] == [{
        "typ": "B2CL", "ntty": "D", "nt_num": "SI-2526-00004", "nt_dt": "12-06-2025",
        "val": 2360.0, "pos": "29",
        "itms": [{"num": 1, "itm_det": {"txval": 2000.0, "rt": 18.0, "iamt": 360.0,
                                        "csamt": 0.0}}]}]
    assert "b2cs" not in data  # the small debit note is not summed with small sales
    assert data["doc_issue"] == {"doc_det": [
        {"doc_num": 1, "docs": [{"num": 1, "from": "SI-2526-00001", "to": "SI-2526-00002",
                                 "totnum": 2, "cancel": 0, "net_issue": 2}]},
        {"doc_num": 4, "docs": [{"num": 1, "from": "SI-2526-00003", "to": "SI-2526-00004",
                                 "totnum": 2, "cancel": 0, "net_issue": 2}]},
        {"doc_num": 5, "docs": [{"num": 1, "from": "SI-2526-00005", "to": "SI-2526-00005",
                                 "totnum": 1, "cancel": 0, "net_issue": 1}]}]}


def test_gstr3b_adds_debit_notes_and_subtracts_credit_notes(june):
    with june.tx() as ctx:
        data = gstr3b(ctx, CO, JUNE)
    assert data["sup_details"]["osup_det"] == {
        "txval": 103100.0, "iamt": 18360.0, "camt": 99.0, "samt": 99.0, "csamt": 0.0}
    assert data["inter_sup"]["unreg_details"] == [
        {"pos": "29", "txval": 102000.0, "iamt": 18360.0}]


def test_the_printed_debit_note_says_so(june):
    with june.client(headers=june.auth) as api:
        response = api.get("/printview/Sales Invoice/SI-2526-00003.pdf",
                           params={"format": "GST Tax Invoice"})
    assert response.status_code == 200, response.text
    text = " ".join(page.extract_text()
                    for page in PdfReader(io.BytesIO(response.content)).pages)
    for particular in ("Debit Note", "Debit Note No.", "SI-2526-00003", "Against Invoice",
                       "SI-2526-00001", "100.00", "9.00", "118.00"):
        assert particular in text, particular
    assert "Tax Invoice" not in text and "Credit Note" not in text
