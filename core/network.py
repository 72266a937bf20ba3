"""A fully connected binary classifier in the course's notation.

Shapes: ``X`` is ``(n_x, m)``, ``Y`` is ``(1, m)``, ``W[l]`` is ``(n[l], n[l-1])`` and
``b[l]`` is ``(n[l], 1)``. Parameters live in a dict ``{"W1", "b1", ..., "WL", "bL"}``;
hidden layers use one activation, the output layer is a sigmoid. Everything is float64.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np

ACTIVATIONS = ("relu", "leaky_relu", "tanh", "sigmoid", "linear")
INITS = ("zeros", "random", "xavier", "he", "glorot")
PENALTIES = ("l2", "l1")
LEAKY_SLOPE = 0.01
MAX_LAYER_WIDTH = 4096
MAX_DEPTH = 200

# Parameter and gradient names by layer, built once (the training loop looks them up a lot).
W_KEYS = tuple(f"W{l}" for l in range(MAX_DEPTH + 1))
B_KEYS = tuple(f"b{l}" for l in range(MAX_DEPTH + 1))
DW_KEYS = tuple(f"dW{l}" for l in range(MAX_DEPTH + 1))
DB_KEYS = tuple(f"db{l}" for l in range(MAX_DEPTH + 1))

# One forward-pass record per layer: (A_prev, W, Z, G, D, keep_prob) with G = g(Z) before dropout;
# the layer's output is G·D/keep_prob (the next layer's A_prev). D is None without dropout.
Cache = tuple


def _check_choice(name: str, value: str, choices: Sequence[str]) -> None:
    if value not in choices:
        raise ValueError(f"{name} must be one of {', '.join(choices)}; got {value!r}")


def check_layer_dims(layer_dims: Sequence[int]) -> tuple[int, ...]:
    """Validate ``layer_dims = [n_x, n[1], ..., n[L]]`` (n[L] must be 1) and return it as a tuple."""
    try:
        items = tuple(layer_dims)
    except TypeError as exc:
        raise ValueError(f"layer_dims must be a sequence of positive integers; got {layer_dims!r}") from exc
    if not all(isinstance(d, (int, np.integer)) and not isinstance(d, bool) for d in items):
        raise ValueError(f"layer_dims must be a sequence of positive integers; got {layer_dims!r}")
    dims = tuple(int(d) for d in items)
    if len(dims) < 2:
        raise ValueError(f"layer_dims needs at least an input and an output size; got {dims}")
    if len(dims) - 1 > MAX_DEPTH:
        raise ValueError(f"layer_dims allows at most {MAX_DEPTH} layers; got {len(dims) - 1}")
    if any(d < 1 or d > MAX_LAYER_WIDTH for d in dims):
        raise ValueError(f"layer_dims entries must be between 1 and {MAX_LAYER_WIDTH}; got {dims}")
    if dims[-1] != 1:
        raise ValueError(f"layer_dims must end with 1 (one sigmoid output unit); got {dims}")
    return dims


def num_layers(params: Mapping[str, np.ndarray]) -> int:
    """L, the number of weight layers in ``params`` (W1 … WL)."""
    L = 0
    while f"W{L + 1}" in params:
        L += 1
    if L == 0:
        raise ValueError("params must hold W1, b1, …; found no 'W1'")
    return L


def init_std(init: str, n_prev: int, n_cur: int) -> float:
    """Standard deviation of W[l] entries for an init scheme (§1.11), before ``init_scale``.

    zeros → 0; random → 1 (N(0,1)); xavier → √(1/n[l−1]); he → √(2/n[l−1]);
    glorot → √(2/(n[l−1]+n[l])).
    """
    _check_choice("init", init, INITS)
    return {
        "zeros": 0.0,
        "random": 1.0,
        "xavier": np.sqrt(1.0 / n_prev),
        "he": np.sqrt(2.0 / n_prev),
        "glorot": np.sqrt(2.0 / (n_prev + n_cur)),
    }[init]


def initialize_parameters(
    layer_dims: Sequence[int], init: str = "he", init_scale: float = 1.0, seed: int = 0
) -> dict[str, np.ndarray]:
    """§1.11 weight initialisation: ``W[l] ~ N(0, std²)·init_scale`` with shape (n[l], n[l−1]), b[l] = 0."""
    dims = check_layer_dims(layer_dims)
    _check_choice("init", init, INITS)
    if not np.isfinite(init_scale) or init_scale < 0:
        raise ValueError(f"init_scale must be a finite number ≥ 0; got {init_scale!r}")
    rng = np.random.default_rng(seed)
    params: dict[str, np.ndarray] = {}
    for l in range(1, len(dims)):
        std = init_std(init, dims[l - 1], dims[l]) * float(init_scale)
        params[f"W{l}"] = rng.standard_normal((dims[l], dims[l - 1])) * std
        params[f"b{l}"] = np.zeros((dims[l], 1))
    return params


def activation_forward(Z: np.ndarray, name: str) -> np.ndarray:
    """g(Z) for a hidden activation, elementwise."""
    if name == "relu":
        return np.maximum(Z, 0.0)
    if name == "tanh":
        return np.tanh(Z)
    if name == "sigmoid":
        return sigmoid(Z)
    if name == "leaky_relu":
        return np.where(Z > 0, Z, LEAKY_SLOPE * Z)
    if name == "linear":
        return Z
    raise ValueError(f"hidden_activation must be one of {', '.join(ACTIVATIONS)}; got {name!r}")


def activation_backward(dA: np.ndarray, Z: np.ndarray, A: np.ndarray, name: str) -> np.ndarray:
    """dZ = dA · g'(Z), using the stored A where that is cheaper."""
    if name == "relu":
        return dA * (Z > 0)
    if name == "tanh":
        return dA * (1.0 - A * A)
    if name == "sigmoid":
        return dA * A * (1.0 - A)
    if name == "leaky_relu":
        return dA * np.where(Z > 0, 1.0, LEAKY_SLOPE)
    if name == "linear":
        return dA
    raise ValueError(f"hidden_activation must be one of {', '.join(ACTIVATIONS)}; got {name!r}")


