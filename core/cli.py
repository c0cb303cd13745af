"""The ``erp`` command line."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable

from core.errors import AppError
from core.site import Site


def _site() -> Site:
    return Site.load(redis_url=os.environ.get("ERP_REDIS_URL"))


def cmd_migrate(args: argparse.Namespace) -> None:
    site = _site()
    site.migrate()
    print("migrated")


def cmd_new_tenant(args: argparse.Namespace) -> None:
    from tenants.provisioning import new_tenant

    site = _site()
    site.migrate()
    modules = [m for m in args.modules.split(",") if m] if args.modules is not None else None
    new_tenant(site, args.name, args.admin_password, hosts=args.host or None,
               modules=modules, demo=args.demo)
    print(f"tenant {args.name} created; log in as admin")


DEMO_TENANT = "demo"
DEMO_HOSTS = ["demo.localhost", "localhost", "127.0.0.1"]


def cmd_demo(args: argparse.Namespace) -> None:
    """Create the demo tenant on first run; print how to log in."""
    from tenants.provisioning import list_tenants, new_tenant

    site = _site()
    site.migrate()
    password = os.environ.get("ERP_DEMO_PASSWORD", "demo-admin")
    if not any(t["name"] == DEMO_TENANT for t in list_tenants(site)):
        new_tenant(site, DEMO_TENANT, password, hosts=DEMO_HOSTS, demo=True)
        print("created the demo tenant with demo data")
    print("desk: http://127.0.0.1:8000  (also http://demo.localhost:8000)")
    print(f"login: admin   password: {password}")


def cmd_list_tenants(args: argparse.Namespace) -> None:
    from tenants.provisioning import list_tenants

    for t in list_tenants(_site()):
        print(f"{t['name']}\t{t['status']}\t{' '.join(t['hosts'])}")  # type: ignore[arg-type]


def cmd_drop_tenant(args: argparse.Namespace) -> None:
    from tenants.provisioning import drop_tenant

    if not args.yes:
        raise SystemExit("Refusing to drop a tenant without --yes")
    drop_tenant(_site(), args.name)
    print(f"tenant {args.name} dropped")


def cmd_new_api_key(args: argparse.Namespace) -> None:
    from core.auth.api_keys import issue_api_key

    site = _site()
    with site.transaction(args.tenant, args.user) as ctx:
        key, secret = issue_api_key(ctx, args.user)
    print(f"{key}:{secret}")


def cmd_install_module(args: argparse.Namespace) -> None:
    from tenants.provisioning import install_modules

    site = _site()
    site.migrate()
    with site.transaction(args.tenant, "admin") as ctx:
        done = install_modules(ctx, [args.module], demo=args.demo)
    print("installed: " + (", ".join(done) if done else "nothing (already installed)"))


def cmd_serve(args: argparse.Namespace) -> None:
    from core.serving import serve

    _site().migrate()
    # One JSON line per request from core.observability; uvicorn's own access log is off.
    log_config = {"version": 1, "disable_existing_loggers": False,
                  "formatters": {"plain": {"format": "%(message)s"}},
                  "handlers": {"out": {"class": "logging.StreamHandler", "formatter": "plain",
                                       "stream": "ext://sys.stdout"}},
                  "loggers": {"erp": {"handlers": ["out"], "level": "INFO"},
                              "uvicorn.error": {"handlers": ["out"], "level": "INFO"}}}
    print(f"serving on http://{args.host}:{args.port}", flush=True)
    serve(args.host, args.port, args.workers, proxy_headers=True, access_log=False,
          log_config=log_config)


def cmd_worker(args: argparse.Namespace) -> None:
    from core.jobs import run_worker

    run_worker(_site(), burst=args.burst)


def cmd_scheduler(args: argparse.Namespace) -> None:
    from core.scheduler import run_scheduler

    run_scheduler(_site(), once=args.once)


def cmd_backup(args: argparse.Namespace) -> None:
    from tenants.backup import backup

    rows = backup(_site(), args.tenant, args.file)
    print(f"{rows} rows written to {args.file}")


def cmd_restore(args: argparse.Namespace) -> None:
    from tenants.backup import restore

    site = _site()
    site.migrate()
    rows = restore(site, args.tenant, args.file)
    print(f"{rows} rows restored into {args.tenant}")


def cmd_agency_report(args: argparse.Namespace) -> None:
    from tenants.agency import run

    for row in run(_site(), args.report, args.operator, args.reason):
        print("\t".join(f"{k}={v}" for k, v in row.items()))


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="erp", description="Run and administer the ERP.")
    sub = p.add_subparsers(dest="command", required=True)

    def add(name: str, fn: Callable[[argparse.Namespace], None], help: str
            ) -> argparse.ArgumentParser:
        sp = sub.add_parser(name, help=help)
        sp.set_defaults(fn=fn)
        return sp

    add("migrate", cmd_migrate, "bring every table up to date (safe to repeat)")
    sp = add("new-tenant", cmd_new_tenant, "create a tenant with an admin user")
    sp.add_argument("name")
    sp.add_argument("--admin-password", required=True)
    sp.add_argument("--host", action="append", help="host name (repeatable)")
    sp.add_argument("--modules", help="comma-separated modules (default: all)")
    sp.add_argument("--demo", action="store_true", help="add the modules' demo data")
    add("demo", cmd_demo, "create the demo tenant if missing and print its login")
    add("list-tenants", cmd_list_tenants, "list tenants and their hosts")
    sp = add("drop-tenant", cmd_drop_tenant, "delete a tenant and all its data")
    sp.add_argument("name")
    sp.add_argument("--yes", action="store_true")
    sp = add("new-api-key", cmd_new_api_key, "issue an API key for a user")
    sp.add_argument("--tenant", required=True)
    sp.add_argument("--user", required=True)
    sp = add("install-module", cmd_install_module, "install a module into a tenant")
    sp.add_argument("module")
    sp.add_argument("--tenant", required=True)
    sp.add_argument("--demo", action="store_true")
    sp = add("serve", cmd_serve, "serve the desk and API")
    sp.add_argument("--host", default="127.0.0.1")
    sp.add_argument("--port", type=int, default=8000)
    sp.add_argument("--workers", type=int, default=1,
                    help="server processes (on Linux each listens on the port itself)")
    sp = add("worker", cmd_worker, "run background jobs from Redis")
    sp.add_argument("--burst", action="store_true", help="stop when the queue is empty")
    sp = add("scheduler", cmd_scheduler, "queue the modules' periodic jobs, every minute")
    sp.add_argument("--once", action="store_true", help="queue what is due now and stop")
    sp = add("agency-report", cmd_agency_report,
             "a report across all tenants (recorded with operator and reason)")
    sp.add_argument("report", help="activity")
    sp.add_argument("--operator", required=True)
    sp.add_argument("--reason", required=True)
    for name, fn, help in (("backup", cmd_backup, "write one tenant's rows to a file"),
                           ("restore", cmd_restore, "load a backup into an empty tenant")):
        sp = add(name, fn, help)
        sp.add_argument("--tenant", required=True)
        sp.add_argument("file")
    return p


def main(argv: list[str] | None = None) -> None:
    args = parser().parse_args(argv)
    try:
        args.fn(args)
    except AppError as exc:
        print(f"error: {exc.message}", file=sys.stderr)
        raise SystemExit(2) from None
