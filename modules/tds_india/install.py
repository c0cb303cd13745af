"""What a tenant gets when it installs TDS India: the withholding categories of FY
2025-26 (categories.json, with the rows of FY 2024-25 they replaced) and, for each
existing Indian company, the account each category books to."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING

from core import lifecycle
from core.db import query
from modules.tds_india.accounts import set_up_accounts

if TYPE_CHECKING:
    from core.context import Context

DATA = Path(__file__).with_name("categories.json")


def after_install(ctx: Context) -> None:
    for values in json.loads(DATA.read_text())["categories"]:
        if not query.exists(ctx, "Tax Withholding Category", values["category_name"]):
            lifecycle.insert(ctx, lifecycle.new_doc(ctx, "Tax Withholding Category", values))
    for row in query.select_rows(ctx, "Company", fields=["name"],
                                 filters={"country": "India"}):
        set_up_accounts(ctx, row["name"])
