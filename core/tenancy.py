"""Tenant lookups and the per-transaction tenant setting.

Code never passes a tenant id to a query by hand: ``Site.transaction`` resolves the tenant
once, tells PostgreSQL about it (``app.tenant_id``, read by the row-level security policy),
and the query layer adds it to every statement.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any, NamedTuple

from sqlalchemy import Connection, Select, String, bindparam, cast, func, select, update

from core.db.prepared import fixed
from core.db.tables import installed_module, tenant, tenant_host
from core.errors import DoesNotExist, TenantError

if TYPE_CHECKING:
    from core.context import Context

TENANT_NAME_RE = re.compile(r"^[a-z][a-z0-9-]{0,62}$")


def check_tenant_name(name: str) -> None:
    if not TENANT_NAME_RE.match(name):
        raise TenantError(f"Tenant name {name!r}: use lower case letters, digits and '-', "
                          "starting with a letter (it becomes a host name)")


class TenantRow(NamedTuple):
    id: int
    name: str
    meta_version: int
    data_version: int


def find_tenant(conn: Connection, key: str | int | None = None, *,
                host: str | None = None) -> TenantRow:
    """An active tenant, by id, name or host name, with its cache versions.

    On PostgreSQL the same statement sets ``app.tenant_id`` for the transaction, so
    row-level security knows the tenant without another round trip.
    """
    by = "host" if host is not None else "id" if isinstance(key, int) else "name"
    value = host.split(":")[0].lower() if host is not None else key
    # compiled once (core/db/prepared.py): the lookup starts every transaction
    rows = fixed(conn.dialect, ("tenant", by), lambda dialect: _lookup(dialect, by)).fetch(
        conn, {"key": value})
    if not rows:
        raise DoesNotExist(f"No tenant is served at {host}" if host is not None
                           else f"Tenant {key} not found")
    row = rows[0]
    return TenantRow(row["id"], row["name"], row["meta_version"], row["data_version"])


def _lookup(dialect: str, by: str) -> Select[Any]:
    columns = [tenant.c.id, tenant.c.name, tenant.c.meta_version, tenant.c.data_version]
    if dialect == "postgresql":
        columns.append(func.set_config("app.tenant_id", cast(tenant.c.id, String), True))
    stmt = select(*columns).where(tenant.c.status == "active")
    if by == "host":
        return stmt.join(tenant_host, tenant_host.c.tenant_id == tenant.c.id).where(
            tenant_host.c.host == bindparam("key"))
    return stmt.where((tenant.c.id if by == "id" else tenant.c.name) == bindparam("key"))


def set_tenant_setting(conn: Connection, tenant_id: int) -> None:
    if conn.dialect.name == "postgresql":
        conn.execute(select(func.set_config("app.tenant_id", str(tenant_id), True)))


def read_installed(conn: Connection, tenant_id: int) -> frozenset[str]:
    rows = conn.execute(select(installed_module.c.module)
                        .where(installed_module.c.tenant_id == tenant_id))
    return frozenset(r.module for r in rows)


def read_meta_version(ctx: Context) -> int:
    return ctx.conn.execute(select(tenant.c.meta_version)
                            .where(tenant.c.id == ctx.tenant.id)).scalar_one()


def bump_meta_version(ctx: Context) -> None:
    """Tell every server process that this tenant's metadata changed."""
    ctx.conn.execute(update(tenant).where(tenant.c.id == ctx.tenant.id)
                     .values(meta_version=tenant.c.meta_version + 1))
    ctx.reload_schema()
