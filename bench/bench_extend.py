"""An iterations slider moved up one step: going on from the shorter run (``core.train.extend``)
against training the longer run from the start, in the same process.

The §1.8 early-stopping page's network and data (2000 → 2250 iterations, dev tracked). The two
results must be equal bit for bit; the ratio is the time of extending over the time of a fresh run.
Run: ``python -m bench.bench_extend``.
"""

from __future__ import annotations

import statistics
import time
from dataclasses import replace

import numpy as np

from core.datasets import make_dataset, split
from core.train import extend, train
from ui.specs import early_stopping as spec

REPEATS = 5
SHORT, LONG = 2000, 2250


def main() -> dict[str, float]:
    data = make_dataset("moons", m=spec.M, seed=0, noise_rate=spec.NOISE)
    parts = split(data.X, data.Y, spec.RATIOS, seed=0)
    (X, Y), (X_dev, Y_dev) = parts["train"], parts["dev"]
    short = spec.train_config(SHORT)
    long = replace(short, num_iterations=LONG)
    before = train(X, Y, short, X_dev=X_dev, Y_dev=Y_dev)
    fresh_s, extend_s = [], []
    for _ in range(REPEATS):
        start = time.perf_counter()
        fresh = train(X, Y, long, X_dev=X_dev, Y_dev=Y_dev)
        fresh_s.append(time.perf_counter() - start)
        start = time.perf_counter()
        longer = extend(before, X, Y, long, X_dev, Y_dev)
        extend_s.append(time.perf_counter() - start)
    same = fresh.history.equals(longer.history) and all(
        np.array_equal(fresh.params[k], longer.params[k]) for k in fresh.params
    )
    t_fresh, t_extend = statistics.median(fresh_s), statistics.median(extend_s)
    print(f"§1.8 network {list(short.layer_dims)}, {SHORT} → {LONG} iterations, median of {REPEATS}")
    print(f"fresh run of {LONG}: {t_fresh * 1e3:7.1f} ms")
    print(f"extend by {LONG - SHORT}:    {t_extend * 1e3:7.1f} ms   ratio {t_extend / t_fresh:.3f}")
    print(f"same history and parameters bit for bit: {same}")
    return {"fresh_s": t_fresh, "extend_s": t_extend, "ratio": t_extend / t_fresh, "same": float(same)}


if __name__ == "__main__":
    main()
