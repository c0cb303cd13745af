"""A return period: the portal's ``MMYYYY`` (``fp``) and the dates it covers."""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass

from modules.gst_india.returns.errors import InvalidReturnPeriod


@dataclass(frozen=True)
class Period:
    start: dt.date
    end: dt.date

    @property
    def fp(self) -> str:
        return f"{self.start.month:02d}{self.start.year}"


def parse_period(value: str | None, field: str = "period") -> Period:
    """``"062025"`` -> June 2025; anything else is refused naming ``field``."""
    text = (value or "").strip()
    if len(text) != 6 or not text.isdigit() or not 1 <= int(text[:2]) <= 12 \
            or int(text[2:]) < 2017:
        raise InvalidReturnPeriod(f"Period {value!r} must be MMYYYY, e.g. 062025 for June "
                                  "2025 (GST began in July 2017)", field=field)
    month, year = int(text[:2]), int(text[2:])
    last = calendar.monthrange(year, month)[1]
    return Period(dt.date(year, month, 1), dt.date(year, month, last))


def portal_date(day: dt.date) -> str:
    """The portal writes dates as dd-mm-yyyy."""
    return day.strftime("%d-%m-%Y")


def from_portal_date(text: str) -> dt.date:
    return dt.datetime.strptime(text.strip(), "%d-%m-%Y").date()
