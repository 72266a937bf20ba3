"""The classroom load test in the suite: 10 browser sessions move sliders for 60 s on one server.

Runs ``bench/loadtest.py`` (the script behind ``make loadtest``) in its own process: zero errors,
no session ever sees another session's settings, every session kept moving, p95 reported (in
artifacts/loadtest.json and the test's output).
"""

from __future__ import annotations

import json
import math
import os
import subprocess
import sys

import pytest

from tests.e2e import kit
from tests.e2e.conftest import require

pytestmark = [pytest.mark.e2e, pytest.mark.loadtest, pytest.mark.xdist_group("load")]

SESSIONS = int(os.environ.get("LOADTEST_SESSIONS", "10"))
DURATION = float(os.environ.get("LOADTEST_DURATION", "60"))


def test_concurrent_sessions_moving_sliders(tmp_path):
    require(kit.chromium_missing())
    report = kit.ARTIFACTS / "loadtest.json"
    command = [
        sys.executable,
        "-m",
        "bench.loadtest",
        "--sessions",
        str(SESSIONS),
        "--duration",
        str(DURATION),
    ]
    result = subprocess.run(
        [*command, "--json", str(report)],
        cwd=kit.ROOT,
        capture_output=True,
        text=True,
        timeout=DURATION + 600,
    )
    print(result.stdout)
    assert report.exists(), result.stdout + result.stderr[-3000:]
    data = json.loads(report.read_text())
    assert data["errors"] == [], data["errors"][:10]
    assert data["leaks"] == [], data["leaks"][:10]
    assert data["sessions"] >= 10 and data["duration_s"] >= 60
    assert min(data["moves_per_session"]) >= 2, data["moves_per_session"]  # every session kept moving
    assert math.isfinite(data["latency_s"]["p95"])
    assert result.returncode == 0, result.stdout + result.stderr[-3000:]
