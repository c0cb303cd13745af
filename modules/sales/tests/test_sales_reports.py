"""Sales register and gross profit over one week of selling (FIFO costs).

    Stock (FIFO): CHAIR 10 @ 100.00 (1 May) + 10 @ 130.00 (2 May);
                  TABLE 2 @ 250.50 (1 May) + 4 @ 250.00 (2 May).
    3 May  INV1, Rao Traders, updates stock: 12 CHAIR @ 200 = 2,400.00, 1 TABLE @ 500
           = 500.00; net 2,900.00, CGST 9% 261.00 + SGST 9% 261.00, grand 3,422.00.
           Cost: CHAIR 10 x 100 + 2 x 130 = 1,260.00; TABLE 250.50.
    4 May  DN, Mehta Stores: 5 CHAIR @ 210 (cost 5 x 130 = 650.00),
           3 TABLE @ 520 (cost 250.50 + 2 x 250 = 750.50).
    5 May  RET, credit note against INV1, updates stock: 3 CHAIR back @ 200 = -600.00,
           taxes -54.00 each, grand -708.00; the chairs come back at the 105.00 they
           left with (1,260.00 / 12): cost -315.00. INV1 still owes 3,422 - 708 = 2,714.00.
    6 May  INV2, Mehta Stores, bills from the DN 3 of the 5 CHAIR (630.00; cost
           650.00 x 3/5 = 390.00) and 2 of the 3 TABLE (1,040.00; cost 750.50 x 2/3
           = 500.333 = 500.33).

    By invoice  qty   selling     buying    profit      %
      INV1       13  2,900.00   1,510.50  1,389.50   47.91
      RET        -3   -600.00    -315.00   -285.00   47.50
      INV2        5  1,670.00     890.33    779.67   46.69
      total      15  3,970.00   2,085.83  1,884.17   47.46
    By item
      CHAIR      12  2,430.00   1,335.00  1,095.00   45.06
      TABLE       3  1,540.00     750.83    789.17   51.24
"""

import datetime as dt
from decimal import Decimal as D

from core import lifecycle
from modules.inventory.tests.builders import (
    CO,
    assert_books_in_step,
    make_item,
    make_party,
    receive,
    stock_books,
)
from modules.sales.reports.gross_profit import gross_profit
from modules.sales.reports.sales_register import sales_register

MAY_1, MAY_31 = dt.date(2026, 5, 1), dt.date(2026, 5, 31)
GST = [{"charge_type": "On Net Total", "account_head": f"Output Tax {tax} - PF", "rate": 9}
       for tax in ("CGST", "SGST")]


def sell(ctx, customer, date, lines, **extra):
    return lifecycle.insert(ctx, lifecycle.new_doc(ctx, "Sales Invoice", {
        "customer": customer, "company": CO, "posting_date": date, "docstatus": 1,
        "items": [{"item_code": code, "qty": qty, "rate": rate} for code, qty, rate in lines]
    } | extra)).name


def a_fortnight_of_selling(ctx):
    make_item(ctx, "CHAIR")
    make_item(ctx, "TABLE")
    make_party(ctx, "Customer", "Rao Traders")
    make_party(ctx, "Customer", "Mehta Stores")
    receive(ctx, "CHAIR", 10, 100, "2026-05-01")
    receive(ctx, "TABLE", 2, "250.50", "2026-05-01")
    receive(ctx, "CHAIR", 10, 130, "2026-05-02")
    receive(ctx, "TABLE", 4, 250, "2026-05-02")
    inv1 = sell(ctx, "Rao Traders", "2026-05-03", [("CHAIR", 12, 200), ("TABLE", 1, 500)],
                update_stock=1, taxes=GST)
    note = lifecycle.insert(ctx, lifecycle.new_doc(ctx, "Delivery Note", {
        "customer": "Mehta Stores", "company": CO, "posting_date": "2026-05-04",
        "items": [{"item_code": "CHAIR", "qty": 5, "rate": 210},
                  {"item_code": "TABLE", "qty": 3, "rate": 520}], "docstatus": 1}))
    ret = sell(ctx, "Rao Traders", "2026-05-05", [("CHAIR", -3, 200)], update_stock=1,
               is_return=1, return_against=inv1, taxes=GST)
    billed = [{"item_code": line.item_code, "qty": qty, "rate": line.rate,
               "delivery_note": note.name, "dn_detail": line.name}
              for line, qty in zip(note.children("items"), (3, 2), strict=True)]
    inv2 = sell(ctx, "Mehta Stores", "2026-05-06", [], items=billed)
    return inv1, ret, inv2