def sigmoid(Z: np.ndarray) -> np.ndarray:
    """σ(z) = 1/(1+e^−z), computed as (1 + tanh(z/2))/2 so that large |z| never overflows."""
    return 0.5 * np.tanh(0.5 * Z) + 0.5


def hidden_keep_probs(keep_prob: float | Sequence[float], n_hidden: int) -> tuple[float, ...]:
    """§1.6 one keep_prob per hidden layer, from a scalar or a per-layer sequence."""
    if np.isscalar(keep_prob):
        probs = (float(keep_prob),) * n_hidden
    else:
        probs = tuple(float(p) for p in keep_prob)
        if len(probs) != n_hidden:
            raise ValueError(f"keep_prob needs one value per hidden layer ({n_hidden}); got {len(probs)}")
    if any(not (0.0 < p <= 1.0) for p in probs):
        raise ValueError(f"keep_prob values must be in (0, 1]; got {probs}")
    return probs


def check_data(
    X: np.ndarray, Y: np.ndarray | None = None, n_x: int | None = None, names: tuple[str, str] = ("X", "Y")
) -> None:
    """Raise ValueError naming X or Y (or the given ``names``) when shapes disagree with the notation."""
    x, y = names
    if not isinstance(X, np.ndarray) or X.ndim != 2:
        raise ValueError(f"{x} must be a 2-D array of shape (n_x, m); got {getattr(X, 'shape', type(X))}")
    if n_x is not None and X.shape[0] != n_x:
        raise ValueError(f"{x} must have n_x = {n_x} rows (features); got shape {X.shape}")
    if X.shape[1] < 1:
        raise ValueError(f"{x} must hold at least one example (m ≥ 1)")
    if Y is not None and (not isinstance(Y, np.ndarray) or Y.shape != (1, X.shape[1])):
        raise ValueError(f"{y} must have shape (1, {X.shape[1]}); got {getattr(Y, 'shape', type(Y))}")


