"""§1.12–§1.14 numerical derivatives and gradient checking.

θ is every parameter unrolled into one vector in the order W1, b1, W2, b2, … (each block
flattened row by row); dθ holds dW1, db1, … in the same order. ``gradient_check`` compares the
backprop dθ with the two-sided estimate dθ_approx[i] = (J(θ+εeᵢ) − J(θ−εeᵢ)) / 2ε and reports
the relative difference ‖dθ_approx − dθ‖₂ / (‖dθ_approx‖₂ + ‖dθ‖₂), overall and per block.

Shapes follow core.network: X (n_x, m), Y (1, m), W[l] (n[l], n[l−1]), b[l] (n[l], 1).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import partial

import numpy as np
import pandas as pd

from core.network import (
    ACTIVATIONS,
    PENALTIES,
    activation_backward,
    activation_forward,
    backward_propagation,
    check_data,
    compute_cost,
    forward_propagation,
    hidden_keep_probs,
    num_layers,
    sigmoid,
)

OK_THRESHOLD = 1e-7  # difference below this: backprop is very likely right (§1.13)
BUG_THRESHOLD = 1e-3  # difference at or above this: almost surely a bug (§1.13)
VERDICTS = ("ok", "check", "bug")
DEFAULT_EPSILON = 1e-7
DEFAULT_EPSILONS = np.logspace(-1, -12, 45)
# Working set of one batched chunk: ~4 MB (cache-sized) measured fastest, and it keeps the
# batched path's memory far below a 64 MB bound.
CHUNK_MEMORY_BYTES = 4 * 2**20
DROPOUT_DEMO_SEED = 0  # seeds the one dropout stream when no dropout_seed is given

Params = Mapping[str, np.ndarray]
GradFn = Callable[[Params, np.ndarray, np.ndarray], Mapping[str, np.ndarray]]
CostFn = Callable[[Params, np.ndarray, np.ndarray], float]


# --- θ as one vector (§1.13) -------------------------------------------------------------


def _layout(params: Params) -> list[tuple[str, tuple[int, int], slice]]:
    """(key, shape, slice of θ) for W1, b1, …, WL, bL; validates the 2-D shapes."""
    L = num_layers(params)
    layout, start = [], 0
    for l in range(1, L + 1):
        W, b = params[f"W{l}"], params.get(f"b{l}")
        if not isinstance(W, np.ndarray) or W.ndim != 2:
            raise ValueError(f"params['W{l}'] must be a 2-D array; got {getattr(W, 'shape', W)!r}")
        if not isinstance(b, np.ndarray) or b.shape != (W.shape[0], 1):
            raise ValueError(
                f"params['b{l}'] must have shape ({W.shape[0]}, 1); got {getattr(b, 'shape', b)!r}"
            )
        for key, shape in ((f"W{l}", W.shape), (f"b{l}", b.shape)):
            size = shape[0] * shape[1]
            layout.append((key, shape, slice(start, start + size)))
            start += size
    return layout


def params_to_vector(params: Params) -> tuple[np.ndarray, list[str]]:
    """θ of shape (n,) from W1, b1, …, WL, bL (row-major), and the block keys in that order."""
    layout = _layout(params)
    theta = np.concatenate([np.asarray(params[key], dtype=float).ravel() for key, _, _ in layout])
    return theta, [key for key, _, _ in layout]


def vector_to_params(theta: np.ndarray, like_params: Params) -> dict[str, np.ndarray]:
    """Inverse of ``params_to_vector``: θ (n,) to a dict of copies shaped like ``like_params``."""
    views = _views(_check_theta(theta, like_params), like_params)
    return {key: value.copy() for key, value in views.items()}


def _check_theta(theta: np.ndarray, like_params: Params) -> np.ndarray:
    theta = np.asarray(theta, dtype=float)
    n = _layout(like_params)[-1][2].stop
    if theta.shape != (n,):
        raise ValueError(f"theta must have shape ({n},) to match like_params; got {theta.shape}")
    return theta


def _views(theta: np.ndarray, like_params: Params) -> dict[str, np.ndarray]:
    """Reshaped views into θ (writing to θ changes them), in the order W1, b1, …"""
    return {key: theta[s].reshape(shape) for key, shape, s in _layout(like_params)}


def grads_to_vector(grads: Mapping[str, np.ndarray], params: Params) -> np.ndarray:
    """dθ of shape (n,) from dW1, db1, …, in the same order and layout as ``params_to_vector``."""
    parts = []
    for key, shape, _ in _layout(params):
        g = grads.get(f"d{key}")
        if g is None:
            raise ValueError(f"grads is missing 'd{key}'")
        g = np.asarray(g, dtype=float)
        if g.shape != shape:
            raise ValueError(f"grads['d{key}'] must have shape {shape} like {key}; got {g.shape}")
        parts.append(g.ravel())
    return np.concatenate(parts)


def parameter_names(params: Params) -> list[str]:
    """One name per entry of θ, e.g. "W2[1,3]" (row 1, column 3 of W[2]) or "b1[0,0]"."""
    return [
        f"{key}[{i},{j}]" for key, (rows, cols), _ in _layout(params)
        for i in range(rows) for j in range(cols)
    ]


def block_slices(params: Params) -> dict[str, slice]:
    """Where each block sits in θ: {"W1": slice(0, n[1]·n[0]), "b1": …, …}."""
    return {key: s for key, _, s in _layout(params)}


# --- §1.12 one-sided vs two-sided differences ---------------------------------------------


def _cube(t):
    return t**3


def _sigmoid_prime(t):
    s = sigmoid(np.asarray(t, dtype=float))
    return s * (1.0 - s)


# name -> (f, f'), all vectorised over NumPy arrays.
FUNCTIONS: dict[str, tuple[Callable, Callable]] = {
    "cube": (_cube, lambda t: 3.0 * t**2),
    "square": (np.square, lambda t: 2.0 * t),
    "sin": (np.sin, np.cos),
    "exp": (np.exp, np.exp),
    "log": (np.log, lambda t: 1.0 / t),
    "tanh": (np.tanh, lambda t: 1.0 - np.tanh(t) ** 2),
    "sigmoid": (lambda t: sigmoid(np.asarray(t, dtype=float)), _sigmoid_prime),
}


def _check_epsilon(epsilon, name: str = "epsilon") -> np.ndarray:
    eps = np.asarray(epsilon, dtype=float)
    if eps.size == 0 or not np.all(np.isfinite(eps)) or np.any(eps <= 0):
        raise ValueError(f"{name} must be finite and > 0; got {epsilon!r}")
    return eps


def two_sided_difference(f: Callable, theta, epsilon: float):
    """(f(θ+ε) − f(θ−ε)) / 2ε, error O(ε²) (§1.12). θ and ε may be arrays (broadcast)."""
    _check_epsilon(epsilon)
    return (f(theta + epsilon) - f(theta - epsilon)) / (2.0 * epsilon)


def one_sided_difference(f: Callable, theta, epsilon: float):
    """(f(θ+ε) − f(θ)) / ε, error O(ε) (§1.12). θ and ε may be arrays (broadcast)."""
    _check_epsilon(epsilon)
    return (f(theta + epsilon) - f(theta)) / epsilon


@dataclass(frozen=True)
class SecantEstimate:
    """Both difference quotients of FUNCTIONS[func_name] at θ, and their absolute errors."""

    func_name: str
    theta: float
    epsilon: float
    derivative: float
    one_sided: float
    two_sided: float
    one_sided_error: float
    two_sided_error: float


def _check_function(func_name: str, theta, epsilon) -> tuple[Callable, Callable, float]:
    if func_name not in FUNCTIONS:
        raise ValueError(f"func_name must be one of {', '.join(FUNCTIONS)}; got {func_name!r}")
    try:
        theta = float(theta)
    except (TypeError, ValueError) as exc:
        raise ValueError(f"theta must be a finite number; got {theta!r}") from exc
    if not np.isfinite(theta):
        raise ValueError(f"theta must be a finite number; got {theta!r}")
    f, df = FUNCTIONS[func_name]
    eps = _check_epsilon(epsilon)
    with np.errstate(all="ignore"):
        values = f(theta + np.array([0.0, *np.ravel(eps), *(-np.ravel(eps))]))
    if not np.all(np.isfinite(values)):
        raise ValueError(f"theta ± epsilon leaves the domain of {func_name}; got theta={theta}")
    return f, df, theta


def secant_errors(func_name: str, theta: float, epsilon: float) -> SecantEstimate:
    """§1.12 for one ε: f(θ)=θ³ at θ=1, ε=0.01 gives 3.0301 (one-sided), 3.0001 (two-sided)."""
    f, df, theta = _check_function(func_name, theta, epsilon)
    g = float(df(theta))
    one = float(one_sided_difference(f, theta, epsilon))
    two = float(two_sided_difference(f, theta, epsilon))
    return SecantEstimate(func_name, theta, float(epsilon), g, one, two, abs(one - g), abs(two - g))


def error_vs_epsilon(func_name: str, theta: float, epsilons=DEFAULT_EPSILONS) -> pd.DataFrame:
    """Absolute errors of both quotients against the true f'(θ), one row per ε.

    Columns: epsilon, one_sided_error, two_sided_error. For large ε the errors fall like ε and
    ε²; below about 1e-8 (one-sided) / 1e-5 (two-sided) round-off in f(θ±ε) takes over and the
    errors grow again like 1/ε.
    """
    eps = _check_epsilon(epsilons, "epsilons")
    if eps.ndim != 1:
        raise ValueError(f"epsilons must be a 1-D sequence; got shape {eps.shape}")
    f, df, theta = _check_function(func_name, theta, eps)
    g = df(theta)
    return pd.DataFrame({
        "epsilon": eps,
        "one_sided_error": np.abs(one_sided_difference(f, theta, eps) - g),
        "two_sided_error": np.abs(two_sided_difference(f, theta, eps) - g),
    })


# --- §1.13 the relative difference and its verdict ----------------------------------------


def relative_difference(approx: np.ndarray, grad: np.ndarray) -> float:
    """‖approx − grad‖₂ / (‖approx‖₂ + ‖grad‖₂); 0.0 if both are zero, NaN if any is non-finite."""
    approx, grad = np.asarray(approx, dtype=float), np.asarray(grad, dtype=float)
    if approx.shape != grad.shape:
        raise ValueError(f"approx and grad must match in shape; got {approx.shape}, {grad.shape}")
    if not (np.all(np.isfinite(approx)) and np.all(np.isfinite(grad))):
        return float("nan")
    denominator = np.linalg.norm(approx) + np.linalg.norm(grad)
    return 0.0 if denominator == 0 else float(np.linalg.norm(approx - grad) / denominator)


def verdict_for(difference: float) -> str:
    """"ok" below OK_THRESHOLD, "check" below BUG_THRESHOLD, "bug" otherwise (NaN is a bug)."""
    if difference < OK_THRESHOLD:
        return "ok"
    if difference < BUG_THRESHOLD:
        return "check"
    return "bug"


def numeric_gradient(
    J: Callable[[np.ndarray], float], theta: np.ndarray, epsilon: float = DEFAULT_EPSILON
) -> np.ndarray:
    """The plain §1.13 loop: dθ_approx[i] = (J(θ+εeᵢ) − J(θ−εeᵢ)) / 2ε for each i; shape (n,).

    J receives one working vector that is changed in place between calls (copy it to keep it).
    """
    _check_scalar_epsilon(epsilon)
    work = np.array(theta, dtype=float)
    approx = np.empty_like(work)
    for i, value in enumerate(np.array(work)):
        work[i] = value + epsilon
        j_plus = J(work)
        work[i] = value - epsilon
        j_minus = J(work)
        work[i] = value
        approx[i] = (j_plus - j_minus) / (2 * epsilon)
    return approx


# --- §1.13–§1.14 gradient checking of the network -----------------------------------------


@dataclass(frozen=True, eq=False)
class GradCheckResult:
    """Outcome of ``gradient_check``.

    table: one row per parameter (name, block, analytic, numeric, abs_diff). blocks: one row per
    gradient block "dW1", "db1", … (block, n, difference = the relative difference within the
    block, max_abs_diff, grad_norm = ‖dθ‖₂ of the block, verdict); worst_block has the largest
    difference (§1.14: where to look for the bug). A block with a tiny grad_norm can read "check"
    from round-off alone. method: "batched" or "loop", how the 2·|θ| costs were evaluated.
    """

    difference: float
    verdict: str
    table: pd.DataFrame
    blocks: pd.DataFrame
    worst_block: str
    n_params: int
    n_cost_evaluations: int
    epsilon: float
    method: str


def _check_network(params: Params, X: np.ndarray, Y: np.ndarray) -> int:
    """Validate a chained network whose output layer has one unit; returns L."""
    layout = _layout(params)
    L = len(layout) // 2
    for l in range(2, L + 1):
        if params[f"W{l}"].shape[1] != params[f"W{l - 1}"].shape[0]:
            raise ValueError(
                f"params['W{l}'] must have {params[f'W{l - 1}'].shape[0]} columns; "
                f"got shape {params[f'W{l}'].shape}"
            )
    if params[f"W{L}"].shape[0] != 1:
        shape = params[f"W{L}"].shape
        raise ValueError(f"params['W{L}'] must have one row (sigmoid output); got {shape}")
    check_data(X, Y, n_x=params["W1"].shape[1])
    return L


def _check_options(hidden_activation, lambd, penalty, dropout_seed, chunk_size) -> None:
    if hidden_activation not in ACTIVATIONS:
        choices = ", ".join(ACTIVATIONS)
        raise ValueError(f"hidden_activation must be one of {choices}; got {hidden_activation!r}")
    if penalty not in PENALTIES:
        raise ValueError(f"penalty must be one of {', '.join(PENALTIES)}; got {penalty!r}")
    if isinstance(lambd, bool) or not np.isscalar(lambd) or not np.isfinite(lambd) or lambd < 0:
        raise ValueError(f"lambd must be a finite number ≥ 0; got {lambd!r}")
    if dropout_seed is not None and not _is_int(dropout_seed, 0):
        raise ValueError(f"dropout_seed must be None or an integer ≥ 0; got {dropout_seed!r}")
    if chunk_size is not None and not _is_int(chunk_size, 1):
        raise ValueError(f"chunk_size must be None or an integer ≥ 1; got {chunk_size!r}")


def _is_int(value, minimum: int) -> bool:
    return isinstance(value, (int, np.integer)) and not isinstance(value, bool) and value >= minimum


def gradient_check(
    params: Params,
    X: np.ndarray,
    Y: np.ndarray,
    hidden_activation: str = "relu",
    lambd: float = 0.0,
    epsilon: float = DEFAULT_EPSILON,
    penalty: str = "l2",
    keep_prob: float | Sequence[float] = 1.0,
    dropout_seed: int | None = None,
    grad_fn: GradFn | None = None,
    cost_fn: CostFn | None = None,
    batched: bool = True,
    chunk_size: int | None = None,
) -> GradCheckResult:
    """§1.13 grad check: backprop dθ against two-sided differences of J, overall and per block.

    grad_fn(params, X, Y) -> {dW1, db1, …} is the gradient under test (default: core.network
    backprop, with the penalty); cost_fn(params, X, Y) -> J (default: compute_cost of the forward
    pass, penalty included, §1.14).

    Dropout (§1.14): with keep_prob < 1 the analytic gradient comes from one forward pass with
    dropout. Without ``dropout_seed`` every cost evaluation then draws fresh masks from the same
    stream (seeded with DROPOUT_DEMO_SEED), so J is a random sample and the check fails, as the
    lecture warns. With ``dropout_seed`` every pass (analytic and numeric) re-seeds the rng
    identically, the masks are fixed and the check passes.

    batched=True evaluates all 2·|θ| perturbed costs with the perturbations stacked along a
    leading batch axis, ``chunk_size`` parameters (2·chunk_size costs) at a time (default: what
    fits CHUNK_MEMORY_BYTES); layers before the perturbed one are computed once. It repeats
    core.network's forward pass and cost operation by operation, so each J equals the loop's bit
    for bit. It falls back to the loop when a custom ``cost_fn`` is given or when dropout runs
    without ``dropout_seed`` (fresh masks per evaluation). batched=False always uses the loop.
    """
    _check_network(params, X, Y)
    _check_options(hidden_activation, lambd, penalty, dropout_seed, chunk_size)
    eps = _check_scalar_epsilon(epsilon)
    probs = hidden_keep_probs(keep_prob, num_layers(params) - 1)
    dropout = any(p < 1.0 for p in probs)
    theta, keys = params_to_vector(params)
    params = _views(theta.copy(), params)  # contiguous float64 copies, as the loop sees them
    X, Y = np.ascontiguousarray(X, dtype=float), np.ascontiguousarray(Y, dtype=float)
    stream = np.random.default_rng(DROPOUT_DEMO_SEED) if dropout and dropout_seed is None else None

    def rng() -> np.random.Generator | None:
        """Dropout randomness for one pass: the shared stream, or a fresh identical seed."""
        if not dropout:
            return None
        return stream if stream is not None else np.random.default_rng(dropout_seed)

    if grad_fn is None:
        AL, caches = forward_propagation(X, params, hidden_activation, probs, rng())
        grads = backward_propagation(AL, Y, caches, hidden_activation, lambd, penalty)
    else:
        grads = grad_fn(params, X, Y)
    dtheta = grads_to_vector(grads, params)

    if batched and cost_fn is None and stream is None:
        masks = [None] * len(probs)
        if dropout:
            _, caches = forward_propagation(X, params, hidden_activation, probs, rng())
            masks = [cache[4] for cache in caches[:-1]]
        approx = _batched_numeric_gradient(
            params, X, Y, hidden_activation, lambd, penalty, eps, masks, probs, chunk_size
        )
        return _report(params, keys, approx, dtheta, eps, "batched")

    def network_cost(p: Params, X: np.ndarray, Y: np.ndarray) -> float:
        AL, _ = forward_propagation(X, p, hidden_activation, probs, rng())
        return compute_cost(AL, Y, p, lambd, penalty)

    cost, layout = cost_fn or network_cost, _layout(params)

    def J(t: np.ndarray) -> float:
        return float(cost({key: t[s].reshape(shape) for key, shape, s in layout}, X, Y))

    return _report(params, keys, numeric_gradient(J, theta, eps), dtheta, eps, "loop")


def _check_scalar_epsilon(epsilon) -> float:
    if not np.isscalar(epsilon) or isinstance(epsilon, bool):
        raise ValueError(f"epsilon must be a finite number > 0; got {epsilon!r}")
    return float(_check_epsilon(epsilon))


def _report(params, keys, approx, dtheta, epsilon, method) -> GradCheckResult:
    slices = block_slices(params)
    abs_diff = np.abs(approx - dtheta)
    sizes = [slices[k].stop - slices[k].start for k in keys]
    table = pd.DataFrame({
        "name": parameter_names(params),
        "block": np.repeat([f"d{k}" for k in keys], sizes),
        "analytic": dtheta,
        "numeric": approx,
        "abs_diff": abs_diff,
    })
    rows = []
    for key, size in zip(keys, sizes):
        s = slices[key]
        diff = relative_difference(approx[s], dtheta[s])
        norm = float(np.linalg.norm(dtheta[s]))
        rows.append((f"d{key}", size, diff, float(abs_diff[s].max()), norm, verdict_for(diff)))
    columns = ["block", "n", "difference", "max_abs_diff", "grad_norm", "verdict"]
    blocks = pd.DataFrame(rows, columns=columns)
    ranking = blocks["difference"].fillna(np.inf).to_numpy()
    difference = relative_difference(approx, dtheta)
    return GradCheckResult(
        difference=difference,
        verdict=verdict_for(difference),
        table=table,
        blocks=blocks,
        worst_block=str(blocks["block"].iloc[int(np.argmax(ranking))]),
        n_params=len(dtheta),
        n_cost_evaluations=2 * len(dtheta),
        epsilon=epsilon,
        method=method,
    )


# --- the batched forward pass and cost ----------------------------------------------------


def _batched_numeric_gradient(params, X, Y, activation, lambd, penalty, epsilon, masks, probs,
                              chunk_size) -> np.ndarray:
    """dθ_approx (n,) with all perturbed costs of one chunk evaluated at once.

    Perturbing an entry of W[l] or b[l] leaves layers 1…l−1 unchanged, so their activations
    A[l−1] and the products W[l]·A[l−1] are computed once. A chunk of k entries of one block
    becomes 2k stacked copies of layer l (θ+εeᵢ first, then θ−εeᵢ), shape (2k, n[l], m), carried
    through layers l…L with stacked matmuls; the cost of each copy is one entry of J (2k,).
    """
    L, m = num_layers(params), X.shape[1]
    A_in, WA = [X], []
    for l in range(1, L + 1):
        WA.append(params[f"W{l}"] @ A_in[-1])
        if l < L:
            A_in.append(_hidden(WA[-1] + params[f"b{l}"], activation, masks[l - 1], probs[l - 1]))
    sums = [_penalty_sum(params[f"W{l}"], penalty) for l in range(1, L + 1)] if lambd else []
    approx = np.empty(sum(v.size for v in params.values()))
    for key, _, s in _layout(params):
        l, size = int(key[1:]), s.stop - s.start
        step = chunk_size or _default_chunk(params, l, key[0] == "W", m)
        for start in range(0, size, step):
            idx = np.arange(start, min(start + step, size))
            Z, perturbed = _perturbed_layer(params, key, idx, epsilon, A_in[l - 1], WA[l - 1])
            block_sums = list(sums)
            if lambd and key[0] == "W":
                block_sums[l - 1] = _penalty_sum(perturbed, penalty)
            J = _batched_cost(params, Z, l, Y, activation, masks, probs, lambd, penalty, block_sums)
            approx[s.start + idx] = (J[: len(idx)] - J[len(idx):]) / (2 * epsilon)
    return approx


def _default_chunk(params: Params, l: int, is_weight: bool, m: int) -> int:
    """Entries per chunk so that 2 copies each of the layer-l…L arrays fit CHUNK_MEMORY_BYTES."""
    L = num_layers(params)
    per_copy = 3 * m * sum(params[f"W{k}"].shape[0] for k in range(l, L + 1))  # Z, A, temporary
    if is_weight:
        per_copy += params[f"W{l}"].size
    return max(1, CHUNK_MEMORY_BYTES // (2 * 8 * per_copy))


def _perturbed_layer(params, key, idx, epsilon, A_prev, WA):
    """Z[l] of the 2k copies (2k, n[l], m) and, for a W block, their W[l] (2k, n[l], n[l−1])."""
    l = key[1:]
    base = params[key]
    k = len(idx)
    rows, cols = np.divmod(idx, base.shape[1])
    copies = np.repeat(base[None], 2 * k, axis=0)
    values = base[rows, cols]
    copies[np.arange(k), rows, cols] = values + epsilon
    copies[np.arange(k, 2 * k), rows, cols] = values - epsilon
    if key[0] == "W":
        return np.matmul(copies, A_prev) + params[f"b{l}"], copies
    return WA + copies, None


def _hidden(Z, activation, D, keep_prob):
    """Hidden activation with the fixed inverted-dropout mask D (or none), as core.network does."""
    A = activation_forward(Z, activation)
    return A if D is None else A * D / keep_prob


def _penalty_sum(W: np.ndarray, penalty: str):
    """Σw² (L2) or Σ|w| (L1) of W (n, p) as a float, or of each copy in W (B, n, p) as (B,)."""
    values = np.square(W) if penalty == "l2" else np.abs(W)
    return float(np.sum(values)) if W.ndim == 2 else values.reshape(len(W), -1).sum(axis=1)


def _batched_cost(params, Z, l, Y, activation, masks, probs, lambd, penalty, sums) -> np.ndarray:
    """J for each copy: finish the forward pass from Z[l] (B, n[l], m), then core.network's cost."""
    L, m = num_layers(params), Y.shape[1]

    def activate(Z, k):
        return sigmoid(Z) if k == L else _hidden(Z, activation, masks[k - 1], probs[k - 1])

    A = activate(Z, l)
    for k in range(l + 1, L + 1):
        A = activate(np.matmul(params[f"W{k}"], A) + params[f"b{k}"], k)
    # network.cross_entropy, one row per copy
    clipped = np.clip(A, np.finfo(float).tiny, 1.0 - np.finfo(float).epsneg)
    with np.errstate(invalid="ignore"):
        losses = Y * np.log(clipped) + (1.0 - Y) * np.log1p(-clipped)
    J = -losses.reshape(len(losses), m).sum(axis=1) / m
    if lambd:  # network.penalty_cost, summed over layers in the same order
        total = 0
        for s in sums:
            total = total + s
        J = J + (lambd / (2.0 * m) * total if penalty == "l2" else lambd / m * total)
    return J


