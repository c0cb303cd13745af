"""The notified GST Return Rules a tenant gets with the module (``return_rules.json``);
rows it already has are left alone, so reinstalling adds only what is missing."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

from core import lifecycle
from core.db import query

if TYPE_CHECKING:
    from core.context import Context


def notified_rules() -> list[dict[str, Any]]:
    data = json.loads(Path(__file__).with_name("return_rules.json").read_text("utf-8"))
    return list(data["rules"])


def install_return_rules(ctx: Context) -> None:
    for rule in notified_rules():
        if not query.exists(ctx, "GST Return Rule", {"rule": rule["rule"],
                                                     "valid_from": rule["valid_from"],
                                                     "amount": rule.get("amount", "0")}):
            lifecycle.insert(ctx, lifecycle.new_doc(ctx, "GST Return Rule", rule))
