"""A module page: counts the products and echoes what a POST sent."""

from core.db import query
from core.web.pages import desk_context
from core.web.templating import render


def show(ctx, request, body):
    count = len(query.select_rows(ctx, "Ext Product", fields=["name"]))
    return render("tests.ext_modules.catalog/shelf.html", **desk_context(ctx),
                  page=ctx.site.pages["catalog.shelf"], count=count,
                  posted=body.get("note", ""))
