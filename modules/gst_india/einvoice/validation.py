"""Is an e-invoice JSON one the IRP accepts? The schema's rules (schema.json: required
fields, lengths, patterns, lists of values) and the IRP's arithmetic within the tolerance
the schema file states. Every problem is reported at once, each with its field path."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

from modules.gst_india.einvoice.errors import EInvoiceSchemaError
from modules.gst_india.einvoice.schema_check import Violation, load_schema, violations

SCHEMA = Path(__file__).with_name("schema.json")
ITEM_TAXES = ("IgstAmt", "CgstAmt", "SgstAmt", "CesAmt", "StateCesAmt", "CesNonAdvlAmt",
              "StateCesNonAdvlAmt", "OthChrg")
VALUE_SUMS = {"AssVal": "AssAmt", "CgstVal": "CgstAmt", "SgstVal": "SgstAmt",
              "IgstVal": "IgstAmt", "CesVal": "CesAmt"}


def check_einvoice(payload: dict[str, Any]) -> None:
    """Raise EInvoiceSchemaError naming every broken rule (``field`` is the first)."""
    schema = load_schema(SCHEMA)
    found = violations(schema, payload)
    if not found:
        found = arithmetic_violations(payload, schema["tolerance"])
    if found:
        raise EInvoiceSchemaError(
            "The e-invoice breaks the IRP's rules: "
            + "; ".join(f"{v.path} {v.message}" for v in found),
            field=found[0].path, errors=[{"field": v.path, "message": v.message}
                                         for v in found])


def arithmetic_violations(payload: dict[str, Any], tolerance: dict[str, str]
                          ) -> list[Violation]:
    """The IRP's sums: an item's AssAmt is TotAmt less Discount, its TotItemVal is
    AssAmt plus its taxes and charges; the invoice's values are the sums of the items'
    and TotInvVal adds them up."""
    item_gap, invoice_gap = Decimal(tolerance["item"]), Decimal(tolerance["invoice"])
    found: list[Violation] = []
    items = payload["ItemList"]
    for i, item in enumerate(items):
        _near(found, f"ItemList[{i}].AssAmt", item["AssAmt"],
              _num(item, "TotAmt") - _num(item, "Discount"), item_gap)
        _near(found, f"ItemList[{i}].TotItemVal", item["TotItemVal"],
              item["AssAmt"] + sum((_num(item, k) for k in ITEM_TAXES), Decimal(0)),
              item_gap)
    values = payload["ValDtls"]
    for total, part in VALUE_SUMS.items():
        _near(found, f"ValDtls.{total}", _num(values, total),
              sum((_num(item, part) for item in items), Decimal(0)), invoice_gap)
    expected = sum((_num(values, k) for k in ("AssVal", "CgstVal", "SgstVal", "IgstVal",
                                              "CesVal", "StCesVal", "OthChrg",
                                              "RndOffAmt")), Decimal(0)) \
        - _num(values, "Discount")
    _near(found, "ValDtls.TotInvVal", values["TotInvVal"], expected, invoice_gap)
    return found


def _num(data: dict[str, Any], key: str) -> Decimal:
    return Decimal(str(data.get(key) or 0))


def _near(found: list[Violation], path: str, given: Any, expected: Decimal,
          gap: Decimal) -> None:
    if abs(Decimal(str(given)) - expected) > gap:
        found.append(Violation(path, f"is {given} but the amounts it sums come to "
                                     f"{expected}"))
