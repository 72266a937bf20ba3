"""ms per page rerun for §1.1–§1.3 at default settings: the training and every figure, uncached.

Run: ``python -m bench.bench_lecture_1_1_to_1_3``. Each page's work is what its script computes on a
cache miss (the core calls and the figure builders, including the JSON Streamlit sends), timed
``REPEATS`` times; the median and the worst are reported. The budget is "well under a second".
A second table checks that the §1.2 presets land in their verdicts across seeds.
"""

from __future__ import annotations

import os
import statistics
import time
from collections import Counter
from dataclasses import replace

import numpy as np

from core.datasets import split_counts
from core.diagnosis import RECIPE_STEPS, diagnose, recipe_stage
from core.estimates import half_width, wilson_interval
from core.mismatch import SCENARIOS, DemoSpec, run_demo, select
from core.recipe import APPLICABLE, DEV_SIZE, Knobs, Limits, choose_step, run_experiment
from ui import charts
from ui.figures import bias_variance as bv_figs
from ui.figures import data_splits as ds_figs
from ui.figures import recipe as recipe_figs
from ui.i18n import labels
from ui.specs import controls_of
from ui.specs.bias_variance import (
    DEFAULT_PRESET,
    EXPECTED,
    ITERATIONS,
    M_TRAIN,
    PRESETS,
    WORK_BUDGET,
    lab_config,
)
from ui.specs.data_splits import SCENARIO_OF, SHIFT_OF, ratios_of
from ui.specs.recipe import START

REPEATS = 5
SEEDS = 20
CHART = labels("chart.", "en")


def _json(*figures) -> None:
    for fig in figures:
        fig.to_json()


def data_splits_page(seed: int = 0) -> None:
    """§1.1 defaults: 1,000,000 examples at 98/1/1, a 5% error, the blurred-moons mismatch demo."""
    defaults = {c.key: c.default for c in controls_of("data_splits")}
    counts = dict(
        zip(("train", "dev", "test"), split_counts(int(defaults["m_total"]), ratios_of("98_1_1", 1, 1)))
    )
    p = defaults["p_error"]
    sizes = np.unique(np.round(np.logspace(1, 6, 160)))
    marks = [(k, counts[k], float(half_width(p, counts[k]))) for k in ("dev", "test")]
    L = labels("data_splits.fig.", "en")
    figures = [
        ds_figs.counts_figure(counts, labels=L),
        ds_figs.precision_figure(
            sizes, half_width(p, sizes), half_width(p, sizes, method="normal"), marks, L
        ),
    ]
    spec = DemoSpec(
        defaults["mm_dataset"],
        SHIFT_OF[defaults["mm_kind"]],
        defaults["mm_amount"],
        counts["train"],
        counts["dev"],
        counts["test"],
        seed,
    )
    demo = run_demo(spec)
    dev_src, test_src = SCENARIOS[SCENARIO_OF[defaults["mm_scenario"]]]
    sel = select(demo.errors[("dev", dev_src)], demo.errors[("test", test_src)])
    names = [str(h) for h in demo.candidates]
    figures.append(
        ds_figs.candidates_figure(
            names,
            demo.errors[("dev", dev_src)],
            demo.errors[("test", test_src)],
            sel.pick,
            sel.best_on_test,
            (dev_src, test_src),
            L,
        )
    )
    X, Y = demo.sets[("train", "web")]
    Xd, Yd = demo.sets[("dev", dev_src)]
    Xt, Yt = demo.sets[("test", test_src)]
    figures.append(
        charts.decision_boundary_figure(
            demo.params[sel.pick],
            "tanh",
            X,
            Y,
            Xd[:, :300],
            Yd[:, :300],
            labels=CHART,
            extra_points=(Xt[:, :300], Yt[:, :300], "test"),
        )
    )
    for scenario in SCENARIOS.values():
        select(demo.errors[("dev", scenario[0])], demo.errors[("test", scenario[1])])
    _json(*figures)


def _experiment_figures(knobs: Knobs, seed: int):
    exp = run_experiment(knobs, seed, lab_config(knobs, seed))
    d = diagnose(exp.train_error, exp.dev_error, exp.optimal_error)
    result = exp.result
    boundary = charts.decision_boundary_figure(
        result.params,
        "tanh",
        exp.X_train[:, :1000],
        exp.Y_train[:, :1000],
        exp.X_dev[:, :300],
        exp.Y_dev[:, :300],
        labels=CHART,
    )
    return exp, d, boundary


