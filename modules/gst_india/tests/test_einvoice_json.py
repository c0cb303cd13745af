"""The NIC e-invoice JSON (schema 1.1) of Pune Furniture's sales, through
``/api/method/gst.einvoice_json``.

    2 x Chair (HSN 94017100) @ 500.00 = 1,000.00;  1 x Stool (HSN 9401) @ 250.00 = 250.00
    taxable 1,250.00 at 18%
    Mumbai (27, same state):  CGST 90.00 + 22.50 = 112.50, SGST 112.50;  total 1,475.00
    Bengaluru (29):           IGST 180.00 + 45.00 = 225.00;               total 1,475.00
    Surat SEZ under LUT:      no tax;                                     total 1,250.00
    Dubai, paying IGST:       IGST 225.00;                                total 1,475.00
    Credit note for 1 chair to Mumbai: 500.00 + CGST 45.00 + SGST 45.00 = 590.00
"""

import pytest

from core.db import query
from modules.accounting.tests.builders import assert_ledger_balanced, assert_subledger_consistent
from modules.gst_india.tests.builders import CO, D, gst_tenant, insert, sales_invoice
from modules.gst_india.tests.einvoice_builders import (
    CHAIR_AND_STOOL,
    customers,
    einvoicing_company,
    furniture,
)

SELLER = {"Gstin": "27AAPFU0939F1ZV", "LglNm": "Pune Furniture",
          "Addr1": "Plot 12, MIDC Bhosari", "Loc": "Pune", "Pin": 411026, "Stcd": "27"}


@pytest.fixture
def shop(site):
    handle = gst_tenant(site)
    with handle.tx() as ctx:
        einvoicing_company(ctx, gst_export_under_lut=1)
        furniture(ctx)
        customers(ctx)
    return handle


def einvoice(shop, name):
    with shop.client(headers=shop.auth) as api:
        return api.get("/api/method/gst.einvoice_json", params={"name": name})


def sell(shop, party, items=CHAIR_AND_STOOL, **extra):
    with shop.tx() as ctx:
        return sales_invoice(ctx, party, "2025-06-02", items, **extra).name


def line(number, name, hsn, qty, price, amount, **taxes):
    """An ItemList entry at 18%; ``taxes`` holds the non-zero tax amounts."""
    tax = {"IgstAmt": 0.0, "CgstAmt": 0.0, "SgstAmt": 0.0} | taxes
    return {"SlNo": str(number), "PrdDesc": name, "IsServc": "N", "HsnCd": hsn,
            "Qty": qty, "Unit": "OTH", "UnitPrice": price, "TotAmt": amount,
            "Discount": 0.0, "AssAmt": amount, "GstRt": 18, **tax, "CesRt": 0,
            "CesAmt": 0.0, "TotItemVal": amount + sum(taxes.values())}


def totals(assessable, cgst=0.0, sgst=0.0, igst=0.0, total=None):
    return {"AssVal": assessable, "CgstVal": cgst, "SgstVal": sgst, "IgstVal": igst,
            "CesVal": 0.0, "Discount": 0.0, "OthChrg": 0.0, "RndOffAmt": 0.0,
            "TotInvVal": total}


def test_intra_state_b2b_invoice_splits_cgst_and_sgst(shop):
    name = sell(shop, "Mumbai Traders")
    assert name == "SI-2526-00001"  # the GST series: the financial year of 2 June 2025
    response = einvoice(shop, name)
    assert response.status_code == 200, response.text
    assert response.json()["message"] == {
        "Version": "1.1",
        "TranDtls": {"TaxSch": "GST", "SupTyp": "B2B", "RegRev": "N", "IgstOnIntra": "N"},
        "DocDtls": {"Typ": "INV", "No": "SI-2526-00001", "Dt": "02/06/2025"},
        "SellerDtls": SELLER,
        "BuyerDtls": {"Gstin": "27AABCR1234M1ZD", "LglNm": "Mumbai Traders", "Pos": "27",
                      "Addr1": "14 Dalal Street", "Loc": "Mumbai", "Pin": 400001,
                      "Stcd": "27"},
        "ItemList": [
            line(1, "Chair", "94017100", 2.0, 500.0, 1000.0, CgstAmt=90.0, SgstAmt=90.0),
            line(2, "Stool", "9401", 1.0, 250.0, 250.0, CgstAmt=22.5, SgstAmt=22.5)],
        "ValDtls": totals(1250.0, cgst=112.5, sgst=112.5, total=1475.0),
    }
    with shop.tx() as ctx:
        assert_ledger_balanced(ctx, CO)
        assert_subledger_consistent(ctx)


