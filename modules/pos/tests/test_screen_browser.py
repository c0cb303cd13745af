"""A whole sale on the POS screen in headless Chromium, from the keyboard only: keys go
in through the DevTools protocol as a scanner and a cashier type them, and the cart,
payment panel and receipt are captured as screenshots (kept in $POS_SCREENSHOTS when
set). Skipped where no Chromium is installed.

    3 Pens @ 25.00 = 75.00 (scanned, then + +); 1 Notebook @ 60.00 (2*, then -);
    Gift Wrap found by name, then deleted. Net 135.00; CGST 9% = 12.15; SGST 9% = 12.15;
    total 159.30. Paid Card 59.30 (F8: the rest) + Cash 200.00: change 100.00.
"""

import datetime as dt
import os
import socket
import threading
import time
from pathlib import Path

import pytest
import uvicorn

from core import lifecycle
from core.db import query
from core.server import create_app
from modules.accounting.tests.builders import make_fiscal_year
from modules.inventory.tests.builders import CO, assert_books_in_step
from modules.pos.tests.browser import Browser, chromium
from modules.pos.tests.builders import PEN_BARCODE, D, bin_of
from modules.pos.tests.counter import SCREEN, counter
from tests.fixtures import PASSWORD

pytestmark = pytest.mark.skipif(chromium() is None, reason="no Chromium installed")
ROWS = "document.querySelectorAll('#cart tbody tr').length"


def text_of(browser, element_id):
    return browser.evaluate(f"document.getElementById('{element_id}').textContent.trim()")


def year_of_today(handle):
    """The sale is dated today: the books need a fiscal year that holds it."""
    today = dt.date.today()
    start = today.year if today.month >= 4 else today.year - 1
    if start != 2026:
        with handle.tx() as ctx:
            make_fiscal_year(ctx, f"{start}-{start + 1}", f"{start}-04-01",
                             f"{start + 1}-03-31")


@pytest.fixture
def serve(site):
    """Puts a tenant behind a real HTTP server on a free port; answers its address."""
    running = []

    def start(handle):
        year_of_today(handle)
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            port = probe.getsockname()[1]
        server = uvicorn.Server(uvicorn.Config(create_app(site), host="127.0.0.1",
                                               port=port, log_level="warning",
                                               access_log=False))
        thread = threading.Thread(target=server.run, daemon=True)
        thread.start()
        running.append((server, thread))
        deadline = time.monotonic() + 30
        while not server.started:
            assert thread.is_alive() and time.monotonic() < deadline, "no server"
            time.sleep(0.02)
        return f"http://{handle.host}:{port}"

    yield start
    for server, thread in running:
        server.should_exit = True
        thread.join(timeout=10)


@pytest.fixture
def served(site, serve):
    """The counter tenant, served."""
    handle = counter(site)
    return handle, serve(handle)


@pytest.fixture
def browser():
    running = Browser()
    yield running
    running.close()


def shots(tmp_path):
    folder = Path(os.environ.get("POS_SCREENSHOTS") or tmp_path)
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def log_in(browser, base):
    browser.open(f"{base}/login?next={SCREEN}")
    browser.evaluate(f"""document.querySelector('[name=usr]').value = 'admin';
        document.querySelector('[name=pwd]').value = '{PASSWORD}';
        document.querySelector('form').submit(); true""")
    browser.wait_for("document.activeElement && document.activeElement.id === 'scan'")


def fill_the_cart(browser):
    browser.type(PEN_BARCODE)                      # the scanner: digits, then Enter
    browser.press("Enter")
    browser.wait_for(f"{ROWS} === 1")
    browser.type("2*NOTEBOOK")                     # a quantity before the code
    browser.press("Enter")
    browser.wait_for(f"{ROWS} === 2")
    browser.type("gift")                           # a name: pick from the list
    browser.wait_for("!document.getElementById('results').hidden")
    browser.press("Enter")
    browser.wait_for(f"{ROWS} === 3")
    browser.press("ArrowUp")                       # Notebook: 2 -> 1
    browser.press("-")
    browser.press("ArrowUp")                       # Pen: 1 -> 3
    browser.press("+")
    browser.press("+")
    browser.press("ArrowDown")
    browser.press("ArrowDown")                     # Gift Wrap: removed
    browser.press("Delete")
    browser.wait_for(f"{ROWS} === 2")


