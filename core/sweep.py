"""Hyperparameter sweeps trained together: K models batched in NumPy (validation curves, §1.4, §1.6).

Every model of a sweep shares the data, the network shape, the initial weights (``config.seed``)
and every ``TrainConfig`` field except one hyperparameter — ``lambd`` (§1.4), ``keep_prob``
(§1.6, the same value on every hidden layer) or ``learning_rate``. The K parameter sets are
stacked: ``W[l]`` has shape (K, n[l], n[l−1]) and ``b[l]`` (K, n[l], 1), activations (K, n[l], m),
so one gradient-descent step of all K models is one set of array operations (batched matmul).

Each model follows exactly what ``core.train.train`` does with its own config: the same
operations in the same order (so the results agree to rounding, in practice bit for bit), the
same dropout masks (``train`` draws them from ``default_rng([seed, 1])``; models that draw the
same sequence of mask shapes share one stream), the same divergence test (a diverged model is
frozen where ``train`` stops and flagged; the others go on) and the same early stopping.
``train_one_by_one`` runs ``train`` in a loop — the reference for tests and the benchmark.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

import numpy as np
import pandas as pd

from core.network import activation_backward, activation_forward, check_data, initialize_parameters, sigmoid
from core.train import DIVERGENCE_RATIO, TrainConfig, TrainResult, history_columns, train

SWEEP_PARAMS = ("lambd", "keep_prob", "learning_rate")
MAX_MODELS = 100


@dataclass
class SweepResult:
    """K models trained with ``param`` set to each of ``values``.

    values (K,); train_errors, dev_errors (K,) (dev_errors None without dev data) and
    final_costs (K,) (J with the penalty) describe the returned ``params`` (K dicts W1, b1, …: the
    final parameters, or the best-dev ones for a model early stopping stopped, as ``train``).
    history: long format, one row per model and recorded iteration — ``model`` (index into
    values), ``value``, then ``core.train.history_columns`` (iteration, cost, cost_no_penalty,
    train_error, [dev_cost, dev_error], W{l}_norm, dW{l}_norm). diverged (K,) bool.
    """

    values: np.ndarray
    train_errors: np.ndarray
    dev_errors: np.ndarray | None
    final_costs: np.ndarray
    params: list[dict[str, np.ndarray]]
    history: pd.DataFrame
    diverged: np.ndarray
    param: str = "lambd"
    diverged_at: tuple[int | None, ...] = ()
    stop_reasons: tuple[str, ...] = ()
    best_iterations: tuple[int | None, ...] = ()
    elapsed_s: float = 0.0
    config: TrainConfig | None = field(default=None, repr=False)

    def __len__(self) -> int:
        return len(self.values)

    def history_of(self, k: int) -> pd.DataFrame:
        """Model k's history in ``train``'s format (without the ``model`` and ``value`` columns)."""
        rows = self.history[self.history["model"] == k]
        return rows.drop(columns=["model", "value"]).reset_index(drop=True)

    @property
    def best_index(self) -> int | None:
        """Index of the lowest dev error among models that did not diverge (ties: the first)."""
        if self.dev_errors is None:
            return None
        dev = np.where(self.diverged, np.inf, self.dev_errors)
        return int(np.argmin(dev)) if np.isfinite(dev).any() else None


# --------------------------------------------------------------------------- validation


def sweep_configs(config: TrainConfig, param: str, values: Sequence[float]) -> list[TrainConfig]:
    """The K configs of a sweep: ``config`` with ``param`` set to each value (validated by TrainConfig)."""
    if not isinstance(config, TrainConfig):
        raise ValueError(f"config must be a TrainConfig; got {type(config).__name__}")
    if param not in SWEEP_PARAMS:
        raise ValueError(f"param must be one of {', '.join(SWEEP_PARAMS)}; got {param!r}")
    if isinstance(values, (str, bytes)) or np.ndim(values) != 1:
        raise ValueError(f"values must be a 1-D sequence of numbers; got {values!r}")
    if not 1 <= len(values) <= MAX_MODELS:
        raise ValueError(f"values must hold 1 to {MAX_MODELS} numbers; got {len(values)}")
    configs = []
    for v in values:
        if isinstance(v, (bool, np.bool_)) or not isinstance(v, (int, float, np.integer, np.floating)):
            raise ValueError(f"values must be numbers; got {v!r}")
        try:
            configs.append(replace(config, **{param: float(v)}))
        except ValueError as exc:
            raise ValueError(f"values: {exc}") from None
    return configs


def _check_inputs(X, Y, X_dev, Y_dev, n_x: int) -> None:
    check_data(X, Y, n_x=n_x)
    if (X_dev is None) != (Y_dev is None):
        raise ValueError("X_dev and Y_dev must be given together")
    if X_dev is not None:
        check_data(X_dev, Y_dev, n_x=n_x, names=("X_dev", "Y_dev"))


# --------------------------------------------------------------------------- the stacked models


@dataclass
class _Stack:
    """The models still training: original indices and their stacked parameters and settings."""

    idx: np.ndarray  # (Ka,) index into values
    Ws: list  # [None, W1 (Ka, n1, n0), …]
    bs: list  # [None, b1 (Ka, n1, 1), …]
    lam: np.ndarray  # (Ka,) λ
    alpha: np.ndarray  # (Ka,) learning rate
    kp: np.ndarray  # (Ka, L−1) keep_prob per hidden layer
    group: np.ndarray  # (Ka,) which dropout-mask stream the model uses (−1: none)

    def keep(self, mask: np.ndarray) -> None:
        """Drop the models where ``mask`` is False (they are frozen)."""
        self.idx, self.lam, self.alpha = self.idx[mask], self.lam[mask], self.alpha[mask]
        self.kp, self.group = self.kp[mask], self.group[mask]
        self.Ws = [None] + [W[mask] for W in self.Ws[1:]]
        self.bs = [None] + [b[mask] for b in self.bs[1:]]

    def params_of(self, j: int) -> dict[str, np.ndarray]:
        """Row j of the stack as a params dict (copies)."""
        out = {}
        for l in range(1, len(self.Ws)):
            out[f"W{l}"], out[f"b{l}"] = self.Ws[l][j].copy(), self.bs[l][j].copy()
        return out


def _stack(configs: list[TrainConfig]) -> tuple[_Stack, list[tuple[bool, ...]]]:
    """Stack K copies of the shared initial parameters; group models by the masks they draw."""
    c0 = configs[0]
    dims, K, L = c0.layer_dims, len(configs), len(c0.layer_dims) - 1
    init = initialize_parameters(dims, c0.init, c0.init_scale, c0.seed)
    kp = np.array([np.broadcast_to(np.asarray(c.keep_prob, dtype=float), (L - 1,)) for c in configs])
    kp = kp.reshape(K, L - 1)
    # Which layers draw a mask (input, hidden 1 … L−1); models with the same pattern share a stream.
    patterns = [(c0.input_keep_prob < 1.0, *(bool(p < 1.0) for p in row)) for row in kp]
    signatures = sorted({p for p in patterns if any(p)})
    group = np.array([signatures.index(p) if any(p) else -1 for p in patterns])
    stack = _Stack(
        idx=np.arange(K),
        Ws=[None] + [np.repeat(init[f"W{l}"][None], K, axis=0) for l in range(1, L + 1)],
        bs=[None] + [np.repeat(init[f"b{l}"][None], K, axis=0) for l in range(1, L + 1)],
        lam=np.array([c.lambd for c in configs], dtype=float),
        alpha=np.array([c.learning_rate for c in configs], dtype=float),
        kp=kp,
        group=group,
    )
    return stack, signatures


def _draw_masks(rngs, signatures, stack: _Stack, dims, m: int, input_keep: float) -> list | None:
    """§1.6 masks for this iteration, per layer 0 (input) … L−1: None, or bool (n, m) / (Ka, n, m).

    Each stream draws ``rng.random((n[l], m))`` for the layers its pattern marks, in layer order —
    the sequence ``train`` draws. A model whose layer keeps everything (keep_prob 1) reads any
    stream there: U < 1 always holds.
    """
    live = [g for g in range(len(signatures)) if np.any(stack.group == g)]
    if not live:
        return None
    U = {(g, l): rngs[g].random((dims[l], m)) for g in live for l in range(len(dims) - 1) if signatures[g][l]}
    masks = []
    for l in range(len(dims) - 1):
        drawing = [g for g in live if signatures[g][l]]
        if not drawing:
            masks.append(None)
            continue
        if len(drawing) == 1:
            u = U[drawing[0], l]
        else:
            where = {g: i for i, g in enumerate(drawing)}
            u = np.stack([U[g, l] for g in drawing])[[where.get(g, 0) for g in stack.group]]
        p = input_keep if l == 0 else stack.kp[:, l - 1, None, None]
        masks.append(u < p)
    return masks


def _forward(X, stack: _Stack, act: str, masks, input_keep: float):
    """Batched forward pass: AL (Ka, 1, m) and caches (A_prev, W, Z, G, D, keep) per layer."""
    L = len(stack.Ws) - 1
    A = X if masks is None or masks[0] is None else X * masks[0] / input_keep
    caches = []
    for l in range(1, L + 1):
        W = stack.Ws[l]
        Z = W @ A
        Z += stack.bs[l]
        D, keep = None, 1.0
        if l == L:
            A_new = sigmoid(Z)
        else:
            A_new = activation_forward(Z, act)
            if masks is not None and masks[l] is not None:
                D, keep = masks[l], stack.kp[:, l - 1, None, None]
        G = A_new
        if D is not None:  # inverted dropout: (G·D)/keep_prob, as train does, the division in place
            A_new = np.multiply(A_new, D)
            A_new /= keep
        caches.append((A, W, Z, G, D, keep))
        A = A_new
    return A, caches


def _backward(AL, Y, caches, act: str, lam: np.ndarray, penalty: str) -> list:
    """Batched backward pass: [(dW1, db1), …, (dWL, dbL)], as ``core.network.backward_propagation``."""
    m = Y.shape[1]
    coef = (lam / m)[:, None, None] if np.any(lam) else None
    grads = [None] * len(caches)
    dZ = (AL - Y) / m
    for l in range(len(caches), 0, -1):
        A_prev, W, _, _, _, _ = caches[l - 1]
        dW = dZ @ A_prev.swapaxes(-1, -2)
        if coef is not None:
            dW += coef * (W if penalty == "l2" else np.sign(W))
        grads[l - 1] = (dW, dZ.sum(axis=2, keepdims=True))
        if l > 1:
            _, _, Z_prev, G_prev, D_prev, keep_prev = caches[l - 2]
            # n[l] = 1 (output layer): Wᵀ·dZ is an outer product; broadcasting gives the same numbers
            dA = W.swapaxes(1, 2) * dZ if W.shape[1] == 1 else W.swapaxes(1, 2) @ dZ
            if D_prev is not None:
                np.multiply(dA, D_prev, out=dA)
                dA /= keep_prev
            dZ = _activation_backward(dA, Z_prev, G_prev, act)
    return grads


def _activation_backward(dA: np.ndarray, Z: np.ndarray, G: np.ndarray, act: str) -> np.ndarray:
    """dZ = dA·g'(Z) as ``core.network.activation_backward``, in place in dA (a temporary) where possible."""
    if act == "relu":
        return np.multiply(dA, Z > 0, out=dA)
    if act == "tanh":
        return np.multiply(dA, 1.0 - G * G, out=dA)
    return activation_backward(dA, Z, G, act)


