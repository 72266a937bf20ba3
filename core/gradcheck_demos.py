"""Demonstrations for the §1.12–§1.14 pages, built on core.gradcheck's public functions.

§1.12: the secants of f at θ and what is left after subtracting the tangent; the slopes and the
round-off regime of the error-vs-ε data. §1.13: the learner's small network and data, the bug
planted in a valid layer, and where a failing check points (which dW[l] / db[l]). §1.14: the
regularization, dropout, init-vs-trained and cost demonstrations.

Shapes follow core.network: X (n_x, m), Y (1, m), W[l] (n[l], n[l−1]), b[l] (n[l], 1).
"""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass

import numpy as np
import pandas as pd

from core.datasets import make_dataset
from core.gradcheck import (
    BUG_THRESHOLD,
    BUGS,
    FUNCTIONS,
    GradCheckResult,
    bug_layers,
    gradient_check,
    secant_errors,
)
from core.network import (
    ACTIVATIONS,
    backward_propagation,
    compute_cost,
    forward_propagation,
    initialize_parameters,
)
from core.train import TrainConfig, train

UNIT_ROUNDOFF = np.finfo(float).eps / 2  # u = 2⁻⁵³: relative error of one rounding
TRUNCATION_RANGE = (1e-3, 1e-1)  # ε where truncation dominates for the FUNCTIONS near θ ~ 1
ROUNDOFF_EPSILON = 1e-10  # at or below this ε round-off dominates (unless f(θ) ≈ 0)
# A block "carries" the mismatch if it holds at least this share of ‖dθ_approx − dθ‖²: a bug in
# a block with small gradients (a db) still holds ~1e-3, round-off next to a bug ~1e-15.
SHARE_FLOOR = 1e-6
NO_BUG = "no_bug"  # the "plant a bug" menu's entry for the correct backprop
BIAS_SCALE = 0.1  # std of the initial biases of the checked network (see build_problem)
KINK_MARGIN = 10  # |Z| below KINK_MARGIN·ε counts as "at a ReLU kink" for the check

Params = Mapping[str, np.ndarray]


# --- §1.12 the secants on the curve --------------------------------------------------------


@dataclass(frozen=True)
class SecantPicture:
    """f around θ, its tangent and both secants; ``u`` = (x − θ)/ε for the zoomed residual view.

    x, f, tangent, one_line, two_line: the curve, the tangent and the two secant lines over a
    window around θ (NaN where x leaves f's domain). u, residual_f, residual_one, residual_two:
    on x = θ + u·ε (u ∈ [−2, 2]), what is left of f and of each secant after subtracting the
    tangent line — the secants' slope errors become visible as slopes there.
    """

    x: np.ndarray
    f: np.ndarray
    tangent: np.ndarray
    one_line: np.ndarray
    two_line: np.ndarray
    u: np.ndarray
    residual_f: np.ndarray
    residual_one: np.ndarray
    residual_two: np.ndarray
    points_x: tuple[float, float, float]  # θ − ε, θ, θ + ε
    points_f: tuple[float, float, float]


def secant_picture(
    func_name: str, theta: float, epsilon: float, half_width: float = 1.0, n: int = 201
) -> SecantPicture:
    """§1.12 the one-sided secant through θ and θ+ε, the two-sided one through θ±ε, and the tangent."""
    est = secant_errors(func_name, theta, epsilon)  # validates func_name, θ and ε
    f = FUNCTIONS[func_name][0]
    theta, eps, g = est.theta, est.epsilon, est.derivative
    half = max(float(half_width), 2.5 * eps)
    x = np.linspace(theta - half, theta + half, n)
    with np.errstate(all="ignore"):
        fx = np.asarray(f(x), dtype=float)
    fx[~np.isfinite(fx)] = np.nan
    f0, fp, fm = (float(f(v)) for v in (theta, theta + eps, theta - eps))
    u = np.linspace(-2.0, 2.0, 161)
    with np.errstate(all="ignore"):
        fu = np.asarray(f(theta + u * eps), dtype=float)
    fu[~np.isfinite(fu)] = np.nan
    return SecantPicture(
        x=x,
        f=fx,
        tangent=f0 + g * (x - theta),
        one_line=f0 + est.one_sided * (x - theta),
        two_line=fm + est.two_sided * (x - theta + eps),
        u=u,
        residual_f=fu - f0 - g * u * eps,
        residual_one=(est.one_sided - g) * u * eps,
        residual_two=(fm - f0 + g * eps) + (est.two_sided - g) * (u + 1.0) * eps,
        points_x=(theta - eps, theta, theta + eps),
        points_f=(fm, f0, fp),
    )