def test_inter_state_b2b_invoice_bears_igst(shop):
    name = sell(shop, "Bengaluru Interiors")
    data = einvoice(shop, name).json()["message"]
    assert data["TranDtls"] == {"TaxSch": "GST", "SupTyp": "B2B", "RegRev": "N",
                                "IgstOnIntra": "N"}
    assert data["BuyerDtls"] == {"Gstin": "29AAGCB7383J1Z4", "LglNm": "Bengaluru Interiors",
                                 "Pos": "29", "Addr1": "80 MG Road", "Loc": "Bengaluru",
                                 "Pin": 560001, "Stcd": "29"}
    assert data["ItemList"] == [
        line(1, "Chair", "94017100", 2.0, 500.0, 1000.0, IgstAmt=180.0),
        line(2, "Stool", "9401", 1.0, 250.0, 250.0, IgstAmt=45.0)]
    assert data["ValDtls"] == totals(1250.0, igst=225.0, total=1475.0)


def test_sez_supply_under_lut_is_reported_without_tax(shop):
    name = sell(shop, "Surat SEZ Works")
    data = einvoice(shop, name).json()["message"]
    assert data["TranDtls"]["SupTyp"] == "SEZWOP"
    assert (data["BuyerDtls"]["Gstin"], data["BuyerDtls"]["Pos"],
            data["BuyerDtls"]["Stcd"]) == ("24AABCS4321K1ZK", "24", "24")
    assert data["ItemList"] == [line(1, "Chair", "94017100", 2.0, 500.0, 1000.0),
                                line(2, "Stool", "9401", 1.0, 250.0, 250.0)]
    assert data["ValDtls"] == totals(1250.0, total=1250.0)


def test_export_with_payment_of_igst_carries_export_details(shop):
    name = sell(shop, "Dubai Homes", is_export_with_gst=1, port_code="INNSA1",
                shipping_bill_number="4455667", shipping_bill_date="2025-06-03")
    data = einvoice(shop, name).json()["message"]
    assert data["TranDtls"]["SupTyp"] == "EXPWP"
    assert data["BuyerDtls"] == {"Gstin": "URP", "LglNm": "Dubai Homes", "Pos": "96",
                                 "Addr1": "Sheikh Zayed Road", "Loc": "Dubai",
                                 "Pin": 999999, "Stcd": "96"}
    assert data["ExpDtls"] == {"ShipBNo": "4455667", "ShipBDt": "03/06/2025",
                               "Port": "INNSA1", "RefClm": "Y", "CntCode": "AE"}
    assert data["ItemList"] == [
        line(1, "Chair", "94017100", 2.0, 500.0, 1000.0, IgstAmt=180.0),
        line(2, "Stool", "9401", 1.0, 250.0, 250.0, IgstAmt=45.0)]
    assert data["ValDtls"] == totals(1250.0, igst=225.0, total=1475.0)


