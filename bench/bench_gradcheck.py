"""Time the batched gradient check against the plain loop (run: python -m bench.bench_gradcheck).

Network [2, 25, 25, 10, 1] (|θ| = 996), m = 50, L2 with λ = 0.1. For each hidden activation the
two methods run interleaved in one process (order alternating), after a warm-up; the table shows
median wall times. Targets: batched/loop ≤ 0.25 and |difference_batched − difference_loop| ≤ 1e-12.
"""

from __future__ import annotations

import argparse
import sys
import time

import numpy as np

from core.gradcheck import gradient_check
from core.network import ACTIVATIONS, initialize_parameters

LAYER_DIMS = (2, 25, 25, 10, 1)
M = 50
LAMBD = 0.1
RATIO_TARGET = 0.25
DIFF_TARGET = 1e-12


def problem(seed: int = 0):
    """He-initialised params with small random biases, X ~ N(0, 1) (2, m), Y ∈ {0, 1} (1, m)."""
    rng = np.random.default_rng(seed)
    params = initialize_parameters(LAYER_DIMS, "he", seed=seed + 1)
    for key in params:
        if key.startswith("b"):
            params[key] = 0.1 * rng.standard_normal(params[key].shape)
    X = rng.standard_normal((LAYER_DIMS[0], M))
    Y = (rng.random((1, M)) < 0.5).astype(float)
    return params, X, Y


def timed(**kwargs):
    start = time.perf_counter()
    result = gradient_check(**kwargs)
    return time.perf_counter() - start, result


def bench(activation: str, runs: int) -> tuple[int, float, float, float]:
    """(|θ|, median loop s, median batched s, max |Δdifference|) over ``runs`` interleaved runs."""
    params, X, Y = problem()
    kwargs = dict(params=params, X=X, Y=Y, hidden_activation=activation, lambd=LAMBD)
    timed(batched=True, **kwargs)  # warm-up
    timed(batched=False, **kwargs)
    loop_times, batched_times, gaps = [], [], []
    for run in range(runs):
        order = (False, True) if run % 2 == 0 else (True, False)
        results = {}
        for batched in order:
            seconds, results[batched] = timed(batched=batched, **kwargs)
            (batched_times if batched else loop_times).append(seconds)
        gaps.append(abs(results[True].difference - results[False].difference))
    return results[True].n_params, np.median(loop_times), np.median(batched_times), max(gaps)


def main(argv: list[str] | None = None) -> None:
    """Print the table; ``argv`` defaults to none (``python -m bench`` calls main())."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7, help="timed runs per method (≥ 5)")
    args = parser.parse_args(argv or [])
    runs = max(5, args.runs)
    print(f"layer_dims={list(LAYER_DIMS)}  m={M}  lambd={LAMBD}  median of {runs} runs")
    header = f"{'activation':<11}{'|θ|':>6}{'loop ms':>10}{'batched ms':>12}{'ratio':>8}"
    print(header + f"{'max |Δdiff|':>14}")
    worst_ratio, worst_gap = 0.0, 0.0
    for activation in ACTIVATIONS:
        n, loop, batched, gap = bench(activation, runs)
        ratio = batched / loop
        worst_ratio, worst_gap = max(worst_ratio, ratio), max(worst_gap, gap)
        print(f"{activation:<11}{n:>6}{loop * 1e3:>10.1f}{batched * 1e3:>12.1f}{ratio:>8.3f}"
              f"{gap:>14.1e}")
    print(f"worst ratio {worst_ratio:.3f} (target ≤ {RATIO_TARGET}: "
          f"{'met' if worst_ratio <= RATIO_TARGET else 'MISSED'}); "
          f"worst |Δdiff| {worst_gap:.1e} (target ≤ {DIFF_TARGET:g}: "
          f"{'met' if worst_gap <= DIFF_TARGET else 'MISSED'})")


if __name__ == "__main__":
    main(sys.argv[1:])
