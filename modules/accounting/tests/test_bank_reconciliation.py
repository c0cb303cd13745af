"""Bank statements in, matched to payments: CSV and OFX imports, suggestions, matching,
and a payment created for a line nobody entered.

    Statement (HDFC current account):
      3 May  deposit  11,800.00  NEFT RAO TRADERS  ref UTR123    <- receipt PAY-1 (ref UTR123)
      5 May  withdrawal  450.00  BANK CHARGES                     <- nothing entered yet
"""

from decimal import Decimal as D

import pytest

from core import lifecycle
from core.db import query
from modules.accounting.banking.reconciliation import import_statement
from modules.accounting.tests.builders import make_company, make_fiscal_year
from tests.conftest import make_tenant

CO = "Pune Furniture"
CSV = """Date,Description,Reference,Deposit,Withdrawal
03/05/2026,NEFT RAO TRADERS,UTR123,"11,800.00",
05/05/2026,BANK CHARGES,,,450.00
"""
OFX = """OFXHEADER:100
DATA:OFXSGML
<OFX><BANKMSGSRSV1><STMTTRNRS><STMTRS><BANKTRANLIST>
<STMTTRN><TRNTYPE>CREDIT<DTPOSTED>20260507<TRNAMT>2500.00<FITID>A1<NAME>UPI MEERA
<STMTTRN><TRNTYPE>DEBIT<DTPOSTED>20260508120000<TRNAMT>-99.50<FITID>A2<NAME>SMS FEES
</BANKTRANLIST></STMTRS></STMTTRNRS></BANKMSGSRSV1></OFX>
"""


@pytest.fixture
def bank(site):
    handle = make_tenant(site, modules=["accounting"])
    with handle.tx() as ctx:
        make_company(ctx)
        make_fiscal_year(ctx)
        lifecycle.insert(ctx, lifecycle.new_doc(ctx, "Customer", {
            "customer_name": "Rao Traders", "customer_group": "Commercial"}))
        lifecycle.insert(ctx, lifecycle.new_doc(ctx, "Supplier", {
            "supplier_name": "HDFC Bank", "supplier_group": "Services"}))
        lifecycle.insert(ctx, lifecycle.new_doc(ctx, "Bank Account", {
            "account_name": "HDFC Current", "company": CO,
            "account": "Bank Account - PF", "bank": "HDFC"}))
    return handle


def test_statement_lines_are_imported_once_and_matched_to_payments(bank):
    with bank.client(headers=bank.auth) as api:
        first = api.post("/api/method/accounting.import_bank_statement", json={
            "bank_account": "HDFC Current", "content": CSV, "file_format": "csv"})
        assert first.json()["message"] == {"imported": 2, "skipped": 0}
        again = api.post("/api/method/accounting.import_bank_statement", json={
            "bank_account": "HDFC Current", "content": CSV, "file_format": "csv"})
        assert again.json()["message"] == {"imported": 0, "skipped": 2}
        lines = api.get("/api/resource/Bank Transaction", params={
            "fields": '["name","date","deposit","withdrawal","status"]',
            "order_by": "date asc"}).json()["data"]
        assert [(x["date"], x["deposit"], x["withdrawal"], x["status"]) for x in lines] == [
            ("2026-05-03", 11800.0, 0.0, "Unreconciled"),
            ("2026-05-05", 0.0, 450.0, "Unreconciled")]
        receipt = api.post("/api/resource/Payment Entry", json={
            "payment_type": "Receive", "company": CO, "posting_date": "2026-05-02",
            "party_type": "Customer", "party": "Rao Traders", "paid_to": "Bank Account - PF",
            "paid_amount": 11800, "reference_no": "UTR123", "docstatus": 1}).json()["data"]
        found = api.get("/api/method/accounting.bank_reconciliation_suggestions", params={
            "bank_transaction": lines[0]["name"]}).json()["message"]
        assert [(s["payment_entry"], s["amount"], s["reference_matches"]) for s in found] == [
            (receipt["name"], 11800.0, True)]
        matched = api.post("/api/method/accounting.reconcile_bank_transaction", json={
            "bank_transaction": lines[0]["name"], "vouchers": [
                {"payment_document": "Payment Entry", "payment_entry": receipt["name"],
                 "allocated_amount": 11800}]}).json()["message"]
        assert (matched["status"], matched["unallocated_amount"]) == ("Reconciled", 0.0)
        assert api.get(f"/api/resource/Payment Entry/{receipt['name']}").json()["data"][
            "clearance_date"] == "2026-05-03"
        twice = api.post("/api/method/accounting.reconcile_bank_transaction", json={
            "bank_transaction": lines[1]["name"], "vouchers": [
                {"payment_document": "Payment Entry", "payment_entry": receipt["name"],
                 "allocated_amount": 450}]})
        assert twice.status_code == 422

        made = api.post("/api/method/accounting.create_payment_from_bank_transaction", json={
            "bank_transaction": lines[1]["name"], "party_type": "Supplier",
            "party": "HDFC Bank"}).json()["message"]
        payment = api.get(f"/api/resource/Payment Entry/{made}").json()["data"]
        assert (payment["payment_type"], payment["paid_from"], payment["paid_amount"],
                payment["docstatus"]) == ("Pay", "Bank Account - PF", 450.0, 1)
    with bank.tx() as ctx:
        assert query.get_value(ctx, "Bank Transaction", lines[1]["name"], "status") == \
            "Reconciled"


def test_ofx_statements_import_with_the_banks_ids(bank):
    with bank.tx() as ctx:
        assert import_statement(ctx, "HDFC Current", OFX, "ofx") == {"imported": 2,
                                                                     "skipped": 0}
        rows = query.select_rows(ctx, "Bank Transaction", fields=[
            "transaction_id", "date", "deposit", "withdrawal", "description"],
            order_by="date asc")
        assert [(r["transaction_id"], str(r["date"]), r["deposit"], r["withdrawal"],
                 r["description"]) for r in rows] == [
            ("A1", "2026-05-07", D("2500.00"), D("0.00"), "UPI MEERA"),
            ("A2", "2026-05-08", D("0.00"), D("99.50"), "SMS FEES")]


def test_a_malformed_statement_is_refused_and_nothing_imported(bank):
    with bank.client(headers=bank.auth) as api:
        bad = api.post("/api/method/accounting.import_bank_statement", json={
            "bank_account": "HDFC Current", "file_format": "csv",
            "content": "Date,Deposit\n31/02/2026,10\n"})
        assert bad.status_code == 422 and "not a date" in bad.json()["message"]
        assert api.get("/api/resource/Bank Transaction").json()["data"] == []