# --- §1.13 planted bugs -------------------------------------------------------------------


def _buggy_backward(AL, Y, caches, activation, lambd, penalty, bug, bug_layer):
    """The textbook backward pass (1/m in every layer) with one planted bug in layer bug_layer."""
    m, L = Y.shape[1], len(caches)
    grads = {}
    dZ = AL - Y
    for l in range(L, 0, -1):
        A_prev, W = caches[l - 1][:2]
        here = l == bug_layer
        dW = (A_prev @ dZ.T if here and bug == "transposed_product" else dZ @ A_prev.T) / m
        if here and bug == "dw_factor":
            dW = dW * m  # the 1/m left out
        if lambd and not (here and bug == "l2_missing_in_dw"):
            dW = dW + (lambd / m) * (W if penalty == "l2" else np.sign(W))
        db = dZ.sum(axis=1, keepdims=True) / m
        if here and bug == "db_wrong_axis":
            db = np.full_like(db, dZ.sum() / m)  # axis=1 forgotten: one scalar, broadcast
        grads[f"dW{l}"], grads[f"db{l}"] = dW, db
        if l > 1:
            _, _, Z_prev, A_prev_out, D_prev, kp_prev = caches[l - 2]
            dA = W.T @ dZ
            if D_prev is not None:
                dA = dA * D_prev / kp_prev
            if bug == "missing_activation_derivative" and l - 1 == bug_layer:
                dZ = dA  # g'(Z[l−1]) omitted
            else:
                dZ = activation_backward(dA, Z_prev, A_prev_out, activation)
    return grads


