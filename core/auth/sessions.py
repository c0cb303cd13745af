"""Web sessions: a random id in an HttpOnly cookie, the row in the database.

Sessions live in the database (not in one process's memory) so any server process can
serve any request, and logout ends the session everywhere at once.
"""

from __future__ import annotations

import datetime as dt
import secrets
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy import delete, insert, select

from core.db.tables import web_session

if TYPE_CHECKING:
    from core.context import Context

COOKIE = "sid"
LIFETIME = dt.timedelta(hours=12)


@dataclass(frozen=True)
class WebSession:
    sid: str
    user: str
    csrf_token: str


def start(ctx: Context, user: str) -> WebSession:
    session = WebSession(secrets.token_urlsafe(32), user, secrets.token_urlsafe(24))
    ctx.conn.execute(insert(web_session).values(
        tenant_id=ctx.tenant.id, sid=session.sid, user=user, csrf_token=session.csrf_token,
        created=ctx.now, expires=ctx.now + LIFETIME))
    return session


def find(ctx: Context, sid: str) -> WebSession | None:
    row = ctx.conn.execute(select(web_session).where(
        web_session.c.tenant_id == ctx.tenant.id, web_session.c.sid == sid,
        web_session.c.expires > ctx.now)).first()
    return WebSession(row.sid, row.user, row.csrf_token) if row else None


def end(ctx: Context, sid: str) -> None:
    ctx.conn.execute(delete(web_session).where(web_session.c.tenant_id == ctx.tenant.id,
                                               web_session.c.sid == sid))
