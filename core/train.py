"""Full-batch gradient descent with a history, early stopping and divergence detection.

``TrainConfig`` is frozen and hashable, so the UI can cache a run by its configuration.
"""

from __future__ import annotations

import math
import time
from collections.abc import Mapping
from dataclasses import dataclass, field, replace

import numpy as np
import pandas as pd

from core.network import (
    ACTIVATIONS,
    INITS,
    PENALTIES,
    backward_propagation,
    check_data,
    check_layer_dims,
    compute_cost,
    cross_entropy_from_logits,
    error_from_proba,
    forward_unchecked,
    hidden_keep_probs,
    initialize_parameters,
    penalty_cost,
)

MAX_ITERATIONS = 200_000
DIVERGENCE_RATIO = 100.0  # J above this many times max(J at iteration 0, 1) counts as diverged


@dataclass(frozen=True)
class TrainConfig:
    """Everything that determines a training run (with the data and the seed it is reproducible).

    keep_prob: one float for every hidden layer, or one value per hidden layer (§1.6).
    early_stopping_patience: iterations without a better dev error before stopping (0 = off, §1.8).
    record_every: a history row every that many iterations (plus the first and the last).
    snapshot_every: keep a copy of the parameters every that many iterations (0 = none), for replay.
    time_budget_s: stop early (reason "time_budget") when a run takes longer than this.
    """

    layer_dims: tuple[int, ...] = (2, 20, 3, 1)
    hidden_activation: str = "relu"
    init: str = "he"
    init_scale: float = 1.0
    learning_rate: float = 0.5
    num_iterations: int = 2000
    lambd: float = 0.0
    penalty: str = "l2"
    keep_prob: float | tuple[float, ...] = 1.0
    input_keep_prob: float = 1.0
    seed: int = 0
    record_every: int = 10
    snapshot_every: int = 0
    early_stopping_patience: int = 0
    time_budget_s: float | None = None

    def __post_init__(self) -> None:
        set_ = object.__setattr__
        set_(self, "layer_dims", check_layer_dims(self.layer_dims))
        if not np.isscalar(self.keep_prob):
            set_(self, "keep_prob", tuple(float(p) for p in self.keep_prob))
        hidden_keep_probs(self.keep_prob, len(self.layer_dims) - 2)
        for name, choices in (("hidden_activation", ACTIVATIONS), ("init", INITS), ("penalty", PENALTIES)):
            if getattr(self, name) not in choices:
                raise ValueError(f"{name} must be one of {', '.join(choices)}; got {getattr(self, name)!r}")
        _check_number("init_scale", self.init_scale, low=0.0)
        _check_number("learning_rate", self.learning_rate, low=0.0, strict=True)
        _check_number("lambd", self.lambd, low=0.0)
        _check_number("input_keep_prob", self.input_keep_prob, low=0.0, high=1.0, strict=True)
        _check_int("num_iterations", self.num_iterations, 0, MAX_ITERATIONS)
        _check_int("record_every", self.record_every, 1, MAX_ITERATIONS)
        _check_int("snapshot_every", self.snapshot_every, 0, MAX_ITERATIONS)
        _check_int("early_stopping_patience", self.early_stopping_patience, 0, MAX_ITERATIONS)
        _check_int("seed", self.seed, 0, 2**32 - 1)
        if self.time_budget_s is not None:
            _check_number("time_budget_s", self.time_budget_s, low=0.0, strict=True)

    @property
    def n_parameters(self) -> int:
        """|θ|: the number of weights and biases."""
        d = self.layer_dims
        return sum(d[l] * d[l - 1] + d[l] for l in range(1, len(d)))


def _check_number(name: str, value: float, low: float, high: float = np.inf, strict: bool = False) -> None:
    ok = isinstance(value, (int, float, np.number)) and np.isfinite(value)
    ok = ok and (value > low if strict else value >= low) and value <= high
    if not ok:
        bound = f"> {low}" if strict else f"≥ {low}"
        raise ValueError(
            f"{name} must be a finite number {bound}"
            + (f" and ≤ {high}" if high < np.inf else "")
            + f"; got {value!r}"
        )


