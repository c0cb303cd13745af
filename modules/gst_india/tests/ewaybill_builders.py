"""Builders for e-way bill scenarios: the Bengaluru consignment of test_ewaybill_json.py
(40 x Chair @ 1,275.50 = 51,020.00 + IGST 18% 9,183.60 = 60,203.60, 840 km by road) and
helpers to call the e-way bill methods and read what the NIC answered."""

from __future__ import annotations

from typing import Any

from core.db import query
from modules.gst_india.tests.builders import sales_invoice

NIC_FIELDS = ["ewaybill_status", "ewaybill_no", "ewaybill_date", "ewaybill_valid_upto",
              "ewaybill_error", "ewaybill_cancel_date", "vehicle_no", "docstatus"]
BY_ROAD = {"mode_of_transport": "Road", "vehicle_no": "MH 12 AB 1234",
           "vehicle_type": "Regular", "distance": 840}


def bengaluru_consignment(shop: Any, **transport: Any) -> str:
    with shop.tx() as ctx:
        return sales_invoice(ctx, "Bengaluru Interiors", "2025-06-02",
                             [("CHAIR", 40, "1275.50")], **transport).name


def call(shop: Any, method: str, **body: Any) -> Any:
    with shop.client(headers=shop.auth) as api:
        return api.post(f"/api/method/gst.{method}", json=body)


def nic_fields(shop: Any, doctype: str, name: str) -> dict[str, Any]:
    with shop.tx() as ctx:
        return query.select_rows(ctx, doctype, fields=NIC_FIELDS,
                                 filters={"name": name})[0]


def sandbox_ewaybills(shop: Any) -> list[dict[str, Any]]:
    with shop.tx() as ctx:
        return query.select_rows(ctx, "NIC Sandbox e-Way Bill", fields=[
            "ewaybill_no", "doc_type", "doc_no", "valid_upto", "vehicle_no", "cancel_date"],
            order_by="ewaybill_no")


def jobs_of(shop: Any, method: str) -> list[str]:
    with shop.tx() as ctx:
        return [j["status"] for j in query.select_rows(
            ctx, "Background Job", fields=["status"],
            filters={"method": f"modules.gst_india.ewaybill.jobs.{method}"})]
