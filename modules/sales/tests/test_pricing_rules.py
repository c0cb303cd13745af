"""Pricing rules on invoices, orders and deliveries, to the paisa on the ledger.

    Standard Selling: Chair 1,049.50, Table 3,999.90. Chair is in Seating, below
    Furniture; Table is in Furniture. Rao Traders is Commercial, Anand Stores Individual.
    Rules:  Furniture 10% off (priority 1)                 -> covers Seating's Chair too
            Chair 75.00 off for Commercial (priority 1)    -> more specific than Furniture
            Seating at 800.00 from 10 units (priority 2)
            Table 12.5% off in June (priority 5)

    May invoice, Rao Traders:
        3 Chairs at 1,049.50 - 75.00 = 974.50          2,923.50
        10 Chairs at 800.00                            8,000.00
        1 Table at 3,999.90 - 10% = 3,599.91           3,599.91
        1 Chair, rule ignored, at 990.00                 990.00
                                                      15,513.41
    June invoice, Anand Stores:
        1 Table at 3,999.90 - 12.5% = 3,499.91         3,499.91
        3 Chairs at 1,049.50 - 10% = 944.55            2,833.65
                                                       6,333.56
"""

from decimal import Decimal as D

import pytest

from core import lifecycle
from core.db import query
from core.errors import ValidationError
from modules.accounting.tests.builders import gl_lines
from modules.inventory.tests.builders import (
    CO,
    assert_books_in_step,
    make_item,
    make_party,
    receive,
    stock_books,
)
from modules.sales.invoicing import make_sales_invoice
from modules.sales.ordering import make_delivery_note

LIST = "Standard Selling"
DEBTORS, SALES = "Debtors - PF", "Sales - PF"


def insert(ctx, doctype, values):
    return lifecycle.insert(ctx, lifecycle.new_doc(ctx, doctype, values))


def priced_books(site):
    handle = stock_books(site, ("sales",))
    with handle.tx() as ctx:
        insert(ctx, "Item Group", {"item_group_name": "Furniture", "is_group": 1,
                                   "parent_item_group": "All Item Groups"})
        insert(ctx, "Item Group", {"item_group_name": "Seating",
                                   "parent_item_group": "Furniture"})
        make_item(ctx, "CHAIR", group="Seating")
        make_item(ctx, "TABLE", group="Furniture")
        make_party(ctx, "Customer", "Rao Traders")
        insert(ctx, "Customer", {"customer_name": "Anand Stores",
                                 "customer_group": "Individual"})
        insert(ctx, "Price List", {"price_list_name": LIST, "selling": 1})
        for item, rate in (("CHAIR", "1049.50"), ("TABLE", "3999.90")):
            insert(ctx, "Item Price", {"item_code": item, "price_list": LIST,
                                       "price_list_rate": rate})
        rules = {
            "furniture": {"apply_on": "Item Group", "item_group": "Furniture",
                          "discount_percentage": 10, "priority": 1},
            "commercial chairs": {"item_code": "CHAIR", "applicable_for": "Customer Group",
                                  "customer_group": "Commercial", "priority": 1,
                                  "rate_or_discount": "Discount Amount",
                                  "discount_amount": 75},
            "seating in bulk": {"apply_on": "Item Group", "item_group": "Seating",
                                "min_qty": 10, "rate_or_discount": "Rate", "rate": 800,
                                "priority": 2},
            "june tables": {"item_code": "TABLE", "discount_percentage": "12.5",
                            "valid_from": "2026-06-01", "valid_upto": "2026-06-30",
                            "priority": 5, "company": CO},
        }
        names = {title: insert(ctx, "Pricing Rule", {"title": title, **values}).name
                 for title, values in rules.items()}
    return handle, names


def lines(doc):
    return [(r.item_code, r.qty, r.price_list_rate, r.rate, r.pricing_rule)
            for r in doc.children("items")]


def test_rules_price_the_invoice_lines_to_the_paisa(site):
    handle, rule = priced_books(site)
    with handle.tx() as ctx:
        may = insert(ctx, "Sales Invoice", {
            "customer": "Rao Traders", "company": CO, "posting_date": "2026-05-10",
            "selling_price_list": LIST, "docstatus": 1, "items": [
                {"item_code": "CHAIR", "qty": 3}, {"item_code": "CHAIR", "qty": 10},
                {"item_code": "TABLE", "qty": 1},
                {"item_code": "CHAIR", "qty": 1, "rate": 990, "ignore_pricing_rule": 1}]})
        assert lines(may) == [
            ("CHAIR", D("3"), D("1049.50"), D("974.50"), rule["commercial chairs"]),
            ("CHAIR", D("10"), D("1049.50"), D("800.00"), rule["seating in bulk"]),
            ("TABLE", D("1"), D("3999.90"), D("3599.91"), rule["furniture"]),
            ("CHAIR", D("1"), None, D("990"), None)]
        assert [(r.discount_percentage, r.discount_amount) for r in may.children("items")][:3] \
            == [(D("0"), D("75.00")), (D("0"), D("249.50")), (D("10"), D("399.99"))]
        assert gl_lines(ctx, may.name) == [(DEBTORS, D("15513.41"), D("0.00")),
                                           (SALES, D("0.00"), D("15513.41"))]
        june = insert(ctx, "Sales Invoice", {
            "customer": "Anand Stores", "company": CO, "posting_date": "2026-06-15",
            "selling_price_list": LIST, "docstatus": 1, "items": [
                {"item_code": "TABLE", "qty": 1}, {"item_code": "CHAIR", "qty": 3}]})
        assert lines(june) == [
            ("TABLE", D("1"), D("3999.90"), D("3499.91"), rule["june tables"]),
            ("CHAIR", D("3"), D("1049.50"), D("944.55"), rule["furniture"])]
        assert gl_lines(ctx, june.name) == [(DEBTORS, D("6333.56"), D("0.00")),
                                            (SALES, D("0.00"), D("6333.56"))]
        assert_books_in_step(ctx)