def forward_propagation(
    X: np.ndarray,
    params: Mapping[str, np.ndarray],
    hidden_activation: str = "relu",
    keep_prob: float | Sequence[float] = 1.0,
    rng: np.random.Generator | None = None,
    input_keep_prob: float = 1.0,
) -> tuple[np.ndarray, list[Cache]]:
    """Forward pass: AL (1, m) and one cache per layer.

    §1.6 inverted dropout on hidden layers (and optionally on the input): a mask D keeps each
    unit with probability keep_prob and the survivors are divided by keep_prob, so E[A] is
    unchanged. Dropout is applied only when an ``rng`` is given and keep_prob < 1.
    """
    L = num_layers(params)
    check_data(X, n_x=params["W1"].shape[1])
    _check_choice("hidden_activation", hidden_activation, ACTIVATIONS)
    probs = hidden_keep_probs(keep_prob, L - 1)
    if not (0.0 < input_keep_prob <= 1.0):
        raise ValueError(f"input_keep_prob must be in (0, 1]; got {input_keep_prob!r}")
    return forward_unchecked(X, params, L, hidden_activation, probs, rng, input_keep_prob)


def forward_unchecked(
    X: np.ndarray,
    params: Mapping[str, np.ndarray],
    L: int,
    hidden_activation: str,
    probs: Sequence[float],
    rng: np.random.Generator | None = None,
    input_keep_prob: float = 1.0,
) -> tuple[np.ndarray, list[Cache]]:
    """``forward_propagation`` without argument checks, for the training loop's hot path."""
    A = X
    if rng is not None and input_keep_prob < 1.0:
        A = X * (rng.random(X.shape) < input_keep_prob) / input_keep_prob
    caches: list[Cache] = []
    for l in range(1, L + 1):
        W = params[W_KEYS[l]]
        Z = W @ A + params[B_KEYS[l]]
        D = None
        if l == L:
            A_new, kp = sigmoid(Z), 1.0
        else:
            A_new, kp = activation_forward(Z, hidden_activation), probs[l - 1]
        G = A_new  # g(Z) before dropout: what the backward pass differentiates
        if rng is not None and kp < 1.0:
            D = rng.random(A_new.shape) < kp
            A_new = A_new * D / kp
        caches.append((A, W, Z, G, D, kp))
        A = A_new
    return A, caches


def backward_propagation(
    AL: np.ndarray,
    Y: np.ndarray,
    caches: Sequence[Cache],
    hidden_activation: str = "relu",
    lambd: float = 0.0,
    penalty: str = "l2",
    out: Mapping[str, np.ndarray] | None = None,
) -> dict[str, np.ndarray]:
    """Backward pass: grads ``dW1, db1, …`` of the cost J (cross-entropy plus penalty).

    Output: dZ[L] = AL − Y. Each layer: dW = dZ·A_prevᵀ/m (+ λ/m·W for L2, + λ/m·sign(W) for L1),
    db = Σ dZ/m over examples, dA_prev = Wᵀ·dZ; dropout masks are reapplied (§1.6). ``out``
    (optional, arrays of the grads' shapes under their keys) receives the grads in place.
    """
    _check_choice("penalty", penalty, PENALTIES)
    m = Y.shape[1]
    grads: dict[str, np.ndarray] = {}
    dZ = (AL - Y) / m  # the 1/m of every dW and db, applied once: backprop is linear in dZ
    for l in range(len(caches), 0, -1):
        A_prev, W, _, _, _, _ = caches[l - 1]
        dW = np.matmul(dZ, A_prev.T, out=None if out is None else out[DW_KEYS[l]])
        if lambd:
            dW += (lambd / m) * (W if penalty == "l2" else np.sign(W))
        grads[DW_KEYS[l]] = dW
        grads[DB_KEYS[l]] = dZ.sum(axis=1, keepdims=True, out=None if out is None else out[DB_KEYS[l]])
        if l > 1:
            _, _, Z_prev, A_prev_out, D_prev, kp_prev = caches[l - 2]
            dA = W.T @ dZ
            if D_prev is not None:
                dA = dA * D_prev / kp_prev
            dZ = activation_backward(dA, Z_prev, A_prev_out, hidden_activation)
    return grads


