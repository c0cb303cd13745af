"""Password login with slow-down and lock-out after repeated failures.

From the third failure in a row each attempt waits a little longer (up to four seconds);
the fifth locks the login for fifteen minutes. The counter lives in the database so every
server process enforces the same limit.
"""

from __future__ import annotations

import datetime as dt
import time
from typing import TYPE_CHECKING

from sqlalchemy import select, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from core.auth import sessions
from core.auth.passwords import verify_password
from core.db import query
from core.db.tables import login_attempt
from core.errors import AuthenticationError, LoginLocked

if TYPE_CHECKING:
    from core.context import Context
    from core.site import Site

MAX_FAILURES = 5
LOCK_FOR = dt.timedelta(minutes=15)
SLOW_DOWN_FROM = 3
MAX_DELAY = 4.0


def login(site: Site, host: str, user: str, password: str) -> sessions.WebSession:
    """Check the password and start a session; record a failure in its own transaction."""
    with site.transaction(None, None, host=host) as ctx:
        failures, locked_until = _attempts(ctx, user)
        if locked_until and locked_until > ctx.now:
            raise LoginLocked("Too many failed logins: try again in "
                              f"{_minutes(locked_until - ctx.now)} minutes")
        if failures >= SLOW_DOWN_FROM:
            time.sleep(min(MAX_DELAY, site_delay(site) * 2 ** (failures - SLOW_DOWN_FROM)))
        stored = query.select_rows(ctx, "User", fields=["password", "enabled"],
                                   filters={"name": user}, limit=1, order_by="name asc")
        ok = bool(stored) and stored[0]["enabled"] and verify_password(
            stored[0]["password"], password)
        if ok:
            _reset(ctx, user)
            return sessions.start(ctx, user)
    with site.transaction(None, None, host=host) as ctx:
        _record_failure(ctx, user)
    raise AuthenticationError("Invalid login or password")


def site_delay(site: Site) -> float:
    return site.login_delay


def _minutes(delta: dt.timedelta) -> int:
    return max(1, round(delta.total_seconds() / 60))


def _attempts(ctx: Context, user: str) -> tuple[int, dt.datetime | None]:
    row = ctx.conn.execute(select(login_attempt.c.failures, login_attempt.c.locked_until)
                           .where(login_attempt.c.tenant_id == ctx.tenant.id,
                                  login_attempt.c.login == user)).first()
    return (row.failures, row.locked_until) if row else (0, None)


def _record_failure(ctx: Context, user: str) -> None:
    insert = pg_insert if ctx.conn.dialect.name == "postgresql" else sqlite_insert
    stmt = insert(login_attempt).values(tenant_id=ctx.tenant.id, login=user, failures=1,
                                        last_failure=ctx.now)
    failures = ctx.conn.execute(stmt.on_conflict_do_update(
        index_elements=["tenant_id", "login"],
        set_={"failures": login_attempt.c.failures + 1, "last_failure": ctx.now},
    ).returning(login_attempt.c.failures)).scalar_one()
    if failures >= MAX_FAILURES:
        ctx.conn.execute(update(login_attempt).where(
            login_attempt.c.tenant_id == ctx.tenant.id, login_attempt.c.login == user)
            .values(locked_until=ctx.now + LOCK_FOR, failures=0))


def _reset(ctx: Context, user: str) -> None:
    ctx.conn.execute(update(login_attempt).where(
        login_attempt.c.tenant_id == ctx.tenant.id, login_attempt.c.login == user)
        .values(failures=0, locked_until=None))
