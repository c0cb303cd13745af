"""GSTR-3B: a month's summary return in the portal's JSON keys.

- 3.1 (a) ``osup_det``: taxable sales (not zero-rated, nil-rated or exempt);
  (b) ``osup_zero``: exports and SEZ supplies; (c) ``osup_nil_exmp``: nil-rated and
  exempted sale lines; (d) ``isup_rev``: purchases under reverse charge (not imported
  goods); (e) ``osup_nongst``: non-GST sale lines.
- 3.2 ``inter_sup``: of 3.1 (a), inter-state sales to unregistered buyers, composition
  dealers and UIN holders, by place of supply.
- 4 (A) ``itc_avl``: IMPG / IMPS (overseas suppliers: goods / services), ISRC (other
  reverse charge), ISD (no ISD invoices are kept in the books), OTH (tax charged by
  suppliers); (B) ``itc_rev``: reversals, none recorded in the books yet; (C)
  ``itc_net``: (A) less (B); (D) ``itc_inelg`` RUL: blocked credit of section 17(5)
  (purchase lines ``is_ineligible_for_itc``, booked as cost).
- 5 ``inward_sup``: GST (nil-rated, exempted, and every purchase from a composition
  dealer) and NONGST purchases, inter- or intra-state.

Sales under reverse charge are left out of 3.1 (a): their tax is the buyer's to pay.
Credit notes (sales returns, purchase returns) are netted into the same tables.
"""

from __future__ import annotations

from collections import defaultdict
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from modules.gst_india.categories import COMPOSITION, OVERSEAS, UIN_HOLDERS, ZERO_RATED
from modules.gst_india.extends.item_returns import NON_GST
from modules.gst_india.returns.company import ReturnCompany, return_company
from modules.gst_india.returns.gc_pause import without_gc_pauses
from modules.gst_india.returns.gstr1 import sorted_supplies
from modules.gst_india.returns.period import Period
from modules.gst_india.returns.sections import is_inter_state, is_nil_row, is_registered, number
from modules.gst_india.returns.small_sales import SmallSales
from modules.gst_india.returns.sources import PURCHASE_INVOICE
from modules.gst_india.returns.supplies import Amounts, RateRow, Supply, read_supplies

if TYPE_CHECKING:
    from core.context import Context

ZERO = Decimal(0)
ITC_TYPES = ("IMPG", "IMPS", "ISRC", "ISD", "OTH")


def taxes(amounts: Amounts, keys: tuple[str, ...] = ("txval", "iamt", "camt", "samt",
                                                     "csamt")) -> dict[str, float]:
    values = {"txval": amounts.taxable, "iamt": amounts.igst, "camt": amounts.cgst,
              "samt": amounts.sgst, "csamt": amounts.cess}
    return {k: number(values[k]) for k in keys}


TAX_ONLY = ("iamt", "camt", "samt", "csamt")


@without_gc_pauses
def gstr3b(ctx: Context, company: str, period: Period, gstin: str | None = None
           ) -> dict[str, Any]:
    firm = return_company(ctx, company, gstin)
    by_section, small = sorted_supplies(ctx, firm, period)
    sales = [s for supplies in by_section.values() for s in supplies]
    purchases = read_supplies(ctx, PURCHASE_INVOICE, company, firm.gstin, period)
    return {"gstin": firm.gstin, "ret_period": period.fp,
            "sup_details": supply_details(sales, small, purchases),
            "inter_sup": inter_state_supplies(sales, small, firm.state),
            "itc_elg": eligible_itc(purchases),
            "inward_sup": exempt_inward(purchases, firm)}


def _outward_kind(supply: Supply, row: RateRow) -> str | None:
    if supply.category in ZERO_RATED:
        return "osup_zero"
    if is_nil_row(supply, row):
        return "osup_nongst" if row.treatment == NON_GST else "osup_nil_exmp"
    return None if supply.reverse_charge else "osup_det"


