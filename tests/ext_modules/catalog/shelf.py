"""A module page: counts the products and echoes what a POST sent."""

from core import lifecycle
from core.db import query
from core.web.pages import desk_context
from core.web.templating import render


def show(ctx, request, body):
    count = len(query.select_rows(ctx, "Ext Product", fields=["name"]))
    return render("tests.ext_modules.catalog/shelf.html", **desk_context(ctx),
                  page=ctx.site.pages["catalog.shelf"], count=count,
                  posted=body.get("note", ""))


def daily_count(ctx):
    """A periodic job: records the day's product count as a product of its own."""
    count = len(query.select_rows(ctx, "Ext Product", fields=["name"]))
    runs = query.count(ctx, "Ext Product", filters=[["code", "like", "COUNT-%"]])
    lifecycle.insert(ctx, lifecycle.new_doc(ctx, "Ext Product", {
        "code": f"COUNT-{runs + 1}", "title": f"{count} products by {ctx.user}"}))