def _make_buggy_grad_fn(bug: str, hidden_activation: str = "relu", lambd: float = 0.0,
                        penalty: str = "l2", bug_layer: int = 1) -> GradFn:
    """grad_fn(params, X, Y) -> grads with ``bug`` planted in layer ``bug_layer`` (no dropout)."""
    _check_options(hidden_activation, lambd, penalty, None, None)
    if isinstance(bug_layer, bool) or not isinstance(bug_layer, int) or bug_layer < 1:
        raise ValueError(f"bug_layer must be an integer ≥ 1; got {bug_layer!r}")

    def grad_fn(params, X, Y):
        L = num_layers(params)
        if bug_layer > L or (bug == "missing_activation_derivative" and bug_layer == L):
            top = L - 1 if bug == "missing_activation_derivative" else L
            raise ValueError(f"bug_layer must be between 1 and {top} for {bug}; got {bug_layer}")
        W = params[f"W{bug_layer}"]
        if bug == "transposed_product" and W.shape[0] != W.shape[1]:
            raise ValueError(f"bug_layer must name a square layer for {bug}; W is {W.shape}")
        AL, caches = forward_propagation(X, params, hidden_activation)
        return _buggy_backward(AL, Y, caches, hidden_activation, lambd, penalty, bug, bug_layer)

    return grad_fn