def _costs(ZL, Y, stack: _Stack, penalty: str) -> tuple[np.ndarray, np.ndarray]:
    """(J, cross-entropy) per model: §1.4 J = cross-entropy from logits + λ/(2m)·Σ‖W‖²_F (or λ/m·Σ|w|)."""
    m = Y.shape[1]
    data = np.sum(np.logaddexp(0.0, ZL) - Y * ZL, axis=(1, 2)) / m
    if not np.any(stack.lam):
        return data, data
    total = np.zeros(len(stack.idx))
    for W in stack.Ws[1:]:
        total += np.sum(np.square(W) if penalty == "l2" else np.abs(W), axis=(1, 2))
    pen = stack.lam / (2.0 * m) * total if penalty == "l2" else stack.lam / m * total
    return np.where(stack.lam > 0, data + pen, data), data


def _errors_and_dev_cost(AL, Y, with_cost: bool) -> tuple[np.ndarray, np.ndarray | None]:
    """Error rate per model ((ŷ > 0.5) ≠ y) and, if asked, the clipped cross-entropy (NaN if ŷ not finite)."""
    errors = np.mean((AL > 0.5) != Y, axis=(1, 2))
    if not with_cost:
        return errors, None
    A = np.clip(AL, np.finfo(float).tiny, 1.0 - np.finfo(float).epsneg)
    losses = Y * np.log(A) + (1.0 - Y) * np.log1p(-A)
    cost = -losses.sum(axis=(1, 2)) / Y.shape[1]
    return errors, np.where(np.all(np.isfinite(AL), axis=(1, 2)), cost, np.nan)