def bias_variance_page(seed: int = 0, knobs: Knobs | None = None) -> None:
    """§1.2 defaults: the high-variance preset's run, its error bars, boundary and learning curves."""
    knobs = knobs or PRESETS[DEFAULT_PRESET]
    exp, d, boundary = _experiment_figures(knobs, seed)
    intervals = {
        "train": wilson_interval(exp.train_error, knobs.m_train),
        "dev": wilson_interval(exp.dev_error, DEV_SIZE),
    }
    L = labels("bias_variance.fig.", "en")
    errors = bv_figs.errors_figure(
        exp.train_error,
        exp.dev_error,
        exp.optimal_error,
        d.high_bias,
        d.high_variance,
        {k: tuple(map(float, v)) for k, v in intervals.items()},
        d.verdict,
        L,
    )
    curves = bv_figs.add_optimal_line(
        charts.learning_curves_figure(exp.result.history, CHART, metrics=("error",)), exp.optimal_error, L
    )
    _json(errors, boundary, curves)


LIMITS = Limits(m_train=M_TRAIN, iterations=ITERATIONS, max_work=WORK_BUDGET)
FALLBACK = Knobs("circles", 0.0, 2, 1, 500, 500, 0.0)


def recipe_page(seed: int = 0) -> None:
    """§1.3 defaults: the run, the flow, the trail, boundary and curves, and the two "more data" runs."""
    knobs = PRESETS[START]
    exp, d, boundary = _experiment_figures(knobs, seed)
    step = choose_step(d, knobs, LIMITS)
    L = labels("recipe.fig.", "en") | {f"step.{k}": k for k in APPLICABLE}
    flow = recipe_figs.flow_figure(recipe_stage(d), RECIPE_STEPS, APPLICABLE, step, L)
    trail = recipe_figs.trail_figure(
        [{"step": "start", "train_error": exp.train_error, "dev_error": exp.dev_error, "verdict": d.verdict}],
        exp.optimal_error,
        L,
    )
    curves = charts.learning_curves_figure(exp.result.history, CHART)
    base = knobs if d.high_bias else FALLBACK
    for k in (base, replace(base, m_train=4 * base.m_train)):
        e = run_experiment(k, seed, lab_config(k, seed))
        diagnose(e.train_error, e.dev_error, e.optimal_error)
    _json(flow, trail, boundary, curves)


def _time(fn) -> tuple[list[float], list[float]]:
    """Wall-clock and CPU milliseconds per call (CPU time is steadier when other work shares the cores)."""
    fn()  # warm-up: imports, first-call overheads
    wall, cpu = [], []
    for _ in range(REPEATS):
        start, start_cpu = time.perf_counter(), time.process_time()
        fn()
        wall.append((time.perf_counter() - start) * 1000)
        cpu.append((time.process_time() - start_cpu) * 1000)
    return wall, cpu


def main() -> dict[str, float]:
    worst = Knobs("blobs", 0.3, 64, 4, 10000, 10000, 10.0)  # every §1.2 slider at its maximum (work-capped)
    pages = {
        "§1.1 train/dev/test (defaults)": data_splits_page,
        "§1.2 bias/variance (defaults)": bias_variance_page,
        "§1.3 basic recipe (defaults)": recipe_page,
        "§1.2 all sliders at maximum": lambda: bias_variance_page(knobs=worst),
    }
    threads = os.environ.get("OPENBLAS_NUM_THREADS", f"unset (OpenBLAS uses up to {os.cpu_count()})")
    print(
        f"Page rerun on a cache miss: training + figures + JSON, {REPEATS} repeats; BLAS threads: {threads}"
    )
    print(f"{'page':34s} {'wall median ms':>15s} {'wall worst ms':>14s} {'CPU median ms':>14s}")
    medians = {}
    for name, fn in pages.items():
        wall, cpu = _time(fn)
        medians[name] = statistics.median(wall)
        print(f"{name:34s} {medians[name]:15.0f} {max(wall):14.0f} {statistics.median(cpu):14.0f}")

    print(f"\n§1.2 presets: verdict of the real run over seeds 0–{SEEDS - 1}")
    print(f"{'preset':16s} {'expected':14s} {'hits':>6s}  {'mean train':>10s} {'mean dev':>9s}  others")
    for name, knobs in PRESETS.items():
        verdicts, tr, dv = Counter(), [], []
        for s in range(SEEDS):
            e = run_experiment(knobs, s)
            verdicts[diagnose(e.train_error, e.dev_error, e.optimal_error).verdict] += 1
            tr.append(e.train_error)
            dv.append(e.dev_error)
        hits = verdicts.pop(EXPECTED[name], 0)
        print(
            f"{name:16s} {EXPECTED[name]:14s} {hits:3d}/{SEEDS}  {np.mean(tr):10.1%} {np.mean(dv):9.1%}  "
            f"{dict(verdicts) or '-'}"
        )
    return medians


if __name__ == "__main__":
    main()
