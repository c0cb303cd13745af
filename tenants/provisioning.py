"""Creating, listing and dropping tenants, and installing modules into them."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from sqlalchemy import Connection, MetaData, Table, delete, insert, inspect, select

from core import lifecycle
from core.context import SUPERUSER_ROLE, Context
from core.db.tables import (
    doctype_table,
    installed_module,
    is_tenant_table,
    platform,
    tenant,
    tenant_host,
)
from core.errors import TenantError
from core.modules import with_dependencies
from core.tenancy import bump_meta_version, check_tenant_name, set_tenant_setting

if TYPE_CHECKING:
    from core.site import Site

ADMIN = "admin"
BASE_ROLES = ("Administrator", "System Manager", "All", "Guest")


def default_hosts(name: str) -> list[str]:
    return [f"{name}.localhost"]


def new_tenant(site: Site, name: str, admin_password: str, *, hosts: list[str] | None = None,
               modules: list[str] | None = None, demo: bool = False) -> int:
    """Create a tenant with its admin user and modules; returns the tenant id."""
    check_tenant_name(name)
    hosts = [h.lower() for h in (hosts or default_hosts(name))]
    with site.db.owner.begin() as conn:
        if conn.execute(select(tenant.c.id).where(tenant.c.name == name)).first():
            raise TenantError(f"Tenant {name!r} already exists")
        taken = conn.execute(select(tenant_host.c.host).where(tenant_host.c.host.in_(hosts)))
        taken_hosts = [r.host for r in taken]
        if taken_hosts:
            raise TenantError(f"Host {', '.join(taken_hosts)} already belongs to a tenant")
        tenant_id = conn.execute(insert(tenant).values(
            name=name, status="active", meta_version=1, created=dt.datetime.now())
            .returning(tenant.c.id)).scalar_one()
        conn.execute(insert(tenant_host), [{"host": h, "tenant_id": tenant_id} for h in hosts])
    with site.transaction(tenant_id, ADMIN, roles=frozenset({SUPERUSER_ROLE}),
                          owner=True) as ctx:
        for role in BASE_ROLES:
            lifecycle.insert(ctx, lifecycle.new_doc(ctx, "Role", {"role_name": role}))
        lifecycle.insert(ctx, lifecycle.new_doc(ctx, "User", {
            "login": ADMIN, "full_name": "Administrator", "password": admin_password,
            "roles": [{"role": "Administrator"}, {"role": "System Manager"}]}))
        install_modules(ctx, modules if modules is not None else list(site.manifests),
                        demo=demo)
    return tenant_id


def install_modules(ctx: Context, names: list[str], *, demo: bool = False) -> list[str]:
    """Install modules (with what they depend on) into the context's tenant."""
    wanted = [n for n in with_dependencies(ctx.site.manifests, names)
              if n not in ctx.tenant.modules]
    if not wanted:
        return []
    ctx.conn.execute(insert(installed_module), [
        {"tenant_id": ctx.tenant.id, "module": n, "version": ctx.site.manifests[n].version,
         "installed": ctx.now} for n in wanted])
    bump_meta_version(ctx)
    for name in wanted:
        manifest = ctx.site.manifests[name]
        after_install = manifest.function("install", "after_install")
        if after_install is not None:
            after_install(ctx)
    if demo:
        for name in wanted:
            make_demo = ctx.site.manifests[name].function("demo", "make_demo")
            if make_demo is not None:
                make_demo(ctx)
    return wanted


def list_tenants(site: Site) -> list[dict[str, object]]:
    with site.db.owner.connect() as conn:
        hosts: dict[int, list[str]] = {}
        for row in conn.execute(select(tenant_host).order_by(tenant_host.c.host)):
            hosts.setdefault(row.tenant_id, []).append(row.host)
        return [{"id": r.id, "name": r.name, "status": r.status, "hosts": hosts.get(r.id, [])}
                for r in conn.execute(select(tenant).order_by(tenant.c.name))]


def drop_tenant(site: Site, name: str) -> None:
    """Delete a tenant and every row it owns, in one transaction."""
    with site.db.owner.begin() as conn:
        tenant_id = conn.execute(select(tenant.c.id).where(tenant.c.name == name)).scalar()
        if tenant_id is None:
            raise TenantError(f"Tenant {name!r} not found")
        set_tenant_setting(conn, tenant_id)
        for table in tenant_tables(site, conn):
            conn.execute(delete(table).where(table.c.tenant_id == tenant_id))
        conn.execute(delete(tenant_host).where(tenant_host.c.tenant_id == tenant_id))
        conn.execute(delete(tenant).where(tenant.c.id == tenant_id))


def tenant_tables(site: Site, conn: Connection) -> list[Table]:
    """Every table holding tenant rows: platform ones, standard doctypes, custom ones."""
    tables = [t for t in platform.tables.values() if is_tenant_table(t)]
    tables += [doctype_table(m) for m in site.standard_meta.values()]
    names = {t.name for t in tables}
    reflected = MetaData()
    for table_name in inspect(conn).get_table_names():
        if table_name.startswith("custom_") and table_name not in names:
            tables.append(Table(table_name, reflected, autoload_with=conn))
    return tables
