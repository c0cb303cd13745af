"""The tenant a backup is restored into: claiming it, the rule for replacing it, emptying it.

The rule (docs/decisions/0007-tenant-backup.md): a restore may replace an existing tenant
only while it holds nothing but what ``erp new-tenant`` and ``erp install-module`` made
for it. Those steps write every document in the same transaction as the admin user or an
``installed_module`` row, so they share that row's timestamp; a document created at any
other moment (a customer, a second user, a role given to admin, a custom doctype or
field), or any saved setting (singles), is the tenant's own data and the restore is
refused. Change history (Version) is not counted: issuing an API key or changing the
admin password edits set-up documents, it does not add data.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from sqlalchemy import (
    Connection,
    MetaData,
    Table,
    delete,
    func,
    insert,
    inspect,
    or_,
    select,
    update,
)

from core.db.tables import (
    doctype_table,
    installed_module,
    is_tenant_table,
    platform,
    singles,
    tenant_host,
)
from core.db.tables import tenant as tenant_registry
from core.errors import TenantError
from core.tenancy import check_tenant_name
from tenants.provisioning import ADMIN, default_hosts

if TYPE_CHECKING:
    from core.site import Site

# Not served (core.tenancy.find_tenant serves only "active") until its restore commits.
RESTORING = "restoring"
CHANGE_LOG = "Version"


def claim(site: Site, name: str) -> tuple[int, bool]:
    """(tenant id, whether it was created now): an existing tenant by name, or a new one
    registered as restoring, with the host NAME.localhost.

    A new tenant is committed at once because the names of its custom doctype tables
    carry its id, and those tables are created before the data is loaded.
    """
    check_tenant_name(name)
    with site.db.owner.begin() as conn:
        found = conn.execute(select(tenant_registry.c.id)
                             .where(tenant_registry.c.name == name)).scalar()
        if found is not None:
            return found, False
        hosts = default_hosts(name)
        if conn.execute(select(tenant_host.c.host).where(tenant_host.c.host.in_(hosts))
                        ).first():
            raise TenantError(f"Host {hosts[0]} already belongs to a tenant")
        tenant_id = conn.execute(insert(tenant_registry).values(
            name=name, status=RESTORING, meta_version=1, created=dt.datetime.now())
            .returning(tenant_registry.c.id)).scalar_one()
        conn.execute(insert(tenant_host), [{"host": h, "tenant_id": tenant_id} for h in hosts])
        return tenant_id, True


def release(site: Site, tenant_id: int) -> None:
    """Forget a tenant ``claim`` created, after its restore failed."""
    with site.db.owner.begin() as conn:
        conn.execute(delete(tenant_host).where(tenant_host.c.tenant_id == tenant_id))
        conn.execute(delete(tenant_registry).where(tenant_registry.c.id == tenant_id,
                                                   tenant_registry.c.status == RESTORING))


def open_for_business(conn: Connection, tenant_id: int) -> None:
    """Serve the restored tenant; the new metadata version makes every server process
    drop what it cached about the tenant before."""
    conn.execute(update(tenant_registry).where(tenant_registry.c.id == tenant_id).values(
        meta_version=tenant_registry.c.meta_version + 1))
    conn.execute(update(tenant_registry).where(tenant_registry.c.id == tenant_id,
                                               tenant_registry.c.status == RESTORING)
                 .values(status="active"))


def lock(conn: Connection, tenant_id: int) -> None:
    """Hold the tenant's registry row, so two restores into one tenant take turns."""
    conn.execute(select(tenant_registry.c.id).where(tenant_registry.c.id == tenant_id)
                 .with_for_update())


def check_replaceable(site: Site, conn: Connection, tenant_id: int, name: str) -> None:
    """Refuse a tenant that holds data of its own (the rule in the module docstring)."""
    if conn.execute(select(singles.c.doctype).where(singles.c.tenant_id == tenant_id)
                    ).first():
        raise _holds_data(name, "its settings were saved")
    moments = _set_up_moments(site, conn, tenant_id)
    for table in _doctype_tables(site, conn, tenant_id):
        if table.name == doctype_table(site.standard_meta[CHANGE_LOG]).name:
            continue
        stmt = select(func.count()).select_from(table).where(table.c.tenant_id == tenant_id)
        if moments:
            stmt = stmt.where(or_(table.c.creation.is_(None),
                                  table.c.creation.not_in(moments)))
        rows = conn.execute(stmt).scalar_one()
        if rows:
            raise _holds_data(name, f"{table.name} has {rows} rows made after its set-up")


def clear(site: Site, conn: Connection, tenant_id: int) -> None:
    """Delete every row of the tenant, keeping its registry entry and hosts."""
    tables = [t for t in platform.tables.values() if is_tenant_table(t)]
    for table in tables + _doctype_tables(site, conn, tenant_id):
        conn.execute(delete(table).where(table.c.tenant_id == tenant_id))


def _set_up_moments(site: Site, conn: Connection, tenant_id: int) -> list[dt.datetime]:
    users = doctype_table(site.standard_meta["User"])
    admin = conn.execute(select(users.c.creation).where(
        users.c.tenant_id == tenant_id, users.c.name == ADMIN)).scalar()
    installs = conn.execute(select(installed_module.c.installed).where(
        installed_module.c.tenant_id == tenant_id)).scalars()
    return sorted({*installs, *([admin] if admin is not None else [])})


def _doctype_tables(site: Site, conn: Connection, tenant_id: int) -> list[Table]:
    """Every standard doctype table, and the tenant's own custom tables, including those
    of custom doctypes it deleted (their tables stay, see core/db/migrate.py)."""
    tables = [doctype_table(meta) for meta in site.standard_meta.values()]
    prefix = f"custom_{tenant_id}_"  # the "_" keeps tenant 1 out of tenant 12's tables
    reflected = MetaData()
    tables += [Table(table_name, reflected, autoload_with=conn)
               for table_name in inspect(conn).get_table_names()
               if table_name.startswith(prefix)]
    return tables


def _holds_data(name: str, why: str) -> TenantError:
    return TenantError(f"Tenant {name} holds data of its own ({why}): restore into a new "
                       "tenant name, or drop this one first")
