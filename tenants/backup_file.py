"""The tenant backup file: gzip-compressed JSON lines, written and read one line at a time.

Line by line::

    {"format": "erp-tenant-backup", "version": 1, "tenant": ..., "dialect": ...,
     "created": ..., "modules": {"base": "1.0.0", ...}}          the header
    {"engine": "naming_counter", "columns": ["prefix", "current"]}  a table begins
    {"doctype": "Trip", "columns": ["name", "owner", ...]}          (by doctype name)
    {"r": ["TRIP-00001", "admin", ...]}                             one row, in column order
    {"end": {"rows": 1234}}                                         the file is complete

``tenant_id`` is never written: rows belong to whichever tenant they are restored into.
JSON has no decimal, date or time, so those travel as text and are read back by the type
of the column they land in (``decode``); that is what lets a SQLite backup restore into
PostgreSQL and back.
"""

from __future__ import annotations

import datetime as dt
import gzip
import json
import os
from collections.abc import Iterator
from contextlib import contextmanager
from decimal import Decimal
from typing import IO, Any

from sqlalchemy import Date, DateTime, Time
from sqlalchemy.types import TypeEngine

from core.db.types import DecimalType
from core.errors import TenantError

FORMAT = "erp-tenant-backup"
VERSION = 1


@contextmanager
def writing(path: str) -> Iterator[IO[str]]:
    """Write to a side file renamed into place at the end, so a backup that failed half
    way never sits at ``path`` looking complete."""
    partial = f"{path}.partial"
    try:
        with gzip.open(partial, "wt", encoding="utf-8") as out:
            yield out
        os.replace(partial, path)
    finally:
        if os.path.exists(partial):
            os.remove(partial)


def write(out: IO[str], record: dict[str, Any]) -> None:
    out.write(json.dumps(record, separators=(",", ":"), ensure_ascii=False) + "\n")


def encode(value: Any) -> Any:
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, (dt.date, dt.datetime, dt.time)):
        return value.isoformat()
    return value


def decode(column_type: TypeEngine[Any], value: Any) -> Any:
    """A value read from the file, as the target column wants it."""
    if value is None:
        return None
    if isinstance(column_type, DecimalType):
        return Decimal(value)
    if isinstance(column_type, DateTime):
        return dt.datetime.fromisoformat(value)
    if isinstance(column_type, Date):
        return dt.date.fromisoformat(value)
    if isinstance(column_type, Time):
        return dt.time.fromisoformat(value)
    return value


def records(path: str) -> Iterator[dict[str, Any]]:
    """Every line of the file after checking its header, which comes first; a damaged or
    foreign file raises TenantError wherever the damage is found."""
    try:
        with gzip.open(path, "rt", encoding="utf-8") as src:
            for number, line in enumerate(src, start=1):
                record = json.loads(line)
                if not isinstance(record, dict) or (number == 1 and not _is_header(record)):
                    raise ValueError(f"line {number} is not a backup record")
                yield record
    # EOFError: a gzip stream cut short, e.g. a copy that stopped half way
    except (OSError, EOFError, ValueError) as exc:
        raise TenantError(f"{path} is not a tenant backup or is damaged: {exc}") from None


def read_header(path: str) -> dict[str, Any]:
    stream = records(path)
    try:
        header = next(stream, None)
    finally:
        stream.close()
    if header is None:
        raise TenantError(f"{path} is not a tenant backup: it is empty")
    return header


def _is_header(record: dict[str, Any]) -> bool:
    if record.get("format") != FORMAT:
        return False
    if record.get("version") != VERSION:
        raise ValueError(f"backup format version {record.get('version')} is not {VERSION}")
    return isinstance(record.get("modules"), dict) and isinstance(record.get("tenant"), str)
