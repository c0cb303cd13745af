"""Reading bank statements: CSV exports and OFX (1.x SGML or 2.x XML) files.

Each parser yields plain statement lines; importing them skips lines already imported
(same bank account and transaction id, or same date, amount and description when the
bank gives no id), so importing an overlapping statement twice is safe.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from core.errors import ValidationError

ZERO = Decimal(0)


@dataclass(frozen=True)
class StatementLine:
    date: dt.date
    amount: Decimal  # positive: money in
    description: str
    reference: str
    transaction_id: str


def parse(content: str, file_format: str) -> list[StatementLine]:
    if file_format == "csv":
        return parse_csv(content)
    if file_format == "ofx":
        return parse_ofx(content)
    raise ValidationError("file_format is csv or ofx", field="file_format")


HEADERS = {"date": ("date", "transaction date", "value date", "txn date"),
           "description": ("description", "narration", "details", "particulars"),
           "reference": ("reference", "ref no", "cheque no", "chq/ref no", "reference number"),
           "deposit": ("deposit", "credit", "deposit amount", "credit amount"),
           "withdrawal": ("withdrawal", "debit", "withdrawal amount", "debit amount"),
           "amount": ("amount",), "id": ("id", "transaction id")}


def parse_csv(content: str) -> list[StatementLine]:
    reader = csv.DictReader(io.StringIO(content.lstrip("\ufeff")))
    columns = {_column(name): name for name in reader.fieldnames or [] if _column(name)}
    if "date" not in columns or not ({"deposit", "withdrawal"} & columns.keys()
                                     or "amount" in columns):
        raise ValidationError("The CSV needs a Date column and Deposit/Withdrawal or Amount "
                              "columns", field="content")
    lines = []
    for number, row in enumerate(reader, start=2):
        amount = _number(row.get(columns.get("deposit", ""), ""), number) - \
            _number(row.get(columns.get("withdrawal", ""), ""), number) + \
            _number(row.get(columns.get("amount", ""), ""), number)
        lines.append(_line(_date(row[columns["date"]], number), amount,
                           row.get(columns.get("description", ""), "") or "",
                           row.get(columns.get("reference", ""), "") or "",
                           row.get(columns.get("id", ""), "") or ""))
    return lines


def _column(header: str) -> str | None:
    key = header.strip().lower()
    return next((field for field, names in HEADERS.items() if key in names), None)


def _number(text: str, line: int) -> Decimal:
    text = (text or "").strip().replace(",", "")
    if not text:
        return ZERO
    try:
        return Decimal(text)
    except InvalidOperation:
        raise ValidationError(f"Line {line}: {text!r} is not an amount",
                              field="content") from None


DATE_FORMATS = ("%Y-%m-%d", "%d/%m/%Y", "%d-%m-%Y", "%d.%m.%Y", "%d %b %Y", "%Y%m%d")


def _date(text: str, line: int) -> dt.date:
    text = (text or "").strip()
    for fmt in DATE_FORMATS:
        try:
            return dt.datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    raise ValidationError(f"Line {line}: {text!r} is not a date", field="content")


OFX_TRANSACTION = re.compile(r"<STMTTRN>(.*?)(?:</STMTTRN>|(?=<STMTTRN>)|(?=</BANKTRANLIST>))",
                             re.S | re.I)


def parse_ofx(content: str) -> list[StatementLine]:
    blocks = OFX_TRANSACTION.findall(content)
    if not blocks:
        raise ValidationError("No <STMTTRN> transactions found in the OFX file",
                              field="content")
    lines = []
    for number, block in enumerate(blocks, start=1):
        amount = _number(_ofx_tag(block, "TRNAMT"), number)
        posted = _ofx_tag(block, "DTPOSTED")[:8]
        lines.append(_line(_date(posted, number), amount,
                           _ofx_tag(block, "NAME") or _ofx_tag(block, "MEMO"),
                           _ofx_tag(block, "CHECKNUM") or _ofx_tag(block, "REFNUM"),
                           _ofx_tag(block, "FITID")))
    return lines


def _ofx_tag(block: str, tag: str) -> str:
    found = re.search(rf"<{tag}>([^<\r\n]*)", block, re.I)
    return found.group(1).strip() if found else ""


def _line(date: dt.date, amount: Decimal, description: str, reference: str,
          transaction_id: str) -> StatementLine:
    if not transaction_id:
        digest = f"{date}|{amount}|{description.strip()}|{reference.strip()}"
        transaction_id = "h" + hashlib.sha1(digest.encode()).hexdigest()[:16]
    return StatementLine(date, amount, description.strip(), reference.strip(),
                         transaction_id.strip())
