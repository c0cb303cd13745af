"""A counter's day: opening float, twelve sales, one return, closing short by 50.00.

    Stock: 100 Pens @ 10.00 and 50 Notebooks @ 40.00 (FIFO). List prices: Pen 25.00,
    Notebook 65.00. The profile adds CGST 9% and SGST 9% on the net total of each sale.
    Opening float: Cash 2,000.00.

    sale  pens notebooks   net    CGST   SGST   total    paid                  change
      1     2     0       50.00   4.50   4.50   59.00   Cash 100.00            41.00
      2     0     1       65.00   5.85   5.85   76.70   Card 76.70
      3     1     1       90.00   8.10   8.10  106.20   UPI 106.20
      4     4     0      100.00   9.00   9.00  118.00   Cash 118.00
      5     0     2      130.00  11.70  11.70  153.40   Cash 200.00            46.60
      6     3     1      140.00  12.60  12.60  165.20   Card 100.00 + Cash 70   4.80
      7     1     0       25.00   2.25   2.25   29.50   UPI 29.50
      8     2     2      180.00  16.20  16.20  212.40   Card 212.40
      9     5     0      125.00  11.25  11.25  147.50   Cash 150.00             2.50
     10     0     3      195.00  17.55  17.55  230.10   UPI 230.10
     11     1     2      155.00  13.95  13.95  182.90   Cash 182.90
     12     2     1      115.00  10.35  10.35  135.70   Card 135.70
                 21 pens, 13 notebooks; net 1,370.00; CGST = SGST = 123.30
    Return of 1 Notebook from sale 8: -65.00 - 5.85 - 5.85 = -76.70 refunded in cash.

    Sales 1,370.00 - 65.00 = 1,305.00; CGST = SGST = 123.30 - 5.85 = 117.45
    Cash: 820.90 paid - 94.90 change - 76.70 refund = 649.30; expected 2,649.30,
          counted 2,599.30: 50.00 short, to Write Off
    Card: 524.80; UPI: 365.80   (649.30 + 524.80 + 365.80 = 1,539.90 = 1,616.60 - 76.70)
    COGS: 21 pens x 10.00 = 210.00 + 12 notebooks x 40.00 = 480.00 -> 690.00
    Left: 79 pens worth 790.00; 38 notebooks worth 1,520.00
"""

from core import lifecycle
from core.db import query
from modules.accounting.tests.builders import account_balances, gl_lines
from modules.inventory.tests.builders import CO, assert_books_in_step
from modules.pos.tests.builders import (
    GST,
    D,
    bin_of,
    close_session,
    make_profile,
    open_session,
    pos_books,
    sale,
    stocked_item,
)

SALES = [  # pens, notebooks, payments
    (2, 0, [("Cash", "100")]), (0, 1, [("Card", "76.70")]), (1, 1, [("UPI", "106.20")]),
    (4, 0, [("Cash", "118")]), (0, 2, [("Cash", "200")]),
    (3, 1, [("Card", "100"), ("Cash", "70")]), (1, 0, [("UPI", "29.50")]),
    (2, 2, [("Card", "212.40")]), (5, 0, [("Cash", "150")]), (0, 3, [("UPI", "230.10")]),
    (1, 2, [("Cash", "182.90")]), (2, 1, [("Card", "135.70")]),
]
TOTALS = ["59.00", "76.70", "106.20", "118.00", "153.40", "165.20", "29.50", "212.40",
          "147.50", "230.10", "182.90", "135.70"]
CHANGE = ["41.00", "0", "0", "0", "46.60", "4.80", "0", "0", "2.50", "0", "0", "0"]


def lines(pens, notebooks):
    return [{"item_code": code, "qty": qty}
            for code, qty in (("PEN", pens), ("NOTEBOOK", notebooks)) if qty]