def _check_int(name: str, value: int, low: int, high: int) -> None:
    if isinstance(value, bool) or not isinstance(value, (int, np.integer)) or not low <= value <= high:
        raise ValueError(f"{name} must be an integer from {low} to {high}; got {value!r}")


@dataclass
class TrainResult:
    """What one run produced.

    params: final parameters (the best-dev ones when early stopping stopped the run).
    history: one row per recorded iteration (see ``train``).
    diverged_at: first iteration whose cost was not finite or exceeded DIVERGENCE_RATIO × max(J₀, 1)
        (training stopped there), else None.
    best_iteration / best_params / best_dev_error: the recorded iteration with the lowest dev error.
    stop_reason: "completed", "diverged", "early_stopping" or "time_budget".
    snapshots: (iteration, params) pairs for replaying training.
    """

    config: TrainConfig
    params: dict[str, np.ndarray]
    history: pd.DataFrame
    diverged_at: int | None = None
    stop_reason: str = "completed"
    best_iteration: int | None = None
    best_dev_error: float | None = None
    best_params: dict[str, np.ndarray] | None = None
    final_params: dict[str, np.ndarray] = field(default_factory=dict)
    snapshots: list[tuple[int, dict[str, np.ndarray]]] = field(default_factory=list)
    elapsed_s: float = 0.0

    @property
    def diverged(self) -> bool:
        return self.diverged_at is not None


def _copy(params: Mapping[str, np.ndarray]) -> dict[str, np.ndarray]:
    return {k: np.array(v, dtype=float, copy=True) for k, v in params.items()}


def _check_start_params(params: Mapping[str, np.ndarray], dims: tuple[int, ...]) -> dict[str, np.ndarray]:
    if not isinstance(params, Mapping):
        raise ValueError("params must be a dict of W1, b1, …")
    for l in range(1, len(dims)):
        for key, shape in ((f"W{l}", (dims[l], dims[l - 1])), (f"b{l}", (dims[l], 1))):
            if key not in params or np.shape(params[key]) != shape:
                raise ValueError(f"params[{key!r}] must have shape {shape} to match layer_dims {dims}")
    return _copy(params)


def _as_views(vector: np.ndarray, like: Mapping[str, np.ndarray], prefix: str = "") -> dict[str, np.ndarray]:
    """The arrays of ``like`` (their shapes, in order) as views of ``vector``, end to end, keys
    prefixed: an update of the vector updates every array, with the same arithmetic per element."""
    views, at = {}, 0
    for k, v in like.items():
        views[prefix + k] = vector[at : at + v.size].reshape(v.shape)
        at += v.size
    return views


_NO_DROPOUT = (1.0,)


def _proba(params, X, L, act) -> np.ndarray:
    """ŷ on X without dropout (the test-time prediction, §1.6), for the loop: no argument checks."""
    return forward_unchecked(X, params, L, act, _NO_DROPOUT * (L - 1))[0]


def _norm(a: np.ndarray) -> float:
    """‖a‖_F: the same float as np.linalg.norm(a), √(aᵀa) over the flattened array, without its checks."""
    flat = a.ravel()
    return math.sqrt(flat.dot(flat))


def _history_row(i, params, L, cost, cost_data, grads, X, Y, X_dev, Y_dev, act, AL_clean=None) -> dict:
    """One history row (inside the loop's ``np.errstate``: a diverged run's NaN/inf are recorded).
    ``AL_clean``: ŷ on X from this iteration's forward pass when it had no dropout (then it is the
    test-time prediction and need not be computed again)."""
    row = {"iteration": i, "cost": cost, "cost_no_penalty": cost_data}
    row["train_error"] = error_from_proba(_proba(params, X, L, act) if AL_clean is None else AL_clean, Y)
    if X_dev is not None:
        A_dev = _proba(params, X_dev, L, act)
        row["dev_cost"] = compute_cost(A_dev, Y_dev) if np.all(np.isfinite(A_dev)) else np.nan
        row["dev_error"] = error_from_proba(A_dev, Y_dev)
    for l in range(1, L + 1):
        row[f"W{l}_norm"] = _norm(params[f"W{l}"])
        row[f"dW{l}_norm"] = _norm(grads[f"dW{l}"]) if grads else np.nan
    return row


