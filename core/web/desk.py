"""The desk: server-rendered pages generated from metadata.

    /login, /logout                     sign in and out
    /app                                home: modules and their doctypes
    /app/{doctype}                      list view (a single doctype shows its form)
    /app/{doctype}/new                  a new document
    /app/{doctype}/{name}               form view (POST saves)
    /app/{doctype}/{name}/{action}      submit, cancel, amend, delete (POST)
    /app/report/{module.report}         a module's report with filters and exports
    /app/page/{module.page}             a module's own page (core/pages.py)
    /assets/{module}/{file}             a module's static files
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import FileResponse, RedirectResponse, Response
from starlette.routing import BaseRoute, Mount, Route
from starlette.staticfiles import StaticFiles

from core import pages, perms
from core.context import Context
from core.errors import DoesNotExist
from core.web.formview import act, save_form, show_form
from core.web.listview import show_list
from core.web.login_pages import login_page, logout_page
from core.web.pages import desk_context, html_error, page
from core.web.reportview import show_report
from core.web.templating import module_folder, render

STATIC = Path(__file__).parent / "static"


def home(ctx: Context, request: Request, body: dict[str, Any]) -> Response:
    context = desk_context(ctx)
    reports = [spec for spec in ctx.site.reports.values() if spec.module in ctx.tenant.modules]
    return render("home.html", **context, reports=reports, active_page="home")


async def home_route(request: Request) -> Response:
    return await page(request, home)


async def root(request: Request) -> Response:
    return RedirectResponse("/app", status_code=303)


async def list_route(request: Request) -> Response:
    return await page(request, save_form if request.method == "POST" else show_list)


async def form_route(request: Request) -> Response:
    return await page(request, save_form if request.method == "POST" else show_form)


async def action_route(request: Request) -> Response:
    return await page(request, act)


async def report_route(request: Request) -> Response:
    return await page(request, show_report, write=False)


def show_module_page(ctx: Context, request: Request, body: dict[str, Any]) -> Response:
    spec = pages.find(ctx.site.pages, request.path_params["page"])
    if spec.module not in ctx.tenant.modules:
        raise DoesNotExist(f"No page {spec.key}")
    if spec.requires is not None:
        perms.require(ctx, *spec.requires)
    return spec.handler()(ctx, request, body)


async def module_page_route(request: Request) -> Response:
    return await page(request, show_module_page)


async def module_asset(request: Request) -> Response:
    """A file of a module's ``static/`` folder (a page's script or style sheet)."""
    folder = module_folder(request.path_params["module"], "static")
    if folder is not None:
        path = (folder / request.path_params["path"]).resolve()
        if path.is_file() and path.is_relative_to(folder.resolve()):
            return FileResponse(path)
    return Response("Not found", status_code=404, media_type="text/plain")


routes: list[BaseRoute] = [
    Route("/", root),
    Route("/login", login_page, methods=["GET", "POST"]),
    Route("/logout", logout_page, methods=["POST"]),
    Route("/app", home_route),
    Route("/app/report/{report}", report_route),
    Route("/app/page/{page}", module_page_route, methods=["GET", "POST"]),
    Route("/app/{doctype}", list_route, methods=["GET", "POST"]),
    Route("/app/{doctype}/{name}", form_route, methods=["GET", "POST"]),
    Route("/app/{doctype}/{name}/{action}", action_route, methods=["POST"]),
    Route("/assets/{module}/{path:path}", module_asset),
    Mount("/assets", StaticFiles(directory=str(STATIC)), name="assets"),
]


def install(app: Starlette) -> None:
    """HTML error pages for the desk (the API keeps its JSON errors)."""
    app.state.html_error = html_error