def test_a_whole_sale_from_the_keyboard(served, browser, tmp_path):
    handle, base = served
    folder = shots(tmp_path)
    log_in(browser, base)
    fill_the_cart(browser)
    browser.press("F4")
    browser.type("98450 67890")
    browser.press("Enter")
    browser.wait_for("document.getElementById('customer-name').textContent === "
                     "'Rohan Kulkarni'")
    browser.wait_for("document.getElementById('grand-total').textContent === '159.30' "
                     "&& !document.querySelector('#cart tr.pending')")
    assert browser.evaluate("[...document.querySelectorAll('#cart tbody tr')].map("
                            "r => [...r.cells].slice(1).map(c => c.innerText.replace("
                            "/\\s+/g, ' ')).join(' | '))") == [
        "Blue Pen PEN | 3 Nos | 25.00 | 75.00",
        "Ruled Notebook NOTEBOOK | 1 Nos | 60.00 | 60.00"]
    assert text_of(browser, "net-total") == "135.00"
    assert browser.evaluate("document.getElementById('tax-rows').innerText"
                            ).split() == ["Output", "Tax", "CGST", "-", "PF", "@", "9%",
                                          "12.15", "Output", "Tax", "SGST", "-", "PF",
                                          "@", "9%", "12.15"]
    browser.screenshot(folder / "pos-1-cart.png")

    browser.press("F9")
    browser.wait_for("!document.getElementById('payment').hidden")
    assert browser.evaluate("document.activeElement.dataset.mode") == "Cash"
    assert browser.evaluate("document.activeElement.value") == "159.30"
    browser.type("100")                            # typing replaces the amount
    browser.press("ArrowDown")
    browser.press("F8")                            # Card: the rest, 59.30
    browser.press("ArrowUp")
    browser.type("200")                            # the customer hands over 200.00
    browser.wait_for("document.getElementById('pay-change').textContent === '100.00'")
    assert (text_of(browser, "pay-paid"), text_of(browser, "pay-due")) == ("259.30", "0.00")
    browser.screenshot(folder / "pos-2-payment.png")

    browser.press("Enter")
    browser.wait_for("!document.getElementById('receipt').hidden", timeout=20)
    name = text_of(browser, "receipt-name")
    assert (text_of(browser, "receipt-total"), text_of(browser, "receipt-change")) == (
        "159.30", "100.00")
    browser.wait_for("(document.getElementById('receipt-frame').contentDocument || {})"
                     ".body && document.getElementById('receipt-frame').contentDocument"
                     ".body.innerText.includes('Thank you')")
    assert browser.evaluate("document.getElementById('receipt-pdf').getAttribute('href')"
                            ) == f"/printview/POS%20Invoice/{name}.pdf"
    browser.screenshot(folder / "pos-3-receipt.png")

    browser.press("Enter")                         # the next sale
    browser.wait_for(f"document.getElementById('receipt').hidden && {ROWS} === 0")
    assert browser.evaluate("document.activeElement.id") == "scan"
    assert text_of(browser, "customer-name") == "Walk-in Customer"

    with handle.tx() as ctx:
        sale = query.select_rows(ctx, "POS Invoice", fields=[
            "name", "customer", "grand_total", "paid_amount", "change_amount", "status"])
        assert sale == [{"name": name, "customer": "Rohan Kulkarni",
                         "grand_total": D("159.30"), "paid_amount": D("259.30"),
                         "change_amount": D("100.00"), "status": "Paid"}]
        paid = query.select_rows(ctx, "POS Invoice Payment", fields=[
            "mode_of_payment", "amount"], filters={"parent": name}, order_by="idx asc")
        assert [(p["mode_of_payment"], p["amount"]) for p in paid] == [
            ("Cash", D("200.00")), ("Card", D("59.30"))]
        assert bin_of(ctx, "PEN") == (D("7"), D("70.00"))
        assert bin_of(ctx, "NOTEBOOK") == (D("4"), D("160.00"))
        assert_books_in_step(ctx)


