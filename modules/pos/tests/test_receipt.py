"""A sale from the screen's desk session, and its receipt on an 80 mm roll (HTML and PDF).

    2 Pens @ 25.00 = 50.00; 1 Notebook @ 60.00 = 60.00; net 110.00
    CGST 9% = 9.90; SGST 9% = 9.90; total 129.80
    paid Card 29.80 + Cash 200.00 = 229.80: change 100.00 (from the cash)
"""

import io
import re

from pypdf import PdfReader

from core import lifecycle
from core.db import query
from modules.accounting.tests.builders import gl_lines
from modules.inventory.tests.builders import CO, assert_books_in_step
from modules.pos.tests.builders import PEN_BARCODE, D, bin_of
from modules.pos.tests.counter import SCREEN, counter, desk, page_csrf, sale

SUBMIT = "/api/method/pos.submit_invoice"
ROLL_WIDTH_PT = 80 / 25.4 * 72  # 226.77 pt
A4_HEIGHT_PT = 841.89
CART = [{"barcode": PEN_BARCODE, "qty": 2}, {"item_code": "NOTEBOOK", "qty": 1}]
PAID = [("Card", "29.80"), ("Cash", "200.00")]


def sold_from_the_desk(site):
    handle = counter(site)
    with handle.tx() as ctx:
        company = lifecycle.get_doc(ctx, "Company", CO)
        company.tax_id = "27AAACP1234F1Z5"
        lifecycle.save(ctx, company)
    web = desk(handle)
    token = page_csrf(web.get(SCREEN).text)
    answer = web.post(SUBMIT, json={"invoice": sale("screen-1", CART, PAID)},
                      headers={"X-Frappe-CSRF-Token": token})
    assert answer.status_code == 200, answer.text
    return handle, web, answer.json()["message"]


def test_the_desk_session_posts_the_sale_with_its_csrf_token(site):
    handle, web, sold = sold_from_the_desk(site)
    assert (sold["grand_total"], sold["change_amount"], sold["duplicate"]) == (
        129.8, 100.0, False)
    again = web.post(SUBMIT, json={"invoice": sale("screen-1", CART, PAID)},
                     headers={"X-Frappe-CSRF-Token": page_csrf(web.get(SCREEN).text)})
    assert again.json()["message"] == sold | {"duplicate": True}  # a retry posts nothing
    forged = web.post(SUBMIT, json={"invoice": sale("screen-2", CART, PAID)})
    assert forged.status_code == 403  # no CSRF header: refused, nothing written
    web.close()
    with handle.tx() as ctx:
        assert query.count(ctx, "POS Invoice") == 1
        assert bin_of(ctx, "PEN") == (D("8"), D("80.00"))
        assert gl_lines(ctx, sold["name"]) == [
            ("Cost of Goods Sold - PF", D("60.00"), D("0.00")),   # 2 x 10.00 + 40.00
            ("Stock In Hand - PF", D("0.00"), D("60.00"))]
        assert_books_in_step(ctx)


def test_the_receipt_prints_at_80_mm_with_lines_taxes_payments_and_change(site):
    _handle, web, sold = sold_from_the_desk(site)
    page = web.get(f"/printview/POS Invoice/{sold['name']}")
    web.close()
    assert page.status_code == 200
    text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", page.text))
    assert "@page { size: 80mm auto; margin: 3mm }" in page.text
    for expected in ("Pune Furniture", "Tax ID: 27AAACP1234F1Z5", "RECEIPT",
                     f"Bill No {sold['name']}", "Cashier admin", "Blue Pen",
                     "2.00 x 25.00 50.00", "Ruled Notebook", "1.00 x 60.00 60.00",
                     "Net Total 110.00", "@9.00% 9.90", "TOTAL INR 129.80",
                     "Card 29.80", "Cash 200.00", "Paid 229.80", "Change 100.00",
                     "Thank you"):
        assert expected in text, expected


def test_the_receipt_pdf_is_one_80_mm_page_as_long_as_the_sale(site):
    """The POS Invoice's own format, and the same by its name "POS Receipt"."""
    _handle, web, sold = sold_from_the_desk(site)
    url = f"/printview/POS Invoice/{sold['name']}.pdf"
    answers = [web.get(url), web.get(url, params={"format": "POS Receipt"})]
    web.close()
    for answer in answers:
        assert answer.status_code == 200, answer.text
        assert answer.headers["content-type"] == "application/pdf"
        pdf = PdfReader(io.BytesIO(answer.content))
        assert len(pdf.pages) == 1
        box = pdf.pages[0].mediabox
        assert abs(float(box.width) - ROLL_WIDTH_PT) < 0.5
        assert 200 < float(box.height) < A4_HEIGHT_PT  # fitted to the receipt, not A4
        text = re.sub(r"\s+", " ", pdf.pages[0].extract_text())
        for expected in (sold["name"], "Blue Pen", "Ruled Notebook", "110.00", "9.90",
                         "129.80", "229.80", "Change", "100.00"):
            assert expected in text, expected
