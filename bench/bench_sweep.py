"""Batched sweep (core.sweep.train_sweep) against the same models trained one by one with core.train.train.

Run: ``python -m bench.bench_sweep``. The network and data are the §1.4 page's defaults (the
overfitting preset of ``ui/specs/l2.py``); the λ grid is the page's validation-curve grid. Both
runners run in this process, interleaved, and the median of REPEATS runs is kept. Target (issue 5):
batched ≤ 0.5 × one-by-one, with results equal to 1e-10.
"""

from __future__ import annotations

import statistics
import time

import numpy as np

from core.sweep import train_one_by_one, train_sweep
from ui.specs import l2

REPEATS = 5
TARGET = 0.5
KEEP_PROBS = tuple(float(v) for v in np.round(np.linspace(0.45, 1.0, 12), 2))


def max_differences(a, b) -> tuple[float, float]:
    """Largest |Δ| over every parameter of every model, and over train/dev errors and final costs."""
    params = max(
        float(np.max(np.abs(pa[key] - pb[key])))
        for pa, pb in zip(a.params, b.params, strict=True)
        for key in pa
    )
    summaries = [a.train_errors - b.train_errors, a.final_costs - b.final_costs]
    if a.dev_errors is not None:
        summaries.append(a.dev_errors - b.dev_errors)
    return params, float(max(np.max(np.abs(s)) for s in summaries))


def measure(name: str, param: str, values, config, data) -> dict:
    """Interleaved runs of both; medians, ratio and the largest differences."""
    X, Y, Xd, Yd = data
    times = {"batched": [], "one_by_one": []}
    batched = reference = None
    for _ in range(REPEATS):
        start = time.perf_counter()
        batched = train_sweep(X, Y, config, param, values, Xd, Yd)
        times["batched"].append(time.perf_counter() - start)
        start = time.perf_counter()
        reference = train_one_by_one(X, Y, config, param, values, Xd, Yd)
        times["one_by_one"].append(time.perf_counter() - start)
    d_params, d_errors = max_differences(batched, reference)
    med = {k: statistics.median(v) for k, v in times.items()}
    return {
        "sweep": name,
        "K": len(values),
        "batched_s": med["batched"],
        "one_by_one_s": med["one_by_one"],
        "ratio": med["batched"] / med["one_by_one"],
        "max_param_diff": d_params,
        "max_error_diff": d_errors,
    }


def main() -> list[dict]:
    values = l2.defaults()
    config = l2.train_config(values, seed=0)
    data = l2.preset_splits(values, seed=0)
    rows = [
        measure("λ (lambd)", "lambd", l2.lambda_grid(), config, data),
        measure("keep_prob", "keep_prob", KEEP_PROBS, config, data),
    ]
    dims, m = config.layer_dims, data[0].shape[1]
    print(
        f"§1.4 default network {list(dims)} relu, m_train={m}, m_dev={data[2].shape[1]}, "
        f"{config.num_iterations} iterations, record_every={config.record_every}; median of {REPEATS}"
    )
    head = ("sweep", "K", "batched s", "1-by-1 s", "ratio", "max|Δθ|", "max|Δerr|")
    print("{:12s} {:>3s} {:>10s} {:>9s} {:>6s} {:>9s} {:>9s}".format(*head))
    for r in rows:
        print(
            f"{r['sweep']:12s} {r['K']:3d} {r['batched_s']:10.3f} {r['one_by_one_s']:9.3f} {r['ratio']:6.2f} "
            f"{r['max_param_diff']:9.1e} {r['max_error_diff']:9.1e}"
        )
    lam = rows[0]
    verdict = "met" if lam["ratio"] <= TARGET and lam["max_param_diff"] <= 1e-10 else "NOT met"
    print(f"target (λ sweep): ratio ≤ {TARGET} and max|Δ| ≤ 1e-10 — {verdict}")
    return rows


if __name__ == "__main__":
    main()
