"""Freight of 300.00 spread over two receipt lines by amount, then a FIFO issue.

    Opening: 2 Oak Planks @ 120.00 = 240.00.
    Receipt: 7 Oak Planks @ 130.00 = 910.00 and 3 Teak Planks @ 370.00 = 1,110.00
             (2,020.00; Stock In Hand Dr / Stock Received But Not Billed Cr).
    Landed cost: freight 300.00 by amount:
      Oak  300 x 910 / 2,020 = 135.148... -> 135.15;  Teak 300 - 135.15 = 164.85.
      Stock In Hand Dr 300.00 / Expenses Included In Valuation Cr 300.00.
      Oak in stock: 240.00 + 910.00 + 135.15 = 1,285.15 (9);  Teak 1,274.85 (3).
    Issue 4 Oak (FIFO): 2 @ 120.00 + 2 @ 1,045.15 / 7 = 240.00 + 298.614... = 538.61;
      left 5 worth 746.54.
    Cancelling the voucher takes 135.15 and 164.85 back out, and the repost job
    revalues the issue to 2 @ 120 + 2 @ 130 = 500.00 (38.61 less): Oak 5 worth 650.00;
    Stock In Hand 240.00 + 2,020.00 - 500.00 = 1,760.00.
"""

from decimal import Decimal as D

import pytest

from core import lifecycle
from core.db import query
from core.errors import LinkExistsError, ValidationError
from modules.accounting.tests.builders import account_balances, gl_lines
from modules.inventory.repost import repost_item
from modules.inventory.tests.builders import (
    CO,
    STORES,
    assert_books_in_step,
    make_item,
    make_party,
    receive,
    stock_books,
)
from modules.purchase.ordering import make_purchase_receipt
from modules.purchase.tests.builders import SUPPLIER, purchase_order, stock_of, submit

FREIGHT = "Expenses Included In Valuation - PF"


def landed_cost(ctx, receipt, amount, **extra):
    return lifecycle.insert(ctx, lifecycle.new_doc(ctx, "Landed Cost Voucher", {
        "company": CO, "posting_date": "2026-05-06",
        "purchase_receipts": [{"receipt_document": receipt}],
        "taxes": [{"expense_account": FREIGHT, "description": "Freight",
                   "amount": amount}], **extra}))


def issue(ctx, item, qty, date):
    return lifecycle.insert(ctx, lifecycle.new_doc(ctx, "Stock Entry", {
        "stock_entry_type": "Material Issue", "company": CO, "posting_date": date,
        "items": [{"item_code": item, "qty": qty, "s_warehouse": STORES}],
        "docstatus": 1})).name


