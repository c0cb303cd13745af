"""What the NIC checks on a GENEWAYBILL request before it issues a number, with its
error codes: the fake NIC refuses what the sandbox would. The first failed check is the
answer, as the NIC answers with one code per problem it meets first."""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any

from modules.gst_india.states import state_for_code

SUB_SUPPLY_TYPES = {1: "Supply", 2: "Import", 3: "Export", 4: "Job Work",
                    5: "For Own Use", 6: "Job Work Returns", 7: "Sales Return",
                    8: "Others", 9: "SKD/CKD/Lots", 10: "Line Sales",
                    11: "Recipient Not Known", 12: "Exhibition or Fairs"}
# the document types each outward sub-supply type allows (the portal's drop-downs)
OUTWARD_DOCUMENTS = {1: {"INV", "BIL"}, 3: {"INV", "BIL"}, 4: {"CHL"}, 5: {"CHL"},
                     8: {"CHL", "OTH"}, 9: {"INV", "BIL", "CHL"}, 10: {"CHL"},
                     11: {"CHL", "OTH"}, 12: {"CHL"}}
OTHERS = 8
DOC_NO = re.compile(r"[A-Za-z1-9][A-Za-z0-9/-]{0,15}")
DOC_DATE = re.compile(r"\d{2}/\d{2}/\d{4}")
GSTIN = re.compile(r"[0-9]{2}[0-9A-Z]{13}|URP")
HSN = re.compile(r"\d{4}|\d{6}|\d{8}")
# registration numbers (MH12AB1234, DL1C1234, TN01AB123), temporary (TR...) and
# defence (DF...) numbers of 7 to 15 characters
VEHICLE = re.compile(r"[A-Z]{2}[0-9]{1,2}[A-Z]{0,3}[0-9]{3,4}|(TR|DF|BP)[A-Z0-9]{5,13}")
MAX_DISTANCE = 4000


def first_error(bill: dict[str, Any]) -> tuple[str, str] | None:
    """The NIC's (code, message) for the first rule the bill breaks, None if none."""
    for check in (_supply, _document, _consignor, _consignee, _items, _values, _transport):
        error = check(bill)
        if error:
            return error
    return None


def _supply(bill: dict[str, Any]) -> tuple[str, str] | None:
    if bill.get("supplyType") != "O":
        return "201", "Invalid Supply Type"
    sub = _int(bill.get("subSupplyType"))
    if sub not in SUB_SUPPLY_TYPES:
        return "202", "Invalid Sub-supply Type"
    if bill.get("docType") not in OUTWARD_DOCUMENTS.get(sub, set()):
        return "205", "Document type does not match with transaction & Sub trans type"
    if sub == OTHERS and not bill.get("subSupplyDesc"):
        return "377", ("Sub Supply Type is mentioned as Others, the description for that "
                       "is mandatory")
    if not bill.get("userGstin"):
        return "227", "User Gstin cannot be blank"
    if bill.get("userGstin") != bill.get("fromGstin"):
        return "359", "User GSTIN should match to GSTIN(from) for outward transactions"
    return None


def _document(bill: dict[str, Any]) -> tuple[str, str] | None:
    if not DOC_NO.fullmatch(str(bill.get("docNo") or "")):
        return "206", "Invaild Invoice Number"
    if not DOC_DATE.fullmatch(str(bill.get("docDate") or "")):
        return "207", "Invalid Invoice Date"
    if _int(bill.get("transType")) not in (1, 2, 3, 4):
        return "612", "Invalid transaction type"
    return None


def _consignor(bill: dict[str, Any]) -> tuple[str, str] | None:
    if not GSTIN.fullmatch(str(bill.get("fromGstin") or "")):
        return "208", "Invalid Supplier GSTIN"
    if not bill.get("fromTrdName"):
        return "229", "Supplier name is required"
    if not bill.get("fromAddr1"):
        return "209", "Blank Supplier Address"
    if not bill.get("fromPlace"):
        return "230", "Supplier place is required"
    if not _pin(bill.get("fromPincode")):
        return "210", "Invalid or Blank Supplier PIN Code"
    if not _state(bill.get("fromStateCode")) or not _state(bill.get("actualFromStateCode")):
        return "211", "Invalid or Blank Supplier state Code"
    return None