def supply_details(sales: list[Supply], small: SmallSales, purchases: list[Supply]
                   ) -> dict[str, Any]:
    sums: dict[str, Amounts] = defaultdict(Amounts)
    for s in sales:
        for r in s.rows:
            kind = _outward_kind(s, r)
            if kind:
                sums[kind] += r.amounts
    for (_, rate, treatment), amounts in small.sums.items():
        kind = "osup_det" if rate else \
            "osup_nongst" if treatment == NON_GST else "osup_nil_exmp"
        sums[kind] += amounts
    for s in purchases:
        if s.reverse_charge:
            for r in s.rows:
                if not (s.category == OVERSEAS and not r.is_service):
                    sums["isup_rev"] += r.amounts
    return {"osup_det": taxes(sums["osup_det"]),
            "osup_zero": taxes(sums["osup_zero"], ("txval", "iamt", "csamt")),
            "osup_nil_exmp": taxes(sums["osup_nil_exmp"], ("txval",)),
            "isup_rev": taxes(sums["isup_rev"]),
            "osup_nongst": taxes(sums["osup_nongst"], ("txval",))}


def _inter_kind(supply: Supply) -> str | None:
    if supply.category == COMPOSITION:
        return "comp_details"
    if supply.category == UIN_HOLDERS:
        return "uin_details"
    return None if is_registered(supply) or supply.category in ZERO_RATED \
        else "unreg_details"


def inter_state_supplies(sales: list[Supply], small: SmallSales, home_state: str
                         ) -> dict[str, Any]:
    sums: dict[str, dict[str, Amounts]] = defaultdict(lambda: defaultdict(Amounts))
    for s in sales:
        kind = _inter_kind(s)
        if kind and is_inter_state(s, home_state) and not s.reverse_charge:
            for r in s.rows:
                if not is_nil_row(s, r):
                    sums[kind][s.pos] += r.amounts
    for (pos, rate, _), amounts in small.sums.items():
        if rate and pos != home_state:
            sums["unreg_details"][pos] += amounts
    return {kind: [{"pos": pos} | taxes(a, ("txval", "iamt"))
                   for pos, a in sorted(sums[kind].items())]
            for kind in ("unreg_details", "comp_details", "uin_details")}


def _itc_type(supply: Supply, row: RateRow) -> str:
    if supply.category == OVERSEAS:
        return "IMPS" if row.is_service else "IMPG"
    return "ISRC" if supply.reverse_charge else "OTH"


def eligible_itc(purchases: list[Supply]) -> dict[str, Any]:
    available: dict[str, Amounts] = defaultdict(Amounts)
    blocked = Amounts()
    for s in purchases:
        for r in s.rows:
            if r.ineligible:
                blocked += r.amounts
            else:
                available[_itc_type(s, r)] += r.amounts
    net = sum((available[t] for t in ITC_TYPES), Amounts())
    return {"itc_avl": [{"ty": t} | taxes(available[t], TAX_ONLY) for t in ITC_TYPES],
            "itc_rev": [{"ty": t} | taxes(Amounts(), TAX_ONLY) for t in ("RUL", "OTH")],
            "itc_net": taxes(net, TAX_ONLY),
            "itc_inelg": [{"ty": "RUL"} | taxes(blocked, TAX_ONLY),
                          {"ty": "OTH"} | taxes(Amounts(), TAX_ONLY)]}


def exempt_inward(purchases: list[Supply], firm: ReturnCompany) -> dict[str, Any]:
    """Nil-rated, exempted and non-GST purchases, and all of a composition supplier's,
    by whether the supplier is in another state (an overseas one always is)."""
    sums: dict[str, dict[str, Decimal]] = defaultdict(lambda: defaultdict(lambda: ZERO))
    for s in purchases:
        side = "inter" if s.category == OVERSEAS or \
            (s.party_gstin and s.party_gstin[:2] != firm.state) else "intra"
        for r in s.rows:
            if s.category == COMPOSITION or is_nil_row(s, r):
                kind = "NONGST" if r.treatment == NON_GST else "GST"
                sums[kind][side] += r.amounts.taxable
    return {"isup_details": [{"ty": kind, "inter": number(sums[kind]["inter"]),
                              "intra": number(sums[kind]["intra"])}
                             for kind in ("GST", "NONGST")]}