@dataclass(frozen=True)
class ErrorSummary:
    """What the log-log error data of ``core.gradcheck.error_vs_epsilon`` shows.

    slope_one / slope_two: least-squares slopes of log error against log ε over TRUNCATION_RANGE
    (≈ 1 and ≈ 2; NaN when the error there is 0, e.g. two-sided on a quadratic). best_eps_*: the
    ε with the smallest error. roundoff_visible: at ε ≤ ROUNDOFF_EPSILON the two-sided error is
    ≥ 100× its minimum. roundoff_slope: slope over ε ≤ ROUNDOFF_EPSILON (≈ −1 when visible).
    """

    slope_one: float
    slope_two: float
    best_eps_one: float
    best_eps_two: float
    min_error_two: float
    roundoff_visible: bool
    roundoff_slope: float


def _slope(eps: np.ndarray, err: np.ndarray) -> float:
    keep = err > 0
    if keep.sum() < 3:
        return float("nan")
    return float(np.polyfit(np.log10(eps[keep]), np.log10(err[keep]), 1)[0])


def summarize_errors(df: pd.DataFrame) -> ErrorSummary:
    """§1.12 slopes, best ε and the round-off regime of an ``error_vs_epsilon`` table."""
    eps = df["epsilon"].to_numpy(dtype=float)
    one, two = df["one_sided_error"].to_numpy(dtype=float), df["two_sided_error"].to_numpy(dtype=float)
    lo, hi = TRUNCATION_RANGE
    big = (eps >= lo * (1 - 1e-9)) & (eps <= hi * (1 + 1e-9))
    small = eps <= ROUNDOFF_EPSILON * (1 + 1e-9)
    floor = float(two.min())
    visible = bool(small.any() and np.median(two[small]) >= 100 * max(floor, np.finfo(float).tiny))
    return ErrorSummary(
        slope_one=_slope(eps[big], one[big]),
        slope_two=_slope(eps[big], two[big]),
        best_eps_one=float(eps[int(np.argmin(one))]),
        best_eps_two=float(eps[int(np.argmin(two))]),
        min_error_two=floor,
        roundoff_visible=visible,
        roundoff_slope=_slope(eps[small], two[small]) if visible else float("nan"),
    )


def valid_epsilons(func_name: str, theta: float, epsilons) -> np.ndarray:
    """The ε of ``epsilons`` for which θ ± ε stays in the domain of FUNCTIONS[func_name]."""
    f = FUNCTIONS[func_name][0]
    eps = np.asarray(epsilons, dtype=float)
    with np.errstate(all="ignore"):
        ok = np.isfinite(f(theta + eps)) & np.isfinite(f(theta - eps)) & np.isfinite(f(theta))
    return eps[ok]


def roundoff_model(func_name: str, theta: float, epsilons) -> np.ndarray:
    """Order of the round-off in the two-sided quotient: u·(|f(θ)| + |θ·f′(θ)|)/ε (§1.12).

    f(θ±ε) are each rounded (relative error u) and so is θ±ε itself; the difference of two
    nearly equal numbers keeps those absolute errors and the division by 2ε magnifies them.
    """
    f, df = FUNCTIONS[func_name]
    scale = abs(float(f(theta))) + abs(theta * float(df(theta)))
    return UNIT_ROUNDOFF * scale / np.asarray(epsilons, dtype=float)


