"""What a tenant gets when it installs the masters: roles, root groups, common units."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from core import lifecycle
from core.db import query

if TYPE_CHECKING:
    from core.context import Context

ROLES = ("Sales User", "Purchase User", "Accounts User", "Item Manager")
UOMS = (("Nos", 1), ("Unit", 1), ("Box", 1), ("Pair", 1), ("Set", 1), ("Kg", 0),
        ("Gram", 0), ("Litre", 0), ("Metre", 0), ("Hour", 0))
TREES: dict[str, tuple[str, str, list[str]]] = {
    "Item Group": ("item_group_name", "parent_item_group",
                   ["All Item Groups", "Products", "Services", "Raw Material",
                    "Consumable"]),
    "Customer Group": ("customer_group_name", "parent_customer_group",
                       ["All Customer Groups", "Commercial", "Individual", "Government"]),
    "Supplier Group": ("supplier_group_name", "parent_supplier_group",
                       ["All Supplier Groups", "Raw Material", "Services", "Distributor"]),
    "Territory": ("territory_name", "parent_territory", ["All Territories", "India",
                                                         "Rest Of The World"]),
}


def ensure(ctx: Context, doctype: str, name: str, values: dict[str, Any]) -> None:
    if not query.exists(ctx, doctype, name):
        lifecycle.insert(ctx, lifecycle.new_doc(ctx, doctype, values))


def after_install(ctx: Context) -> None:
    for role in ROLES:
        ensure(ctx, "Role", role, {"role_name": role})
    for uom, whole in UOMS:
        ensure(ctx, "UOM", uom, {"uom_name": uom, "must_be_whole_number": whole})
    for doctype, (name_field, parent_field, names) in TREES.items():
        root, *children = names
        ensure(ctx, doctype, root, {name_field: root, "is_group": 1})
        for child in children:
            ensure(ctx, doctype, child, {name_field: child, parent_field: root})