def _take(stack: _Stack, rows: np.ndarray | None) -> _Stack:
    """A view of the stack restricted to ``rows`` (None: all)."""
    if rows is None:
        return stack
    sub = replace(stack)
    sub.keep(rows)
    return sub


def _record(i, rows, stack, cost, data, grads, AL, X, Y, X_dev, Y_dev, act) -> dict[str, np.ndarray]:
    """History columns for the models in ``rows`` (bool mask or None for all) at iteration i."""
    sub = _take(stack, rows)

    def pick(a):
        return a if rows is None else a[rows]

    out = {"model": sub.idx, "iteration": np.full(len(sub.idx), i), "cost": pick(cost)}
    out["cost_no_penalty"] = pick(data)
    if AL is None:  # dropout was on: measure the train error without it, as at test time
        AL, _ = _forward(X, sub, act, None, 1.0)
    out["train_error"] = _errors_and_dev_cost(pick(AL), Y, False)[0]
    if X_dev is not None:
        A_dev, _ = _forward(X_dev, sub, act, None, 1.0)
        out["dev_error"], out["dev_cost"] = _errors_and_dev_cost(A_dev, Y_dev, True)
    for l in range(1, len(sub.Ws)):
        W, dW = sub.Ws[l], pick(grads[l - 1][0])
        out[f"W{l}_norm"] = np.sqrt(np.einsum("kij,kij->k", W, W))
        out[f"dW{l}_norm"] = np.sqrt(np.einsum("kij,kij->k", dW, dW))
    return out


