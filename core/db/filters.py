"""Frappe-style filters turned into SQL conditions, every field and value checked.

Accepted shapes: ``[[field, op, value], ...]`` (or ``[doctype, field, op, value]``) and
``{field: value}`` / ``{field: [op, value]}``. Operators: = != < > <= >= like, not like,
in, not in, between, is (``set`` / ``not set``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, Table, bindparam, not_, or_

from core.errors import BadRequest
from core.meta.doctype import DocTypeMeta
from core.meta.fieldtypes import FieldValueError, field_type

OPERATORS = ("=", "!=", "<", ">", "<=", ">=", "like", "not like", "in", "not in",
             "between", "is")
STANDARD_TYPES = {"name": "Data", "owner": "Data", "modified_by": "Data", "parent": "Data",
                  "parenttype": "Data", "parentfield": "Data", "amended_from": "Data",
                  "creation": "Datetime", "modified": "Datetime", "docstatus": "Int",
                  "idx": "Int"}


def column_for(meta: DocTypeMeta, table: Table, fieldname: str) -> tuple[Any, str]:
    """(column, fieldtype) of a field or standard column; BadRequest if there is none."""
    f = meta.get_field(fieldname)
    if f is not None and f.has_column:
        return table.c[f.column_name], f.fieldtype
    if fieldname in STANDARD_TYPES and fieldname in table.c:
        return table.c[fieldname], STANDARD_TYPES[fieldname]
    raise BadRequest(f"{meta.name} has no field {fieldname!r}", field=fieldname)


def normalise(filters: Any) -> list[tuple[str, str, Any]]:
    if filters is None or filters == "":
        return []
    if isinstance(filters, dict):
        out = []
        for field, value in filters.items():
            if isinstance(value, (list, tuple)) and len(value) == 2 \
                    and isinstance(value[0], str) and value[0].lower() in OPERATORS:
                out.append((field, value[0], value[1]))
            else:
                out.append((field, "=", value))
        return out
    if not isinstance(filters, (list, tuple)):
        raise BadRequest("filters must be a list of [field, operator, value] or an object")
    out = []
    for item in filters:
        if not isinstance(item, (list, tuple)) or len(item) not in (2, 3, 4):
            raise BadRequest(f"Filter {item!r} must be [field, operator, value]")
        if len(item) == 4:
            item = item[1:]
        if len(item) == 2:
            item = (item[0], "=", item[1])
        if not isinstance(item[0], str) or not isinstance(item[1], str):
            raise BadRequest(f"Filter {item!r} must be [field, operator, value]")
        out.append((item[0], item[1], item[2]))
    return out


@dataclass(frozen=True)
class Filter:
    """One filter, checked and parsed. ``form`` is how it reads in SQL ("value", "list",
    "between", "null", "not null", "set", "not set"); ``values`` are what it binds."""

    fieldname: str
    op: str
    form: str
    values: tuple[Any, ...]

    @property
    def shape(self) -> tuple[str, str, str, int]:
        """Everything about the SQL but the values (a list's length included)."""
        return self.fieldname, self.op, self.form, len(self.values)


def parse_filters(meta: DocTypeMeta, table: Table, filters: Any) -> list[Filter]:
    return [parse_filter(meta, table, f, op, v) for f, op, v in normalise(filters)]


def parse_filter(meta: DocTypeMeta, table: Table, fieldname: str, op: str,
                 value: Any) -> Filter:
    _, ftype = column_for(meta, table, fieldname)
    op = op.lower().strip()
    if op not in OPERATORS:
        raise BadRequest(f"Unknown filter operator {op!r} on {fieldname!r}", field=fieldname)
    if op == "is":
        if value not in ("set", "not set"):
            raise BadRequest(f"Operator 'is' on {fieldname!r} takes 'set' or 'not set'",
                             field=fieldname)
        return Filter(fieldname, op, value, ())
    if op in ("like", "not like"):
        if not isinstance(value, str):
            raise BadRequest(f"Operator {op!r} on {fieldname!r} takes text", field=fieldname)
        return Filter(fieldname, op, "value", (value,))
    if op in ("in", "not in"):
        values = value.split(",") if isinstance(value, str) else value
        if not isinstance(values, (list, tuple)):
            raise BadRequest(f"Operator {op!r} on {fieldname!r} takes a list", field=fieldname)
        return Filter(fieldname, op, "list", tuple(_parse(ftype, fieldname, v)
                                                   for v in values))
    if op == "between":
        if not isinstance(value, (list, tuple)) or len(value) != 2:
            raise BadRequest(f"Operator 'between' on {fieldname!r} takes [from, to]",
                             field=fieldname)
        return Filter(fieldname, op, "between", (_parse(ftype, fieldname, value[0]),
                                                 _parse(ftype, fieldname, value[1])))
    parsed = _parse(ftype, fieldname, value)
    if parsed is None:
        return Filter(fieldname, op, "null" if op == "=" else "not null", ())
    return Filter(fieldname, op, "value", (parsed,))


def filter_params(filters: list[Filter]) -> dict[str, Any]:
    """The values of ``sql_conditions``' parameters, by name."""
    return {f"f{i}_{j}": v for i, f in enumerate(filters) for j, v in enumerate(f.values)}


def sql_conditions(meta: DocTypeMeta, table: Table,
                   filters: list[Filter]) -> list[ColumnElement[bool]]:
    """The filters as SQL, each value a parameter named as ``filter_params`` names it
    (and holding its value, so the conditions also run as they are)."""
    return [_sql(column_for(meta, table, f.fieldname), f, i) for i, f in enumerate(filters)]


def conditions(meta: DocTypeMeta, table: Table, filters: Any) -> list[ColumnElement[bool]]:
    return sql_conditions(meta, table, parse_filters(meta, table, filters))


def _sql(column_and_type: tuple[Any, str], f: Filter, i: int) -> ColumnElement[bool]:
    column, ftype = column_and_type
    binds = [bindparam(f"f{i}_{j}", v, type_=column.type) for j, v in enumerate(f.values)]
    if f.form in ("set", "not set"):
        is_set = or_(column.is_(None), column == "") if ftype in _TEXTUAL \
            else column.is_(None)
        return not_(is_set) if f.form == "set" else is_set
    if f.form == "null":
        return column.is_(None)
    if f.form == "not null":
        return column.is_not(None)
    if f.form == "list":
        return column.in_(binds) if f.op == "in" else column.not_in(binds)
    if f.form == "between":
        return column.between(*binds)
    if f.op in ("like", "not like"):
        return column.like(binds[0]) if f.op == "like" else not_(column.like(binds[0]))
    return {"=": column.__eq__, "!=": column.__ne__, "<": column.__lt__,
            ">": column.__gt__, "<=": column.__le__, ">=": column.__ge__}[f.op](binds[0])


_TEXTUAL = {"Data", "Small Text", "Text", "Long Text", "Text Editor", "Select", "Link",
            "Dynamic Link", "Read Only", "Attach", "Password"}


def _parse(ftype: str, fieldname: str, value: Any) -> Any:
    if value is None:
        return None
    if ftype in ("Table", "Section Break", "Column Break"):
        raise BadRequest(f"Cannot filter on {fieldname!r}", field=fieldname)
    try:
        return field_type(ftype).parse(value)
    except FieldValueError as exc:
        raise BadRequest(f"Filter on {fieldname!r}: value {value!r} {exc}",
                         field=fieldname) from None
