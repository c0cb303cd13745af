"""Document: one record of a doctype, with its child rows, as plain checked values."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from core.errors import BadRequest, MultipleValidationErrors, ValidationError
from core.meta.doctype import DocTypeMeta
from core.meta.fieldtypes import FieldValueError, field_type, quantize

if TYPE_CHECKING:
    from core.context import Context

SYSTEM_KEYS = ("name", "owner", "creation", "modified", "modified_by", "docstatus", "idx",
               "parent", "parenttype", "parentfield", "amended_from")


class Document:
    """A document's values keyed by fieldname; child tables are lists of Documents."""

    def __init__(self, meta: DocTypeMeta, values: dict[str, Any] | None = None) -> None:
        self.__dict__["meta"] = meta
        self.__dict__["values"] = dict(values or {})
        self.__dict__["previous"] = None  # the stored values before this save
        # what handlers worked out during this save for later handlers of the same save
        # (keyed by the handler's module); never stored
        self.__dict__["flags"] = {}

    @property
    def doctype(self) -> str:
        return self.meta.name

    @property
    def name(self) -> str | None:
        return self.values.get("name")

    @property
    def docstatus(self) -> int:
        return int(self.values.get("docstatus") or 0)

    def get(self, key: str, default: Any = None) -> Any:
        value = self.values.get(key)
        return default if value is None else value

    def set(self, key: str, value: Any) -> None:
        self.values[key] = value

    def __getitem__(self, key: str) -> Any:
        return self.values.get(key)

    def __setitem__(self, key: str, value: Any) -> None:
        self.values[key] = value

    def __getattr__(self, key: str) -> Any:
        if key in self.meta.field_map or key in SYSTEM_KEYS:
            return self.values.get(key)
        raise AttributeError(key)

    def __setattr__(self, key: str, value: Any) -> None:
        if key in self.meta.field_map or key in SYSTEM_KEYS:
            self.values[key] = value
        else:
            raise AttributeError(f"{self.doctype} has no field {key!r}")

    def children(self, fieldname: str) -> list[Document]:
        rows = self.values.get(fieldname)
        if rows is None:
            rows = self.values[fieldname] = []
        return rows

    def append(self, fieldname: str, row: dict[str, Any] | Document,
               ctx: Context | None = None) -> Document:
        f = self.meta.get_field(fieldname)
        if f is None or not f.is_table:
            raise BadRequest(f"{self.doctype} has no table {fieldname!r}")
        if isinstance(row, dict):
            if ctx is None:
                raise ValueError("append() of a dict needs the context to find the child meta")
            row = Document(ctx.meta(f.options), row)
        self.children(fieldname).append(row)
        return row

    def as_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"doctype": self.doctype}
        for key, value in self.values.items():
            if isinstance(value, list) and value and isinstance(value[0], Document):
                out[key] = [child.as_dict() for child in value]
            else:
                out[key] = value
        return out


def build(ctx: Context, doctype: str, data: dict[str, Any]) -> Document:
    """A Document from user input (API JSON or form), each value parsed to its type.

    Every bad value is collected and raised together, each naming its field (and row).
    """
    errors: list[ValidationError] = []
    doc = _build(ctx, ctx.meta(doctype), data, errors, "")
    if errors:
        raise errors[0] if len(errors) == 1 else MultipleValidationErrors(errors)
    return doc


def _build(ctx: Context, meta: DocTypeMeta, data: dict[str, Any],
           errors: list[ValidationError], where: str) -> Document:
    if not isinstance(data, dict):
        raise BadRequest(f"{where or meta.name}: expected an object, got {type(data).__name__}")
    values: dict[str, Any] = {}
    for key in SYSTEM_KEYS:
        if key in data and data[key] not in (None, ""):
            values[key] = _parse_system(errors, where, key, data[key])
    for f in meta.fields:
        if f.fieldname not in data:
            continue
        raw = data[f.fieldname]
        if f.is_table:
            if raw is None:
                raw = []
            if not isinstance(raw, list):
                errors.append(ValidationError(f"{where}{f.label or f.fieldname}: expected a "
                                              "list of rows", field=f.fieldname))
                continue
            child_meta = ctx.meta(f.options)
            rows = []
            for i, row in enumerate(raw, start=1):
                if not isinstance(row, dict):
                    errors.append(ValidationError(f"{where}{f.fieldname} row {i}: expected "
                                                  f"an object, got {type(row).__name__}",
                                                  field=f.fieldname))
                    continue
                rows.append(_build(ctx, child_meta, row, errors,
                                   f"{where}{f.fieldname} row {i}: "))
            values[f.fieldname] = rows
        elif f.has_column:
            values[f.fieldname] = parse_value(f.fieldtype, f.effective_precision, raw,
                                              errors, where, f.fieldname, f.label)
    return Document(meta, values)


SYSTEM_TYPES = {"docstatus": "Int", "idx": "Int", "creation": "Datetime",
                "modified": "Datetime"}  # the other system keys are names (Data)


def _parse_system(errors: list[ValidationError], where: str, key: str, raw: Any) -> Any:
    try:
        value = field_type(SYSTEM_TYPES.get(key, "Data")).parse(raw)
    except FieldValueError as exc:
        errors.append(ValidationError(f"{where}{key} {exc}", field=key))
        return None
    if key == "docstatus" and value not in (0, 1, 2):
        errors.append(ValidationError(f"{where}docstatus must be 0, 1 or 2", field=key))
    return value


def parse_value(fieldtype: str, precision: int | None, raw: Any,
                errors: list[ValidationError], where: str, fieldname: str,
                label: str = "") -> Any:
    if raw is None or (raw == "" and fieldtype not in ("Check",)):
        return 0 if fieldtype == "Check" else None
    try:
        value = field_type(fieldtype).parse(raw)
    except FieldValueError as exc:
        named = f"{label} ({fieldname})" if label and label != fieldname else fieldname
        errors.append(ValidationError(f"{where}{named}: value {_short(raw)} {exc}",
                                      field=fieldname))
        return None
    if isinstance(value, Decimal):
        value = quantize(value, precision)
    return value


def _short(raw: Any) -> str:
    text = repr(raw)
    return text if len(text) <= 40 else text[:37] + "..."


def jsonable(value: Any) -> Any:
    """A value as the API and version log write it."""
    if isinstance(value, Decimal):
        # JSON numbers, as Frappe clients expect; values are below 1e12 with at most nine
        # decimals, and the shortest float repr round-trips every amount at currency
        # precision (docs/decisions/0003-decimal-on-sqlite.md).
        return float(value)
    if isinstance(value, dt.datetime):
        return value.isoformat(sep=" ")
    if isinstance(value, (dt.date, dt.time)):
        return value.isoformat()
    if isinstance(value, Document):
        return {k: jsonable(v) for k, v in value.as_dict().items()}
    if isinstance(value, dict):
        return {k: jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [jsonable(v) for v in value]
    return value
