"""§1.9 core: logistic cost and gradient, contours (curvature), learning-rate search, the pitfall."""

from __future__ import annotations

import numpy as np
import pytest

from core.datasets import fit_normalizer
from core.normalization_demo import (
    compare,
    condition_number,
    cost_surface,
    dev_batch,
    gradient_descent,
    is_stable,
    iterations_to_target,
    largest_stable_rate,
    linear_error,
    logistic_cost,
    logistic_gradient,
    logistic_hessian,
    minimize,
    pitfall,
    smoothness_rate,
    training_set,
)


@pytest.fixture(scope="module")
def data():
    X, Y = training_set(300, 0)
    return X, Y, fit_normalizer(X).transform(X)


@pytest.fixture(scope="module")
def result():
    return compare(m=300, seed=0, num_iterations=100, tolerance=0.01)


def test_training_set_is_the_scaled_features_set(data):
    X, Y, Xn = data
    assert X.shape == (2, 300) and Y.shape == (1, 300)
    assert X[0].min() > -200 and X[0].max() < 1200 and X[0].std() > 200  # x1 about 1…1000 (with jitter)
    assert X[1].min() > -0.5 and X[1].max() < 1.5 and X[1].std() < 0.5  # x2 about 0…1
    np.testing.assert_allclose(Xn.mean(axis=1), 0.0, atol=1e-12)
    np.testing.assert_allclose(Xn.var(axis=1), 1.0, rtol=1e-9)


def test_cost_and_gradient_match_finite_differences(data):
    _, Y, Xn = data
    w = np.array([0.7, -1.3])
    g = logistic_gradient(w, Xn, Y)[0]
    h = 1e-6
    numeric = [
        (logistic_cost(w + h * e, Xn, Y)[0] - logistic_cost(w - h * e, Xn, Y)[0]) / (2 * h) for e in np.eye(2)
    ]
    np.testing.assert_allclose(g, numeric, rtol=1e-7)
    H = logistic_hessian(w, Xn)
    numeric_H = np.array(
        [
            (logistic_gradient(w + h * e, Xn, Y)[0] - logistic_gradient(w - h * e, Xn, Y)[0]) / (2 * h)
            for e in np.eye(2)
        ]
    )
    np.testing.assert_allclose(H, numeric_H, rtol=1e-6)
    assert logistic_cost(np.zeros(2), Xn, Y)[0] == pytest.approx(np.log(2.0))


def test_cost_never_overflows_for_huge_weights(data):
    X, Y, _ = data
    J = logistic_cost(np.array([[1e12, -1e12]]), X, Y)
    assert np.isfinite(J).all() and J[0] > 1e12


def test_minimize_finds_a_zero_gradient(data):
    X, Y, Xn = data
    for inputs in (X, Xn):
        w, J = minimize(inputs, Y)
        assert np.max(np.abs(logistic_gradient(w, inputs, Y))) < 1e-9
        assert logistic_cost(np.zeros(2), inputs, Y)[0] > J


def test_contours_elongated_without_normalization_round_with_it(data, result):
    X, Y, Xn = data
    raw, norm = result["raw"], result["normalized"]
    # κ(Hessian) is the squared ratio of a contour ellipse's long and short axes.
    assert raw.kappa > 1e5, raw.kappa
    assert norm.kappa < 10, norm.kappa
    assert raw.kappa / norm.kappa > 1e4
    assert condition_number(raw.w_star, X) == pytest.approx(raw.kappa)
    # the same seen on the drawn surface: around w*, J rises far faster along w1 than along w2
    J0 = raw.J_star
    step = 1e-3 * np.abs(raw.w_star).max()
    grid = cost_surface(X, Y, raw.w_star[0] + np.array([-step, 0, step]), raw.w_star[1] + np.array([0.0]))
    rise_w1 = grid[0, [0, 2]].mean() - J0
    grid2 = cost_surface(X, Y, raw.w_star[0] + np.array([0.0]), raw.w_star[1] + np.array([-step, 0, step]))
    rise_w2 = grid2[[0, 2], 0].mean() - J0
    assert rise_w1 > 1e4 * rise_w2


def test_cost_surface_matches_logistic_cost(data):
    X, Y, _ = data
    w1s, w2s = np.array([-0.01, 0.0, 0.003]), np.array([1.0, 5.0])
    grid = cost_surface(X, Y, w1s, w2s)
    assert grid.shape == (2, 3)
    assert grid[1, 2] == pytest.approx(logistic_cost(np.array([0.003, 5.0]), X, Y)[0])


