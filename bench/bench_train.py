"""µs per training iteration: the engine against a hand-written NumPy loop, in the same process.

Run: ``python -m bench.bench_train``. Runs are interleaved and the median of several is kept.
"""

from __future__ import annotations

import statistics
import time

import numpy as np

from bench.reference_loop import reference_train
from core.datasets import make_dataset
from core.network import initialize_parameters
from core.train import TrainConfig, train

ITERATIONS = 1000
REPEATS = 7


def _time(fn) -> float:
    start = time.perf_counter()
    fn()
    return (time.perf_counter() - start) / ITERATIONS * 1e6


def _torch_runner(X, Y, params, lr):
    try:
        import torch
    except ImportError:
        return None
    torch.set_num_threads(1)
    Xt, Yt = torch.tensor(X.T), torch.tensor(Y.T)
    ws = [torch.tensor(params[k], requires_grad=True) for k in ("W1", "b1", "W2", "b2", "W3", "b3")]

    def run():
        for _ in range(ITERATIONS):
            W1, b1, W2, b2, W3, b3 = ws
            h = torch.relu(Xt @ W1.T + b1.T)
            h = torch.relu(h @ W2.T + b2.T)
            loss = torch.nn.functional.binary_cross_entropy_with_logits(h @ W3.T + b3.T, Yt)
            grads = torch.autograd.grad(loss, ws)
            with torch.no_grad():
                for w, g in zip(ws, grads):
                    w -= lr * g

    return run


def main() -> dict[str, float]:
    data = make_dataset("moons", m=300, seed=0, noise_rate=0.05)
    config = TrainConfig(
        layer_dims=(2, 20, 3, 1), learning_rate=0.3, num_iterations=ITERATIONS, record_every=100
    )
    params = initialize_parameters(config.layer_dims, "he", 1.0, 0)
    engine_params = train(data.X, data.Y, config, params=params).params
    ref_params, _ = reference_train(data.X, data.Y, params, 0.3, ITERATIONS)
    max_diff = max(float(np.max(np.abs(engine_params[k] - ref_params[k]))) for k in params)

    runners = {
        "engine (record_every=100)": lambda: train(data.X, data.Y, config, params=params),
        "reference NumPy loop": lambda: reference_train(data.X, data.Y, params, 0.3, ITERATIONS),
    }
    torch_run = _torch_runner(data.X, data.Y, params, 0.3)
    if torch_run is not None:
        runners["PyTorch CPU (1 thread)"] = torch_run
    times: dict[str, list[float]] = {name: [] for name in runners}
    for _ in range(REPEATS):
        for name, fn in runners.items():
            times[name].append(_time(fn))
    medians = {name: statistics.median(t) for name, t in times.items()}
    ref = medians["reference NumPy loop"]
    print(f"Training [2, 20, 3, 1] relu, m=300, {ITERATIONS} iterations, median of {REPEATS}")
    print(f"{'runner':32s} {'µs/iter':>9s} {'ratio':>7s}")
    for name, us in medians.items():
        print(f"{name:32s} {us:9.1f} {us / ref:7.2f}")
    print(f"max |engine − reference| parameter difference: {max_diff:.2e}")
    return medians


if __name__ == "__main__":
    main()
