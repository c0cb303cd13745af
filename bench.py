"""Performance harness: named workloads through the product's real paths, one JSON object out.

    python bench.py [--db sqlite|postgres] [--workload NAME ...|all] [--scale tiny|small|N]
                    [--out FILE]

Each run builds a fresh database (a temporary SQLite file, or a new PostgreSQL database
that is dropped at the end), provisions a tenant, and measures each workload alone. Every
operation goes through the engine's service layer or its HTTP API, never behind its back.
See docs/performance.md for recorded runs.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import sys
from pathlib import Path

from benchmarks.harness import Run, open_database
from benchmarks.workloads import WORKLOADS

SCALES = {"tiny": 0.02, "small": 0.2, "standard": 1.0}


def parse_scale(text: str) -> float:
    if text in SCALES:
        return SCALES[text]
    try:
        return float(text)
    except ValueError:
        raise SystemExit(f"--scale is one of {', '.join(SCALES)} or a number") from None


def main(argv: list[str] | None = None) -> dict:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--db", choices=["sqlite", "postgres"], default="sqlite")
    p.add_argument("--workload", nargs="+", default=["all"])
    p.add_argument("--scale", default="standard")
    p.add_argument("--out")
    args = p.parse_args(argv)
    names = list(WORKLOADS) if "all" in args.workload else args.workload
    unknown = [n for n in names if n not in WORKLOADS]
    if unknown:
        raise SystemExit(f"unknown workload {', '.join(unknown)}; one of {', '.join(WORKLOADS)}")
    scale = parse_scale(args.scale)
    results: dict = {}
    with open_database(args.db) as (site, version):
        for name in names:
            run = Run(site, scale)
            results[name] = WORKLOADS[name](run)
    report = {"db": args.db, "scale": args.scale, "workloads": results, "machine": {
        "cores": os.cpu_count(), "python": platform.python_version(),
        "platform": platform.platform(), "database": version}}
    text = json.dumps(report, indent=2)
    print(text)
    if args.out:
        Path(args.out).write_text(text + "\n")
    return report


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    main()