def test_an_order_keeps_its_price_through_a_smaller_delivery(site):
    """10 Chairs ordered at the bulk rate of 800.00; delivering and billing 6 of them
    keeps 800.00 though 6 is below the rule's minimum: 4,800.00 billed. An order that
    ignores pricing rules takes the list price, 1,049.50."""
    handle, rule = priced_books(site)
    with handle.tx() as ctx:
        receive(ctx, "CHAIR", 10, 600)
        order = insert(ctx, "Sales Order", {
            "customer": "Rao Traders", "company": CO, "transaction_date": "2026-05-10",
            "selling_price_list": LIST, "docstatus": 1,
            "items": [{"item_code": "CHAIR", "qty": 10}]})
        assert lines(order) == [("CHAIR", D("10"), D("1049.50"), D("800.00"),
                                 rule["seating in bulk"])]
        assert order.total == D("8000.00")
        draft = make_delivery_note(ctx, order.name)
        draft["items"][0]["qty"] = 6
        note = insert(ctx, "Delivery Note", draft | {"posting_date": "2026-05-11",
                                                     "docstatus": 1})
        assert lines(note) == [("CHAIR", D("6"), D("1049.50"), D("800.00"),
                                rule["seating in bulk"])]
        invoice = insert(ctx, "Sales Invoice", make_sales_invoice(ctx, note.name) | {
            "posting_date": "2026-05-12", "docstatus": 1})
        assert gl_lines(ctx, invoice.name) == [(DEBTORS, D("4800.00"), D("0.00")),
                                               (SALES, D("0.00"), D("4800.00"))]
        plain = insert(ctx, "Sales Order", {
            "customer": "Rao Traders", "company": CO, "transaction_date": "2026-05-10",
            "selling_price_list": LIST, "ignore_pricing_rule": 1,
            "items": [{"item_code": "CHAIR", "qty": 10}]})
        assert lines(plain) == [("CHAIR", D("10"), D("1049.50"), D("1049.50"), None)]
        assert_books_in_step(ctx)


def test_a_quotation_line_left_below_the_minimum_loses_the_rule(site):
    handle, rule = priced_books(site)
    with handle.tx() as ctx:
        quote = insert(ctx, "Quotation", {
            "customer": "Rao Traders", "company": CO, "transaction_date": "2026-05-10",
            "selling_price_list": LIST, "items": [{"item_code": "CHAIR", "qty": 12}]})
        assert lines(quote) == [("CHAIR", D("12"), D("1049.50"), D("800.00"),
                                 rule["seating in bulk"])]
        quote.children("items")[0].qty = D("2")
        quote = lifecycle.save(ctx, quote)
        assert lines(quote) == [("CHAIR", D("2"), D("1049.50"), D("974.50"),
                                 rule["commercial chairs"])]
        assert quote.total == D("1949.00")


def test_the_api_prices_a_draft_without_saving_it(site):
    handle, rule = priced_books(site)
    with handle.client(headers=handle.auth) as api:
        response = api.post("/api/method/sales.apply_pricing_rule", json={"doc": {
            "doctype": "Sales Order", "customer": "Anand Stores", "company": CO,
            "transaction_date": "2026-06-15", "selling_price_list": LIST,
            "items": [{"item_code": "TABLE", "qty": 2}]}})
        assert response.status_code == 200
        [line] = response.json()["message"]
        assert (line["rate"], line["price_list_rate"], line["pricing_rule"]) == (
            3499.91, 3999.9, rule["june tables"])
        wrong = api.post("/api/method/sales.apply_pricing_rule",
                         json={"doc": {"doctype": "Item", "items": []}})
        assert wrong.status_code == 422
    with handle.tx() as ctx:
        assert query.count(ctx, "Sales Order") == 0


def test_a_rule_needs_what_it_applies_to_and_a_sane_discount(site):
    handle, _ = priced_books(site)
    with handle.tx() as ctx:
        with pytest.raises(ValidationError, match="needs the item group") as missing:
            insert(ctx, "Pricing Rule", {"title": "no group", "apply_on": "Item Group",
                                         "discount_percentage": 5})
        assert missing.value.field == "item_group"
        with pytest.raises(ValidationError, match="cannot be above 100") as too_much:
            insert(ctx, "Pricing Rule", {"title": "free plus", "item_code": "CHAIR",
                                         "discount_percentage": 120})
        assert too_much.value.field == "discount_percentage"
        with pytest.raises(ValidationError, match="needs the customer group"):
            insert(ctx, "Pricing Rule", {"title": "whose", "item_code": "CHAIR",
                                         "applicable_for": "Customer Group",
                                         "discount_percentage": 5})
        assert query.count(ctx, "Pricing Rule") == 4