def test_credit_note_refers_to_the_invoice_it_reverses(shop):
    """One chair back from Mumbai: 500.00 + CGST 45.00 + SGST 45.00 = 590.00."""
    original = sell(shop, "Mumbai Traders")
    with shop.tx() as ctx:
        note = insert(ctx, "Sales Invoice", {
            "customer": "Mumbai Traders", "company": CO, "posting_date": "2025-06-10",
            "is_return": 1, "return_against": original, "docstatus": 1,
            "items": [{"item_code": "CHAIR", "qty": -1, "rate": "500.00",
                       "uom": "Nos"}]}).name
    data = einvoice(shop, note).json()["message"]
    assert data["DocDtls"] == {"Typ": "CRN", "No": "SI-2526-00002", "Dt": "10/06/2025"}
    assert data["RefDtls"] == {"PrecDocDtls": [{"InvNo": "SI-2526-00001",
                                                "InvDt": "02/06/2025"}]}
    assert data["ItemList"] == [line(1, "Chair", "94017100", 1.0, 500.0, 500.0,
                                     CgstAmt=45.0, SgstAmt=45.0) | {"Unit": "NOS"}]
    assert data["ValDtls"] == totals(500.0, cgst=45.0, sgst=45.0, total=590.0)
    with shop.tx() as ctx:
        assert_ledger_balanced(ctx, CO)
        assert_subledger_consistent(ctx)


def test_reverse_charge_reports_the_tax_the_recipient_pays(shop):
    """The invoice charges 1,250.00; the recipient pays CGST 112.50 + SGST 112.50 itself,
    and the IRP counts them in the invoice value: 1,475.00."""
    name = sell(shop, "Mumbai Traders", is_reverse_charge=1)
    data = einvoice(shop, name).json()["message"]
    assert data["TranDtls"]["RegRev"] == "Y"
    assert data["ValDtls"] == totals(1250.0, cgst=112.5, sgst=112.5, total=1475.0)
    with shop.tx() as ctx:
        assert query.get_value(ctx, "Sales Invoice", name, "grand_total") == D("1250.00")


def test_freight_charged_on_the_invoice_is_an_other_charge(shop):
    """1,250.00 + CGST 112.50 + SGST 112.50 + freight 200.00 = 1,675.00."""
    name = sell(shop, "Mumbai Traders", taxes=[{
        "charge_type": "Actual", "account_head": "Freight and Forwarding Charges - PF",
        "description": "Freight", "tax_amount": "200.00"}])
    data = einvoice(shop, name).json()["message"]
    assert data["ValDtls"] == totals(1250.0, cgst=112.5, sgst=112.5, total=1675.0) | {
        "OthChrg": 200.0}


def test_an_export_in_dollars_is_reported_in_rupees(shop):
    """USD at 83.00: 2 x Chair @ $12.00 = $24.00 = 1,992.00; 1 x Stool @ $6.00 = $6.00
    = 498.00; under LUT no tax: 2,490.00, or $30.00 in the foreign currency."""
    with shop.tx() as ctx:
        insert(ctx, "Currency Exchange", {"date": "2025-06-01", "from_currency": "USD",
                                          "to_currency": "INR", "exchange_rate": "83"})
        insert(ctx, "Account", {"account_name": "Debtors USD", "company": CO,
                                "parent_account": "Accounts Receivable - PF",
                                "account_type": "Receivable", "account_currency": "USD"})
    name = sell(shop, "Dubai Homes", items=[("CHAIR", 2, "12.00"), ("STOOL", 1, "6.00")],
                currency="USD", debit_to="Debtors USD - PF")
    data = einvoice(shop, name).json()["message"]
    assert data["TranDtls"]["SupTyp"] == "EXPWOP"
    assert [(i["UnitPrice"], i["TotAmt"], i["AssAmt"], i["IgstAmt"], i["TotItemVal"])
            for i in data["ItemList"]] == [(996.0, 1992.0, 1992.0, 0.0, 1992.0),
                                           (498.0, 498.0, 498.0, 0.0, 498.0)]
    assert data["ValDtls"] == totals(2490.0, total=2490.0) | {"TotInvValFc": 30.0}
    assert data["ExpDtls"] == {"RefClm": "N", "ForCur": "USD", "CntCode": "AE"}
