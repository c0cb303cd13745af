"""A bill at another exchange rate or price than its receipt still clears Stock Received
But Not Billed exactly.

    Receipt: 10 Chairs @ USD 10.00 at 80.00 = 8,000.00 (Stock In Hand Dr / SRBNB Cr).
    Bill 6 of them @ USD 10.00 at 82.00 = 4,920.00: SRBNB Dr 4,920.00 by the bill, and
    Cr 120.00 back (6 x 10 x (82 - 80)) to Exchange Gain / Loss Dr 120.00.
    Bill the other 4 @ USD 10.50 at 80.00 = 3,360.00: at the receipt's rate, 4 x 0.50 x
    80 = 160.00 above the receipt's price goes to Stock Adjustment.
    SRBNB: -8,000 + 4,920 - 120 + 3,360 - 160 = 0.00.
"""

from decimal import Decimal as D

from core import lifecycle
from modules.accounting.tests.builders import (
    account_balances,
    assert_ledger_balanced,
    gl_lines,
)
from modules.inventory.tests.builders import (
    CO,
    STORES,
    assert_books_in_step,
    make_item,
    make_party,
    stock_books,
)
from modules.purchase.billing import make_purchase_invoice
from modules.purchase.tests.builders import SUPPLIER, submit

SRBNB = "Stock Received But Not Billed - PF"


def test_bills_at_another_rate_and_price_clear_the_receipt_exactly(site):
    handle = stock_books(site, ("purchase",))
    with handle.tx() as ctx:
        make_item(ctx, "CHAIR")
        make_party(ctx, "Supplier", SUPPLIER)
        receipt = lifecycle.insert(ctx, lifecycle.new_doc(ctx, "Purchase Receipt", {
            "supplier": SUPPLIER, "company": CO, "posting_date": "2026-05-02",
            "currency": "USD", "conversion_rate": 80, "docstatus": 1,
            "items": [{"item_code": "CHAIR", "qty": 10, "rate": 10,
                       "warehouse": STORES}]})).name
        assert account_balances(ctx, CO)[SRBNB] == D("-8000.00")

        first = make_purchase_invoice(ctx, receipt)
        first["items"][0]["qty"] = 6
        bill = submit(ctx, first, posting_date="2026-05-05", currency="USD",
                      conversion_rate=82)
        assert [line for line in gl_lines(ctx, bill) if line[0] != "Creditors - PF"] == [
            ("Exchange Gain/Loss - PF", D("120.00"), D("0.00")),
            (SRBNB, D("0.00"), D("120.00")),
            (SRBNB, D("4920.00"), D("0.00"))]
        assert account_balances(ctx, CO)[SRBNB] == D("-3200.00")

        second = make_purchase_invoice(ctx, receipt)
        second["items"][0]["rate"] = D("10.50")
        bill = submit(ctx, second, posting_date="2026-05-06", currency="USD",
                      conversion_rate=80)
        assert [line for line in gl_lines(ctx, bill) if line[0] != "Creditors - PF"] == [
            ("Stock Adjustment - PF", D("160.00"), D("0.00")),
            (SRBNB, D("0.00"), D("160.00")),
            (SRBNB, D("3360.00"), D("0.00"))]
        balances = account_balances(ctx, CO)
        assert SRBNB not in balances
        assert balances["Exchange Gain/Loss - PF"] == D("120.00")
        assert balances["Stock In Hand - PF"] == D("8000.00")
        assert_ledger_balanced(ctx, CO)
        assert_books_in_step(ctx)

        lifecycle.cancel(ctx, "Purchase Invoice", bill)
        assert account_balances(ctx, CO)[SRBNB] == D("-3200.00")