# --------------------------------------------------------------------------- training


@dataclass
class _Outcome:
    """Per-model bookkeeping while the sweep runs (indexed by the model's original index)."""

    K: int
    params: list = field(default_factory=list)
    final: list = field(default_factory=list)
    diverged_at: list = field(default_factory=list)
    reasons: list = field(default_factory=list)
    best_iter: np.ndarray = field(default=None)
    best_dev: np.ndarray = field(default=None)
    best_params: list = field(default_factory=list)

    def __post_init__(self) -> None:
        self.params, self.final, self.best_params = [None] * self.K, [None] * self.K, [None] * self.K
        self.diverged_at, self.reasons = [None] * self.K, ["completed"] * self.K
        self.best_iter, self.best_dev = np.full(self.K, -1), np.full(self.K, np.inf)

    def freeze(self, stack: _Stack, mask: np.ndarray, reason: str, i: int) -> None:
        """Save the models in ``mask`` (their current parameters) with a stop reason and drop them."""
        if not mask.any():
            return
        for j in np.flatnonzero(mask):
            k = int(stack.idx[j])
            self.final[k] = stack.params_of(j)
            self.reasons[k] = reason
            if reason == "diverged":
                self.diverged_at[k] = i
            self.params[k] = self.best_params[k] if reason == "early_stopping" else self.final[k]
        stack.keep(~mask)


