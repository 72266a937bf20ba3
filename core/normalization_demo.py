"""§1.9 normalizing inputs: logistic regression on the scaled-features set, with and without.

The model is logistic regression without a bias, ŷ = σ(w·x) with w = (w1, w2), so that the
cost J(w1, w2) is exactly a surface over two weights and the gradient-descent path lies on the
contours drawn. (On the "scaled" set both classes are split by a line through the origin, in
raw units and after normalization, so leaving b out costs almost nothing.)

Shapes: X (2, m), Y (1, m); a batch of k weight vectors is W (k, 2) and its costs J (k,).
Pure NumPy, no UI imports.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from core.datasets import fit_normalizer, make_dataset

CASES = ("raw", "normalized")
STABLE_HORIZON = 100  # iterations a learning rate must keep J decreasing to count as stable
SWEEP_GRID = tuple(10.0 ** np.arange(-7.0, 2.01, 0.5))  # α values of the sweep figure
NOISE_RATE = 0.05  # label noise: the classes overlap, so J has a finite minimum
MAX_DEV_POOL = 20_000


def _check_xy(X: np.ndarray, Y: np.ndarray) -> None:
    if not isinstance(X, np.ndarray) or X.ndim != 2 or X.shape[1] < 1:
        raise ValueError(f"X must be a 2-D array of shape (n_x, m); got {getattr(X, 'shape', type(X))}")
    if not isinstance(Y, np.ndarray) or Y.shape != (1, X.shape[1]):
        raise ValueError(f"Y must have shape (1, {X.shape[1]}); got {getattr(Y, 'shape', type(Y))}")


def _as_batch(W: np.ndarray, n_x: int) -> np.ndarray:
    W = np.asarray(W, dtype=float)
    W = W[None, :] if W.ndim == 1 else W
    if W.ndim != 2 or W.shape[1] != n_x:
        raise ValueError(f"W must have shape (k, {n_x}) or ({n_x},); got {np.shape(W)}")
    return W


def logistic_cost(W: np.ndarray, X: np.ndarray, Y: np.ndarray) -> np.ndarray:
    """J(w) = (1/m)·Σ[log(1 + e^z) − y·z] with z = w·x, for each row of W (k, n_x) → (k,).

    The log-sum-exp form never overflows, so a diverging run shows a large J, not NaN.
    """
    _check_xy(X, Y)
    Z = _as_batch(W, X.shape[0]) @ X
    return np.mean(np.logaddexp(0.0, Z) - Y * Z, axis=1)


def logistic_gradient(W: np.ndarray, X: np.ndarray, Y: np.ndarray) -> np.ndarray:
    """∂J/∂w = (1/m)·(σ(w·x) − y)·xᵀ for each row of W (k, n_x) → (k, n_x)."""
    _check_xy(X, Y)
    Z = _as_batch(W, X.shape[0]) @ X
    A = 0.5 * np.tanh(0.5 * Z) + 0.5
    return (A - Y) @ X.T / X.shape[1]


def logistic_hessian(w: np.ndarray, X: np.ndarray) -> np.ndarray:
    """∇²J(w) = (1/m)·X·diag(a(1−a))·Xᵀ, shape (n_x, n_x); its eigenvalues are the curvatures."""
    z = _as_batch(w, X.shape[0])[0] @ X
    a = 0.5 * np.tanh(0.5 * z) + 0.5
    return (X * (a * (1.0 - a))) @ X.T / X.shape[1]


def condition_number(w: np.ndarray, X: np.ndarray) -> float:
    """κ = λ_max/λ_min of the Hessian at w: ≈1 for round contours, ≫1 for a long narrow valley."""
    eig = np.linalg.eigvalsh(logistic_hessian(w, X))
    return float(eig[-1] / eig[0]) if eig[0] > 0 else float("inf")


def minimize(X: np.ndarray, Y: np.ndarray, iterations: int = 100) -> tuple[np.ndarray, float]:
    """The minimum (w*, J*) by damped Newton steps, which do not care about the scale of x.

    Each step solves (H + tiny·I)·s = ∇J and is halved until J decreases; the search stops when
    no step helps. On separable data J has no minimum (w grows without bound): the result is
    then the last iterate, with J close to 0.
    """
    _check_xy(X, Y)
    w = np.zeros(X.shape[0])
    J = float(logistic_cost(w, X, Y)[0])
    for _ in range(iterations):
        g = logistic_gradient(w, X, Y)[0]
        H = logistic_hessian(w, X)
        ridge = 1e-12 * max(float(np.trace(H)), 1e-300)
        step = np.linalg.solve(H + ridge * np.eye(len(w)), g)
        for _ in range(40):
            candidate = w - step
            J_new = float(logistic_cost(candidate, X, Y)[0])
            if J_new < J:
                break
            step = step / 2.0
        else:
            break
        converged = J - J_new <= 1e-15 * max(J, 1e-300)
        w, J = candidate, J_new
        if converged:
            break
    return w, J


def gradient_descent(
    X: np.ndarray, Y: np.ndarray, alphas, num_iterations: int, w0: np.ndarray | None = None
) -> tuple[np.ndarray, np.ndarray]:
    """Full-batch gradient descent w ← w − α·∂J/∂w for several learning rates at once.

    Returns the path (num_iterations+1, k, n_x) and the costs (num_iterations+1, k); row t is
    the state before update t, so row 0 is the start ``w0`` (default 0).
    """
    _check_xy(X, Y)
    a = np.atleast_1d(np.asarray(alphas, dtype=float))
    if a.ndim != 1 or not np.all(np.isfinite(a)) or np.any(a <= 0):
        raise ValueError(f"alphas must be finite numbers > 0; got {alphas!r}")
    if isinstance(num_iterations, bool) or not isinstance(num_iterations, (int, np.integer)):
        raise ValueError(f"num_iterations must be an integer ≥ 0; got {num_iterations!r}")
    if num_iterations < 0:
        raise ValueError(f"num_iterations must be an integer ≥ 0; got {num_iterations!r}")
    n_x, m = X.shape
    start = np.zeros(n_x) if w0 is None else _as_batch(w0, n_x)[0]
    W = np.tile(start, (a.size, 1))
    path = np.empty((num_iterations + 1, a.size, n_x))
    costs = np.empty((num_iterations + 1, a.size))
    XT = X.T / m
    for t in range(num_iterations + 1):
        path[t] = W
        Z = W @ X  # one forward pass gives both J and ∂J/∂w
        costs[t] = np.mean(np.logaddexp(0.0, Z) - Y * Z, axis=1)
        if t < num_iterations:
            W = W - a[:, None] * (((0.5 * np.tanh(0.5 * Z) + 0.5) - Y) @ XT)
    return path, costs


def iterations_to_target(costs: np.ndarray, target: float) -> np.ndarray:
    """First iteration at which J ≤ target, per column of costs (n+1, k); −1 when never reached."""
    costs = np.asarray(costs, dtype=float)
    reached = costs <= target
    first = np.argmax(reached, axis=0)
    return np.where(reached.any(axis=0), first, -1)


def is_stable(costs: np.ndarray) -> np.ndarray:
    """Per column of costs (n+1, k): J finite and never increasing (relative tolerance 1e-12)."""
    costs = np.asarray(costs, dtype=float)
    finite = np.all(np.isfinite(costs), axis=0)
    steps = np.diff(costs, axis=0) <= 1e-12 * np.abs(costs[:-1])
    return finite & np.all(steps, axis=0)


def smoothness_rate(X: np.ndarray) -> float:
    """2/L with L = λ_max(XXᵀ/(4m)) ≥ every curvature of J: below it descent is guaranteed."""
    lam = np.linalg.eigvalsh(logistic_hessian(np.zeros(X.shape[0]), X))[-1]
    return float(2.0 / lam) if lam > 0 else float("inf")


def largest_stable_rate(X: np.ndarray, Y: np.ndarray, horizon: int = STABLE_HORIZON) -> float:
    """The largest α for which gradient descent from w = 0 decreases J at each of ``horizon`` steps.

    A search upward from the guaranteed rate 2/L (``smoothness_rate``): 21 rates from 0.5× to
    16× of it run at once, then 12 finer ones between the last stable and the first unstable
    rate (≈1.5 % apart). Returns the top of the range when every rate tried is stable.
    """
    base = smoothness_rate(X)
    coarse = base * np.geomspace(0.5, 16.0, 21)
    ok = is_stable(gradient_descent(X, Y, coarse, horizon)[1])
    if ok.all():
        return float(coarse[-1])
    first_bad = int(np.argmin(ok))
    if first_bad == 0:
        return 0.0
    fine = np.geomspace(coarse[first_bad - 1], coarse[first_bad], 14)[1:-1]
    ok_fine = is_stable(gradient_descent(X, Y, fine, horizon)[1])
    bad = np.flatnonzero(~ok_fine)
    if not bad.size:
        return float(fine[-1])
    return float(fine[bad[0] - 1]) if bad[0] > 0 else float(coarse[first_bad - 1])


@dataclass(frozen=True)
class CaseResult:
    """One case of the §1.9 comparison (raw or normalized inputs), all from the training set.

    X: the inputs gradient descent sees (2, m); w_star, J_star: the minimum (Newton); kappa:
    condition number of the Hessian at w*; stable_rate: largest stable α (search);
    alphas, final_costs, iterations: the sweep — J after n iterations and the first iteration
    reaching J* + tolerance (−1: not reached) per α; best_alpha / best_iterations: the α of
    the sweep that reaches the target first (None / −1 when none does); curve_alpha and
    best_costs: that α (or, when none reaches the target, the largest α of the sweep that keeps
    J decreasing) and its J per iteration.
    """

    name: str
    X: np.ndarray
    w_star: np.ndarray
    J_star: float
    kappa: float
    stable_rate: float
    alphas: np.ndarray
    final_costs: np.ndarray
    iterations: np.ndarray
    best_alpha: float | None
    best_iterations: int
    curve_alpha: float
    best_costs: np.ndarray
    tolerance: float

    @property
    def target(self) -> float:
        """The target cost J* + tolerance."""
        return self.J_star + self.tolerance


def analyse_case(
    name: str, X: np.ndarray, Y: np.ndarray, num_iterations: int, tolerance: float
) -> CaseResult:
    """Minimum, curvature, largest stable α and an α sweep for one set of inputs (§1.9)."""
    if not (np.isfinite(tolerance) and tolerance > 0):
        raise ValueError(f"tolerance must be a finite number > 0; got {tolerance!r}")
    w_star, J_star = minimize(X, Y)
    alphas = np.array(SWEEP_GRID)
    _, costs = gradient_descent(X, Y, alphas, num_iterations)
    its = iterations_to_target(costs, J_star + tolerance)
    reached = np.flatnonzero(its >= 0)
    if reached.size:
        best = int(reached[np.argmin(its[reached])])
        best_alpha, best_its = float(alphas[best]), int(its[best])
    else:
        stable = np.flatnonzero(is_stable(costs))
        best = int(stable[-1]) if stable.size else 0
        best_alpha, best_its = None, -1
    return CaseResult(
        name=name,
        X=X,
        w_star=w_star,
        J_star=J_star,
        kappa=condition_number(w_star, X),
        stable_rate=largest_stable_rate(X, Y),
        alphas=alphas,
        final_costs=costs[-1],
        iterations=its,
        best_alpha=best_alpha,
        best_iterations=best_its,
        curve_alpha=float(alphas[best]),
        best_costs=costs[:, best],
        tolerance=float(tolerance),
    )


def training_set(m: int = 300, seed: int = 0) -> tuple[np.ndarray, np.ndarray]:
    """The §1.9 training set: make_dataset("scaled") — x1 about 1…1000, x2 about 0…1 — X (2, m), Y (1, m)."""
    data = make_dataset("scaled", m=m, seed=seed, noise_rate=NOISE_RATE)
    return np.array(data.X), np.array(data.Y)


def compare(m: int = 300, seed: int = 0, num_iterations: int = 100, tolerance: float = 0.01) -> dict:
    """Both cases on the same training set: {"raw": CaseResult, "normalized": CaseResult, "normalizer": …}.

    The normalizer is fitted on the training set only (core.datasets.fit_normalizer).
    """
    X, Y = training_set(m, seed)
    normalizer = fit_normalizer(X)
    return {
        "raw": analyse_case("raw", X, Y, num_iterations, tolerance),
        "normalized": analyse_case("normalized", normalizer.transform(X), Y, num_iterations, tolerance),
        "normalizer": normalizer,
        "Y": Y,
    }


# --------------------------------------------------------------------------- the pitfall


def dev_batch(m_dev: int = 50, share_class1: float = 0.5, seed: int = 0) -> tuple[np.ndarray, np.ndarray]:
    """A dev/test batch from the same distribution as the training set, X (2, m_dev), Y (1, m_dev),
    with a chosen share of class-1 labels — new data often arrives in unbalanced batches.

    Drawn from an independent seed (derived from ``seed``), never from the training examples.
    """
    if isinstance(m_dev, bool) or not isinstance(m_dev, (int, np.integer)) or not 4 <= m_dev <= 10_000:
        raise ValueError(f"m_dev must be an integer from 4 to 10000; got {m_dev!r}")
    if not (0.0 <= share_class1 <= 1.0):
        raise ValueError(f"share_class1 must be between 0 and 1; got {share_class1!r}")
    n1 = int(round(share_class1 * m_dev))
    n0 = m_dev - n1
    pool_seed = int(np.random.SeedSequence([seed, 19]).generate_state(1)[0])
    pool = make_dataset("scaled", m=min(MAX_DEV_POOL, 3 * m_dev + 40), seed=pool_seed, noise_rate=NOISE_RATE)
    X, Y = np.array(pool.X), np.array(pool.Y)
    idx1, idx0 = np.flatnonzero(Y[0] == 1.0)[:n1], np.flatnonzero(Y[0] == 0.0)[:n0]
    if idx1.size < n1 or idx0.size < n0:
        raise ValueError(f"could not draw {n1} + {n0} examples for the dev batch")
    order = np.random.default_rng(pool_seed).permutation(np.concatenate([idx1, idx0]))
    return X[:, order], Y[:, order]


def linear_error(w: np.ndarray, X: np.ndarray, Y: np.ndarray) -> float:
    """Error rate of ŷ = σ(w·x) > 0.5, i.e. w·x > 0, on X (2, m), Y (1, m)."""
    _check_xy(X, Y)
    return float(np.mean(((_as_batch(w, X.shape[0]) @ X) > 0) != (Y > 0.5)))


def pitfall(
    m: int = 300, seed: int = 0, m_dev: int = 50, share_class1: float = 0.5
) -> dict[str, np.ndarray | float]:
    """§1.9 pitfall: dev normalized with the training μ, σ² (right) or with its own (wrong).

    The classifier is fitted on the normalized training set. Returns the dev batch normalized
    both ways ("X_dev_train_stats", "X_dev_own_stats"), "Y_dev", the training inputs
    ("X_train_norm", "Y_train"), the weights "w" and the two dev errors
    ("error_train_stats", "error_own_stats").
    """
    X, Y = training_set(m, seed)
    normalizer = fit_normalizer(X)
    X_norm = normalizer.transform(X)
    w, _ = minimize(X_norm, Y)
    X_dev, Y_dev = dev_batch(m_dev, share_class1, seed)
    right = normalizer.transform(X_dev)
    wrong = fit_normalizer(X_dev).transform(X_dev)
    return {
        "w": w,
        "X_train_norm": X_norm,
        "Y_train": Y,
        "Y_dev": Y_dev,
        "X_dev_train_stats": right,
        "X_dev_own_stats": wrong,
        "error_train_stats": linear_error(w, right, Y_dev),
        "error_own_stats": linear_error(w, wrong, Y_dev),
        "mu_train": normalizer.mu.ravel(),
        "mu_dev": X_dev.mean(axis=1),
    }


def cost_surface(X: np.ndarray, Y: np.ndarray, w1s: np.ndarray, w2s: np.ndarray) -> np.ndarray:
    """J on the grid w1s × w2s, shape (len(w2s), len(w1s)) — a contour plot's ``z`` (§1.9)."""
    W1, W2 = np.meshgrid(np.asarray(w1s, dtype=float), np.asarray(w2s, dtype=float))
    W = np.column_stack([W1.ravel(), W2.ravel()])
    J = np.concatenate([logistic_cost(W[i : i + 2000], X, Y) for i in range(0, len(W), 2000)])
    return J.reshape(W1.shape)


