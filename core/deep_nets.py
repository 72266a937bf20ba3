"""§1.10 vanishing/exploding gradients and §1.11 weight initialization: deep networks layer by layer.

Two models. The lecture's deep *linear* network: g(z) = z, b = 0, W[l] = a·I for the hidden
layers l = 1 … L−1 (and, as in the lecture, the last matrix left out, W[L] = I), so
ŷ = a^(L−1)·x. And a *real* network in the course notation (core.network): per-layer
activations a[l] = g(z[l]) and gradients at initialization, for relu or tanh.

Shapes: X (n_x, m), Y (1, m), W[l] (n[l], n[l−1]). Pure NumPy, no UI imports.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np
import pandas as pd

from core.network import (
    activation_backward,
    check_layer_dims,
    forward_propagation,
    initialize_parameters,
    num_layers,
)

DTYPES = {"float64": np.float64, "float32": np.float32}
MAX_LINEAR_DEPTH = 1000
SATURATION = 0.99  # |tanh(z)| above this counts as saturated (g'(z) < 0.02)


# --------------------------------------------------------------------------- deep linear network


def deep_linear_forward(
    a: float, L: int, x: Sequence[float] = (1.0, 1.0), dtype: str = "float64"
) -> np.ndarray:
    """§1.10 forward pass of the deep linear network, one row per layer: shape (L, n).

    Row l−1 holds a[l] = W[l]·a[l−1] with W[l] = a·I (n × n) for l < L and W[L] = I, computed
    by real matrix products in ``dtype`` ("float64" or "float32"), so the last row is
    ŷ = a^(L−1)·x up to rounding — or inf / 0 once the numbers leave the type's range (overflow /
    underflow are results here, not errors).
    """
    if not (isinstance(a, (int, float, np.floating)) and np.isfinite(a) and a >= 0):
        raise ValueError(f"a must be a finite number ≥ 0; got {a!r}")
    if isinstance(L, bool) or not isinstance(L, (int, np.integer)) or not 1 <= L <= MAX_LINEAR_DEPTH:
        raise ValueError(f"L must be an integer from 1 to {MAX_LINEAR_DEPTH}; got {L!r}")
    if dtype not in DTYPES:
        raise ValueError(f"dtype must be one of {', '.join(DTYPES)}; got {dtype!r}")
    kind = DTYPES[dtype]
    A = np.asarray(x, dtype=kind).reshape(-1, 1)
    if A.size < 1 or not np.all(np.isfinite(A)):
        raise ValueError(f"x must be a non-empty vector of finite numbers; got {x!r}")
    n = A.shape[0]
    hidden, last = (kind(a) * np.eye(n, dtype=kind)), np.eye(n, dtype=kind)
    rows = np.empty((L, n), dtype=kind)
    with np.errstate(over="ignore", under="ignore", invalid="ignore"):
        for l in range(1, L + 1):
            A = (hidden if l < L else last) @ A
            rows[l - 1] = A[:, 0]
    return rows


def deep_linear_theory(a: float, L: int) -> np.ndarray:
    """The factor a^(l) each layer applies to x, in float64: (a¹, a², …, a^(L−1), a^(L−1)), shape (L,)."""
    powers = np.minimum(np.arange(1, L + 1), L - 1)
    with np.errstate(over="ignore", under="ignore"):
        return np.power(float(a), powers.astype(float))


def first_layer_out_of_range(values: np.ndarray) -> tuple[int | None, int | None]:
    """(first layer that overflowed to ±inf, first layer that underflowed to 0) in a (L, n) array, or None."""
    v = np.abs(np.asarray(values, dtype=float))
    over = np.flatnonzero(np.isinf(v).any(axis=1))
    under = np.flatnonzero((v == 0).all(axis=1))
    return (int(over[0]) + 1 if over.size else None, int(under[0]) + 1 if under.size else None)


# --------------------------------------------------------------------------- real deep network


def deep_layer_dims(depth: int, width: int, n_x: int = 2) -> tuple[int, ...]:
    """layer_dims of a network with ``depth`` weight layers: (n_x, width × (depth−1), 1)."""
    if isinstance(depth, bool) or not isinstance(depth, (int, np.integer)) or depth < 1:
        raise ValueError(f"depth must be an integer ≥ 1; got {depth!r}")
    return check_layer_dims((n_x, *([width] * (depth - 1)), 1))


def layer_activations(
    params: Mapping[str, np.ndarray], X: np.ndarray, hidden_activation: str = "relu"
) -> list[np.ndarray]:
    """a[1], …, a[L] for the examples X (n_x, m): a list of (n[l], m) arrays (no dropout).

    Overflow gives ±inf and then NaN, which are returned as they are.
    """
    with np.errstate(all="ignore"):
        AL, caches = forward_propagation(X, params, hidden_activation)
    return [c[0] for c in caches[1:]] + [AL]


def activation_stats(activations: Sequence[np.ndarray], hidden_activation: str = "relu") -> pd.DataFrame:
    """One row per layer l = 1…L: mean, std, variance, rms = √mean(a²), zero (share of exact zeros:
    dead relu units or underflow), saturated (share with |a| > 0.99, tanh only) and non_finite."""
    rows = []
    for l, A in enumerate(activations, start=1):
        A = np.asarray(A, dtype=float)
        finite = A[np.isfinite(A)]
        with np.errstate(all="ignore"):
            mean = float(finite.mean()) if finite.size else np.nan
            var = float(finite.var()) if finite.size else np.nan
            rms = float(np.sqrt(np.mean(finite * finite))) if finite.size else np.nan
        rows.append(
            {
                "layer": l,
                "mean": mean,
                "std": float(np.sqrt(var)) if np.isfinite(var) else np.nan,
                "variance": var,
                "rms": rms,
                "zero": float(np.mean(A == 0)),
                "saturated": float(np.mean(np.abs(finite) > SATURATION))
                if hidden_activation == "tanh" and finite.size
                else 0.0,
                "non_finite": float(np.mean(~np.isfinite(A))),
            }
        )
    return pd.DataFrame(rows)


def init_activation_stats(
    layer_dims: Sequence[int],
    init: str,
    init_scale: float,
    hidden_activation: str,
    X: np.ndarray,
    seed: int = 0,
) -> pd.DataFrame:
    """§1.11 per-layer activation statistics right after ``initialize_parameters`` (``activation_stats``)."""
    params = initialize_parameters(layer_dims, init, init_scale, seed)
    return activation_stats(layer_activations(params, X, hidden_activation), hidden_activation)


def backward_signals(
    params: Mapping[str, np.ndarray], X: np.ndarray, Y: np.ndarray, hidden_activation: str = "relu"
) -> pd.DataFrame:
    """§1.10 the backward pass layer by layer, one row per layer l = 1…L.

    dz_rms: √mean(dZ[l]²) per example, with dZ[L] = a[L] − y and dZ[l] = (W[l+1]ᵀ·dZ[l+1])·g'(z[l]);
    dW_norm: ‖dW[l]‖_F with dW[l] = dZ[l]·a[l−1]ᵀ/m (the same gradient as core.network).
    Overflow and underflow come out as inf, NaN or 0 — results, not errors.
    """
    L = num_layers(params)
    rows = []
    with np.errstate(all="ignore"):
        AL, caches = forward_propagation(X, params, hidden_activation)
        dZ = AL - Y
        for l in range(L, 0, -1):
            A_prev, W = caches[l - 1][0], caches[l - 1][1]
            rows.append(
                {
                    "layer": l,
                    "dz_rms": float(np.sqrt(np.mean(dZ * dZ))),
                    "dW_norm": float(np.linalg.norm(dZ @ A_prev.T / X.shape[1])),
                }
            )
            if l > 1:
                _, _, Z_prev, G_prev, _, _ = caches[l - 2]
                dZ = activation_backward(W.T @ dZ, Z_prev, G_prev, hidden_activation)
    return pd.DataFrame(rows[::-1]).reset_index(drop=True)


def grad_norms_from_history(history: pd.DataFrame, row: int) -> np.ndarray:
    """‖dW[l]‖_F for l = 1…L from one row of a core.train history (0: at initialization, −1: last)."""
    cols = sorted(
        (c for c in history.columns if c.startswith("dW") and c.endswith("_norm")), key=lambda c: int(c[2:-5])
    )
    if not cols or not len(history):
        raise ValueError("history has no dW{l}_norm columns or no rows")
    return history[cols].iloc[row].to_numpy(dtype=float)


def distinct_units(params: Mapping[str, np.ndarray], decimals: int = 12) -> list[int]:
    """§1.11 symmetry: per hidden layer, how many different rows (units) W[l] has, to ``decimals``.

    With zeros (or any equal) initialization every unit of a layer gets the same update, so the
    count stays 1: the layer behaves like a single unit however wide it is.
    """
    L = num_layers(params)
    counts = []
    for l in range(1, L):
        rows = np.hstack([params[f"W{l}"], params[f"b{l}"]])
        counts.append(int(np.unique(np.round(rows, decimals), axis=0).shape[0]))
    return counts
