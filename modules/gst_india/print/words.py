"""Amounts in words in the Indian system (thousand, lakh, crore), as a tax invoice
writes its total: ``Rupees One Lakh Twenty-Three Thousand Four Hundred Fifty-Six and
Seventy-Eight Paise Only``."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

ONES = ("", "One", "Two", "Three", "Four", "Five", "Six", "Seven", "Eight", "Nine", "Ten",
        "Eleven", "Twelve", "Thirteen", "Fourteen", "Fifteen", "Sixteen", "Seventeen",
        "Eighteen", "Nineteen")
TENS = ("", "", "Twenty", "Thirty", "Forty", "Fifty", "Sixty", "Seventy", "Eighty",
        "Ninety")
# (size, name) from the largest: a crore is 100 lakh, a lakh 100 thousand
GROUPS = ((10_000_000, "Crore"), (100_000, "Lakh"), (1_000, "Thousand"), (100, "Hundred"))


def number_in_words(number: int) -> str:
    """A whole number in words; above 99 crore the crores are counted in words again
    (``One Hundred Crore``)."""
    if number == 0:
        return "Zero"
    parts: list[str] = []
    for size, name in GROUPS:
        if number >= size:
            parts.append(f"{number_in_words(number // size)} {name}")
            number %= size
    if number:
        parts.append(_below_hundred(number))
    return " ".join(parts)


def _below_hundred(number: int) -> str:
    if number < 20:
        return ONES[number]
    tens, ones = divmod(number, 10)
    return f"{TENS[tens]}-{ONES[ones]}" if ones else TENS[tens]


def amount_in_words(amount: Decimal, currency: str = "Rupees",
                    fraction: str = "Paise") -> str:
    value = abs(amount).quantize(Decimal("0.01"), ROUND_HALF_UP)
    whole, paise = int(value), int((value - int(value)) * 100)
    words = f"{currency} {number_in_words(whole)}"
    if paise:
        words += f" and {number_in_words(paise)} {fraction}"
    return f"{words} Only"
