"""A pytest plugin (``-p tests.e2e.report``, used by ``make test``): after the run, print what the
browser tests measured in this run — the load test's numbers and the screenshots taken."""

from __future__ import annotations

import json
import time

from tests.e2e import kit

STARTED = time.time()


def pytest_terminal_summary(terminalreporter) -> None:
    fresh = [p for p in kit.ARTIFACTS.rglob("*") if p.is_file() and p.stat().st_mtime >= STARTED]
    if not fresh:
        return
    write = terminalreporter.write_line
    terminalreporter.section("browser tests: measured in this run")
    load = kit.ARTIFACTS / "loadtest.json"
    if load in fresh:
        data = json.loads(load.read_text())
        lat = data["latency_s"]
        write(
            f"load test: {data['sessions']} sessions x {data['duration_s']:.0f} s,"
            f" {data['moves']} slider moves,"
            f" latency p50 {lat['p50']:.2f} s p95 {lat['p95']:.2f} s max {lat['max']} s,"
            f" errors {len(data['errors'])}, leaks {len(data['leaks'])} ({load})"
        )
    shots = sorted(p.name for p in fresh if p.suffix == ".png")
    if shots:
        write(f"screenshots ({len(shots)}) in {kit.ARTIFACTS / 'screenshots'}: {', '.join(shots)}")