def train(
    X: np.ndarray,
    Y: np.ndarray,
    config: TrainConfig,
    params: Mapping[str, np.ndarray] | None = None,
    X_dev: np.ndarray | None = None,
    Y_dev: np.ndarray | None = None,
) -> TrainResult:
    """Train with full-batch gradient descent: θ ← θ − α·dθ, ``config.num_iterations`` times.

    History columns: iteration, cost (J with the penalty — the curve that must go down, §1.4),
    cost_no_penalty, train_error, and with dev data dev_cost and dev_error; then W{l}_norm
    (‖W[l]‖_F) and dW{l}_norm per layer. The row for iteration i is the forward pass of
    iteration i before its update, so row 0 holds the initial parameters; the last row
    (i = num_iterations) holds the final parameters. Training and dev errors are measured
    without dropout, as at test time. ``params`` (optional start) is copied, never mutated.
    """
    if not isinstance(config, TrainConfig):
        raise ValueError(f"config must be a TrainConfig; got {type(config).__name__}")
    dims = config.layer_dims
    check_data(X, Y, n_x=dims[0])
    if (X_dev is None) != (Y_dev is None):
        raise ValueError("X_dev and Y_dev must be given together")
    if X_dev is not None:
        check_data(X_dev, Y_dev, n_x=dims[0], names=("X_dev", "Y_dev"))
    if params is None:
        params = initialize_parameters(dims, config.init, config.init_scale, config.seed)
    else:
        params = _check_start_params(params, dims)
    return _descend(X, Y, config, params, X_dev, Y_dev)


def extendable(result: TrainResult, config: TrainConfig) -> bool:
    """Whether ``extend(result, …, config)`` gives exactly what ``train`` with ``config`` gives:
    the same configuration but for more iterations (and the time budget), a run that completed,
    no dropout (its masks depend on where the random stream stands), and a last iteration that a
    longer run records (and snapshots) too."""
    done = result.config.num_iterations
    every, snap_every = config.record_every, config.snapshot_every
    return (
        result.stop_reason == "completed"
        and replace(result.config, num_iterations=0, time_budget_s=None)
        == replace(config, num_iterations=0, time_budget_s=None)
        and config.num_iterations > done
        and not _uses_dropout(config)
        and done % every == 0
        and (snap_every == 0 or done % snap_every == 0)
    )


def extend(
    result: TrainResult,
    X: np.ndarray,
    Y: np.ndarray,
    config: TrainConfig,
    X_dev: np.ndarray | None = None,
    Y_dev: np.ndarray | None = None,
) -> TrainResult:
    """The run ``result`` trained on to ``config.num_iterations`` (same data): the result ``train``
    with ``config`` would give, bit for bit, for the cost of the extra iterations only (full-batch
    gradient descent from the same start is the same path). Only where ``extendable`` says so."""
    if not extendable(result, config):
        raise ValueError("this run cannot be extended to that configuration (see extendable)")
    check_data(X, Y, n_x=config.layer_dims[0])
    return _descend(X, Y, config, _copy(result.final_params), X_dev, Y_dev, prior=result)


def _uses_dropout(config: TrainConfig) -> bool:
    keep = hidden_keep_probs(config.keep_prob, len(config.layer_dims) - 2)
    return any(p < 1.0 for p in keep) or config.input_keep_prob < 1.0