def figures(rows, key):
    return [(r[key], r["qty"], r["selling_amount"], r["buying_amount"], r["gross_profit"],
             r["gross_profit_percent"]) for r in rows]


def test_the_sales_register_lists_each_invoice_in_company_currency(site):
    handle = stock_books(site, ("sales",))
    with handle.tx() as ctx:
        inv1, ret, inv2 = a_fortnight_of_selling(ctx)
        report = sales_register(ctx, CO, MAY_1, MAY_31)
        assert [(r["posting_date"], r["invoice"], r["customer"], r["net_total"],
                 r["tax_total"], r["grand_total"], r["outstanding_amount"], r["is_return"])
                for r in report["rows"]] == [
            (dt.date(2026, 5, 3), inv1, "Rao Traders", D("2900.00"), D("522.00"),
             D("3422.00"), D("2714.00"), False),
            (dt.date(2026, 5, 5), ret, "Rao Traders", D("-600.00"), D("-108.00"),
             D("-708.00"), D("0.00"), True),
            (dt.date(2026, 5, 6), inv2, "Mehta Stores", D("1670.00"), D("0.00"),
             D("1670.00"), D("1670.00"), False)]
        assert report["totals"] == {"net_total": D("3970.00"), "tax_total": D("414.00"),
                                    "grand_total": D("4384.00"),
                                    "outstanding_amount": D("4384.00")}
        rao = sales_register(ctx, CO, MAY_1, MAY_31, "Rao Traders")
        assert [r["invoice"] for r in rao["rows"]] == [inv1, ret]
        assert rao["totals"]["grand_total"] == D("2714.00")
        assert sales_register(ctx, CO, MAY_1, dt.date(2026, 5, 4))["totals"][
            "grand_total"] == D("3422.00")
        assert_books_in_step(ctx)


def test_gross_profit_by_invoice_and_by_item_from_the_stock_ledger(site):
    handle = stock_books(site, ("sales",))
    with handle.tx() as ctx:
        inv1, ret, inv2 = a_fortnight_of_selling(ctx)
        by_invoice = gross_profit(ctx, CO, MAY_1, MAY_31, "Invoice")
        assert figures(by_invoice["rows"], "invoice") == [
            (inv1, D("13"), D("2900.00"), D("1510.50"), D("1389.50"), D("47.91")),
            (ret, D("-3"), D("-600.00"), D("-315.00"), D("-285.00"), D("47.50")),
            (inv2, D("5"), D("1670.00"), D("890.33"), D("779.67"), D("46.69"))]
        assert by_invoice["totals"] == {
            "qty": D("15"), "selling_amount": D("3970.00"), "buying_amount": D("2085.83"),
            "gross_profit": D("1884.17"), "gross_profit_percent": D("47.46")}
        by_item = gross_profit(ctx, CO, MAY_1, MAY_31, "Item")
        assert figures(by_item["rows"], "item_code") == [
            ("CHAIR", D("12"), D("2430.00"), D("1335.00"), D("1095.00"), D("45.06")),
            ("TABLE", D("3"), D("1540.00"), D("750.83"), D("789.17"), D("51.24"))]
        assert by_item["totals"] == by_invoice["totals"]
        assert [c["fieldname"] for c in by_item["columns"]][:2] == ["item_code", "item_name"]
        mehta = gross_profit(ctx, CO, MAY_1, MAY_31, "Item", "Mehta Stores")
        assert figures(mehta["rows"], "item_code") == [
            ("CHAIR", D("3"), D("630.00"), D("390.00"), D("240.00"), D("38.10")),
            ("TABLE", D("2"), D("1040.00"), D("500.33"), D("539.67"), D("51.89"))]
        assert_books_in_step(ctx)
