"""The pure computation: which tax a supply bears, and rounding per line."""

from decimal import Decimal as D

from modules.gst_india.place_of_supply import Split, split_tax
from modules.gst_india.taxes import TaxableLine, compute_gst

MH, KA = "27-Maharashtra", "29-Karnataka"


def test_split_tax__same_state_is_intra_state():
    assert split_tax(MH, MH, "Registered Regular") is Split.INTRA_STATE


def test_split_tax__other_state_is_inter_state():
    assert split_tax(MH, KA, "Consumer") is Split.INTER_STATE


def test_split_tax__sez_in_the_same_state_is_inter_state():
    assert split_tax(MH, MH, "SEZ") is Split.INTER_STATE


def test_split_tax__export_under_lut_is_nil():
    assert split_tax(MH, "96-Other Countries", "Overseas",
                     export_with_payment=False) is Split.NIL


def test_compute_gst__rounds_each_line_half_up_and_totals_the_lines():
    """Two lines of 1.00 at 5% within a state: 2.5% of 1.00 = 0.025 -> 0.03 on each line,
    so CGST is 0.06 (2.5% of the 2.00 total would have given 0.05)."""
    taxes = compute_gst(MH, MH, "Consumer", [TaxableLine(D("1.00"), D("5"))] * 2)
    assert [(t.cgst, t.sgst, t.igst) for t in taxes.lines] == [
        (D("0.03"), D("0.03"), D("0"))] * 2
    assert (taxes.total("taxable_value"), taxes.total("cgst"), taxes.total("sgst")) == (
        D("2.00"), D("0.06"), D("0.06"))


def test_compute_gst__cess_is_on_the_taxable_value():
    """A car at 40% and cess 22%: 5,00,000.00 -> IGST 2,00,000.00, cess 1,10,000.00."""
    taxes = compute_gst(MH, KA, "Registered Regular",
                        [TaxableLine(D("500000.00"), D("40"), D("22"))])
    assert (taxes.lines[0].igst, taxes.lines[0].cess) == (D("200000.00"), D("110000.00"))


def test_compute_gst__not_charged_keeps_the_taxable_value_only():
    taxes = compute_gst(MH, MH, "Unregistered", [TaxableLine(D("750.00"), D("18"))],
                        charged=False)
    assert (taxes.total("taxable_value"), taxes.total("cgst")) == (D("750.00"), D("0"))
