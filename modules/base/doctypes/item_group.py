"""Item Group: a node of the Item Group tree (groups hold other groups)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from modules.base.trees import check_parent, tree_doctype

if TYPE_CHECKING:
    from core.context import Context
    from core.document import Document

DOCTYPE = tree_doctype("Item Group", "item_group_name", "parent_item_group")


def validate(ctx: Context, doc: Document) -> None:
    check_parent(ctx, doc, "parent_item_group")