def test_freight_over_two_lines_by_amount_then_a_fifo_issue(site):
    handle = stock_books(site, ("purchase",))
    with handle.tx() as ctx:
        make_item(ctx, "OAK")
        make_item(ctx, "TEAK")
        make_party(ctx, "Supplier", SUPPLIER)
        receive(ctx, "OAK", 2, 120, date="2026-05-01")
        po = purchase_order(ctx, [("OAK", 7, 130), ("TEAK", 3, 370)])
        receipt = submit(ctx, make_purchase_receipt(ctx, po), posting_date="2026-05-05")

        # Charges must be positive, on ledger accounts of the company; nothing written
        with pytest.raises(ValidationError, match="Charges row 1: the amount must be"):
            landed_cost(ctx, receipt, -5)
        assert query.count(ctx, "Landed Cost Voucher") == 0

        voucher = landed_cost(ctx, receipt, 300, docstatus=1)
        assert [(r.item_code, r.amount, r.applicable_charges)
                for r in voucher.children("items")] == [
            ("OAK", D("910.00"), D("135.15")), ("TEAK", D("1110.00"), D("164.85"))]
        assert gl_lines(ctx, voucher.name) == [
            (FREIGHT, D("0.00"), D("300.00")), ("Stock In Hand - PF", D("300.00"), D("0.00"))]
        assert stock_of(ctx, "OAK") == (D("9"), D("1285.15"))
        assert stock_of(ctx, "TEAK") == (D("3"), D("1274.85"))
        revaluations = query.select_rows(ctx, "Stock Ledger Entry", fields=[
            "item_code", "voucher_no", "actual_qty", "stock_value_difference"],
            filters={"is_adjustment": 1}, order_by="item_code asc")
        assert [(r["item_code"], r["voucher_no"], r["actual_qty"],
                 r["stock_value_difference"]) for r in revaluations] == [
            ("OAK", receipt, D("0"), D("135.15")), ("TEAK", receipt, D("0"), D("164.85"))]
        assert_books_in_step(ctx)

    with handle.tx() as ctx:
        issued = issue(ctx, "OAK", 4, "2026-05-07")
        assert gl_lines(ctx, issued) == [("Stock Adjustment - PF", D("538.61"), D("0.00")),
                                         ("Stock In Hand - PF", D("0.00"), D("538.61"))]
        assert stock_of(ctx, "OAK") == (D("5"), D("746.54"))
        with pytest.raises(LinkExistsError):
            lifecycle.cancel(ctx, "Purchase Receipt", receipt)
        assert_books_in_step(ctx)

    with handle.tx() as ctx:
        lifecycle.cancel(ctx, "Landed Cost Voucher", voucher.name)
    with handle.tx() as ctx:  # the repost job ran after that commit (inline jobs)
        assert stock_of(ctx, "OAK") == (D("5"), D("650.00"))
        assert stock_of(ctx, "TEAK") == (D("3"), D("1110.00"))
        assert gl_lines(ctx, issued) == [
            ("Stock Adjustment - PF", D("0.00"), D("38.61")),
            ("Stock Adjustment - PF", D("538.61"), D("0.00")),
            ("Stock In Hand - PF", D("0.00"), D("538.61")),
            ("Stock In Hand - PF", D("38.61"), D("0.00"))]
        balances = account_balances(ctx, CO)
        assert FREIGHT not in balances
        # (SQLite sums NUMERIC columns as floats: compare at the paisa)
        assert balances["Stock In Hand - PF"].quantize(D("0.01")) == D("1760.00")
        assert_books_in_step(ctx)


def test_charges_spread_by_quantity(site):
    """100.00 over 1 Oak and 2 Teak by quantity: 33.33 and 100 - 33.33 = 66.67.

    Cancelling the voucher and then the receipt leaves nothing in stock or in the ledger,
    and replaying the stock ledger agrees (no revaluation left to make).
    """
    handle = stock_books(site, ("purchase",))
    with handle.tx() as ctx:
        make_item(ctx, "OAK")
        make_item(ctx, "TEAK")
        make_party(ctx, "Supplier", SUPPLIER)
        po = purchase_order(ctx, [("OAK", 1, 500), ("TEAK", 2, 50)])
        receipt = submit(ctx, make_purchase_receipt(ctx, po), posting_date="2026-05-05")
        voucher = landed_cost(ctx, receipt, 100, distribute_charges_based_on="Qty",
                              docstatus=1)
        assert [r.applicable_charges for r in voucher.children("items")] == [
            D("33.33"), D("66.67")]
        assert stock_of(ctx, "OAK") == (D("1"), D("533.33"))
        assert stock_of(ctx, "TEAK") == (D("2"), D("166.67"))
        assert_books_in_step(ctx)
    with handle.tx() as ctx:  # undone, newest first: the ledger replays to nothing
        lifecycle.cancel(ctx, "Landed Cost Voucher", voucher.name)
        lifecycle.cancel(ctx, "Purchase Receipt", receipt)
    with handle.tx() as ctx:
        assert repost_item(ctx, "OAK", STORES, CO) == 0
        assert stock_of(ctx, "OAK") == (D("0"), D("0"))
        assert account_balances(ctx, CO) == {}
        assert_books_in_step(ctx)