def test_a_refused_payment_is_explained_and_posts_once_corrected(served, browser, tmp_path):
    """1 Pen: 25.00 + CGST 2.25 + SGST 2.25 = 29.50. A card pays no more than the total:
    50.00 on the card is refused with the server's reason and posts nothing; 29.50
    then goes through."""
    handle, base = served
    log_in(browser, base)
    browser.type(PEN_BARCODE)
    browser.press("Enter")
    browser.wait_for(f"{ROWS} === 1 && !document.querySelector('#cart tr.pending')")
    browser.press("Enter", ctrl=True)              # Ctrl+Enter: pay
    browser.wait_for("!document.getElementById('payment').hidden")
    browser.type("0")
    browser.press("ArrowDown")
    browser.type("50")
    browser.press("Enter")
    browser.wait_for("!document.getElementById('pay-message').hidden")
    assert text_of(browser, "pay-message") == (
        "Only cash gives change: 50.00 paid in other modes is more than the total 29.50")
    browser.screenshot(shots(tmp_path) / "pos-4-refused.png")
    with handle.tx() as ctx:
        assert query.count(ctx, "POS Invoice") == 0
    browser.press("ArrowUp")
    browser.press("ArrowDown")                     # back on the card: its amount selected
    browser.type("29.50")
    browser.press("Enter")
    browser.wait_for("!document.getElementById('receipt').hidden", timeout=20)
    assert (text_of(browser, "receipt-total"), text_of(browser, "receipt-change")) == (
        "29.50", "0.00")
    with handle.tx() as ctx:
        paid = query.select_rows(ctx, "POS Invoice Payment", fields=[
            "mode_of_payment", "amount"])
        assert [(p["mode_of_payment"], p["amount"]) for p in paid] == [("Card", D("29.50"))]
        assert bin_of(ctx, "PEN") == (D("9"), D("90.00"))
        assert_books_in_step(ctx)


def test_a_coupon_reprices_the_cart_and_a_split_line_shows_as_one(site, serve, browser,
                                                                  tmp_path):
    """Notebooks 10% off by themselves; coupon TILL5 takes 5.00 off the bill on top.
    2 Notebooks at 54.00 = 108.00; 3 Pens 75.00; 183.00 less 5.00 spread by amount:
    Notebooks 105.06 (52.53 each), Pens 72.94 (2 at 24.31, 1 at 24.32): net 178.00;
    CGST 9% = 16.02, SGST 9% = 16.02; total 210.04."""
    handle = counter(site, modules=("pos", "discounts"))
    with handle.tx() as ctx:
        notebooks = lifecycle.insert(ctx, lifecycle.new_doc(ctx, "Promotional Scheme", {
            "title": "Notebooks 10%", "company": CO, "items": [{"item_code": "NOTEBOOK"}],
            "discount_percentage": 10})).name
        till = lifecycle.insert(ctx, lifecycle.new_doc(ctx, "Promotional Scheme", {
            "title": "Till 5 off", "company": CO, "apply_on": "Transaction",
            "stackable": 1, "coupon_only": 1, "discount_type": "Discount Amount",
            "discount_amount": 5})).name
        lifecycle.insert(ctx, lifecycle.new_doc(ctx, "Coupon Code", {
            "coupon_code": "TILL5", "promotional_scheme": till}))
    log_in(browser, serve(handle))
    browser.type("2*NOTEBOOK")
    browser.press("Enter")
    browser.wait_for(f"{ROWS} === 1")
    browser.type("3*" + PEN_BARCODE)
    browser.press("Enter")
    browser.wait_for("document.getElementById('grand-total').textContent === '215.94'")
    browser.press("F6")                            # 108.00 + 75.00 = 183.00 before it
    browser.type("till5")
    browser.press("Enter")
    browser.wait_for("document.getElementById('grand-total').textContent === '210.04'")
    assert browser.evaluate("document.activeElement.id") == "scan"
    assert browser.evaluate("[...document.querySelectorAll('#cart tbody tr')].map("
                            "r => [...r.cells].slice(2).map(c => c.innerText).join(' | '))"
                            ) == ["2 Nos | 52.53 | 105.06", "3 Nos | 24.31 / 24.32 | 72.94"]
    assert text_of(browser, "net-total") == "178.00"
    browser.screenshot(shots(tmp_path) / "pos-5-coupon.png")
    browser.press("F9")
    browser.wait_for("!document.getElementById('payment').hidden")
    browser.press("Enter")
    browser.wait_for("!document.getElementById('receipt').hidden", timeout=20)
    with handle.tx() as ctx:
        stored = query.select_rows(ctx, "POS Invoice", fields=[
            "coupon_code", "grand_total", "paid_amount"])
        assert stored == [{"coupon_code": "TILL5", "grand_total": D("210.04"),
                           "paid_amount": D("210.04")}]
        lines = query.select_rows(ctx, "POS Invoice Item", fields=[
            "item_code", "qty", "rate", "promotional_scheme"], order_by="idx asc")
        assert [(r["item_code"], r["qty"], r["rate"]) for r in lines] == [
            ("NOTEBOOK", D("2"), D("52.53")), ("PEN", D("2"), D("24.31")),
            ("PEN", D("1"), D("24.32"))]
        assert lines[0]["promotional_scheme"] == f"{notebooks}, {till}"
        assert_books_in_step(ctx)
