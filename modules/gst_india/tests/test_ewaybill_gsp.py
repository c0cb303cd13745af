"""The NIC e-way bill API through a GSP: what the client sends (path and action, headers,
body) and how it reads the NIC envelope. A small HTTP server plays the GSP.

    SI-2526-00001 is accepted: e-way bill 351002345678 of 02/06/2025 11:30:00 AM, valid
    until 07/06/2025 11:59:00 PM; SI-2526-00002 has one already (604), which the client
    reads back with GetEwayBillGeneratedByConsigner; the rest is refused with 221.
"""

import base64
import datetime as dt
import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from modules.gst_india.ewaybill.gsp import GSPEWayBill
from modules.gst_india.ewaybill.nic import EWayBillResult, NICError, connector
from modules.gst_india.tests.builders import gst_tenant
from modules.gst_india.tests.einvoice_builders import settings

ISSUED = {"ewayBillNo": 351002345678, "ewayBillDate": "02/06/2025 11:30:00 AM",
          "validUpto": "07/06/2025 11:59:00 PM", "alert": ""}
EARLIER = {"ewayBillNo": 351002340000, "ewayBillDate": "01/06/2025 04:05:06 PM",
           "validUpto": None}
REFUSED = base64.b64encode(b'{"errorCodes":"221,"}').decode()  # as the NIC sends it


class GSP(BaseHTTPRequestHandler):
    received: list = []

    def do_POST(self):
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        self._record(body)
        action = self.path.split("action=")[-1]
        if action == "GENEWAYBILL" and body["docNo"].endswith("00001"):
            self._answer({"status": "1", "data": ISSUED})
        elif action == "GENEWAYBILL" and body["docNo"].endswith("00002"):
            self._answer({"status": "0", "error": {"errorCodes": "604", "message":
                          "E-way bill(s) are already generated for the same document "
                          "number"}})
        elif action == "CANEWB":
            self._answer({"status": "1", "data": {
                "ewayBillNo": body["ewbNo"], "cancelDate": "02/06/2025 03:15:00 PM"}})
        elif action == "VEHEWB":
            self._answer({"status": "1", "data": {
                "vehUpdDate": "02/06/2025 12:00:00 PM",
                "validUpto": "07/06/2025 11:59:00 PM"}})
        else:
            self._answer({"status": "0", "error": REFUSED})

    def do_GET(self):
        self._record(None)
        self._answer({"status": "1", "data": EARLIER})

    def _record(self, body):
        GSP.received.append((self.command, self.path, self.headers["username"],
                             self.headers["password"], self.headers["client_id"],
                             self.headers.get("gstin"), body))

    def _answer(self, answer):
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
    yield GSPEWayBill(f"http://127.0.0.1:{server.server_port}", {
        "username": "pune_ewb", "password": "s3cret", "client_id": "client",
        "client_secret": "hush"})
    server.shutdown()
    server.server_close()


def bill(number):
    return {"userGstin": "27AAPFU0939F1ZV", "docType": "INV", "docNo": number,
            "transDistance": "840"}


def test_generating_posts_the_bill_with_the_credentials(gsp):
    result = gsp.generate(bill("SI-2526-00001"))
    assert result == EWayBillResult("351002345678", dt.datetime(2025, 6, 2, 11, 30),
                                    dt.datetime(2025, 6, 7, 23, 59))
    assert GSP.received == [("POST", "/ewaybillapi/v1.03/ewayapi?action=GENEWAYBILL",
                             "pune_ewb", "s3cret", "client", "27AAPFU0939F1ZV",
                             bill("SI-2526-00001"))]


def test_a_duplicate_is_read_back_by_its_document(gsp):
    with pytest.raises(NICError) as duplicate:
        gsp.generate(bill("SI-2526-00002"))
    assert duplicate.value.code == "604"
    assert duplicate.value.existing == EWayBillResult(
        "351002340000", dt.datetime(2025, 6, 1, 16, 5, 6), None)
    assert GSP.received[1][:2] == (
        "GET", "/ewaybillapi/v1.03/ewayapi/GetEwayBillGeneratedByConsigner"
               "?docType=INV&docNo=SI-2526-00002")


def test_a_refusal_in_the_nic_encoding_is_read(gsp):
    with pytest.raises(NICError) as refused:
        gsp.generate(bill("SI-2526-00003"))
    assert (refused.value.code, refused.value.existing) == ("221", None)


def test_cancelling_and_giving_the_vehicle(gsp):
    cancelled = gsp.cancel("351002345678", "2", "Order cancelled")
    assert (cancelled.ewaybill_no, cancelled.cancel_date) == (
        "351002345678", dt.datetime(2025, 6, 2, 15, 15))
    part_b = {"vehicleNo": "KA01XY9876", "fromPlace": "Pune", "fromState": 27,
              "reasonCode": "4", "reasonRem": "Loaded", "transDocNo": "",
              "transDocDate": "", "transMode": "1", "vehicleType": "R"}
    updated = gsp.update_vehicle("351002345678", part_b)
    assert (updated.updated_on, updated.valid_upto) == (dt.datetime(2025, 6, 2, 12, 0),
                                                        dt.datetime(2025, 6, 7, 23, 59))
    assert [(r[1], r[6]) for r in GSP.received] == [
        ("/ewaybillapi/v1.03/ewayapi?action=CANEWB",
         {"ewbNo": 351002345678, "cancelRsnCode": 2, "cancelRmrk": "Order cancelled"}),
        ("/ewaybillapi/v1.03/ewayapi?action=VEHEWB", {"ewbNo": 351002345678, **part_b})]


def test_gst_settings_choose_the_gsp(site):
    shop = gst_tenant(site)
    with shop.tx() as ctx:
        assert type(connector(ctx)).__name__ == "FakeNIC"
        settings(ctx, ewaybill_connector="GSP", ewaybill_gsp_url="https://gsp.example/",
                 ewaybill_username="pune_ewb", ewaybill_password="s3cret",
                 gsp_client_id="client", gsp_client_secret="hush")
        chosen = connector(ctx)
    assert chosen == GSPEWayBill("https://gsp.example", {
        "username": "pune_ewb", "password": "s3cret", "client_id": "client",
        "client_secret": "hush"})
    with shop.client(headers=shop.auth) as api:
        data = api.get("/api/resource/GST Settings/GST Settings").json()["data"]
    assert (data["ewaybill_username"], data["ewaybill_password"]) == ("pune_ewb", "*****")