def test_a_day_at_the_counter_consolidates_into_the_ledger_at_closing(site):
    handle = pos_books(site)
    with handle.tx() as ctx:
        stocked_item(ctx, "PEN", 100, 10, 25)
        stocked_item(ctx, "NOTEBOOK", 50, 40, 65)
        make_profile(ctx, taxes=GST)
        opening = open_session(ctx, cash=2000)
        sold = [sale(ctx, lines(p, n), payments) for p, n, payments in SALES]
        assert [s.grand_total for s in sold] == [D(t) for t in TOTALS]
        assert [s.change_amount for s in sold] == [D(c) for c in CHANGE]
        back = sale(ctx, [{"item_code": "NOTEBOOK", "qty": -1}], [("Cash", "-76.70")],
                    is_return=1, return_against=sold[7].name)
        assert (back.grand_total, back.status) == (D("-76.70"), "Return")
        assert gl_lines(ctx, back.name) == [
            ("Cost of Goods Sold - PF", D("0.00"), D("40.00")),
            ("Stock In Hand - PF", D("40.00"), D("0.00"))]
        before = account_balances(ctx, CO)
        assert "Sales - PF" not in before and "Cash - PF" not in before

        closing = close_session(ctx, opening, {"Cash": "2599.30", "Card": "524.80",
                                               "UPI": "365.80"})
        assert gl_lines(ctx, closing.name) == [
            ("Card Clearing - PF", D("524.80"), D("0.00")),
            ("Cash - PF", D("0.00"), D("50.00")),
            ("Cash - PF", D("649.30"), D("0.00")),
            ("Output Tax CGST - PF", D("0.00"), D("117.45")),
            ("Output Tax SGST - PF", D("0.00"), D("117.45")),
            ("Sales - PF", D("0.00"), D("1305.00")),
            ("UPI Clearing - PF", D("365.80"), D("0.00")),
            ("Write Off - PF", D("50.00"), D("0.00"))]
        counted = {r.mode_of_payment: (r.opening_amount, r.expected_amount,
                                       r.closing_amount, r.difference)
                   for r in closing.children("payment_reconciliation")}
        assert counted == {
            "Cash": (D("2000.00"), D("2649.30"), D("2599.30"), D("-50.00")),
            "Card": (D("0"), D("524.80"), D("524.80"), D("0.00")),
            "UPI": (D("0"), D("365.80"), D("365.80"), D("0.00"))}
        assert (closing.invoice_count, closing.grand_total) == (13, D("1539.90"))
        balances = account_balances(ctx, CO)
        assert balances["Cost of Goods Sold - PF"] == D("690.00")
        assert balances["Sales - PF"] == D("-1305.00")
        assert balances["Cash - PF"] == D("599.30")
        assert bin_of(ctx, "PEN") == (D("79"), D("790.00"))
        assert bin_of(ctx, "NOTEBOOK") == (D("38"), D("1520.00"))
        statuses = {r["status"] for r in query.select_rows(ctx, "POS Invoice",
                                                           fields=["status"])}
        assert statuses == {"Consolidated"}
        assert query.get_value(ctx, "POS Opening Entry", opening, "status") == "Closed"
        assert_books_in_step(ctx)


def test_cancelling_a_closing_reverses_its_posting_and_reopens_the_session(site):
    """One sale of 2 Pens = 50.00 cash, counted 2,040.00 of 2,050.00: 10.00 short.
    Cancelling the closing nets Sales, Cash and Write Off to zero; the sale is Paid
    again and can be cancelled, which brings the pens back."""
    handle = pos_books(site)
    with handle.tx() as ctx:
        stocked_item(ctx, "PEN", 10, 10, 25)
        make_profile(ctx)
        opening = open_session(ctx, cash=2000)
        sold = sale(ctx, lines(2, 0), [("Cash", "50")])
        closing = close_session(ctx, opening, {"Cash": "2040"})
        assert gl_lines(ctx, closing.name) == [
            ("Cash - PF", D("0.00"), D("10.00")), ("Cash - PF", D("50.00"), D("0.00")),
            ("Sales - PF", D("0.00"), D("50.00")), ("Write Off - PF", D("10.00"), D("0.00"))]
        lifecycle.cancel(ctx, "POS Closing Entry", closing.name)
        balances = account_balances(ctx, CO)
        assert not {"Sales - PF", "Cash - PF", "Write Off - PF"} & set(balances)
        assert query.get_value(ctx, "POS Opening Entry", opening, "status") == "Open"
        assert query.get_value(ctx, "POS Invoice", sold.name, "status") == "Paid"
        lifecycle.cancel(ctx, "POS Invoice", sold.name)
        assert bin_of(ctx, "PEN") == (D("10"), D("100.00"))
        assert "Cost of Goods Sold - PF" not in account_balances(ctx, CO)
        assert_books_in_step(ctx)
