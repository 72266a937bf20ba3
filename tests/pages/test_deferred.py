"""ui.deferred in a real script run: the page draws its main result at once, the validation curve
fills in after the background run, a session that moves on cancels what has not started, and a
failing analysis surfaces in the page like an inline one."""

from __future__ import annotations

import contextlib
import threading
import time
from concurrent.futures import ThreadPoolExecutor

import pytest

import ui.i18n
from tests.pages.harness import assert_ok, chart_specs, open_tab, run_page, widget
from ui import deferred, training
from ui.specs import l2 as spec

SCRIPT = "lectures/04_l2_regularization.py"
CURVE = "Train and dev error"


def curve_tab(at):
    """The page with its λ-curve tab open (the sweep runs only there)."""
    return open_tab(at, "l2_view", "l2.tab.curve")


def titles(at) -> list[str]:
    return [s["layout"].get("title", {}).get("text", "") for s in chart_specs(at)]


def wait_for_jobs(timeout: float = 120.0, quietly: bool = False) -> None:
    """Until every job is done; ``quietly``: a failed job is what a test looks at, not an error here."""
    deadline = time.monotonic() + timeout
    for job in list(deferred._JOBS.values()):
        if job.cancelled():
            continue
        with contextlib.suppress(*((Exception,) if quietly else ())):
            job.result(timeout=max(1.0, deadline - time.monotonic()))


@pytest.fixture
def background(monkeypatch):
    """The server's mode: analyses in the background worker (a thread here, so a test can hold it;
    test_the_worker_process_gives_the_inline_result covers the real worker process)."""
    pool = ThreadPoolExecutor(max_workers=1)
    deferred.use_executor(pool)
    monkeypatch.setenv("DLP_DEFERRED", "background")
    monkeypatch.setattr(ui.i18n, "DEFAULT_LANG", "en")
    monkeypatch.setattr(training, "TIME_BUDGET_S", 600.0)
    monkeypatch.setattr(spec, "SWEEP_TIME_BUDGET_S", 600.0)
    deferred.clear()
    yield pool
    wait_for_jobs(quietly=True)
    deferred.clear()
    deferred.use_executor(None)
    pool.shutdown()


def test_the_curve_fills_in_after_the_background_run(background):
    gate = threading.Event()
    background.submit(gate.wait, 60)  # hold the worker: the first run must not see the curve
    at = curve_tab(run_page(SCRIPT, query={"n_iter": "300"}))
    assert_ok(at)
    assert CURVE not in titles(at)
    assert any("in the background" in c.value for c in at.caption)
    assert titles(at) == ["Decision boundary"]  # drawn without waiting
    gate.set()
    wait_for_jobs()
    at.run()
    assert_ok(at)
    assert CURVE in titles(at)
    assert not any("in the background" in c.value for c in at.caption)


def test_moving_on_cancels_the_analysis_that_has_not_started(background):
    gate = threading.Event()
    background.submit(gate.wait, 60)
    at = run_page(SCRIPT, query={"n_iter": "300"})
    assert not deferred._JOBS  # the curve's tab is closed
    curve_tab(at)
    first = dict(deferred._JOBS)
    assert len(first) == 1
    widget(at, "width").set_value(20).run()  # a new network: a new curve, the old one is not needed
    assert_ok(at)
    assert all(job.cancelled() for job in first.values())
    assert len(deferred._JOBS) == 1 and set(deferred._JOBS) != set(first)
    gate.set()


def test_a_failing_analysis_surfaces_in_the_page(background, monkeypatch):
    import core.sweep

    def broken(*args, **kwargs):
        raise RuntimeError("sweep failed on purpose")

    monkeypatch.setattr(core.sweep, "train_sweep", broken)  # the page imports it on every run
    at = curve_tab(run_page(SCRIPT, query={"n_iter": "300"}))
    wait_for_jobs(quietly=True)
    at.run()
    assert at.exception  # the app's own message (details are redacted by the server config)


def test_the_worker_process_gives_the_inline_result(monkeypatch):
    """The real background worker (a forkserver process): same sweep as inline, bit for bit."""
    import numpy as np

    from core.datasets import make_dataset
    from core.sweep import train_sweep
    from core.train import TrainConfig

    monkeypatch.setenv("DLP_DEFERRED", "background")
    deferred.clear()
    deferred.use_executor(None)
    data = make_dataset("moons", 80, seed=3, noise_rate=0.1)
    config = TrainConfig(layer_dims=(2, 6, 1), num_iterations=60, learning_rate=0.5, record_every=10)
    args = (data.X, data.Y, config, "lambd", (0.0, 0.1, 1.0))
    job = deferred.submit("slot", ("process-test", config), train_sweep, *args)
    remote = job.result(timeout=120)
    local = train_sweep(*args)
    np.testing.assert_array_equal(remote.train_errors, local.train_errors)
    for a, b in zip(remote.params, local.params, strict=True):
        for key in a:
            np.testing.assert_array_equal(a[key], b[key])
    deferred.clear()


def test_slots_of_old_sessions_are_forgotten(monkeypatch):
    monkeypatch.setattr(deferred, "MAX_SLOTS", 3)
    deferred.clear()
    for i in range(10):
        assert deferred.submit(f"slot{i}", ("key", i), abs, -i).result() == i  # sync mode: inline
    assert len(deferred._LATEST) == 3
    assert deferred.STARTED["abs"] >= 10
    deferred.clear()


def test_the_recipe_draws_its_lab_before_the_more_data_table(background):
    """§1.3: the lab's charts come at once; the "more data" run trains in the background and its
    table (the same network on 4× the examples) fills in afterwards."""
    gate = threading.Event()
    background.submit(gate.wait, 60)
    at = run_page("lectures/03_basic_recipe.py")
    assert_ok(at)
    assert len(chart_specs(at)) == 4  # flow, trail, boundary, curves: drawn without waiting
    assert any("in the background" in c.value for c in at.caption)
    assert not any("training examples |" in m.value for m in at.markdown)
    gate.set()
    wait_for_jobs()
    at.run()
    assert_ok(at)
    table = next(m.value for m in at.markdown if "training examples |" in m.value)
    assert "| 50 training examples |" in table and "| 200 training examples |" in table
    assert not any("in the background" in c.value for c in at.caption)
