"""The request context: who is acting, for which tenant, on which connection.

Every engine function takes a ``Context``; there is no ambient global. A context lives for
one database transaction (``Site.transaction``); work that must reach the outside world
(e-mail, webhooks, jobs) is registered with ``after_commit`` and runs only if the
transaction commits.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, Table

from core.meta.doctype import DocTypeMeta
from core.meta.registry import TenantSchema

if TYPE_CHECKING:
    from core.site import Site

SUPERUSER_ROLE = "Administrator"
ALL_ROLE = "All"
GUEST = "Guest"


@dataclass(frozen=True)
class Tenant:
    id: int
    name: str
    meta_version: int
    modules: frozenset[str]
    data_version: int = 0  # see core/records.py


@dataclass
class Context:
    site: Site
    conn: Connection
    tenant: Tenant
    user: str
    roles: frozenset[str]
    schema: TenantSchema
    after_commit: list[Callable[[], None]] = field(default_factory=list)
    now: dt.datetime = field(default_factory=dt.datetime.now)
    # Values derived once per transaction (e.g. the user's record restrictions).
    cache: dict[str, Any] = field(default_factory=dict)

    def meta(self, doctype: str) -> DocTypeMeta:
        return self.schema.meta(doctype)

    def table(self, doctype: str) -> Table:
        return self.schema.table(doctype)

    @property
    def is_superuser(self) -> bool:
        return SUPERUSER_ROLE in self.roles

    def reload_schema(self) -> None:
        """See metadata changed inside this transaction (kept out of the shared cache,
        since the transaction may still roll back)."""
        from core.tenancy import read_meta_version

        version = read_meta_version(self)
        self.schema = self.site.meta.build(self.conn, self.tenant.id, version)
        self.tenant = Tenant(self.tenant.id, self.tenant.name, version, self.schema.installed,
                             self.tenant.data_version)