# --- §1.13 the learner's network ---------------------------------------------------------------


@dataclass(frozen=True)
class NetSpec:
    """A small network and data set to check (hashable: the pages cache by it)."""

    dataset: str = "moons"
    m: int = 32
    hidden_layers: int = 2
    units: int = 4
    activation: str = "relu"
    lambd: float = 0.1
    seed: int = 0

    @property
    def layer_dims(self) -> tuple[int, ...]:
        return (2, *(self.units,) * self.hidden_layers, 1)

    @property
    def init(self) -> str:
        """He for the ReLU family, Xavier otherwise (§1.11); biases start at 0."""
        return "he" if self.activation in ("relu", "leaky_relu") else "xavier"


def with_small_biases(params: Params, seed: int = 0, scale: float | None = None) -> dict[str, np.ndarray]:
    """A copy of ``params`` with every b[l] drawn from N(0, scale²) (default BIAS_SCALE); W is copied."""
    scale = BIAS_SCALE if scale is None else scale
    rng = np.random.default_rng([seed, 14])
    return {
        k: (scale * rng.standard_normal(v.shape) if k.startswith("b") else v.copy())
        for k, v in params.items()
    }


def build_problem(spec: NetSpec) -> tuple[dict[str, np.ndarray], np.ndarray, np.ndarray]:
    """Initial params (layer_dims, init scheme, seed; small random biases), X (2, m), Y (1, m).

    The biases are drawn from N(0, BIAS_SCALE²) rather than set to 0: with b = 0, an example whose
    ReLU units in one layer are all off reaches the next layer with Z = b = 0 exactly — on the
    kink, where the two-sided quotient averages two slopes and a correct backprop fails the check
    (with two hidden layers of 4 units that happens for about one seed in four).
    """
    if spec.activation not in ACTIVATIONS:
        raise ValueError(f"activation must be one of {', '.join(ACTIVATIONS)}; got {spec.activation!r}")
    params = initialize_parameters(spec.layer_dims, spec.init, seed=spec.seed)
    data = make_dataset(spec.dataset, m=spec.m, seed=spec.seed, jitter=0.2)
    return with_small_biases(params, spec.seed), data.X, data.Y


@dataclass(frozen=True)
class Placement:
    """Where a planted bug goes. status: "none" (NO_BUG asked), "ok" (the layer asked),
    "moved" (nearest valid layer), "impossible" (no layer of this net can carry it)."""

    bug: str
    layer: int | None
    status: str
    valid_layers: tuple[int, ...] = ()


def place_bug(bug: str, requested_layer: int, params: Params, activation: str, lambd: float) -> Placement:
    """Put ``bug`` (a BUGS name or NO_BUG) in ``requested_layer`` or the nearest layer it can live in."""
    if bug == NO_BUG:
        return Placement(bug, None, "none")
    valid = tuple(bug_layers(bug, params, activation, lambd))
    if not valid:
        return Placement(bug, None, "impossible")
    if requested_layer in valid:
        return Placement(bug, requested_layer, "ok", valid)
    nearest = min(valid, key=lambda l: (abs(l - requested_layer), l))
    return Placement(bug, nearest, "moved", valid)


def check_network(spec: NetSpec, epsilon: float, placement: Placement) -> GradCheckResult:
    """§1.13 grad check of ``spec``'s network at initialization, with the placed bug (if any)."""
    params, X, Y = build_problem(spec)
    grad_fn = None
    if placement.layer is not None:
        grad_fn = BUGS[placement.bug][1](spec.activation, spec.lambd, "l2", placement.layer)
    return gradient_check(params, X, Y, spec.activation, spec.lambd, epsilon, grad_fn=grad_fn)