def _update_best(out: _Outcome, stack: _Stack, row: dict, finite: np.ndarray, rows) -> None:
    """§1.8: remember each recorded, finite model's best dev error and its parameters."""
    positions = np.arange(len(stack.idx)) if rows is None else np.flatnonzero(rows)
    better = finite[positions] & (row["dev_error"] < out.best_dev[row["model"]])
    for j, k, dev in zip(positions[better], row["model"][better], row["dev_error"][better], strict=True):
        out.best_iter[k], out.best_dev[k] = row["iteration"][0], dev
        out.best_params[k] = stack.params_of(j)


def train_sweep(
    X: np.ndarray,
    Y: np.ndarray,
    config: TrainConfig,
    param: str,
    values: Sequence[float],
    X_dev: np.ndarray | None = None,
    Y_dev: np.ndarray | None = None,
) -> SweepResult:
    """Train K = len(values) models at once, ``param`` ∈ {lambd, keep_prob, learning_rate} set to each value.

    X (n_x, m), Y (1, m); the result equals ``train_one_by_one`` (to rounding). Frozen models (diverged,
    early-stopped) leave the stack; ``config.time_budget_s`` bounds the whole sweep (the models still
    training then stop with reason "time_budget"). ``snapshot_every`` is ignored.
    """
    configs = sweep_configs(config, param, values)
    dims = config.layer_dims
    _check_inputs(X, Y, X_dev, Y_dev, dims[0])
    started = time.perf_counter()
    stack, signatures = _stack(configs)
    rngs = [np.random.default_rng([config.seed, 1]) for _ in signatures]
    out = _Outcome(len(configs))
    act, penalty, n, every = (
        config.hidden_activation,
        config.penalty,
        config.num_iterations,
        config.record_every,
    )
    patience, m, input_keep = config.early_stopping_patience, Y.shape[1], config.input_keep_prob
    deadline = None if config.time_budget_s is None else started + config.time_budget_s
    records: list[dict] = []
    limit = None
    with np.errstate(over="ignore", invalid="ignore", divide="ignore", under="ignore"):
        for i in range(n + 1):
            masks = _draw_masks(rngs, signatures, stack, dims, m, input_keep)
            AL, caches = _forward(X, stack, act, masks, input_keep)
            cost, data = _costs(caches[-1][2], Y, stack, penalty)
            if i == 0:
                limit = DIVERGENCE_RATIO * np.maximum(cost, 1.0)
            finite = np.isfinite(cost) & (cost <= limit[stack.idx])
            scheduled = i % every == 0 or i == n
            rows = None if scheduled else ~finite
            grads = _backward(AL, Y, caches, act, stack.lam, penalty)
            if scheduled or rows.any():
                clean = AL if masks is None else None
                records.append(_record(i, rows, stack, cost, data, grads, clean, X, Y, X_dev, Y_dev, act))
                if X_dev is not None:
                    _update_best(out, stack, records[-1], finite, rows)
            stop = ~finite
            out.freeze(stack, stop, "diverged", i)
            grads = [(dW[~stop], db[~stop]) for dW, db in grads] if stop.any() else grads
            if i == n or not len(stack.idx):
                out.freeze(stack, np.ones(len(stack.idx), bool), "completed", i)
                break
            if patience:
                best = out.best_iter[stack.idx]
                early = (best >= 0) & (i - best >= patience)
                if early.any():
                    out.freeze(stack, early, "early_stopping", i)
                    grads = [(dW[~early], db[~early]) for dW, db in grads]
            if deadline is not None and scheduled and time.perf_counter() > deadline:
                out.freeze(stack, np.ones(len(stack.idx), bool), "time_budget", i)
                break
            step = stack.alpha[:, None, None]
            for l, (dW, db) in enumerate(grads, start=1):  # θ ← θ − α·dθ (dW, db are temporaries)
                stack.Ws[l] -= np.multiply(dW, step, out=dW)
                stack.bs[l] -= np.multiply(db, step, out=db)
    history = _long_history(records, configs, param, X_dev is not None)
    best = tuple(int(b) if b >= 0 else None for b in out.best_iter)
    return _assemble(param, configs, history, out.params, out.diverged_at, out.reasons, best, started)