def _consignee(bill: dict[str, Any]) -> tuple[str, str] | None:
    if not GSTIN.fullmatch(str(bill.get("toGstin") or "")):
        return "212", "Invalid Consignee GSTIN"
    if not bill.get("toTrdName"):
        return "231", "Consignee name is required"
    if not bill.get("toAddr1"):
        return "213", "Invalid Consignee Address"
    if not bill.get("toPlace"):
        return "232", "Consignee place is required"
    if not _pin(bill.get("toPincode")):
        return "214", "Invalid Consignee PIN Code"
    if not _state(bill.get("toStateCode")) or not _state(bill.get("actualToStateCode")):
        return "215", "Invalid Consignee State Code"
    return None


def _items(bill: dict[str, Any]) -> tuple[str, str] | None:
    items = bill.get("itemList") or []
    if not items:
        return "233", "Eway bill does not contains any items"
    for item in items:
        if not HSN.fullmatch(str(item.get("hsnCode") or "")):
            return "216", "Invalid HSN Code"
        if Decimal(str(item.get("cgstRate") or 0)) != Decimal(str(item.get("sgstRate")
                                                                  or 0)):
            return "251", "CGST nad SGST TaxRate should be same"
    return None


def _values(bill: dict[str, Any]) -> tuple[str, str] | None:
    parts = [Decimal(str(bill.get(k) or 0)) for k in (
        "totalValue", "cgstValue", "sgstValue", "igstValue", "cessValue",
        "TotNonAdvolVal", "OthValue")]
    if any(p < 0 for p in parts):
        return "627", "Total value should not be negative"
    if not parts[0]:
        return "234", "Total amount/Taxable amout is mandatory"
    if Decimal(str(bill.get("totInvValue") or 0)) < sum(parts, Decimal(0)) - 1:
        return "620", ("Total invoice value cannot be less than the sum of total "
                       "assessible value and tax values")
    intra = bill.get("fromStateCode") == bill.get("toStateCode")
    if intra and Decimal(str(bill.get("igstValue") or 0)):
        return "623", "IGST value is not applicable for Intra State Transaction"
    if not intra and (parts[1] or parts[2]):
        return "624", "SGST/CGST value is not applicable for Inter State Transaction"
    return None


def _transport(bill: dict[str, Any]) -> tuple[str, str] | None:
    mode = bill.get("transMode")
    if mode not in ("", None) and _int(mode) not in (1, 2, 3, 4):
        return "220", "Invalid Trans mode"
    distance = _int(bill.get("transDistance"))
    if distance is None or not 0 < distance <= MAX_DISTANCE:
        return "221", "Invalid Approximate Distance"
    vehicle = bill.get("vehicleNo") or ""
    if vehicle and not VEHICLE.fullmatch(vehicle):
        return "225", "Invalid Vehicle Number Format"
    if (vehicle or bill.get("transDocNo")) and mode in ("", None):
        return "638", ("Transport mode is mandatory as Vehicle Number/Transport Document "
                       "Number is given")
    if bill.get("vehicleType") == "O" and _int(mode) != 1:
        return "634", "Vehicle type should not be ODC when transmode is other than road"
    return None


def vehicle_error(part_b: dict[str, Any]) -> tuple[str, str] | None:
    """The NIC's checks on a VEHEWB request (Part-B)."""
    if not VEHICLE.fullmatch(str(part_b.get("vehicleNo") or "")):
        return "304", "Invalid vehicle format"
    if not part_b.get("fromPlace"):
        return "305", "Place from is required"
    if not _state(part_b.get("fromState")):
        return "306", "Invalid from state"
    if str(part_b.get("reasonCode") or "") not in ("1", "2", "3", "4"):
        return "307", "Invalid reason"
    if not part_b.get("reasonRem"):
        return "308", "Invalid remarks"
    return None


def _int(value: Any) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def _pin(value: Any) -> bool:
    return isinstance(value, int) and 100000 <= value <= 999999


def _state(value: Any) -> bool:
    code = _int(value)
    return code is not None and state_for_code(f"{code:02d}") is not None
