"""The GST Tax Invoice print format carries every particular rule 46 asks for.

    2 x Chair (94017100) @ 500.00 + 1 x Stool (9401) @ 250.00 + 1 x Fitting (SAC 998717)
    @ 1,200.00 = taxable 2,450.00;  CGST 9% 220.50 + SGST 9% 220.50;  total 2,891.00
"""

import io

import pytest
from pypdf import PdfReader

from core.db import query
from modules.gst_india.tests.builders import (
    CO,
    gst_tenant,
    insert,
    make_gst_company,
    sales_invoice,
)
from modules.gst_india.tests.einvoice_builders import (
    CHAIR_AND_STOOL,
    customers,
    einvoicing_company,
    einvoicing_shop,
    furniture,
)

FORMAT = {"format": "GST Tax Invoice"}


@pytest.fixture
def shop(site):
    return einvoicing_shop(site)


def pdf_text(shop, name):
    with shop.client(headers=shop.auth) as api:
        response = api.get(f"/printview/Sales Invoice/{name}.pdf", params=FORMAT)
    assert response.status_code == 200, response.text
    assert response.headers["content-type"] == "application/pdf"
    return " ".join(page.extract_text() for page in PdfReader(io.BytesIO(response.content))
                    .pages)


def test_a_tax_invoice_shows_every_mandatory_particular(shop):
    with shop.tx() as ctx:
        invoice = sales_invoice(ctx, "Mumbai Traders", "2025-06-02",
                                CHAIR_AND_STOOL + [("FITTING", 1, "1200.00")])
    with shop.tx() as ctx:
        irn = query.get_value(ctx, "Sales Invoice", invoice.name, "irn")
    text = pdf_text(shop, invoice.name)
    for particular in (
            "Tax Invoice", "Pune Furniture", "Plot 12, MIDC Bhosari", "27AAPFU0939F1ZV",
            "Mumbai Traders", "14 Dalal Street", "27AABCR1234M1ZD",
            "Invoice No.", "SI-2526-00001", "02 Jun 2025",
            "Place of Supply", "Maharashtra (code 27)", "Reverse Charge No",
            "94017100", "9401", "998717", "1,000.00", "1,200.00", "2,450.00",
            "CGST", "SGST/UTGST", "9.00%", "90.00", "108.00", "220.50", "2,891.00",
            "Rupees Two Thousand Eight Hundred Ninety-One Only",
            "Rupees Four Hundred Forty-One Only",
            "For Pune Furniture", "Authorised Signatory", "IRN", "112010000000001"):
        assert particular in text, particular
    assert irn[:40] in text.replace("\n", "")
    assert "IGST" not in text  # an intra-state supply shows no IGST column


def test_an_inter_state_invoice_shows_igst_only(shop):
    """40 x Chair @ 1,275.50 = 51,020.00;  IGST 18% 9,183.60;  total 60,203.60."""
    with shop.tx() as ctx:
        invoice = sales_invoice(ctx, "Bengaluru Interiors", "2025-06-02",
                                [("CHAIR", 40, "1275.50")])
    text = pdf_text(shop, invoice.name)
    for particular in ("Karnataka (code 29)", "29AAGCB7383J1Z4", "IGST", "18.00%",
                       "9,183.60", "60,203.60",
                       "Rupees Sixty Thousand Two Hundred Three and Sixty Paise Only"):
        assert particular in text, particular
    assert "CGST" not in text


def test_a_credit_note_has_its_title_and_the_invoice_it_reverses(shop):
    with shop.tx() as ctx:
        original = sales_invoice(ctx, "Mumbai Traders", "2025-06-02", CHAIR_AND_STOOL)
        note = insert(ctx, "Sales Invoice", {
            "customer": "Mumbai Traders", "company": CO, "posting_date": "2025-06-10",
            "is_return": 1, "return_against": original.name, "docstatus": 1,
            "items": [{"item_code": "CHAIR", "qty": -1, "rate": "500.00"}]})
    text = pdf_text(shop, note.name)
    for particular in ("Credit Note", "Credit Note No.", note.name, "Against Invoice",
                       original.name, "500.00", "45.00", "590.00"):
        assert particular in text, particular
    assert "-590.00" not in text  # the title says it reduces: amounts are positive


def test_an_export_under_lut_says_so_and_bears_no_tax(site):
    handle = gst_tenant(site)
    with handle.tx() as ctx:
        einvoicing_company(ctx, gst_export_under_lut=1)
        furniture(ctx)
        customers(ctx)
        invoice = sales_invoice(ctx, "Dubai Homes", "2025-06-02", CHAIR_AND_STOOL)
    text = pdf_text(handle, invoice.name)
    for particular in ("Tax Invoice", "without payment of integrated tax",
                       "United Arab Emirates", "Unregistered", "1,250.00",
                       "Rupees One Thousand Two Hundred Fifty Only"):
        assert particular in text, particular
    assert "IGST" in text and "18.00%" in text  # the rate of a zero-rated supply shows
    assert "Tax amount" not in text  # and no tax is charged


def test_a_composition_dealer_issues_a_bill_of_supply(site):
    handle = gst_tenant(site)
    with handle.tx() as ctx:
        make_gst_company(ctx, gst_category="Registered Composition")
        furniture(ctx)
        customers(ctx)
        invoice = sales_invoice(ctx, "Mumbai Traders", "2025-06-02", CHAIR_AND_STOOL)
    text = pdf_text(handle, invoice.name)
    assert "Bill of Supply" in text and "Tax Invoice" not in text
    assert "1,250.00" in text and "CGST" not in text
