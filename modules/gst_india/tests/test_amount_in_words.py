"""Totals in words, counted in thousands, lakhs and crores."""

import pytest

from modules.gst_india.print.words import amount_in_words, number_in_words
from modules.gst_india.tests.builders import D


@pytest.mark.parametrize(("number", "words"), [
    (0, "Zero"),
    (7, "Seven"),
    (19, "Nineteen"),
    (40, "Forty"),
    (75, "Seventy-Five"),
    (100, "One Hundred"),
    (1_475, "One Thousand Four Hundred Seventy-Five"),
    (50_000, "Fifty Thousand"),
    (1_00_000, "One Lakh"),
    (12_34_567, "Twelve Lakh Thirty-Four Thousand Five Hundred Sixty-Seven"),
    (1_00_00_000, "One Crore"),
    (999_99_99_999, "Nine Hundred Ninety-Nine Crore Ninety-Nine Lakh Ninety-Nine Thousand "
                   "Nine Hundred Ninety-Nine"),
])
def test_numbers_in_the_indian_system(number, words):
    assert number_in_words(number) == words


def test_an_invoice_total_with_paise():
    assert amount_in_words(D("1179.99")) == (
        "Rupees One Thousand One Hundred Seventy-Nine and Ninety-Nine Paise Only")
    assert amount_in_words(D("1475.00")) == (
        "Rupees One Thousand Four Hundred Seventy-Five Only")
    assert amount_in_words(D("-590.005")) == "Rupees Five Hundred Ninety and One Paise Only"
