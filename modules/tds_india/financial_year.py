"""The financial year of the Income-tax Act (1 April to 31 March), which thresholds and
Form 26Q count in whatever fiscal year the company keeps its books."""

from __future__ import annotations

import datetime as dt


def financial_year(on: dt.date) -> tuple[dt.date, dt.date]:
    """The first and last day of the financial year holding ``on``.

    >>> financial_year(dt.date(2026, 3, 31))
    (datetime.date(2025, 4, 1), datetime.date(2026, 3, 31))
    """
    start = on.year if on.month >= 4 else on.year - 1
    return dt.date(start, 4, 1), dt.date(start + 1, 3, 31)


def parse_label(text: str) -> tuple[dt.date, dt.date] | None:
    """"2025-26" -> (1 April 2025, 31 March 2026); None when it is not such a label."""
    head, _, tail = text.strip().partition("-")
    if not (head.isdigit() and len(head) == 4 and tail.isdigit()):
        return None
    start = int(head)
    if int(tail) not in (start + 1, (start + 1) % 100):
        return None
    return dt.date(start, 4, 1), dt.date(start + 1, 3, 31)