def test_largest_stable_rate_search(data):
    X, Y, Xn = data
    for inputs in (X, Xn):
        found = largest_stable_rate(inputs, Y)
        guaranteed = smoothness_rate(inputs)
        assert guaranteed <= found < 16 * guaranteed
        _, costs = gradient_descent(inputs, Y, [found, 1.3 * found], 100)
        assert list(is_stable(costs)) == [True, False]
    assert largest_stable_rate(Xn, Y) > 1e4 * largest_stable_rate(X, Y)


def test_normalized_reaches_the_target_far_sooner(result):
    raw, norm = result["raw"], result["normalized"]
    assert norm.best_alpha is not None and 0 < norm.best_iterations <= 20
    assert raw.best_alpha is None and raw.best_iterations == -1  # not within 100 iterations at any α
    assert raw.best_costs[-1] > raw.target and norm.best_costs[-1] <= norm.target + 1e-9
    assert raw.J_star == pytest.approx(norm.J_star, abs=0.01)  # both models can fit about equally well


def test_gradient_descent_path_and_iterations_to_target(data):
    _, Y, Xn = data
    path, costs = gradient_descent(Xn, Y, [0.1, 1.0], 50, w0=np.array([0.5, 0.5]))
    assert path.shape == (51, 2, 2) and costs.shape == (51, 2)
    np.testing.assert_array_equal(path[0], [[0.5, 0.5], [0.5, 0.5]])
    assert np.all(np.diff(costs, axis=0) <= 1e-12)
    its = iterations_to_target(costs, costs[10, 1])
    assert its[1] == 10 and (its[0] > 10 or its[0] == -1)
    assert list(iterations_to_target(costs, -1.0)) == [-1, -1]


@pytest.mark.parametrize(
    ("alphas", "n", "name"),
    [
        ([0.0], 5, "alphas"),
        ([np.nan], 5, "alphas"),
        ([0.1], -1, "num_iterations"),
        ([0.1], 2.5, "num_iterations"),
    ],
)
def test_gradient_descent_rejects_bad_arguments(data, alphas, n, name):
    _, Y, Xn = data
    with pytest.raises(ValueError, match=name):
        gradient_descent(Xn, Y, alphas, n)


def test_bad_shapes_are_named(data):
    X, Y, _ = data
    with pytest.raises(ValueError, match="Y"):
        logistic_cost(np.zeros(2), X, Y[:, :5])
    with pytest.raises(ValueError, match="W"):
        logistic_cost(np.zeros(3), X, Y)


# --------------------------------------------------------------------------- the pitfall


def test_dev_batch_has_the_requested_class_share():
    X, Y = dev_batch(50, 0.8, seed=3)
    assert X.shape == (2, 50) and Y.sum() == 40
    with pytest.raises(ValueError, match="share_class1"):
        dev_batch(50, 1.5)
    with pytest.raises(ValueError, match="m_dev"):
        dev_batch(2, 0.5)


def test_pitfall_uses_training_statistics_for_the_right_transform():
    r = pitfall(m=300, seed=1, m_dev=40, share_class1=0.7)
    X, _ = training_set(300, 1)
    X_dev, _ = dev_batch(40, 0.7, seed=1)
    mu, sd = X.mean(axis=1, keepdims=True), X.std(axis=1, keepdims=True)
    np.testing.assert_allclose(r["X_dev_train_stats"], (X_dev - mu) / sd, rtol=1e-9)
    own = r["X_dev_own_stats"]
    np.testing.assert_allclose(own.mean(axis=1), 0.0, atol=1e-12)  # the wrong way: centred on itself
    assert r["error_train_stats"] == linear_error(r["w"], r["X_dev_train_stats"], r["Y_dev"])


def test_pitfall_raises_dev_error_on_an_unbalanced_batch():
    runs = [pitfall(m=300, seed=s, m_dev=50, share_class1=0.8) for s in range(12)]
    right = np.array([r["error_train_stats"] for r in runs])
    wrong = np.array([r["error_own_stats"] for r in runs])
    # measured: ≈5 % with the training μ, σ² against ≈23 % with the batch's own statistics
    assert wrong.mean() > right.mean() + 0.1
    assert np.all(wrong >= right)
    balanced = [pitfall(m=300, seed=s, m_dev=200, share_class1=0.5) for s in range(6)]
    gap = np.mean([r["error_own_stats"] - r["error_train_stats"] for r in balanced])
    assert abs(gap) < 0.03  # a large balanced batch has nearly the training statistics