@dataclass(frozen=True)
class Localization:
    """Where a failing check points (§1.14: look at the components).

    layer: the first layer, going backwards from the output, whose blocks carry the mismatch
    (backprop computes layer L first, so a mistake in layer l spoils layer l and, through
    dZ, the layers below it — never the ones above). blocks: the carrying blocks of that layer
    ("dW2", "db2"). lower: carrying blocks below it. None/() when the check passes.
    """

    layer: int | None
    blocks: tuple[str, ...]
    lower: tuple[str, ...]
    shares: dict[str, float]


def mismatch_shares(result: GradCheckResult) -> dict[str, float]:
    """Each block's share of ‖dθ_approx − dθ‖² (the shares add up to 1; all 0 when they agree)."""
    table = result.table
    squares = (table["numeric"] - table["analytic"]) ** 2
    by_block = squares.groupby(table["block"], sort=False).sum()
    total = float(by_block.sum())
    if not np.isfinite(total):
        return {b: float(np.nan_to_num(v, nan=1.0, posinf=1.0) > 0) for b, v in by_block.items()}
    return {b: (float(v) / total if total > 0 else 0.0) for b, v in by_block.items()}


def locate_bug(result: GradCheckResult) -> Localization:
    """The blocks that carry a failing check's mismatch, and the layer to debug first.

    A block carries it when its own relative difference is ≥ BUG_THRESHOLD and it holds at
    least SHARE_FLOOR of the squared mismatch (so round-off in a block whose gradient is tiny
    does not count). When the check reads "check", the block with the largest share is shown.
    """
    shares = mismatch_shares(result)
    if result.verdict == "ok":
        return Localization(None, (), (), shares)
    blocks = result.blocks
    carrying = [
        b
        for b, d in zip(blocks["block"], blocks["difference"])
        if (not np.isfinite(d) or d >= BUG_THRESHOLD) and shares.get(b, 0.0) >= SHARE_FLOOR
    ]
    if not carrying:
        carrying = [max(shares, key=shares.get)]
    layer = max(int(b[2:]) for b in carrying)
    top = tuple(b for b in carrying if int(b[2:]) == layer)
    lower = tuple(b for b in carrying if int(b[2:]) < layer)
    return Localization(layer, top, lower, shares)


def kink_count(params: Params, X: np.ndarray, activation: str, epsilon: float) -> int:
    """How many hidden pre-activations Z[l] (ReLU family) lie within KINK_MARGIN·ε of 0.

    There g is not differentiable: θ ± ε lands on both sides of the kink, the two-sided quotient
    averages the two slopes while backprop takes one, and a correct implementation can fail the
    check. With b = 0 an example whose previous layer is all zeros gets Z = 0 exactly.
    """
    if activation not in ("relu", "leaky_relu"):
        return 0
    _, caches = forward_propagation(X, params, activation)
    return int(sum(np.count_nonzero(np.abs(c[2]) < KINK_MARGIN * epsilon) for c in caches[:-1]))


def expected_blocks(bug: str, layer: int) -> tuple[str, ...]:
    """The blocks where a bug planted in ``layer`` lives (what localization should find)."""
    if bug == "db_wrong_axis":
        return (f"db{layer}",)
    if bug == "missing_activation_derivative":
        return (f"dW{layer}", f"db{layer}")
    return (f"dW{layer}",)


# --- §1.14 the implementation notes, live ----------------------------------------------------


def _backprop(activation: str, lambd: float) -> Callable:
    """grad_fn of the correct backprop with penalty λ (no dropout)."""

    def grad_fn(params, X, Y):
        AL, caches = forward_propagation(X, params, activation)
        return backward_propagation(AL, Y, caches, activation, lambd)

    return grad_fn


def _rows(cases: list[tuple[str, GradCheckResult]]) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "case": [c for c, _ in cases],
            "difference": [r.difference for _, r in cases],
            "verdict": [r.verdict for _, r in cases],
            "worst_block": [r.worst_block for _, r in cases],
            "method": [r.method for _, r in cases],
        }
    )


