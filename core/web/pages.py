"""Running a desk page: the same request pipeline as the API, with pages' manners —
a visitor who is not logged in is sent to the login page, errors are HTML."""

from __future__ import annotations

from typing import Any
from urllib.parse import quote

from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

from core.api.http import Handler, handle
from core.auth.request import require_login
from core.context import Context
from core.errors import AppError, AuthenticationError
from core.pages import PageSpec
from core.web.templating import render


async def page(request: Request, handler: Handler, *, write: bool | None = None) -> Response:
    """Run a desk handler for a logged-in user; anyone else is sent to log in first."""
    def logged_in(ctx: Context, request: Request, body: dict[str, Any]) -> Response:
        require_login(ctx)
        return handler(ctx, request, body)

    try:
        return await handle(request, logged_in, write=write)
    except AuthenticationError:
        target = request.url.path + (f"?{request.url.query}" if request.url.query else "")
        return RedirectResponse(f"/login?next={quote(target)}", status_code=303)


def desk_context(ctx: Context) -> dict[str, object]:
    """What every desk page shows around its content: who, where, the CSRF token."""
    require_login(ctx)
    session = ctx.cache.get("session")
    return {"user": ctx.user, "tenant": ctx.tenant.name,
            "csrf_token": session.csrf_token if session else "",
            "modules": sidebar(ctx)}


def sidebar(ctx: Context) -> list[dict[str, object]]:
    from core import perms

    names = {m: ctx.site.manifests[m].title for m in ctx.site.manifests}
    pages = visible_pages(ctx)
    groups = []
    for module, metas in sorted(ctx.schema.modules().items(),
                                key=lambda kv: (kv[0] == "core", kv[0])):
        readable = [m.name for m in metas if perms.has_right(ctx, m.name, "read")]
        own_pages = [p for p in pages if p.module == module]
        if readable or own_pages:
            label = "Settings" if module == "core" else names.get(module, module)
            groups.append({"module": module, "label": label, "doctypes": readable,
                           "pages": own_pages})
    return groups


def visible_pages(ctx: Context) -> list[PageSpec]:
    """The module pages of the tenant's installed modules this user may open."""
    return [p for p in ctx.site.pages.values() if may_open(ctx, p)]


def may_open(ctx: Context, spec: PageSpec) -> bool:
    from core import perms

    if spec.module not in ctx.tenant.modules:
        return False
    return spec.requires is None or perms.has_right(ctx, *spec.requires)


async def html_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, AppError)
    if isinstance(exc, AuthenticationError):
        return RedirectResponse(f"/login?next={quote(request.url.path)}", status_code=303)
    return render("error.html", status=exc.status, error=exc, title=_title(exc.status))


def _title(status: int) -> str:
    return {403: "Not permitted", 404: "Not found", 409: "Conflict"}.get(
        status, "Something is not right")
