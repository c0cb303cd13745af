"""The rates of 22 September 2025: many goods went from 12% to 5%. The document date picks
the rate; a rate may be kept for an item or for an HSN heading.

    1 x Table @ 10,000.00 (HSN 9403, item rate 12% -> 5% on 2025-09-22), Mumbai buyer
      21 September: CGST 6% 600.00 + SGST 6% 600.00;  grand total 11,200.00
      22 September: CGST 2.5% 250.00 + SGST 2.5% 250.00;  grand total 10,500.00
    1 x Desk @ 4,000.00 (HSN 94036000, no rate of its own; heading 9403 12% -> 5%)
      21 September: CGST 240.00 + SGST 240.00;  22 September: CGST 100.00 + SGST 100.00
"""

import datetime as dt

import pytest

from core import lifecycle
from modules.accounting.tests.builders import gl_lines
from modules.gst_india.errors import MissingGSTRate
from modules.gst_india.tests.builders import (
    MUMBAI_GSTIN,
    D,
    customer,
    gst_tenant,
    insert,
    item,
    make_gst_company,
    sales_invoice,
)


@pytest.fixture
def shop(site):
    handle = gst_tenant(site)
    with handle.tx() as ctx:
        make_gst_company(ctx)
        customer(ctx, "Mumbai Traders", MUMBAI_GSTIN)
        item(ctx, "TABLE", "9403", [("2025-04-01", "12"), ("2025-09-22", "5")])
        item(ctx, "DESK", "94036000", [])
        for valid_from, rate in (("2025-04-01", "12"), ("2025-09-22", "5")):
            insert(ctx, "GST Rate", {"gst_hsn_code": "9403", "gst_rate": rate,
                                     "valid_from": valid_from})
    return handle


def test_the_document_date_picks_the_item_rate(shop):
    with shop.tx() as ctx:
        before = sales_invoice(ctx, "Mumbai Traders", "2025-09-21",
                               [("TABLE", 1, "10000")])
        after = sales_invoice(ctx, "Mumbai Traders", "2025-09-22", [("TABLE", 1, "10000")])
        assert [(r.gst_rate, r.cgst_amount, r.sgst_amount)
                for doc in (before, after) for r in doc.children("items")] == [
            (D("12"), D("600.00"), D("600.00")), (D("5"), D("250.00"), D("250.00"))]
        assert (before.grand_total, after.grand_total) == (D("11200.00"), D("10500.00"))
        assert gl_lines(ctx, after.name) == [
            ("Debtors - PF", D("10500.00"), D("0")),
            ("Output Tax CGST - PF", D("0"), D("250.00")),
            ("Output Tax SGST - PF", D("0"), D("250.00")),
            ("Sales - PF", D("0"), D("10000.00"))]


def test_an_item_without_its_own_rate_takes_its_hsn_heading_rate(shop):
    with shop.tx() as ctx:
        before = sales_invoice(ctx, "Mumbai Traders", "2025-09-21", [("DESK", 1, "4000")])
        after = sales_invoice(ctx, "Mumbai Traders", "2025-09-22", [("DESK", 1, "4000")])
        assert [(doc.total_cgst, doc.total_sgst) for doc in (before, after)] == [
            (D("240.00"), D("240.00")), (D("100.00"), D("100.00"))]


def test_a_rate_set_on_the_line_wins(shop):
    with shop.tx() as ctx:
        invoice = insert(ctx, "Sales Invoice", {
            "customer": "Mumbai Traders", "company": "Pune Furniture",
            "posting_date": "2025-09-22", "items": [
                {"item_code": "TABLE", "qty": 1, "rate": "10000", "gst_rate": "18"}]})
        assert (invoice.total_cgst, invoice.grand_total) == (D("900.00"), D("11800.00"))


def test_an_item_with_no_rate_on_the_date_is_refused(shop):
    with shop.tx() as ctx:
        item(ctx, "LAMP", "9405", [("2025-09-22", "18")])
        with pytest.raises(MissingGSTRate) as error:
            sales_invoice(ctx, "Mumbai Traders", "2025-09-21", [("LAMP", 1, "900")])
        assert error.value.field == "items"
        assert "Items row 1" in error.value.message
        assert "2025-09-21" in error.value.message


def test_a_draft_moved_across_the_change_takes_the_new_rate(shop):
    with shop.tx() as ctx:
        draft = insert(ctx, "Sales Invoice", {
            "customer": "Mumbai Traders", "company": "Pune Furniture",
            "posting_date": "2025-09-21",
            "items": [{"item_code": "TABLE", "qty": 1, "rate": "10000"}]})
        assert draft.total_cgst == D("600.00")
        draft = lifecycle.get_doc(ctx, "Sales Invoice", draft.name)
        draft.posting_date = draft.due_date = dt.date(2025, 9, 22)
        draft = lifecycle.save(ctx, draft)
        assert (draft.children("items")[0].gst_rate, draft.total_cgst,
                draft.grand_total) == (D("5"), D("250.00"), D("10500.00"))
