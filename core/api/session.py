"""Login and logout over the API (``/api/method/login``, ``/api/method/logout``), as in
Frappe; the desk's login form uses the same functions.
"""

from __future__ import annotations

from typing import Any

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from core.api.http import handle, json_response, read_body
from core.auth import sessions
from core.auth.login import login
from core.context import Context
from core.errors import BadRequest


def set_session_cookie(request: Request, response: Response,
                       session: sessions.WebSession) -> None:
    response.set_cookie(sessions.COOKIE, session.sid, httponly=True, samesite="lax",
                        secure=secure_cookies(request),
                        max_age=int(sessions.LIFETIME.total_seconds()))


def secure_cookies(request: Request) -> bool:
    return request.url.scheme == "https" or request.app.state.secure_cookies


async def login_route(request: Request) -> Response:
    body = await read_body(request)
    user, password = body.get("usr"), body.get("pwd")
    if not isinstance(user, str) or not isinstance(password, str) or not user:
        raise BadRequest("Send usr and pwd")
    session = await run_in_threadpool(login, request.app.state.site,
                                      request.headers.get("host", ""), user, password)
    response = json_response({"message": "Logged In", "csrf_token": session.csrf_token})
    set_session_cookie(request, response, session)
    return response


def _logout(ctx: Context, request: Request, body: dict[str, Any]) -> Response:
    session = ctx.cache.get("session")
    if session is not None:
        sessions.end(ctx, session.sid)
    response = json_response({"message": "Logged Out"})
    response.delete_cookie(sessions.COOKIE)
    return response


async def logout_route(request: Request) -> Response:
    return await handle(request, _logout)


routes = [
    Route("/api/method/login", login_route, methods=["POST"]),
    Route("/api/method/logout", logout_route, methods=["POST"]),
]
