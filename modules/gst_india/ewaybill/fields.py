"""The fields an e-way bill adds to a document: the NIC's answer (read-only, written by
the jobs) and the transport (filled in after submission). All may change on a submitted
document; the NIC's answer is stored with a direct row update."""

from __future__ import annotations

from modules.gst_india.ewaybill.nic import CANCEL_REASONS
from modules.gst_india.fields import PORTAL_STATUSES, after_submit, portal_answer

EWAYBILL_FIELDS = [
    {"fieldname": "section_ewaybill", "fieldtype": "Section Break", "label": "e-Way Bill"},
    portal_answer("ewaybill_status", "Select", "e-Way Bill Status", options=PORTAL_STATUSES),
    portal_answer("ewaybill_no", "Data", "e-Way Bill Number"),
    portal_answer("ewaybill_date", "Datetime", "e-Way Bill Date"),
    portal_answer("ewaybill_valid_upto", "Datetime", "e-Way Bill Valid Up To",
                  description="Empty until the vehicle (Part-B) is given"),
    {"fieldname": "column_ewaybill", "fieldtype": "Column Break"},
    portal_answer("ewaybill_error", "Small Text", "e-Way Bill Error"),
    portal_answer("ewaybill_cancel_date", "Datetime", "e-Way Bill Cancelled On"),
    after_submit("ewaybill_cancel_reason", "Select", "e-Way Bill Cancellation Reason",
                 options="\n".join(("", *CANCEL_REASONS)),
                 description="1 Duplicate, 2 Order Cancelled, 3 Data Entry Mistake, "
                             "4 Others"),
    after_submit("ewaybill_cancel_remark", "Data", "e-Way Bill Cancellation Remark"),
]

TRANSPORT_FIELDS = [
    {"fieldname": "section_transport", "fieldtype": "Section Break",
     "label": "Transport (e-Way Bill)"},
    after_submit("transporter_gstin", "Data", "Transporter ID"),
    after_submit("transporter_name", "Data", "Transporter Name"),
    after_submit("mode_of_transport", "Select", "Mode of Transport",
                 options="\nRoad\nRail\nAir\nShip"),
    after_submit("distance", "Int", "Distance (km)"),
    {"fieldname": "column_transport", "fieldtype": "Column Break"},
    after_submit("vehicle_no", "Data", "Vehicle Number"),
    after_submit("vehicle_type", "Select", "Vehicle Type",
                 options="\nRegular\nOver Dimensional Cargo"),
    after_submit("lr_no", "Data", "Transport Document Number"),
    after_submit("lr_date", "Date", "Transport Document Date"),
]

CHALLAN_FIELDS = [
    portal_answer("challan_no", "Data", "Delivery Challan Number",
                  description="The GST serial number of the challan (at most 16 characters), "
                              "given at submission from the series of GST Settings"),
]
