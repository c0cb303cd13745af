"""Fixtures shared by every test (engine and modules): a site per database backend, and
fresh tenants.

Each test run creates its own PostgreSQL database and drops it at the end. Tests keep apart
by tenant: every ``tenant`` fixture is a new tenant with a unique name, which is also how
the product keeps customers apart. With CI=true a missing PostgreSQL or Redis fails the
run instead of skipping.
"""

from __future__ import annotations

import os
import secrets
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import psycopg
import pytest
from starlette.testclient import TestClient

from core.auth.api_keys import issue_api_key
from core.server import create_app
from core.site import Site
from tenants.provisioning import new_tenant

PG_ADMIN = os.environ.get("ERP_TEST_PG", "postgresql://postgres@127.0.0.1:5432/postgres")
REDIS_URL = os.environ.get("ERP_TEST_REDIS", "redis://127.0.0.1:6379/15")
IN_CI = os.environ.get("CI", "").lower() == "true"
PASSWORD = "correct-horse-9"


def _unavailable(what: str, exc: Exception) -> None:
    if IN_CI:
        pytest.fail(f"{what} is required in CI but unreachable: {exc}")
    pytest.skip(f"{what} unreachable: {exc}")


@pytest.fixture(scope="session")
def pg_url() -> Iterator[str]:
    name = f"erp_test_{os.getpid()}_{secrets.token_hex(3)}"
    try:
        admin = psycopg.connect(PG_ADMIN, autocommit=True, connect_timeout=5)
    except psycopg.OperationalError as exc:
        _unavailable("PostgreSQL", exc)
    admin.execute(f'CREATE DATABASE "{name}"')
    base = PG_ADMIN.rsplit("/", 1)[0]
    try:
        yield f"{base}/{name}"
    finally:
        admin.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                      "WHERE datname = %s AND pid <> pg_backend_pid()", (name,))
        admin.execute(f'DROP DATABASE IF EXISTS "{name}"')
        admin.close()


@pytest.fixture(scope="session")
def redis_url() -> str:
    import redis

    try:
        redis.Redis.from_url(REDIS_URL, socket_connect_timeout=3).ping()
    except redis.RedisError as exc:
        _unavailable("Redis", exc)
    return REDIS_URL


@pytest.fixture(scope="session")
def sqlite_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    site = Site.load(f"sqlite:///{tmp_path_factory.mktemp('db') / 'erp.db'}")
    site.login_delay = 0.001
    site.migrate()
    yield site
    site.db.dispose()


@pytest.fixture(scope="session")
def postgres_site(pg_url: str) -> Iterator[Site]:
    site = Site.load(pg_url)
    site.login_delay = 0.001
    site.migrate()
    yield site
    site.db.dispose()


@pytest.fixture(params=["sqlite", "postgres"])
def site(request: pytest.FixtureRequest) -> Site:
    """The same test on SQLite and on PostgreSQL."""
    return request.getfixturevalue(f"{request.param}_site")


@dataclass
class TenantHandle:
    site: Site
    name: str
    host: str
    token: str

    @property
    def auth(self) -> dict[str, str]:
        return {"Authorization": f"token {self.token}"}

    def client(self, **kwargs: Any) -> TestClient:
        return TestClient(create_app(self.site), base_url=f"http://{self.host}", **kwargs)

    def tx(self, user: str = "admin") -> Any:
        return self.site.transaction(self.name, user)


def make_tenant(site: Site, modules: list[str] | None = None) -> TenantHandle:
    name = f"t-{uuid.uuid4().hex[:10]}"
    new_tenant(site, name, PASSWORD, modules=modules if modules is not None else [])
    with site.transaction(name, "admin") as ctx:
        key, secret = issue_api_key(ctx, "admin")
    return TenantHandle(site, name, f"{name}.localhost", f"{key}:{secret}")


@pytest.fixture
def tenant(site: Site) -> TenantHandle:
    return make_tenant(site)


@pytest.fixture
def other_tenant(site: Site) -> TenantHandle:
    return make_tenant(site)


@pytest.fixture
def api(tenant: TenantHandle) -> Iterator[TestClient]:
    with tenant.client(headers=tenant.auth) as client:
        yield client
