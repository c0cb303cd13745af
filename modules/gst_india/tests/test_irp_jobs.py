"""Submitting an invoice asks the IRP for its IRN after the commit; cancelling it
cancels the IRN, only within 24 hours of the acknowledgement.

The fake IRP answers like the NIC sandbox: IRN = sha256(seller GSTIN + financial year +
document type + number), acknowledgement 112010000000001 for the tenant's first IRN.
"""

import datetime as dt
import hashlib

import pytest

from core import lifecycle
from core.db import query
from modules.accounting.tests.builders import (
    account_balances,
    assert_ledger_balanced,
    assert_subledger_consistent,
    gl_lines,
)
from modules.gst_india.einvoice import jobs
from modules.gst_india.einvoice.errors import IRNCancelWindowClosed
from modules.gst_india.einvoice.signing import signed_data
from modules.gst_india.tests.builders import CO, D, sales_invoice
from modules.gst_india.tests.einvoice_builders import (
    CHAIR_AND_STOOL,
    customer_at,
    einvoicing_shop,
)

FIRST_IRN = hashlib.sha256(b"27AAPFU0939F1ZV2025-26INVSI-2526-00001").hexdigest()
IRP_FIELDS = ["einvoice_status", "irn", "ack_no", "ack_date", "signed_qr_code",
              "einvoice_error", "irn_cancel_date", "docstatus"]


@pytest.fixture
def shop(site):
    handle = einvoicing_shop(site)
    with handle.tx() as ctx:
        customer_at(ctx, "Walk-in Buyer", None, "1 FC Road", "Pune", "Maharashtra",
                    "411004")
    return handle


def submitted(shop, party="Mumbai Traders"):
    with shop.tx() as ctx:
        return sales_invoice(ctx, party, "2025-06-02", CHAIR_AND_STOOL).name


def irp_fields(shop, name):
    with shop.tx() as ctx:
        return query.select_rows(ctx, "Sales Invoice", fields=IRP_FIELDS,
                                 filters={"name": name})[0]


def sandbox_irns(shop):
    with shop.tx() as ctx:
        return query.select_rows(ctx, "IRP Sandbox IRN", fields=["irn", "cancel_date"])


def test_submitting_a_b2b_invoice_stores_its_irn_and_signed_qr_code(shop):
    name = submitted(shop)
    stored = irp_fields(shop, name)
    assert (stored["einvoice_status"], stored["irn"], stored["ack_no"],
            stored["einvoice_error"]) == ("Generated", FIRST_IRN, "112010000000001", None)
    qr = signed_data(stored["signed_qr_code"])
    assert qr | {"IrnDt": None} == {
        "SellerGstin": "27AAPFU0939F1ZV", "BuyerGstin": "27AABCR1234M1ZD",
        "DocNo": "SI-2526-00001", "DocTyp": "INV", "DocDt": "02/06/2025",
        "TotInvVal": 1475.0, "ItemCnt": 2, "MainHsnCode": "94017100", "Irn": FIRST_IRN,
        "AckNo": "112010000000001", "IrnDt": None}
    assert qr["IrnDt"] == stored["ack_date"].strftime("%Y-%m-%d %H:%M:%S")
    with shop.tx() as ctx:
        job = query.select_rows(ctx, "Background Job", fields=["method", "status"])
        assert job == [{"method": "modules.gst_india.einvoice.jobs.generate_irn",
                        "status": "finished"}]


def test_a_sale_to_an_unregistered_buyer_needs_no_irn(shop):
    name = submitted(shop, "Walk-in Buyer")
    assert irp_fields(shop, name)["einvoice_status"] == "Not Applicable"
    with shop.tx() as ctx:
        assert query.count(ctx, "Background Job") == 0


def test_running_the_job_again_asks_nothing_twice(shop):
    name = submitted(shop)
    first = irp_fields(shop, name)
    with shop.tx() as ctx:
        jobs.generate_irn(ctx, name)  # a retry: the invoice has its IRN already
    assert irp_fields(shop, name) == first
    assert len(sandbox_irns(shop)) == 1


def test_an_irn_lost_on_the_way_back_is_taken_from_the_duplicate_answer(shop):
    """The IRP issued the IRN, but the answer never reached us: asked again, it refuses
    with error 2150 and the IRN it issued, which is stored."""
    name = submitted(shop)
    first = irp_fields(shop, name)
    with shop.tx() as ctx:
        query.update_row(ctx, "Sales Invoice", name, {
            "einvoice_status": "Pending", "irn": None, "ack_no": None, "ack_date": None,
            "signed_qr_code": None})
        jobs.generate_irn(ctx, name)
    assert irp_fields(shop, name) == first
    assert len(sandbox_irns(shop)) == 1


def test_cancelling_within_24_hours_cancels_the_irn(shop):
    name = submitted(shop)
    acknowledged = irp_fields(shop, name)["ack_date"]
    with shop.tx() as ctx:
        ctx.now = acknowledged + dt.timedelta(hours=2)
        lifecycle.cancel(ctx, "Sales Invoice", name)
    stored = irp_fields(shop, name)
    assert (stored["docstatus"], stored["einvoice_status"]) == (2, "Cancelled")
    assert stored["irn_cancel_date"] is not None
    assert sandbox_irns(shop) == [{"irn": FIRST_IRN, "cancel_date": stored["irn_cancel_date"]}]
    with shop.tx() as ctx:
        assert account_balances(ctx, CO) == {}  # the reversal nets every account
        assert_ledger_balanced(ctx, CO)
        assert_subledger_consistent(ctx)


def test_cancelling_after_24_hours_is_refused_for_a_credit_note(shop):
    name = submitted(shop)
    acknowledged = irp_fields(shop, name)["ack_date"]
    with shop.tx() as ctx, pytest.raises(IRNCancelWindowClosed) as refused:
        ctx.now = acknowledged + dt.timedelta(hours=24, minutes=1)
        lifecycle.cancel(ctx, "Sales Invoice", name)
    assert refused.value.field == "irn"
    assert "Issue a credit note" in refused.value.message
    stored = irp_fields(shop, name)
    assert (stored["docstatus"], stored["einvoice_status"]) == (1, "Generated")
    assert sandbox_irns(shop)[0]["cancel_date"] is None
    with shop.tx() as ctx:
        assert gl_lines(ctx, name) == [
            ("Debtors - PF", D("1475.00"), D("0")),
            ("Output Tax CGST - PF", D("0"), D("112.50")),
            ("Output Tax SGST - PF", D("0"), D("112.50")),
            ("Sales - PF", D("0"), D("1250.00"))]
        assert_ledger_balanced(ctx, CO)


def test_an_invoice_amended_after_cancellation_gets_an_irn_of_its_own(shop):
    name = submitted(shop)
    acknowledged = irp_fields(shop, name)["ack_date"]
    with shop.tx() as ctx:
        ctx.now = acknowledged + dt.timedelta(hours=1)
        lifecycle.cancel(ctx, "Sales Invoice", name)
        amended = lifecycle.amend(ctx, "Sales Invoice", name)
        assert (amended.name, amended.irn, amended.ack_no, amended.einvoice_status) == (
            "SI-2526-00001-1", None, None, None)
        lifecycle.submit(ctx, amended)
    stored = irp_fields(shop, "SI-2526-00001-1")
    assert stored["einvoice_status"] == "Generated"
    assert stored["irn"] == hashlib.sha256(
        b"27AAPFU0939F1ZV2025-26INVSI-2526-00001-1").hexdigest()