def regularization_demo(
    params: Params, X: np.ndarray, Y: np.ndarray, activation: str, lambd: float, epsilon: float
) -> pd.DataFrame:
    """§1.14 the penalty must be in J and in dθ: rows "both", "cost_only", "grad_only"."""
    return _rows(
        [
            ("both", gradient_check(params, X, Y, activation, lambd, epsilon)),
            (
                "cost_only",
                gradient_check(params, X, Y, activation, lambd, epsilon, grad_fn=_backprop(activation, 0.0)),
            ),
            (
                "grad_only",
                gradient_check(params, X, Y, activation, 0.0, epsilon, grad_fn=_backprop(activation, lambd)),
            ),
        ]
    )


def dropout_demo(
    params: Params,
    X: np.ndarray,
    Y: np.ndarray,
    activation: str,
    lambd: float,
    keep_prob: float,
    epsilon: float,
    mask_seed: int = 0,
) -> pd.DataFrame:
    """§1.14 dropout: rows "fresh_masks" (each J draws new masks), "keep_prob_1", "fixed_mask"."""
    return _rows(
        [
            ("fresh_masks", gradient_check(params, X, Y, activation, lambd, epsilon, keep_prob=keep_prob)),
            ("keep_prob_1", gradient_check(params, X, Y, activation, lambd, epsilon, keep_prob=1.0)),
            (
                "fixed_mask",
                gradient_check(
                    params, X, Y, activation, lambd, epsilon, keep_prob=keep_prob, dropout_seed=mask_seed
                ),
            ),
        ]
    )


def stale_weights_grad_fn(activation: str, lambd: float, initial_params: Params) -> Callable:
    """A backprop that reads W[l] from a copy taken at initialization (dA[l−1] = W₀[l]ᵀdZ[l], λ/m·W₀[l]).

    Exactly right while the parameters are still the initial ones, wrong once training has moved
    them — the §1.14 case of an implementation that is only correct near the starting point.
    """
    frozen = {k: np.array(v, dtype=float, copy=True) for k, v in initial_params.items()}

    def grad_fn(params, X, Y):
        AL, caches = forward_propagation(X, params, activation)
        stale = [
            (A_prev, frozen[f"W{l}"], Z, G, D, keep) for l, (A_prev, _, Z, G, D, keep) in enumerate(caches, 1)
        ]
        return backward_propagation(AL, Y, stale, activation, lambd)

    return grad_fn


@dataclass(frozen=True)
class InitVsTrained:
    """§1.14 checks at initialization and after training, for the correct and the stale-weights backprop."""

    table: pd.DataFrame  # rows: (when, implementation) with difference and verdict
    iterations: int
    train_error: float
    diverged: bool
    grad_norm_init: float
    grad_norm_trained: float
    weight_change: float  # ‖θ_W,trained − θ_W,init‖ / ‖θ_W,init‖ over all W[l]


def init_vs_trained_demo(
    spec: NetSpec,
    iterations: int,
    epsilon: float,
    learning_rate: float = 0.5,
    time_budget_s: float | None = 3.0,
) -> InitVsTrained:
    """Check the correct and the stale-weights backprop on ``spec``'s net before and after training."""
    params, X, Y = build_problem(spec)
    config = TrainConfig(
        layer_dims=spec.layer_dims,
        hidden_activation=spec.activation,
        init=spec.init,
        learning_rate=learning_rate,
        num_iterations=iterations,
        lambd=spec.lambd,
        seed=spec.seed,
        record_every=max(1, iterations),
        time_budget_s=time_budget_s,
    )
    run = train(X, Y, config, params=params)
    rows, norms = [], {}
    stale = stale_weights_grad_fn(spec.activation, spec.lambd, params)
    for when, p in (("init", params), ("trained", run.params)):
        for impl, grad_fn in (("correct", None), ("stale_weights", stale)):
            with np.errstate(all="ignore"):
                r = gradient_check(p, X, Y, spec.activation, spec.lambd, epsilon, grad_fn=grad_fn)
            rows.append((when, impl, r.difference, r.verdict, r.worst_block))
            if impl == "correct":
                norms[when] = float(np.linalg.norm(r.table["analytic"]))
    return InitVsTrained(
        table=pd.DataFrame(rows, columns=["when", "implementation", "difference", "verdict", "worst_block"]),
        iterations=int(run.history["iteration"].iloc[-1]),
        train_error=float(run.history["train_error"].iloc[-1]),
        diverged=run.diverged,
        grad_norm_init=norms["init"],
        grad_norm_trained=norms["trained"],
        weight_change=_relative_change(params, run.params),
    )


