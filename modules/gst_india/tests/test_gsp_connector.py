"""The IRP through a GSP: the client posts the e-invoice with the tenant's credentials
and stores the IRN the GSP returns, or the GSP's error on the invoice. A small HTTP
server plays the GSP; its answers follow the NIC envelope."""

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from core.db import query
from modules.gst_india.tests.builders import gst_tenant, sales_invoice
from modules.gst_india.tests.einvoice_builders import (
    CHAIR_AND_STOOL,
    customers,
    einvoicing_company,
    furniture,
    settings,
)

GSP_IRN = "a" * 64


class GSP(BaseHTTPRequestHandler):
    """Accepts invoice 00001 and refuses the others with error 2172 (totals)."""

    received: list = []

    def do_POST(self):
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        GSP.received.append((self.path, self.headers["user_name"],
                             self.headers["password"], body))
        if body["DocDtls"]["No"].endswith("00001"):
            answer = {"Status": 1, "Data": {
                "Irn": GSP_IRN, "AckNo": 182510012345678, "AckDt": "2025-06-02 11:30:00",
                "SignedInvoice": "h.i.s", "SignedQRCode": "h.q.s"}}
        else:
            answer = {"Status": 0, "ErrorDetails": [{
                "ErrorCode": "2172", "ErrorMessage": "Invalid total invoice value"}]}
        data = json.dumps(answer).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args):
        pass


@pytest.fixture
def gsp():
    server = ThreadingHTTPServer(("127.0.0.1", 0), GSP)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    GSP.received = []
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    server.server_close()


@pytest.fixture
def shop(site, gsp):
    handle = gst_tenant(site)
    with handle.tx() as ctx:
        einvoicing_company(ctx)
        furniture(ctx)
        customers(ctx)
        settings(ctx, irp_connector="GSP", gsp_url=gsp, gsp_username="pune_api",
                 gsp_password="s3cret", gsp_client_id="client", gsp_client_secret="hush")
    return handle


def stored(shop, name):
    with shop.tx() as ctx:
        return query.select_rows(ctx, "Sales Invoice", filters={"name": name}, fields=[
            "einvoice_status", "irn", "ack_no", "signed_qr_code", "einvoice_error"])[0]


def test_the_gsp_answer_is_stored_and_its_refusal_recorded(shop):
    with shop.tx() as ctx:
        accepted = sales_invoice(ctx, "Mumbai Traders", "2025-06-02", CHAIR_AND_STOOL).name
    assert stored(shop, accepted) == {
        "einvoice_status": "Generated", "irn": GSP_IRN, "ack_no": "182510012345678",
        "signed_qr_code": "h.q.s", "einvoice_error": None}
    path, user, password, body = GSP.received[0]
    assert (path, user, password) == ("/eicore/v1.03/Invoice", "pune_api", "s3cret")
    assert body["ValDtls"]["TotInvVal"] == 1475.0
    with shop.tx() as ctx:
        refused = sales_invoice(ctx, "Mumbai Traders", "2025-06-03", CHAIR_AND_STOOL).name
    assert stored(shop, refused) == {
        "einvoice_status": "Failed", "irn": None, "ack_no": None, "signed_qr_code": None,
        "einvoice_error": "2172: Invalid total invoice value"}


def test_the_credentials_are_not_shown_back(shop):
    with shop.client(headers=shop.auth) as api:
        data = api.get("/api/resource/GST Settings/GST Settings").json()["data"]
    assert (data["gsp_username"], data["gsp_password"], data["gsp_client_secret"]) == (
        "pune_api", "*****", "*****")


def test_an_unreachable_gsp_leaves_the_invoice_pending_for_a_retry(shop):
    with shop.tx() as ctx:
        settings(ctx, gsp_url="http://127.0.0.1:9")  # nothing listens there
        name = sales_invoice(ctx, "Mumbai Traders", "2025-06-02", CHAIR_AND_STOOL).name
    assert stored(shop, name)["einvoice_status"] == "Pending"
    with shop.tx() as ctx:
        job = query.select_rows(ctx, "Background Job", fields=["status", "error"])
    assert job[0]["status"] == "failed"
    assert "Connection refused" in job[0]["error"]