def _descend(
    X, Y, config: TrainConfig, params, X_dev, Y_dev, prior: TrainResult | None = None
) -> TrainResult:
    """The gradient-descent loop of ``train``, from iteration 0, or on from ``prior``'s last one."""
    dims = config.layer_dims
    L = len(dims) - 1
    act, lambd, penalty, alpha = config.hidden_activation, config.lambd, config.penalty, config.learning_rate
    keep = hidden_keep_probs(config.keep_prob, L - 1)
    rng = np.random.default_rng([config.seed, 1]) if _uses_dropout(config) else None
    m = Y.shape[1]
    n = config.num_iterations
    every, snap_every, patience = config.record_every, config.snapshot_every, config.early_stopping_patience
    deadline = None if config.time_budget_s is None else time.perf_counter() + config.time_budget_s

    started = time.perf_counter()
    rows: list[dict] = []
    result = TrainResult(config=config, params=params, history=pd.DataFrame())
    start, limit = 0, None
    if prior is not None:  # its last row (and snapshot) is already this run's: go on after it
        start = prior.config.num_iterations
        limit = DIVERGENCE_RATIO * max(float(prior.history["cost"].iloc[0]), 1.0)
        result.best_iteration, result.best_dev_error = prior.best_iteration, prior.best_dev_error
        result.best_params = prior.best_params
        result.snapshots = list(prior.snapshots)
    theta = np.concatenate([np.ravel(v) for v in params.values()])  # θ ← θ − α·dθ: one step for all
    params, dtheta = _as_views(theta, params), np.empty_like(theta)
    grad_out = _as_views(dtheta, params, prefix="d")
    with np.errstate(over="ignore", invalid="ignore", divide="ignore", under="ignore"):
        for i in range(start, n + 1):
            AL, caches = forward_unchecked(X, params, L, act, keep, rng, config.input_keep_prob)
            cost_data = cross_entropy_from_logits(caches[-1][2], Y)
            cost = cost_data + penalty_cost(params, m, lambd, penalty) if lambd else cost_data
            if i == 0:
                limit = DIVERGENCE_RATIO * max(cost, 1.0)
            finite = math.isfinite(cost) and cost <= limit
            record = (i % every == 0 or i == n or not finite) and (prior is None or i > start)
            grads = {}
            if i < n or record:  # into dθ's views
                grads = backward_propagation(AL, Y, caches, act, lambd, penalty, grad_out)
            if record:
                AL_clean = AL if rng is None else None  # without masks the pass is the test-time ŷ
                row = _history_row(i, params, L, cost, cost_data, grads, X, Y, X_dev, Y_dev, act, AL_clean)
                rows.append(row)
                if X_dev is not None and finite:
                    dev_error = rows[-1]["dev_error"]
                    if result.best_dev_error is None or dev_error < result.best_dev_error:
                        result.best_iteration, result.best_dev_error = i, dev_error
                        result.best_params = _copy(params)
            if snap_every and (i % snap_every == 0 or i == n) and finite and (prior is None or i > start):
                result.snapshots.append((i, _copy(params)))
            if not finite:
                result.diverged_at, result.stop_reason = i, "diverged"
                break
            if i == n:
                break
            if patience and result.best_iteration is not None and i - result.best_iteration >= patience:
                result.stop_reason = "early_stopping"
                break
            if deadline is not None and record and time.perf_counter() > deadline:
                result.stop_reason = "time_budget"
                break
            theta -= alpha * dtheta  # in place: params (views of θ) are this run's own copies

    result.history = pd.DataFrame(rows)
    if prior is not None:
        result.history = pd.concat([prior.history, result.history], ignore_index=True)
    result.elapsed_s = time.perf_counter() - started + (prior.elapsed_s if prior is not None else 0.0)
    result.final_params = params
    if result.stop_reason == "early_stopping":
        result.params = result.best_params
    else:
        result.params = params
    return result


def history_columns(L: int, with_dev: bool) -> list[str]:
    """The column names ``train`` writes for an L-layer network."""
    cols = ["iteration", "cost", "cost_no_penalty", "train_error"]
    if with_dev:
        cols += ["dev_cost", "dev_error"]
    for l in range(1, L + 1):
        cols += [f"W{l}_norm", f"dW{l}_norm"]
    return cols
