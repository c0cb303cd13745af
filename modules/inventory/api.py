"""Inventory's whitelisted methods: ``/api/method/inventory.<function>``."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from core import perms
from core.api.arguments import Arguments
from core.api.whitelist import whitelist
from core.errors import ValidationError
from modules.inventory.reports import batch_qty as batches
from modules.inventory.reports import reorder
from modules.inventory.reports import stock_ageing as ageing
from modules.inventory.reports import stock_balance as balance
from modules.inventory.reports import stock_ledger as ledger_report

if TYPE_CHECKING:
    from core.context import Context


@whitelist()
def stock_balance(ctx: Context, company: Any = None, to_date: Any = None) -> dict[str, Any]:
    """Quantity and value per item and warehouse at ``to_date``, from the stock ledger."""
    perms.require(ctx, "Stock Ledger Entry", "read")
    args = Arguments(ctx)
    company = args.record(company, "company", "Company")
    on = args.date(to_date, "to_date")
    args.done()
    return balance.stock_balance(ctx, company, on)


@whitelist()
def stock_ledger(ctx: Context, company: Any = None, from_date: Any = None,
                 to_date: Any = None, item_code: Any = None, warehouse: Any = None
                 ) -> dict[str, Any]:
    """Every stock movement of the period, with the quantity and value after it."""
    perms.require(ctx, "Stock Ledger Entry", "read")
    args = Arguments(ctx)
    company = args.record(company, "company", "Company")
    start, end = args.date(from_date, "from_date"), args.date(to_date, "to_date")
    item, place = args.text(item_code, "item_code"), args.text(warehouse, "warehouse")
    args.done()
    return ledger_report.stock_ledger(ctx, company, start, end, item, place)


@whitelist()
def reorder_suggestions(ctx: Context, company: Any = None) -> dict[str, Any]:
    """Items at or below their reorder level, with the quantity to order."""
    perms.require(ctx, "Bin", "read")
    args = Arguments(ctx)
    company = args.record(company, "company", "Company")
    args.done()
    return reorder.reorder_suggestions(ctx, company)


@whitelist()
def batch_qty(ctx: Context, company: Any = None, item_code: Any = None,
              warehouse: Any = None) -> dict[str, Any]:
    """What each batch holds in each warehouse, with its expiry date."""
    perms.require(ctx, "Stock Ledger Entry", "read")
    args = Arguments(ctx)
    company = args.record(company, "company", "Company")
    item, place = args.text(item_code, "item_code"), args.text(warehouse, "warehouse")
    args.done()
    return batches.batch_qty(ctx, company, item, place)


@whitelist()
def stock_ageing(ctx: Context, company: Any = None, to_date: Any = None,
                 item_code: Any = None, warehouse: Any = None, range1: Any = None,
                 range2: Any = None, range3: Any = None) -> dict[str, Any]:
    """What is in stock on ``to_date`` by how many days it has been there (FIFO)."""
    perms.require(ctx, "Stock Ledger Entry", "read")
    args = Arguments(ctx)
    company = args.record(company, "company", "Company")
    on = args.date(to_date, "to_date")
    item, place = args.text(item_code, "item_code"), args.text(warehouse, "warehouse")
    ranges = _ranges(args, (range1, range2, range3))
    args.done()
    return ageing.stock_ageing(ctx, company, on, item, place, ranges)


def _ranges(args: Arguments, given: tuple[Any, ...]) -> tuple[int, ...]:
    """The upper ends of the age ranges in days: whole numbers, each above the last."""
    ranges = []
    for i, (value, default) in enumerate(zip(given, ageing.DEFAULT_RANGES, strict=True), 1):
        text = str(default if value in (None, "") else value).strip()
        if not text.isdigit() or int(text) <= (ranges[-1] if ranges else 0):
            args.errors.append(ValidationError(
                f"range{i} must be a whole number of days above the range before it",
                field=f"range{i}"))
            return ageing.DEFAULT_RANGES
        ranges.append(int(text))
    return tuple(ranges)
