"""Invoices, credit notes and receipts print in the accounting module's own formats."""

from core import lifecycle
from modules.accounting.tests.builders import make_company, make_fiscal_year
from tests.conftest import make_tenant

CO = "Pune Furniture"


def test_invoice_credit_note_and_receipt_print_as_an_accountant_sends_them(site):
    handle = make_tenant(site, modules=["accounting"])
    with handle.tx() as ctx:
        make_company(ctx)
        make_fiscal_year(ctx)
        lifecycle.insert(ctx, lifecycle.new_doc(ctx, "Customer", {
            "customer_name": "Rao Traders", "customer_group": "Commercial"}))
        invoice = lifecycle.insert(ctx, lifecycle.new_doc(ctx, "Sales Invoice", {
            "customer": "Rao Traders", "company": CO, "posting_date": "2026-06-01",
            "items": [{"item_name": "Teak Table", "qty": 2, "rate": "12500"}],
            "taxes": [{"account_head": "Output Tax CGST - PF", "rate": 9,
                       "description": "CGST"},
                      {"account_head": "Output Tax SGST - PF", "rate": 9,
                       "description": "SGST"}], "docstatus": 1}))
        note = lifecycle.insert(ctx, lifecycle.new_doc(ctx, "Sales Invoice", {
            "customer": "Rao Traders", "company": CO, "posting_date": "2026-06-03",
            "is_return": 1, "return_against": invoice.name,
            "items": [{"item_name": "Teak Table", "qty": -1, "rate": "12500"}],
            "docstatus": 1}))
        receipt = lifecycle.insert(ctx, lifecycle.new_doc(ctx, "Payment Entry", {
            "payment_type": "Receive", "company": CO, "posting_date": "2026-06-05",
            "party_type": "Customer", "party": "Rao Traders", "paid_amount": "5000",
            "references": [{"reference_doctype": "Sales Invoice",
                            "reference_name": invoice.name, "allocated_amount": "5000"}],
            "docstatus": 1}))
    with handle.client(headers=handle.auth) as api:
        html = api.get(f"/printview/Sales Invoice/{invoice.name}").text
        assert "Tax Invoice" in html and "Rao Traders" in html
        assert "25,000.00" in html and "2,250.00" in html and "29,500.00" in html
        credit = api.get(f"/printview/Sales Invoice/{note.name}").text
        assert "Credit Note" in credit and invoice.name in credit
        paid = api.get(f"/printview/Payment Entry/{receipt.name}").text
        assert "Payment Receipt" in paid and "5,000.00" in paid
        pdf = api.get(f"/printview/Sales Invoice/{invoice.name}.pdf")
        assert pdf.content.startswith(b"%PDF")
