"""bench.py runs end to end at the smallest scale and prints one valid JSON report."""

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_bench_tiny_prints_a_json_report_for_each_workload(tmp_path):
    out = tmp_path / "bench.json"
    done = subprocess.run(
        [sys.executable, "bench.py", "--db", "sqlite", "--scale", "tiny", "--workload",
         "doc_insert", "api_read", "order_to_cash", "--out", str(out)],
        cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    report = json.loads(done.stdout)
    assert report == json.loads(out.read_text())
    assert set(report["workloads"]) == {"doc_insert", "api_read", "order_to_cash"}
    inserted = report["workloads"]["doc_insert"]
    # 40 entries x (1 document + 3 lines + 1 version row); the series' counter row was
    # made by the unmeasured warm-up
    assert inserted["n"] == 40 and inserted["rows_written"] == 200
    # each chain writes an order, a delivery, an invoice and a payment with their lines
    chains = report["workloads"]["order_to_cash"]
    assert chains["n"] == 5 and chains["rows_written"] >= 5 * 4 * 2
    for figures in report["workloads"].values():
        assert figures["ops_per_s"] > 0 and figures["p99_ms"] >= figures["p50_ms"] > 0
    assert report["machine"]["database"].startswith("SQLite")
