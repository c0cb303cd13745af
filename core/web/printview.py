"""Print views: ``/printview/{DocType}/{name}`` (HTML) and ``.../{name}.pdf``; with
``?format=<name>``, in a named format a module adds (core/print_formats.py)."""

from __future__ import annotations

from typing import Any
from urllib.parse import quote

from starlette.requests import Request
from starlette.responses import HTMLResponse, Response
from starlette.routing import Route

from core import lifecycle, perms
from core.api.http import handle
from core.auth.request import require_login
from core.context import Context
from core.pdf import render_html, render_pdf
from core.print_formats import html_to_pdf, render_named_html


def _document(ctx: Context, request: Request) -> tuple[Any, bool]:
    require_login(ctx)
    doctype, name = request.path_params["doctype"], request.path_params["name"]
    as_pdf = name.endswith(".pdf")
    if as_pdf:
        name = name[:-4]
    perms.require(ctx, doctype, "read")
    doc = lifecycle.get_doc(ctx, doctype, name)
    perms.check_restrictions(ctx, doc)
    return doc, as_pdf


def show(ctx: Context, request: Request, body: dict[str, Any]) -> Response:
    doc, as_pdf = _document(ctx, request)
    chosen = request.query_params.get("format")
    if chosen:  # a named format a module adds (core/print_formats.py)
        html = render_named_html(ctx, doc, chosen)
        if not as_pdf:
            return HTMLResponse(html)
        return Response(html_to_pdf(html), media_type="application/pdf",
                        headers={"Content-Disposition": disposition(f"{doc.name}.pdf")})
    if not as_pdf:
        return HTMLResponse(render_html(ctx, doc))
    return Response(render_pdf(ctx, doc), media_type="application/pdf",
                    headers={"Content-Disposition": disposition(f"{doc.name}.pdf")})


def disposition(filename: str) -> str:
    """An inline Content-Disposition; names outside ASCII go in RFC 6266's filename*
    (headers are Latin-1, so a raw Hindi or accented name would fail the response)."""
    fallback = filename.encode("ascii", "replace").decode().replace('"', "").replace("?", "_")
    return f"inline; filename=\"{fallback}\"; filename*=UTF-8''{quote(filename)}"


async def printview(request: Request) -> Response:
    return await handle(request, show, write=False)


routes = [Route("/printview/{doctype}/{name:path}", printview, methods=["GET"])]
