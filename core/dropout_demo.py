"""§1.6–1.7 dropout made visible: parameter counts per layer, inverted scaling, the noisy cost.

Course notation: X is (n_x, m); a[l] is (n[l], m); params hold W1, b1, …, WL, bL. A hidden layer's
keep_prob acts on its activations a[l] (l = 1 … L−1); the input's on a[0] = X. Pure NumPy/pandas.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np
import pandas as pd

from core.network import (
    activation_forward,
    check_data,
    check_layer_dims,
    hidden_keep_probs,
    num_layers,
    sigmoid,
)

MAX_DRAWS = 1000


def layer_parameter_counts(layer_dims: Sequence[int]) -> tuple[int, ...]:
    """|W[l]| + |b[l]| = n[l]·n[l−1] + n[l] for l = 1 … L (§1.7: where overfitting can hide)."""
    dims = check_layer_dims(layer_dims)
    return tuple(dims[l] * dims[l - 1] + dims[l] for l in range(1, len(dims)))


def biggest_hidden_layer(layer_dims: Sequence[int]) -> int:
    """The hidden layer l (1 … L−1) with the most parameters in W[l], b[l] — the first one on a tie.

    §1.7: this is the layer that most deserves a lower keep_prob.
    """
    counts = layer_parameter_counts(layer_dims)
    if len(counts) < 2:
        raise ValueError(f"layer_dims needs at least one hidden layer; got {tuple(layer_dims)}")
    return int(np.argmax(counts[:-1])) + 1


def draw_masks(
    layer_dims: Sequence[int],
    m: int,
    keep_probs: Sequence[float],
    rng: np.random.Generator,
    input_keep_prob: float = 1.0,
) -> list[np.ndarray | None]:
    """One set of dropout masks D[0] … D[L−1] (bool, (n[l], m); None where keep_prob = 1).

    Drawn in the order the engine draws them (input first, then hidden layers 1 … L−1), so a
    generator seeded like the one given to ``core.network.forward_propagation`` gives its masks.
    """
    dims = check_layer_dims(layer_dims)
    probs = (float(input_keep_prob), *hidden_keep_probs(keep_probs, len(dims) - 2))
    if not (0.0 < probs[0] <= 1.0):
        raise ValueError(f"input_keep_prob must be in (0, 1]; got {input_keep_prob!r}")
    return [rng.random((dims[l], m)) < p if p < 1.0 else None for l, p in enumerate(probs)]


def masked_forward(
    X: np.ndarray,
    params: Mapping[str, np.ndarray],
    masks: Sequence[np.ndarray | None],
    keep_probs: Sequence[float],
    hidden_activation: str = "relu",
    input_keep_prob: float = 1.0,
    scale: bool = True,
) -> tuple[list[np.ndarray], list[np.ndarray]]:
    """One forward pass with the given dropout masks: ([z[1], …, z[L]], [a[0], a[1], …, a[L]]).

    §1.6: a[l] ← a[l]·D[l], then, with ``scale`` (inverted dropout), a[l] ← a[l]/keep_prob, so each
    unit keeps its expected value. ``scale=False`` is the old, unscaled dropout: each masked layer
    shrinks by keep_prob on average and the shrinkage carries downstream. a[L] = ŷ (1, m).
    """
    L = num_layers(params)
    check_data(X, n_x=params["W1"].shape[1])
    probs = (float(input_keep_prob), *hidden_keep_probs(keep_probs, L - 1))
    if len(masks) != L:
        raise ValueError(f"masks needs one entry per layer 0 … L−1 ({L}); got {len(masks)}")

    def drop(A: np.ndarray, l: int) -> np.ndarray:
        D = masks[l]
        if D is None:
            return A
        if D.shape != A.shape:
            raise ValueError(f"masks[{l}] must have shape {A.shape}; got {D.shape}")
        return A * D / probs[l] if scale else A * D

    zs, acts = [], [drop(X, 0)]
    for l in range(1, L + 1):
        Z = params[f"W{l}"] @ acts[-1] + params[f"b{l}"]
        zs.append(Z)
        acts.append(sigmoid(Z) if l == L else drop(activation_forward(Z, hidden_activation), l))
    return zs, acts


def _sizes(zs: list[np.ndarray], acts: list[np.ndarray]) -> list[float]:
    """mean |a[l]| for the hidden layers, then mean |z[L]| (the output's logit, before σ)."""
    return [float(np.abs(a).mean()) for a in acts[1:-1]] + [float(np.abs(zs[-1]).mean())]


def mean_activations(
    params: Mapping[str, np.ndarray],
    X: np.ndarray,
    keep_probs: Sequence[float],
    hidden_activation: str = "relu",
    input_keep_prob: float = 1.0,
    n_draws: int = 50,
    seed: int = 0,
) -> pd.DataFrame:
    """§1.6 inverted dropout: the size of each layer's activations with and without ÷ keep_prob.

    One row per layer l = 1 … L: mean |a[l]| for hidden layers and mean |z[L]| for the output (its
    logit: unscaled dropout makes the prediction less confident). ``no_dropout`` is a clean pass
    (test time); ``inverted`` and ``not_scaled`` average ``n_draws`` passes with random masks (the
    same masks for both), ``inverted_std`` / ``not_scaled_std`` their spread across draws.
    ``keep_prob`` is the layer's keep_prob (1 for the output). Since the masks are ≥ 0,
    E[|a·d/keep_prob|] = |a|: inverted dropout keeps this size on average, unit by unit.
    """
    L = num_layers(params)
    probs = hidden_keep_probs(keep_probs, L - 1)
    is_int = isinstance(n_draws, (int, np.integer)) and not isinstance(n_draws, bool)
    if not is_int or not 1 <= n_draws <= MAX_DRAWS:
        raise ValueError(f"n_draws must be an integer from 1 to {MAX_DRAWS}; got {n_draws!r}")
    dims = (params["W1"].shape[1], *(params[f"W{l}"].shape[0] for l in range(1, L + 1)))
    rng = np.random.default_rng(seed)
    inverted, unscaled = np.empty((n_draws, L)), np.empty((n_draws, L))
    with np.errstate(over="ignore", invalid="ignore"):
        clean = _sizes(*masked_forward(X, params, [None] * L, probs, hidden_activation, 1.0))
        for k in range(n_draws):
            masks = draw_masks(dims, X.shape[1], probs, rng, input_keep_prob)
            for out, scale in ((inverted, True), (unscaled, False)):
                out[k] = _sizes(
                    *masked_forward(X, params, masks, probs, hidden_activation, input_keep_prob, scale)
                )
    return pd.DataFrame(
        {
            "layer": np.arange(1, L + 1),
            "keep_prob": [*probs, 1.0],
            "no_dropout": clean,
            "inverted": inverted.mean(axis=0),
            "inverted_std": inverted.std(axis=0),
            "not_scaled": unscaled.mean(axis=0),
            "not_scaled_std": unscaled.std(axis=0),
        }
    )


def cost_increases(history: pd.DataFrame, column: str = "cost") -> tuple[int, int]:
    """(how many recorded steps J went up, how many steps): 0 for a smooth run, many with dropout.

    §1.7: with dropout J is no longer a well-defined curve that must fall at every step.
    """
    if column not in history:
        raise ValueError(f"history has no column {column!r}")
    J = history[column].to_numpy(dtype=float)
    steps = np.diff(J[np.isfinite(J)])
    return int(np.sum(steps > 0)), int(steps.size)
