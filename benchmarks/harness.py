"""What every workload needs: a fresh database, a tenant, timing and resource figures."""

from __future__ import annotations

import contextlib
import os
import resource
import secrets
import statistics
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

import psycopg
from sqlalchemy import func, select, text

from core.site import Site
from tenants.provisioning import new_tenant, tenant_tables

PG_ADMIN = os.environ.get("ERP_BENCH_PG", "postgresql://postgres@127.0.0.1:5432/postgres")
PASSWORD = "bench-password-1"


@contextlib.contextmanager
def open_database(kind: str) -> Iterator[tuple[Site, str]]:
    """A migrated Site on a database made for this run, removed afterwards."""
    if kind == "sqlite":
        with tempfile.TemporaryDirectory() as folder:
            site = Site.load(f"sqlite:///{folder}/bench.db")
            site.login_delay = 0.001
            site.migrate()
            with site.db.owner.connect() as conn:
                version = "SQLite " + conn.execute(text("select sqlite_version()")).scalar()
            yield site, version
            site.db.dispose()
        return
    name = f"erp_bench_{secrets.token_hex(4)}"
    admin = psycopg.connect(PG_ADMIN, autocommit=True)
    admin.execute(f'CREATE DATABASE "{name}"')
    try:
        site = Site.load(f"{PG_ADMIN.rsplit('/', 1)[0]}/{name}")
        site.migrate()
        with site.db.owner.connect() as conn:
            version = conn.execute(text("show server_version")).scalar()
        yield site, f"PostgreSQL {version}"
        site.db.dispose()
    finally:
        admin.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                      "WHERE datname = %s AND pid <> pg_backend_pid()", (name,))
        admin.execute(f'DROP DATABASE IF EXISTS "{name}"')
        admin.close()


def peak_rss_mb(pid: int | None = None) -> float:
    """This process's peak memory, or that of the largest of process ``pid`` and its
    children (a server's workers)."""
    if pid is None:
        return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)
    return round(max(_peak_kb(p) for p in [pid, *_children(pid)]) / 1024, 1)


def _peak_kb(pid: int) -> int:
    with contextlib.suppress(OSError), open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    return 0


def _children(pid: int) -> list[int]:
    with contextlib.suppress(OSError), open(f"/proc/{pid}/task/{pid}/children") as f:
        return [int(p) for p in f.read().split()]
    return []


@dataclass
class Run:
    site: Site
    scale: float
    tenant: str = field(default="")

    def count(self, base: int) -> int:
        return max(1, int(base * self.scale))

    def new_tenant(self, modules: list[str] | None = None) -> str:
        name = f"bench-{secrets.token_hex(4)}"
        new_tenant(self.site, name, PASSWORD, modules=modules or [])
        self.tenant = name
        return name

    def rows(self) -> int:
        """Rows this run's tenant holds, over every tenant table."""
        with self.site.transaction(self.tenant, None) as ctx:
            total = 0
            for table in tenant_tables(self.site, ctx.conn):
                total += ctx.conn.execute(select(func.count()).select_from(table).where(
                    table.c.tenant_id == ctx.tenant.id)).scalar_one()
            return total


def measure(n: int, op: Callable[[int], Any]) -> tuple[float, list[float]]:
    """Run op(i) n times; total seconds and each call's milliseconds."""
    latencies = []
    start = time.perf_counter()
    for i in range(n):
        t0 = time.perf_counter()
        op(i)
        latencies.append((time.perf_counter() - t0) * 1000)
    return time.perf_counter() - start, latencies


def summary(n: int, seconds: float, latencies: list[float], rows_written: int,
            server_pid: int | None = None, **extra: Any) -> dict[str, Any]:
    ordered = sorted(latencies)
    out = {
        "n": n, "seconds": round(seconds, 3), "ops_per_s": round(n / seconds, 1),
        "p50_ms": round(statistics.median(ordered), 2),
        "p99_ms": round(ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))], 2),
        "peak_rss_mb": peak_rss_mb(), "rows_written": rows_written,
    }
    if server_pid is not None:
        out["server_peak_rss_mb"] = peak_rss_mb(server_pid)
    return out | extra