# name -> (description key for ui/i18n, make_grad_fn(hidden_activation, lambd, penalty, bug_layer)).
BUGS: dict[str, tuple[str, Callable[..., GradFn]]] = {
    # dW[l] = dZ·A[l−1]ᵀ without the 1/m: too large by a factor m (invisible when m = 1).
    "dw_factor": ("gradcheck.bug.dw_factor", partial(_make_buggy_grad_fn, "dw_factor")),
    # db[l] = Σ dZ / m over all entries (axis=1 forgotten); the scalar is broadcast to (n[l], 1).
    "db_wrong_axis": ("gradcheck.bug.db_wrong_axis", partial(_make_buggy_grad_fn, "db_wrong_axis")),
    # dZ[l] = dA[l] in a hidden layer: g'(Z[l]) omitted; dW[l], db[l] and all layers below are off.
    "missing_activation_derivative": (
        "gradcheck.bug.missing_activation_derivative",
        partial(_make_buggy_grad_fn, "missing_activation_derivative"),
    ),
    # dW[l] lacks the penalty term (λ/m·W for L2, λ/m·sign(W) for L1) while J keeps it.
    "l2_missing_in_dw": (
        "gradcheck.bug.l2_missing_in_dw",
        partial(_make_buggy_grad_fn, "l2_missing_in_dw"),
    ),
    # dW[l] = A[l−1]·dZᵀ/m, the transpose of the right product; only shape-correct for square W[l].
    "transposed_product": (
        "gradcheck.bug.transposed_product",
        partial(_make_buggy_grad_fn, "transposed_product"),
    ),
}


def bug_layers(
    name: str, params: Params, hidden_activation: str = "relu", lambd: float = 0.0
) -> list[int]:
    """Layers l where BUGS[name] can be planted and changes the gradient (for the §1.13 page).

    dw_factor also needs m > 1 to show (its error is a factor m).
    """
    if name not in BUGS:
        raise ValueError(f"name must be one of {', '.join(BUGS)}; got {name!r}")
    L = num_layers(params)
    shapes = {l: params[f"W{l}"].shape for l in range(1, L + 1)}
    if name == "db_wrong_axis":
        return [l for l in shapes if shapes[l][0] > 1]
    if name == "missing_activation_derivative":
        return [] if hidden_activation == "linear" else list(range(1, L))
    if name == "l2_missing_in_dw":
        return [l for l in shapes if lambd > 0 and np.any(params[f"W{l}"])]
    if name == "transposed_product":
        return [l for l in shapes if shapes[l][0] == shapes[l][1]]
    return list(shapes)
