"""The fields an e-way bill adds to a document: the NIC's answer (read-only, written by
the jobs) and the transport (filled in after submission). All may change on a submitted
document; the NIC's answer is stored with a direct row update."""

from __future__ import annotations

from typing import Any

from modules.gst_india.ewaybill.nic import CANCEL_REASONS

STATUSES = "\nNot Applicable\nPending\nGenerated\nFailed\nCancelled"


def _nic(fieldname: str, fieldtype: str, label: str, **extra: Any) -> dict[str, Any]:
    return {"fieldname": fieldname, "fieldtype": fieldtype, "label": label,
            "read_only": 1, "allow_on_submit": 1, **extra}


def _transport(fieldname: str, fieldtype: str, label: str, **extra: Any) -> dict[str, Any]:
    return {"fieldname": fieldname, "fieldtype": fieldtype, "label": label,
            "allow_on_submit": 1, **extra}


EWAYBILL_FIELDS = [
    {"fieldname": "section_ewaybill", "fieldtype": "Section Break", "label": "e-Way Bill"},
    _nic("ewaybill_status", "Select", "e-Way Bill Status", options=STATUSES),
    _nic("ewaybill_no", "Data", "e-Way Bill Number"),
    _nic("ewaybill_date", "Datetime", "e-Way Bill Date"),
    _nic("ewaybill_valid_upto", "Datetime", "e-Way Bill Valid Up To",
         description="Empty until the vehicle (Part-B) is given"),
    {"fieldname": "column_ewaybill", "fieldtype": "Column Break"},
    _nic("ewaybill_error", "Small Text", "e-Way Bill Error"),
    _nic("ewaybill_cancel_date", "Datetime", "e-Way Bill Cancelled On"),
    _transport("ewaybill_cancel_reason", "Select", "e-Way Bill Cancellation Reason",
               options="\n".join(("", *CANCEL_REASONS)),
               description="1 Duplicate, 2 Order Cancelled, 3 Data Entry Mistake, "
                           "4 Others"),
    _transport("ewaybill_cancel_remark", "Data", "e-Way Bill Cancellation Remark"),
]

TRANSPORT_FIELDS = [
    {"fieldname": "section_transport", "fieldtype": "Section Break",
     "label": "Transport (e-Way Bill)"},
    _transport("transporter_gstin", "Data", "Transporter ID"),
    _transport("transporter_name", "Data", "Transporter Name"),
    _transport("mode_of_transport", "Select", "Mode of Transport",
               options="\nRoad\nRail\nAir\nShip"),
    _transport("distance", "Int", "Distance (km)"),
    {"fieldname": "column_transport", "fieldtype": "Column Break"},
    _transport("vehicle_no", "Data", "Vehicle Number"),
    _transport("vehicle_type", "Select", "Vehicle Type",
               options="\nRegular\nOver Dimensional Cargo"),
    _transport("lr_no", "Data", "Transport Document Number"),
    _transport("lr_date", "Date", "Transport Document Date"),
]

CHALLAN_FIELDS = [
    _nic("challan_no", "Data", "Delivery Challan Number",
         description="The GST serial number of the challan (at most 16 characters), "
                     "given at submission from the series of GST Settings"),
]
