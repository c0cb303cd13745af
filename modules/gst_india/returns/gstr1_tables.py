"""The invoice-wise GSTR-1 tables (b2b, b2cl, exp, cdnr, cdnur) and the summed ones
(b2cs, nil) in the portal's JSON keys, from supplies already sorted into their table.

Notes are written with positive amounts: ``ntty`` C says a credit note reduces, D that
a debit note adds; b2cs and nil are net sums, so a small credit note lowers them and a
small debit note raises them.
"""

from __future__ import annotations

from collections import defaultdict
from decimal import Decimal
from typing import Any

from modules.gst_india.extends.item_returns import EXEMPTED, NIL_RATED, NON_GST
from modules.gst_india.returns.period import portal_date
from modules.gst_india.returns.sections import (
    export_type,
    invoice_type,
    is_inter_state,
    is_nil_row,
    is_registered,
    note_type,
    number,
)
from modules.gst_india.returns.small_sales import SmallSales
from modules.gst_india.returns.supplies import Amounts, RateRow, Supply

ZERO = Decimal(0)
NIL_FIELDS = {NIL_RATED: "nil_amt", EXEMPTED: "expt_amt", NON_GST: "ngsup_amt"}


def taxed_rows(supply: Supply) -> list[RateRow]:
    return [r for r in supply.rows if not is_nil_row(supply, r)]


def item_detail(rate: Decimal, amounts: Amounts, sign: int = 1,
                intra_taxes: bool = True) -> dict[str, Any]:
    out = {"txval": number(sign * amounts.taxable), "rt": number(rate),
           "iamt": number(sign * amounts.igst)}
    if intra_taxes:
        out |= {"camt": number(sign * amounts.cgst), "samt": number(sign * amounts.sgst)}
    return out | {"csamt": number(sign * amounts.cess)}


def _items(supply: Supply, sign: int = 1, intra_taxes: bool = True) -> list[dict[str, Any]]:
    return [{"num": i, "itm_det": item_detail(r.rate, r.amounts, sign, intra_taxes)}
            for i, r in enumerate(taxed_rows(supply), start=1)]


def b2b(supplies: list[Supply]) -> list[dict[str, Any]]:
    by_party: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for s in supplies:
        by_party[s.party_gstin].append({
            "inum": s.name, "idt": portal_date(s.posting_date), "val": number(s.value),
            "pos": s.pos, "rchrg": "Y" if s.reverse_charge else "N",
            "inv_typ": invoice_type(s), "itms": _items(s)})
    return [{"ctin": party, "inv": invoices} for party, invoices in by_party.items()]


def b2cl(supplies: list[Supply]) -> list[dict[str, Any]]:
    by_state: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for s in supplies:
        by_state[s.pos].append({"inum": s.name, "idt": portal_date(s.posting_date),
                                "val": number(s.value), "itms": _items(s, 1, False)})
    return [{"pos": pos, "inv": invoices} for pos, invoices in by_state.items()]


def exp(supplies: list[Supply]) -> list[dict[str, Any]]:
    by_type: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for s in supplies:
        by_type[export_type(s)].append({
            "inum": s.name, "idt": portal_date(s.posting_date), "val": number(s.value),
            "itms": [item_detail(r.rate, r.amounts, 1, False) for r in taxed_rows(s)]})
    return [{"exp_typ": kind, "inv": invoices} for kind, invoices in by_type.items()]


def _sign(s: Supply) -> int:
    """What makes a note's book amounts positive: -1 on a credit note."""
    return -1 if s.is_return else 1


def _note(s: Supply) -> dict[str, Any]:
    return {"ntty": "C" if s.is_return else "D", "nt_num": s.name,
            "nt_dt": portal_date(s.posting_date), "val": number(_sign(s) * s.value)}


def cdnr(supplies: list[Supply]) -> list[dict[str, Any]]:
    by_party: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for s in supplies:
        by_party[s.party_gstin].append(_note(s) | {
            "pos": s.pos, "rchrg": "Y" if s.reverse_charge else "N",
            "inv_typ": invoice_type(s), "itms": _items(s, _sign(s))})
    return [{"ctin": party, "nt": notes} for party, notes in by_party.items()]


def cdnur(supplies: list[Supply]) -> list[dict[str, Any]]:
    out = []
    for s in supplies:
        kind = note_type(s)
        note = {"typ": kind} | _note(s)
        if kind == "B2CL":
            note["pos"] = s.pos
        out.append(note | {"itms": _items(s, _sign(s), False)})
    return out


def b2cs(supplies: list[Supply], home_state: str, small: SmallSales
         ) -> list[dict[str, Any]]:
    """Net sums by supply type, place of supply and rate."""
    sums: dict[tuple[str, str, Decimal], Amounts] = defaultdict(Amounts)
    for s in supplies:
        kind = "INTER" if is_inter_state(s, home_state) else "INTRA"
        for r in taxed_rows(s):
            sums[(kind, s.pos, r.rate)] += r.amounts
    for (pos, rate, _), amounts in small.sums.items():
        if rate:
            sums[("INTRA" if pos == home_state else "INTER", pos, rate)] += amounts
    return [{"sply_ty": kind, "pos": pos, "typ": "OE"} | item_detail(rate, amounts)
            for (kind, pos, rate), amounts in sorted(sums.items()) if amounts.taxable]


def nil(supplies: list[Supply], home_state: str, small: SmallSales) -> dict[str, Any]:
    """Nil-rated, exempted and non-GST supplies by whether they cross a state border and
    whether the buyer is registered."""
    sums: dict[str, dict[str, Decimal]] = defaultdict(lambda: defaultdict(lambda: ZERO))
    for s in supplies:
        kind = ("INTR" if is_inter_state(s, home_state) else "INTRA") + \
            ("B2B" if is_registered(s) else "B2C")
        for r in s.rows:
            if is_nil_row(s, r):
                sums[kind][NIL_FIELDS[r.treatment]] += r.amounts.taxable
    for (pos, rate, treatment), amounts in small.sums.items():
        if not rate:
            kind = ("INTRA" if pos == home_state else "INTR") + "B2C"
            sums[kind][NIL_FIELDS[treatment]] += amounts.taxable
    rows = [{"sply_ty": kind} | {f: number(values[f]) for f in
                                 ("expt_amt", "nil_amt", "ngsup_amt")}
            for kind, values in sorted(sums.items())]
    return {"inv": rows}
