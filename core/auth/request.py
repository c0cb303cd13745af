"""Who is asking: an API token, a session cookie, or nobody (Guest).

An API key belongs to one user of one tenant: it is looked up only among the rows of the
tenant the Host header names, so a key shown to another tenant's host is unknown there
(401). A request authenticated by cookie must prove it came from our own pages with the
session's CSRF token on every unsafe method.
"""

from __future__ import annotations

import base64
import hmac
from collections.abc import Mapping
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

from core import records
from core.auth import sessions
from core.auth.passwords import verify_secret
from core.errors import AuthenticationError, PermissionDenied
from core.site import user_roles

if TYPE_CHECKING:
    from starlette.requests import Request

    from core.context import Context

SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
CSRF_HEADER = "x-frappe-csrf-token"


def authenticate(ctx: Context, request: Request, body: dict[str, Any] | None) -> None:
    header = request.headers.get("authorization")
    if header:
        _login_as(ctx, _token_user(ctx, header))
        ctx.cache["auth"] = "token"
        return
    sid = request.cookies.get(sessions.COOKIE)
    session = sessions.find(ctx, sid) if sid else None
    if session is None:
        return
    if request.method not in SAFE_METHODS:
        given = request.headers.get(CSRF_HEADER) or (body or {}).get("csrf_token") or ""
        if not hmac.compare_digest(str(given), session.csrf_token):
            raise PermissionDenied("Missing or invalid CSRF token: reload the page")
    _login_as(ctx, session.user)
    ctx.cache["auth"] = "session"
    ctx.cache["session"] = session


def _token_user(ctx: Context, header: str) -> str:
    scheme, _, credentials = header.partition(" ")
    scheme = scheme.lower()
    if scheme == "basic":
        try:
            credentials = base64.b64decode(credentials).decode()
        except (ValueError, UnicodeDecodeError):
            raise AuthenticationError("Malformed Authorization header") from None
    elif scheme != "token":
        raise AuthenticationError("Authorization must be 'token api_key:api_secret'")
    key, _, secret = credentials.strip().partition(":")
    if not key or not secret:
        raise AuthenticationError("Authorization must be 'token api_key:api_secret'")
    user = _users_by_api_key(ctx).get(key)
    if user is None or not user["enabled"] or not verify_secret(user["api_secret"], secret):
        raise AuthenticationError("Invalid API key or secret for this site")
    return user["name"]


def _users_by_api_key(ctx: Context) -> Mapping[str, Mapping[str, Any]]:
    """Users with an API key, by key: User is a cached doctype, so a terminal's every
    request does not read it again (a new key or a disabled user renews it)."""
    return records.derived(ctx, "users_by_api_key", lambda: MappingProxyType({
        u["api_key"]: u for u in records.get_all(ctx, "User") if u["api_key"]}))


def _login_as(ctx: Context, user: str) -> None:
    ctx.roles = user_roles(ctx, user)
    ctx.user = user


def require_login(ctx: Context) -> None:
    if "auth" not in ctx.cache:
        raise AuthenticationError("Not logged in")
