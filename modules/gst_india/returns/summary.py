"""The desk's view of the returns: GSTR-1 summed per table, GSTR-3B as one row per line
of its tables, and the lines of a GSTR-2B reconciliation. Figures are the JSON's (a
credit note counts negative in the GSTR-1 summary and a debit note positive, as in the
books)."""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING, Any

from core.db import query
from modules.gst_india.returns.company import return_company
from modules.gst_india.returns.gc_pause import without_gc_pauses
from modules.gst_india.returns.gstr1 import listed, sorted_supplies
from modules.gst_india.returns.gstr1_tables import taxed_rows
from modules.gst_india.returns.gstr3b import gstr3b
from modules.gst_india.returns.period import Period
from modules.gst_india.returns.sections import B2B, B2CL, B2CS, CDNR, CDNUR, EXP, is_nil_row
from modules.gst_india.returns.small_sales import SmallSales
from modules.gst_india.returns.supplies import Amounts, Supply

if TYPE_CHECKING:
    from core.context import Context

GSTR1_TABLES = ((B2B, "4A, 4B, 6B, 6C - B2B, SEZ, deemed exports"),
                (B2CL, "5 - B2C (large)"), (B2CS, "7 - B2C (others)"),
                (EXP, "6A - Exports"), (CDNR, "9B - Credit and debit notes (registered)"),
                (CDNUR, "9B - Credit and debit notes (unregistered)"))
GSTR3B_LINES = (
    ("sup_details", "osup_det", "3.1 (a)", "Outward taxable supplies"),
    ("sup_details", "osup_zero", "3.1 (b)", "Outward zero-rated supplies"),
    ("sup_details", "osup_nil_exmp", "3.1 (c)", "Nil-rated and exempted supplies"),
    ("sup_details", "isup_rev", "3.1 (d)", "Inward supplies under reverse charge"),
    ("sup_details", "osup_nongst", "3.1 (e)", "Non-GST outward supplies"),
)
ITC_LABELS = {"IMPG": "Import of goods", "IMPS": "Import of services",
              "ISRC": "Inward supplies under reverse charge", "ISD": "From ISD",
              "OTH": "All other ITC"}
REVERSED = {"RUL": "Reversed as per rules 42 and 43", "OTH": "Reversed, others"}
INELIGIBLE = {"RUL": "Ineligible as per section 17(5)", "OTH": "Ineligible, others"}


def _row(section: str, description: str, amounts: Amounts, documents: int | None = None
         ) -> dict[str, Any]:
    return {"section": section, "description": description, "documents": documents,
            "taxable_value": amounts.taxable, "igst": amounts.igst, "cgst": amounts.cgst,
            "sgst": amounts.sgst, "cess": amounts.cess}


@without_gc_pauses
def gstr1_summary(ctx: Context, company: str, period: Period, gstin: str | None = None
                  ) -> dict[str, Any]:
    by, small = sorted_supplies(ctx, return_company(ctx, company, gstin), period)
    rows = []
    for section, description in GSTR1_TABLES:
        supplies = listed(by[section]) if section != B2CS else by[section]
        amounts = sum((r.amounts for s in supplies for r in taxed_rows(s)), Amounts())
        count = len(supplies)
        if section == B2CS:  # with the small sales summed in SQL
            amounts += sum((a for (_, rate, _), a in small.sums.items() if rate), Amounts())
            count += small.documents
        rows.append(_row(section, description, amounts, count))
    every = [s for supplies in by.values() for s in supplies]
    rows.append(_row("nil", "8 - Nil-rated, exempted, non-GST", _nil(every, small)))
    return {"rows": rows}


def _nil(supplies: list[Supply], small: SmallSales) -> Amounts:
    listed_nil = sum((r.amounts.taxable for s in supplies for r in s.rows
                      if is_nil_row(s, r)), Decimal(0))
    return Amounts(listed_nil + sum((a.taxable for (_, rate, _), a in small.sums.items()
                                     if not rate), Decimal(0)))


def _amounts(values: dict[str, Any]) -> Amounts:
    """The JSON's two-decimal numbers back as Decimals of the paisa."""
    return Amounts(*(_paise(values.get(k, 0)) for k in ("txval", "iamt", "camt", "samt",
                                                       "csamt")))


def _paise(value: Any) -> Decimal:
    return Decimal(str(value)).quantize(Decimal("0.01"))


@without_gc_pauses
def gstr3b_summary(ctx: Context, company: str, period: Period, gstin: str | None = None
                   ) -> dict[str, Any]:
    data = gstr3b(ctx, company, period, gstin)
    rows = [_row(table, label, _amounts(data[group][key]))
            for group, key, table, label in GSTR3B_LINES]
    rows += [_row("3.2", f"Inter-state to {who}, {pos_row['pos']}", _amounts(pos_row))
             for key, who in (("unreg_details", "unregistered persons"),
                              ("comp_details", "composition dealers"),
                              ("uin_details", "UIN holders"))
             for pos_row in data["inter_sup"][key]]
    itc = data["itc_elg"]
    rows += [_row("4 (A)", ITC_LABELS[r["ty"]], _amounts(r)) for r in itc["itc_avl"]]
    rows += [_row("4 (B)", REVERSED[r["ty"]], _amounts(r)) for r in itc["itc_rev"]]
    rows.append(_row("4 (C)", "Net ITC available", _amounts(itc["itc_net"])))
    rows += [_row("4 (D)", INELIGIBLE[r["ty"]], _amounts(r)) for r in itc["itc_inelg"]]
    for r in data["inward_sup"]["isup_details"]:
        kind = "Non-GST" if r["ty"] == "NONGST" else "Nil-rated, exempted, composition"
        rows += [_row("5", f"{kind}, inter-state", Amounts(_paise(r["inter"]))),
                 _row("5", f"{kind}, intra-state", Amounts(_paise(r["intra"])))]
    return {"rows": rows}


MATCH_FIELDS = ["status", "document_type", "supplier_gstin", "supplier_name", "bill_no",
                "bill_date", "taxable_value_2b", "tax_2b", "purchase_invoice",
                "books_bill_no", "books_bill_date", "taxable_value_books", "tax_books",
                "reason"]


def reconciliation_rows(ctx: Context, name: str, status: str | None) -> dict[str, Any]:
    filters: dict[str, Any] = {"parent": name, "parenttype": "GSTR 2B Import"}
    if status:
        filters["status"] = status
    return {"rows": query.select_rows(ctx, "GSTR 2B Match", fields=MATCH_FIELDS,
                                      filters=filters, order_by="idx asc")}
