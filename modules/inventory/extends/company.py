"""What inventory adds to a company: its stock accounts, whether stock may go negative,
and its warehouses, created with the company."""

from __future__ import annotations

from typing import TYPE_CHECKING

from modules.inventory.setup import set_up_stock

if TYPE_CHECKING:
    from core.context import Context
    from core.document import Document


def _account(fieldname: str, label: str) -> dict[str, str]:
    return {"fieldname": fieldname, "fieldtype": "Link", "options": "Account",
            "label": label}


EXTENDS = "Company"
FIELDS = [
    {"fieldname": "section_stock", "fieldtype": "Section Break", "label": "Stock"},
    _account("default_inventory_account", "Stock In Hand Account"),
    _account("stock_adjustment_account", "Stock Adjustment Account"),
    _account("stock_received_but_not_billed", "Stock Received But Not Billed"),
    {"fieldname": "default_warehouse", "fieldtype": "Link", "options": "Warehouse",
     "label": "Default Warehouse"},
    {"fieldname": "allow_negative_stock", "fieldtype": "Check",
     "label": "Allow Negative Stock"},
]


def after_insert(ctx: Context, doc: Document) -> None:
    set_up_stock(ctx, doc)
