"""Field types: how each stores, parses and serialises its values.

One table (``FIELD_TYPES``) answers every question the engine asks about a field type, so
adding a type means adding one entry here.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import Any

from sqlalchemy import Date, DateTime, Integer, String, Text, Time
from sqlalchemy.types import TypeEngine

from core.db.types import DecimalType, JSONType


class FieldValueError(ValueError):
    """A value that does not fit its field type; the message is shown to the user."""


MAX_SHORT_TEXT = 140
# Integer columns are 32-bit on PostgreSQL; a larger number must be refused, not sent.
MIN_INT, MAX_INT = -(2**31), 2**31 - 1
# Thousands separators as people type them: 1,234,567.50 or, in India, 12,34,567.50.
GROUPED_NUMBER = re.compile(r"^[+-]?(\d{1,3}(,\d{3})+|\d{1,2}(,\d{2})*,\d{3})(\.\d*)?$")


def _text(value: Any) -> str:
    if isinstance(value, (dict, list)):
        raise FieldValueError("must be text")
    text = value if isinstance(value, str) else str(value)
    if "\x00" in text:  # PostgreSQL cannot store it; no one types it
        raise FieldValueError("must not contain NUL characters")
    return text


def _short_text(value: Any) -> str:
    text = _text(value)
    if len(text) > MAX_SHORT_TEXT:
        raise FieldValueError(f"is longer than {MAX_SHORT_TEXT} characters")
    return text


def _int(value: Any) -> int:
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, int):
        return _in_int_range(value)
    if isinstance(value, float) and value.is_integer():
        return _in_int_range(int(value))
    if isinstance(value, (str, Decimal)):
        try:
            number = Decimal(str(value).strip())
        except InvalidOperation:
            raise FieldValueError("must be a whole number") from None
        if number.is_finite() and number == number.to_integral_value():
            return _in_int_range(int(number))
    raise FieldValueError("must be a whole number")


def _in_int_range(number: int) -> int:
    if not MIN_INT <= number <= MAX_INT:
        raise FieldValueError("is too large")
    return number


def _check(value: Any) -> int:
    if value in (True, 1, "1", "true", "True", "on", "yes"):
        return 1
    if value in (False, 0, "0", "false", "False", "off", "no", ""):
        return 0
    raise FieldValueError("must be 0 or 1")


def _decimal(value: Any) -> Decimal:
    if isinstance(value, (bool, dict, list)):
        raise FieldValueError("must be a number")
    if isinstance(value, str):
        value = _ungrouped(value.strip())
    try:
        number = Decimal(value) if isinstance(value, str) \
            else Decimal(repr(value) if isinstance(value, float) else value)
    except (InvalidOperation, ValueError, TypeError):
        raise FieldValueError("must be a number") from None
    if not number.is_finite():
        raise FieldValueError("must be a finite number")
    if abs(number) >= Decimal("1e12"):
        raise FieldValueError("is too large")
    return number


def _ungrouped(text: str) -> str:
    """Drop thousands separators; commas anywhere else (``1,5``, ``1,2,3``) are refused
    rather than guessed at."""
    if "," not in text:
        return text
    if not GROUPED_NUMBER.match(text):
        raise FieldValueError("must be a number (commas only between groups of digits)")
    return text.replace(",", "")


def _date(value: Any) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        text = value.strip()
        try:
            # a date, or a full date and time whose date is meant; never a prefix of junk
            return dt.date.fromisoformat(text) if len(text) == 10 \
                else dt.datetime.fromisoformat(text).date()
        except ValueError:
            pass
    raise FieldValueError("must be a date as YYYY-MM-DD")


def _datetime(value: Any) -> dt.datetime:
    if isinstance(value, dt.datetime):
        return value.replace(tzinfo=None)
    if isinstance(value, dt.date):
        return dt.datetime.combine(value, dt.time())
    if isinstance(value, str):
        try:
            return dt.datetime.fromisoformat(value.strip()).replace(tzinfo=None)
        except ValueError:
            pass
    raise FieldValueError("must be a date and time as YYYY-MM-DD HH:MM:SS")


def _time(value: Any) -> dt.time:
    if isinstance(value, dt.time):
        return value
    if isinstance(value, str):
        try:
            return dt.time.fromisoformat(value.strip())
        except ValueError:
            pass
    raise FieldValueError("must be a time as HH:MM:SS")


def _json(value: Any) -> Any:
    if isinstance(value, str):
        try:
            return json.loads(value)
        except ValueError:
            raise FieldValueError("must be valid JSON") from None
    try:
        text = json.dumps(value)
    except (TypeError, ValueError):
        raise FieldValueError("must be JSON-serialisable") from None
    if "\\u0000" in text:  # PostgreSQL's jsonb cannot hold it
        raise FieldValueError("must not contain NUL characters")
    return value


@dataclass(frozen=True)
class FieldType:
    name: str
    column: Callable[[], TypeEngine[Any]] | None  # None: layout only, or a child table
    parse: Callable[[Any], Any] = _text
    numeric: bool = False
    storage: str = "text"  # names the column family custom fields are stored in
    default_precision: int | None = None


def _string() -> TypeEngine[Any]:
    return String(140)


FIELD_TYPES: dict[str, FieldType] = {t.name: t for t in [
    FieldType("Data", _string, _short_text),
    FieldType("Small Text", Text),
    FieldType("Text", Text),
    FieldType("Long Text", Text),
    FieldType("Text Editor", Text),
    FieldType("Password", Text),
    FieldType("Attach", Text),
    FieldType("Select", _string, _short_text),
    FieldType("Link", _string, _short_text),
    FieldType("Dynamic Link", _string, _short_text),
    FieldType("Read Only", _string, _short_text),
    FieldType("Int", Integer, _int, numeric=True, storage="int"),
    FieldType("Check", Integer, _check, numeric=True, storage="int"),
    FieldType("Float", DecimalType, _decimal, numeric=True, storage="num",
              default_precision=3),
    FieldType("Currency", DecimalType, _decimal, numeric=True, storage="num",
              default_precision=2),
    FieldType("Percent", DecimalType, _decimal, numeric=True, storage="num",
              default_precision=2),
    FieldType("Date", Date, _date, storage="date"),
    FieldType("Datetime", DateTime, _datetime, storage="datetime"),
    FieldType("Time", Time, _time, storage="time"),
    FieldType("JSON", lambda: JSONType, _json, storage="json"),
    FieldType("Table", None),
    FieldType("Section Break", None),
    FieldType("Column Break", None),
]}

LAYOUT_TYPES = frozenset({"Section Break", "Column Break"})


def field_type(name: str) -> FieldType:
    return FIELD_TYPES[name]


def quantize(value: Decimal, precision: int | None) -> Decimal:
    """Round half up to ``precision`` places, the rounding every ERP user expects on screen."""
    if precision is None:
        return value
    return value.quantize(Decimal(1).scaleb(-precision), rounding=ROUND_HALF_UP)
