"""The login page and logout. The login form carries a double-submit CSRF token (a
random cookie repeated in a hidden field), since there is no session yet to bind it to."""

from __future__ import annotations

import hmac
import secrets
from urllib.parse import urlparse

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

from core.api.http import read_body
from core.api.session import secure_cookies, set_session_cookie
from core.auth import sessions
from core.auth.login import login
from core.errors import AuthenticationError, LoginLocked, PermissionDenied
from core.web.pages import page
from core.web.templating import render

LOGIN_CSRF = "login_csrf"


def _safe_next(target: str | None) -> str:
    """Only a local path, so a crafted link cannot send the user elsewhere after login."""
    if not target or not target.startswith("/") or target.startswith("//") \
            or urlparse(target).netloc:
        return "/app"
    return target


async def login_page(request: Request) -> Response:
    if request.method == "GET":
        return _form(request, "")
    body = await read_body(request)
    cookie = request.cookies.get(LOGIN_CSRF, "")
    if not cookie or not hmac.compare_digest(cookie, str(body.get("csrf_token", ""))):
        raise PermissionDenied("The login form expired: reload the page and try again")
    try:
        session = await run_in_threadpool(login, request.app.state.site,
                                          request.headers.get("host", ""),
                                          str(body.get("usr", "")), str(body.get("pwd", "")))
    except (AuthenticationError, LoginLocked) as exc:
        return _form(request, exc.message, status=exc.status, user=str(body.get("usr", "")))
    response = RedirectResponse(_safe_next(body.get("next")), status_code=303)
    set_session_cookie(request, response, session)
    response.delete_cookie(LOGIN_CSRF)
    return response


def _form(request: Request, error: str, status: int = 200, user: str = "") -> Response:
    token = secrets.token_urlsafe(24)
    response = render("login.html", status=status, error=error, csrf_token=token, user=user,
                      next=_safe_next(request.query_params.get("next")),
                      host=request.headers.get("host", "").split(":")[0])
    response.set_cookie(LOGIN_CSRF, token, httponly=True, samesite="strict",
                        secure=secure_cookies(request), max_age=3600)
    return response


def _logout(ctx, request: Request, body: dict) -> Response:  # noqa: ANN001
    session = ctx.cache.get("session")
    if session is not None:
        sessions.end(ctx, session.sid)
    response = RedirectResponse("/login", status_code=303)
    response.delete_cookie(sessions.COOKIE)
    return response


async def logout_page(request: Request) -> Response:
    return await page(request, _logout)