def _relative_change(before: Params, after: Params) -> float:
    keys = [k for k in before if k.startswith("W")]
    moved = np.sqrt(sum(np.sum((after[k] - before[k]) ** 2) for k in keys))
    return float(moved / np.sqrt(sum(np.sum(before[k] ** 2) for k in keys)))


@dataclass(frozen=True)
class CheckCost:
    """§1.14 measured wall times (median of ``repeats``): one training step against one check."""

    n_params: int
    n_cost_evaluations: int
    step_s: float
    check_loop_s: float
    check_batched_s: float

    @property
    def loop_steps(self) -> float:
        """How many training steps one loop check costs."""
        return self.check_loop_s / self.step_s

    @property
    def batched_steps(self) -> float:
        return self.check_batched_s / self.step_s


def _median_time(fn: Callable[[], object], repeats: int) -> float:
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return float(np.median(times))


def training_step(
    params: Params, X: np.ndarray, Y: np.ndarray, activation: str, lambd: float, learning_rate: float = 0.5
) -> dict[str, np.ndarray]:
    """One gradient-descent step θ ← θ − α·dθ (forward, backward, update); returns new params."""
    AL, caches = forward_propagation(X, params, activation)
    grads = backward_propagation(AL, Y, caches, activation, lambd)
    return {k: v - learning_rate * grads[f"d{k}"] for k, v in params.items()}


def measure_check_cost(
    params: Params,
    X: np.ndarray,
    Y: np.ndarray,
    activation: str,
    lambd: float,
    epsilon: float = 1e-7,
    repeats: int = 5,
) -> CheckCost:
    """Time one training step, one loop check (2·|θ| forward passes) and one batched check."""
    if not isinstance(repeats, int) or repeats < 1:
        raise ValueError(f"repeats must be an integer ≥ 1; got {repeats!r}")
    step = _median_time(lambda: training_step(params, X, Y, activation, lambd), 3 * repeats)
    loop = _median_time(
        lambda: gradient_check(params, X, Y, activation, lambd, epsilon, batched=False), repeats
    )
    batched = _median_time(lambda: gradient_check(params, X, Y, activation, lambd, epsilon), repeats)
    n = sum(v.size for v in params.values())
    return CheckCost(n, 2 * n, step, loop, batched)


def cost_value(params: Params, X: np.ndarray, Y: np.ndarray, activation: str, lambd: float) -> float:
    """J(θ) with the L2 penalty, as the check evaluates it."""
    AL, _ = forward_propagation(X, params, activation)
    return compute_cost(AL, Y, params, lambd)


def roundoff_estimate(result: GradCheckResult, cost: float) -> float:
    """Relative difference that round-off alone produces, roughly: √n·u·|J|/ε over 2‖dθ‖ (§1.12, §1.13).

    Each J(θ ± ε) is rounded with an absolute error of about u·|J|; the quotient divides that by ε.
    """
    norm = float(np.linalg.norm(result.table["analytic"]))
    if norm == 0:
        return float("inf")
    return float(np.sqrt(result.n_params) * UNIT_ROUNDOFF * abs(cost) / (result.epsilon * 2 * norm))