def cross_entropy(AL: np.ndarray, Y: np.ndarray) -> float:
    """−(1/m)·Σ[y·log a + (1−y)·log(1−a)], with a clipped away from exactly 0 and 1."""
    if AL.shape != Y.shape or AL.ndim != 2 or AL.shape[0] != 1:
        raise ValueError(f"AL and Y must both have shape (1, m); got {AL.shape} and {Y.shape}")
    tiny = np.finfo(float).tiny
    A = np.clip(AL, tiny, 1.0 - np.finfo(float).epsneg)
    with np.errstate(invalid="ignore"):
        losses = Y * np.log(A) + (1.0 - Y) * np.log1p(-A)
    return float(-losses.sum() / Y.shape[1])


def cross_entropy_from_logits(ZL: np.ndarray, Y: np.ndarray) -> float:
    """The same cross-entropy computed from Z[L] (AL = σ(Z[L])) without clipping: log σ(z) = −log(1+e^−z).

    Unlike ``cross_entropy`` it keeps growing when predictions are confidently wrong, which is
    what shows a diverging run.
    """
    return float(np.sum(np.logaddexp(0.0, ZL) - Y * ZL) / Y.shape[1])


def penalty_cost(params: Mapping[str, np.ndarray], m: int, lambd: float, penalty: str = "l2") -> float:
    """§1.4 L2: λ/(2m)·Σ‖W[l]‖²_F, or L1: λ/m·Σ|w|. Biases are not penalised."""
    _check_choice("penalty", penalty, PENALTIES)
    if not lambd:
        return 0.0
    L = num_layers(params)
    if penalty == "l2":
        total = sum(float(np.sum(np.square(params[f"W{l}"]))) for l in range(1, L + 1))
        return lambd / (2.0 * m) * total
    total = sum(float(np.sum(np.abs(params[f"W{l}"]))) for l in range(1, L + 1))
    return lambd / m * total


def compute_cost(
    AL: np.ndarray,
    Y: np.ndarray,
    params: Mapping[str, np.ndarray] | None = None,
    lambd: float = 0.0,
    penalty: str = "l2",
) -> float:
    """J = cross-entropy + penalty (§1.4). ``params`` is needed only when λ > 0."""
    if lambd < 0 or not np.isfinite(lambd):
        raise ValueError(f"lambd must be a finite number ≥ 0; got {lambd!r}")
    cost = cross_entropy(AL, Y)
    if lambd:
        if params is None:
            raise ValueError("params are required to compute the penalty when lambd > 0")
        cost += penalty_cost(params, Y.shape[1], lambd, penalty)
    return cost


def predict_proba(
    params: Mapping[str, np.ndarray], X: np.ndarray, hidden_activation: str = "relu"
) -> np.ndarray:
    """ŷ = P(y=1|x), shape (1, m). No dropout at prediction time (§1.6)."""
    with np.errstate(over="ignore", invalid="ignore"):
        AL, _ = forward_propagation(X, params, hidden_activation)
    return AL


def predict(params: Mapping[str, np.ndarray], X: np.ndarray, hidden_activation: str = "relu") -> np.ndarray:
    """Labels 0/1 of shape (1, m): ŷ > 0.5."""
    return (predict_proba(params, X, hidden_activation) > 0.5).astype(float)


def error_from_proba(AL: np.ndarray, Y: np.ndarray) -> float:
    """Fraction of examples whose prediction ŷ > 0.5 is not their label (ŷ = AL, already computed)."""
    return float(np.mean((AL > 0.5) != Y))


def error_rate(
    params: Mapping[str, np.ndarray], X: np.ndarray, Y: np.ndarray, hidden_activation: str = "relu"
) -> float:
    """Fraction of examples misclassified (non-finite outputs count as errors)."""
    check_data(X, Y)
    return error_from_proba(predict_proba(params, X, hidden_activation), Y)
