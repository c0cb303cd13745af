"""Which accounts an invoice line posts to: the line's own, else the item's for the
company, else the company's default."""

from decimal import Decimal as D

from core import lifecycle
from modules.accounting.tests.builders import gl_lines, make_company, make_fiscal_year
from tests.conftest import make_tenant

CO = "Pune Furniture"


def test_item_defaults_choose_the_income_account_per_company(site):
    """Installation (an item with Service as its income account) 2,000 + a chair 3,000
    (no item default: Sales)."""
    handle = make_tenant(site, modules=["accounting"])
    with handle.tx() as ctx:
        make_company(ctx)
        make_fiscal_year(ctx)
        lifecycle.insert(ctx, lifecycle.new_doc(ctx, "Customer", {
            "customer_name": "Rao Traders", "customer_group": "Commercial"}))
        lifecycle.insert(ctx, lifecycle.new_doc(ctx, "Item", {
            "item_code": "INSTALL", "item_name": "Installation", "item_group": "Services",
            "is_stock_item": 0, "item_defaults": [{"company": CO,
                                                   "income_account": "Service - PF"}]}))
        lifecycle.insert(ctx, lifecycle.new_doc(ctx, "Item", {
            "item_code": "CHAIR", "item_name": "Chair", "item_group": "Products"}))
        invoice = lifecycle.insert(ctx, lifecycle.new_doc(ctx, "Sales Invoice", {
            "customer": "Rao Traders", "company": CO, "posting_date": "2026-06-01",
            "items": [{"item_code": "INSTALL", "qty": 1, "rate": 2000},
                      {"item_code": "CHAIR", "qty": 1, "rate": 3000}], "docstatus": 1}))
        assert [r.item_name for r in invoice.children("items")] == ["Installation", "Chair"]
        assert gl_lines(ctx, invoice.name) == [("Debtors - PF", D("5000.00"), D("0.00")),
                                               ("Sales - PF", D("0.00"), D("3000.00")),
                                               ("Service - PF", D("0.00"), D("2000.00"))]
