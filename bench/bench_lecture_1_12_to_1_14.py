"""Time the §1.12–§1.14 pages' figures at default settings (python -m bench bench_lecture_1_12_to_1_14).

Each row is the engine work plus the Plotly builder behind one figure, median of ``--runs`` runs in
this process (no Streamlit cache). The last rows run each page end to end through AppTest: the first
render of a new seed (cold: every cache misses) and a rerun that changes no control (warm). The load
average is printed because the machine is shared: timings scale with it.
"""

from __future__ import annotations

import argparse
import os
import time
from collections.abc import Callable

import numpy as np

from core import gradcheck as gc
from core import gradcheck_demos as gd
from ui.figures import gradcheck as gfig
from ui.figures import numerical_grad as nfig

SPEC = gd.NetSpec()  # the §1.13 defaults: [2, 4, 4, 1], relu, λ = 0.1, m = 32
EPS, KEEP_PROB, ITERATIONS = 1e-7, 0.8, 1000  # the page's defaults
FUNC, THETA, STEP = "cube", 1.0, 0.01


def secants():
    return nfig.secant_figure(gd.secant_picture(FUNC, THETA, STEP))


def loglog():
    df = gc.error_vs_epsilon(FUNC, THETA, gd.valid_epsilons(FUNC, THETA, gc.DEFAULT_EPSILONS))
    est = gc.secant_errors(FUNC, THETA, STEP)
    current = (STEP, est.one_sided_error, est.two_sided_error)
    roundoff = gd.roundoff_model(FUNC, THETA, df.epsilon)
    return nfig.error_vs_epsilon_figure(df, gd.summarize_errors(df), roundoff, current)


def check_figures():
    params, X, Y = gd.build_problem(SPEC)
    result = gd.check_network(SPEC, EPS, gd.place_bug(gd.NO_BUG, 1, params, SPEC.activation, SPEC.lambd))
    where = gd.locate_bug(result)
    return (
        gfig.difference_scale_figure(result.difference),
        gfig.blocks_figure(result.blocks, where),
        gfig.parameters_figure(result.table, where),
    )


def regularization():
    params, X, Y = gd.build_problem(SPEC)
    df = gd.regularization_demo(params, X, Y, SPEC.activation, SPEC.lambd, EPS)
    return gfig.cases_figure(list(df.case), df.difference)


def dropout():
    params, X, Y = gd.build_problem(SPEC)
    df = gd.dropout_demo(params, X, Y, SPEC.activation, SPEC.lambd, KEEP_PROB, EPS, SPEC.seed)
    return gfig.cases_figure(list(df.case), df.difference)


def init_vs_trained():
    demo = gd.init_vs_trained_demo(SPEC, ITERATIONS, EPS)
    return gfig.cases_figure(list(demo.table.implementation), demo.table.difference)


def cost():
    params, X, Y = gd.build_problem(SPEC)
    return gfig.cost_figure(gd.measure_check_cost(params, X, Y, SPEC.activation, SPEC.lambd, EPS))


ROWS: tuple[tuple[str, Callable], ...] = (
    ("§1.12 secants (2 panels)", secants),
    ("§1.12 log-log error vs ε", loglog),
    ("§1.13 check + 3 figures", check_figures),
    ("§1.14 regularization demo", regularization),
    ("§1.14 dropout demo", dropout),
    ("§1.14 init vs trained (1000 it.)", init_vs_trained),
    ("§1.14 cost measurement", cost),
)


def median_ms(fn: Callable, runs: int) -> float:
    fn()  # warm-up (imports, first allocation)
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return float(np.median(times)) * 1e3


def page_times(script: str, runs: int) -> tuple[float, float]:
    """(cold, warm) median wall time of one AppTest run of ``script``.

    Cold: a seed this process has not used yet, so every cached computation is a miss. Warm: a
    rerun with no control changed, served from the cache (figures are still rebuilt and sent).
    """
    from streamlit.testing.v1 import AppTest

    from tests.pages.harness import APP

    cold, warm = [], []
    for run in range(runs):
        at = AppTest.from_file(APP, default_timeout=120)
        at.query_params["seed"] = str(100 + run)
        at.run()
        at.switch_page(script)
        start = time.perf_counter()
        at.run()
        cold.append(time.perf_counter() - start)
        start = time.perf_counter()
        at.run()
        warm.append(time.perf_counter() - start)
        if at.exception:
            raise RuntimeError(f"{script} raised: {[e.value for e in at.exception]}")
    return float(np.median(cold)) * 1e3, float(np.median(warm)) * 1e3


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="timed runs per row (≥ 3)")
    args = parser.parse_args(argv or [])
    runs = max(3, args.runs)
    print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    print(
        f"defaults: f = θ³ at θ = 1, ε = 0.01 | net {list(SPEC.layer_dims)} {SPEC.activation}, "
        f"λ = {SPEC.lambd}, m = {SPEC.m}, ε = {EPS:g} | median of {runs} runs"
    )
    print(f"{'figure (engine + builder)':<36}{'ms':>9}")
    total = 0.0
    for name, fn in ROWS:
        ms = median_ms(fn, runs)
        total += ms
        print(f"{name:<36}{ms:>9.1f}")
    print(f"{'sum of figures':<36}{total:>9.1f}")
    print(f"{'page end to end (AppTest)':<36}{'cold ms':>9}{'warm ms':>10}")
    for script in ("lectures/12_numerical_gradients.py", "lectures/13_gradient_checking.py"):
        cold, warm = page_times(script, 3)
        print(f"{script:<36}{cold:>9.0f}{warm:>10.0f}")