def _stretched(centre: float, left: float, right: float, n: int, fine: float) -> np.ndarray:
    """n points from centre−left to centre+right, about ``fine`` apart near ``centre`` and
    sinh-stretched further out (uniform when uniform spacing is already that fine)."""
    half = max(left, right)
    ratio = fine * (n - 1) / (2.0 * half)
    if ratio >= 1.0:
        return np.linspace(centre - left, centre + right, n)
    t = np.linspace(0.0, 1.0, n // 2 + 1)
    lo, hi = 1e-6, 50.0  # β with β/sinh β = ratio: the spacing at the centre shrinks by that factor
    for _ in range(80):
        mid = 0.5 * (lo + hi)
        lo, hi = (mid, hi) if mid / np.sinh(mid) > ratio else (lo, mid)
    u = np.sinh(lo * t) / np.sinh(lo)
    return np.unique(np.concatenate([centre - left * u[::-1], centre + right * u]))


def contour_box(w_star: np.ndarray) -> tuple[np.ndarray, float]:
    """(centre, half width) of a square box around the start 0 and the minimum w*."""
    w_star = np.asarray(w_star, dtype=float)
    return w_star / 2.0, 0.8 * max(float(np.max(np.abs(w_star))), 1e-3)


def magnification(kappa: float) -> float:
    """How much to stretch w1 so a valley with condition number κ looks about 3:1 — on the 1-2-5
    grid, and 1 (no stretch) when the contours are already round enough (√κ ≤ 10)."""
    want = np.sqrt(max(kappa, 1.0)) / 3.0
    if not np.isfinite(want) or want <= 10.0 / 3.0:
        return 1.0
    exponent = np.floor(np.log10(want))
    mantissa = max(m for m in (1, 2, 5) if m * 10**exponent <= want)
    return float(mantissa * 10**exponent)


def contour_axes(
    w_star: np.ndarray, X: np.ndarray, n: int = 101, level: float = 0.02, magnify: float = 1.0
) -> tuple[np.ndarray, np.ndarray]:
    """Grid axes (w1s, w2s) for the contours of J around the start 0 and the minimum w*.

    The box is square in weight units (the geometry a gradient step sees) and centred between
    0 and w*; with ``magnify`` > 1 its w1 side is that many times shorter (a zoom across the
    valley). Near w* each axis is sampled finely enough to resolve the level set J = J* + ``level``
    even when it is thousands of times narrower than the box.
    """
    if not (np.isfinite(magnify) and magnify >= 1.0):
        raise ValueError(f"magnify must be a finite number ≥ 1; got {magnify!r}")
    w_star = np.asarray(w_star, dtype=float)
    centre, half = contour_box(w_star)
    halves = (half / magnify, half)
    H = logistic_hessian(w_star, X)
    axes = []
    for i in range(2):
        fine = np.sqrt(2.0 * level / max(H[i, i], 1e-300)) / 4.0
        lo, hi = centre[i] - halves[i], centre[i] + halves[i]
        axes.append(_stretched(w_star[i], w_star[i] - lo, hi - w_star[i], n, fine))
    return axes[0], axes[1]
