"""What the stock ledger booked as the cost of the goods on sales invoice lines.

- A line of an invoice that updated stock cost what its own stock ledger rows took out
  of the warehouse (a return's rows bring goods back, so its cost is negative).
- A line billed from a delivery note cost that delivery line's share: the delivery line's
  stock ledger value times billed quantity over delivered quantity.
- Anything else (services, invoices that moved no stock) cost nothing in stock.

Revaluation rows appended after a back-dated movement carry the same voucher row, so the
cost read here is the cost the ledger holds now, not the one first written.
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING, Any

from sqlalchemy import Select, func, select

from core.db import query
from core.meta.fieldtypes import quantize

if TYPE_CHECKING:
    from core.context import Context

ZERO = Decimal(0)


def line_costs(ctx: Context, lines: list[dict[str, Any]], invoices: Select,
               precision: int) -> dict[str, Decimal]:
    """Cost of each invoice line by line name. ``invoices`` selects the names of the
    invoices the lines belong to, so the ledger is read with two grouped queries."""
    own = _voucher_costs(ctx, "Sales Invoice", invoices, precision)
    delivered = _delivered_costs(ctx, [r["dn_detail"] for r in lines if r["dn_detail"]],
                                 precision)
    costs = {}
    for line in lines:
        if line["line"] in own:
            costs[line["line"]] = own[line["line"]]
        elif line["dn_detail"] in delivered:
            cost, qty = delivered[line["dn_detail"]]
            costs[line["line"]] = quantize(cost * line["qty"] / qty, precision) \
                if qty else ZERO
        else:
            costs[line["line"]] = ZERO
    return costs


def _voucher_costs(ctx: Context, voucher_type: str, vouchers: Select | list[str],
                   precision: int) -> dict[str, Decimal]:
    """Value taken out of stock per voucher row (the ledger's value change, negated),
    rounded to the currency: SQLite sums in binary floats."""
    sle = query.view(ctx, "Stock Ledger Entry")
    stmt = (select(sle.c.voucher_detail_no, func.sum(sle.c.stock_value_difference))
            .where(sle.c.voucher_type == voucher_type, sle.c.voucher_no.in_(vouchers),
                   sle.c.is_reversal == 0)
            .group_by(sle.c.voucher_detail_no))
    return {row: -quantize(Decimal(str(value or 0)), precision)
            for row, value in ctx.conn.execute(stmt)}


def _delivered_costs(ctx: Context, rows: list[str],
                     precision: int) -> dict[str, tuple[Decimal, Decimal]]:
    """(cost, delivered quantity) of each delivery note line."""
    if not rows:
        return {}
    lines = query.select_rows(ctx, "Delivery Note Item", fields=["name", "parent", "qty"],
                              filters=[["name", "in", sorted(set(rows))]])
    costs = _voucher_costs(ctx, "Delivery Note", sorted({r["parent"] for r in lines}),
                           precision)
    return {r["name"]: (costs.get(r["name"], ZERO), r["qty"]) for r in lines}