def _long_history(records: list[dict], configs, param: str, with_dev: bool) -> pd.DataFrame:
    L = len(configs[0].layer_dims) - 1
    columns = ["model", "value", *history_columns(L, with_dev)]
    if not records:
        return pd.DataFrame(columns=columns)
    merged = {key: np.concatenate([r[key] for r in records]) for key in records[0]}
    merged["value"] = np.array([getattr(c, param) for c in configs], dtype=float)[merged["model"]]
    frame = pd.DataFrame(merged)[columns]
    return frame.sort_values(["model", "iteration"], kind="stable").reset_index(drop=True)


def _assemble(param, configs, history, params, diverged_at, reasons, best, started) -> SweepResult:
    """Per-model summaries from one history row: the best-dev row after early stopping, else the last."""
    K = len(configs)
    chosen = []
    for k, frame in history.groupby("model", sort=True):
        it = best[k] if reasons[k] == "early_stopping" else None
        chosen.append(frame.index[-1] if it is None else frame.index[frame["iteration"] == it][0])
    rows = history.loc[chosen]
    with_dev = "dev_error" in history
    return SweepResult(
        values=np.array([getattr(c, param) for c in configs], dtype=float),
        train_errors=rows["train_error"].to_numpy(dtype=float),
        dev_errors=rows["dev_error"].to_numpy(dtype=float) if with_dev else None,
        final_costs=rows["cost"].to_numpy(dtype=float),
        params=list(params),
        history=history,
        diverged=np.array([d is not None for d in diverged_at], dtype=bool),
        param=param,
        diverged_at=tuple(diverged_at),
        stop_reasons=tuple(reasons),
        best_iterations=tuple(best) if with_dev else (None,) * K,
        elapsed_s=time.perf_counter() - started,
        config=configs[0],
    )


def train_one_by_one(
    X: np.ndarray,
    Y: np.ndarray,
    config: TrainConfig,
    param: str,
    values: Sequence[float],
    X_dev: np.ndarray | None = None,
    Y_dev: np.ndarray | None = None,
) -> SweepResult:
    """The same sweep with ``core.train.train`` called once per value — the reference for ``train_sweep``."""
    configs = sweep_configs(config, param, values)
    _check_inputs(X, Y, X_dev, Y_dev, config.layer_dims[0])
    started = time.perf_counter()
    results: list[TrainResult] = [train(X, Y, c, X_dev=X_dev, Y_dev=Y_dev) for c in configs]
    frames = []
    for k, (c, r) in enumerate(zip(configs, results, strict=True)):
        frame = r.history.copy()
        frame.insert(0, "value", float(getattr(c, param)))
        frame.insert(0, "model", k)
        frames.append(frame)
    history = pd.concat(frames, ignore_index=True)
    return _assemble(
        param,
        configs,
        history,
        [r.params for r in results],
        [r.diverged_at for r in results],
        [r.stop_reason for r in results],
        tuple(r.best_iteration for r in results),
        started,
    )
