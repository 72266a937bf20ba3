"""Tests for core/network.py: shapes, initialisation statistics, dropout, gradients, cost.

The statistical tests use fixed seeds and tolerances of several standard deviations derived
from the sampling distribution, so they are deterministic and far from flaky, yet tight enough
to tell the init schemes (and a missing 1/keep_prob) apart.
"""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from core.network import (
    ACTIVATIONS,
    INITS,
    backward_propagation,
    compute_cost,
    error_rate,
    forward_propagation,
    initialize_parameters,
    predict,
    predict_proba,
)

Z_SIGMAS = 5.0  # tolerance in standard deviations for the statistical tests


# --------------------------------------------------------------------------- initialisation

layer_dims_strategy = st.lists(st.integers(1, 25), min_size=1, max_size=5).map(lambda h: [h[0], *h[1:], 1])


@settings(deadline=None, max_examples=60)
@given(dims=layer_dims_strategy, init=st.sampled_from(INITS), seed=st.integers(0, 2**32 - 1))
def test_initialize_parameters_shapes_dtypes_and_zero_biases(dims, init, seed):
    params = initialize_parameters(dims, init=init, seed=seed)
    L = len(dims) - 1
    assert set(params) == {f"{p}{l}" for l in range(1, L + 1) for p in ("W", "b")}
    for l in range(1, L + 1):
        W, b = params[f"W{l}"], params[f"b{l}"]
        assert W.shape == (dims[l], dims[l - 1])
        assert b.shape == (dims[l], 1)
        assert W.dtype == np.float64
        assert b.dtype == np.float64
        assert np.all(b == 0.0)
        assert np.all(np.isfinite(W))
        if init == "zeros":
            assert np.all(W == 0.0)


@settings(deadline=None, max_examples=40)
@given(
    dims=layer_dims_strategy,
    init=st.sampled_from([i for i in INITS if i != "zeros"]),
    seed=st.integers(0, 2**32 - 2),
)
def test_initialize_parameters_seed_reproducible_and_seed_dependent(dims, init, seed):
    a = initialize_parameters(dims, init=init, seed=seed)
    b = initialize_parameters(dims, init=init, seed=seed)
    c = initialize_parameters(dims, init=init, seed=seed + 1)
    for key in a:
        np.testing.assert_array_equal(a[key], b[key])
    # Every layer has at least one weight drawn from a continuous distribution.
    for l in range(1, len(dims)):
        assert not np.array_equal(a[f"W{l}"], c[f"W{l}"])


def test_initialize_parameters_returns_fresh_arrays():
    a = initialize_parameters((3, 4, 1), seed=7)
    b = initialize_parameters((3, 4, 1), seed=7)
    a["W1"][0, 0] += 1.0
    assert not np.array_equal(a["W1"], b["W1"])


# W1 has shape (n[1], n[0]) = (400, 300): n_prev = 300, n_cur = 400 (non-square on purpose, so
# a scheme using the wrong fan is caught: 1/300 vs 1/400 is a 25 % difference).
N_PREV, N_CUR = 300, 400
EXPECTED_VAR = {
    "zeros": 0.0,
    "random": 1.0,
    "xavier": 1.0 / N_PREV,
    "he": 2.0 / N_PREV,
    "glorot": 2.0 / (N_PREV + N_CUR),
}


@pytest.mark.parametrize("init_scale", [1.0, 0.01, 3.0])
@pytest.mark.parametrize("init", INITS)
def test_init_variance_matches_formula(init, init_scale):
    params = initialize_parameters((N_PREV, N_CUR, 1), init=init, init_scale=init_scale, seed=11)
    W = params["W1"]
    assert W.shape == (N_CUR, N_PREV)
    sigma2 = EXPECTED_VAR[init] * init_scale**2
    if sigma2 == 0.0:
        assert np.all(W == 0.0)
        return
    n = W.size
    # For n iid N(0, σ²) draws, (n−1)s²/σ² ~ χ²(n−1): std(s²) = σ²·√(2/(n−1)) (≈ 0.41 % here).
    s2 = W.var(ddof=1)
    tol = Z_SIGMAS * sigma2 * np.sqrt(2.0 / (n - 1))
    assert abs(s2 - sigma2) < tol, (init, init_scale, s2, sigma2, tol)
    # The mean is 0 (std of the sample mean σ/√n).
    assert abs(W.mean()) < Z_SIGMAS * np.sqrt(sigma2 / n)
    # Output layer W2 (1, 400) follows the same formula with n_prev = 400 (loose: only 400 draws).
    if init != "random":
        W2 = params["W2"]
        sigma2_out = {"xavier": 1.0 / N_CUR, "he": 2.0 / N_CUR, "glorot": 2.0 / (N_CUR + 1)}[init]
        sigma2_out *= init_scale**2
        tol2 = Z_SIGMAS * sigma2_out * np.sqrt(2.0 / (W2.size - 1))
        assert abs(W2.var(ddof=1) - sigma2_out) < tol2


def test_init_schemes_are_distinguishable_by_the_variance_test():
    """Guard for the test above: the tolerance is far smaller than the gaps between schemes."""
    values = sorted(v for v in EXPECTED_VAR.values() if v > 0)
    n = N_PREV * N_CUR
    for lo, hi in zip(values, values[1:]):
        assert hi - lo > 4 * Z_SIGMAS * hi * np.sqrt(2.0 / (n - 1))


def test_init_scale_multiplies_weights_exactly():
    base = initialize_parameters((5, 7, 3, 1), init="he", seed=3)
    scaled = initialize_parameters((5, 7, 3, 1), init="he", init_scale=0.25, seed=3)
    for l in (1, 2, 3):
        np.testing.assert_allclose(scaled[f"W{l}"], 0.25 * base[f"W{l}"], rtol=1e-15, atol=0)


@pytest.mark.parametrize(
    ("kwargs", "name"),
    [
        ({"layer_dims": (2, 3, 2)}, "layer_dims"),
        ({"layer_dims": (2,)}, "layer_dims"),
        ({"layer_dims": (2, 0, 1)}, "layer_dims"),
        ({"layer_dims": (2, -3, 1)}, "layer_dims"),
        ({"layer_dims": "abc"}, "layer_dims"),
        ({"layer_dims": (2, 3, 1), "init": "orthogonal"}, "init"),
        ({"layer_dims": (2, 3, 1), "init_scale": -1.0}, "init_scale"),
        ({"layer_dims": (2, 3, 1), "init_scale": float("nan")}, "init_scale"),
    ],
)
def test_initialize_parameters_rejects_bad_arguments(kwargs, name):
    with pytest.raises(ValueError, match=name):
        initialize_parameters(**kwargs)


# --------------------------------------------------------------------------- forward / predict


@settings(deadline=None, max_examples=30)
@given(dims=layer_dims_strategy, act=st.sampled_from(ACTIVATIONS), m=st.integers(1, 30))
def test_forward_shapes_and_range(dims, act, m):
    rng = np.random.default_rng(0)
    params = initialize_parameters(dims, init="xavier", seed=1)
    X = rng.standard_normal((dims[0], m))
    AL, caches = forward_propagation(X, params, act)
    assert AL.shape == (1, m)
    assert len(caches) == len(dims) - 1
    assert np.all((AL >= 0) & (AL <= 1))
    for l, (A_prev, W, Z, A, D, kp) in enumerate(caches, start=1):
        assert A_prev.shape == (dims[l - 1], m)
        assert Z.shape == A.shape == (dims[l], m)
        assert W is params[f"W{l}"] or np.array_equal(W, params[f"W{l}"])
        assert D is None and kp == 1.0


def test_predict_is_deterministic_and_ignores_dropout():
    rng = np.random.default_rng(5)
    params = initialize_parameters((2, 30, 10, 1), seed=2)
    X = rng.standard_normal((2, 200))
    p1 = predict_proba(params, X, "relu")
    p2 = predict_proba(params, X, "relu")
    np.testing.assert_array_equal(p1, p2)
    np.testing.assert_array_equal(predict(params, X), predict(params, X))
    # predict_proba is exactly the forward pass without dropout …
    AL, _ = forward_propagation(X, params, "relu")
    np.testing.assert_array_equal(p1, AL)
    # … and differs from a forward pass with dropout (so the comparison above means something).
    AL_drop, _ = forward_propagation(X, params, "relu", keep_prob=0.5, rng=np.random.default_rng(0))
    assert not np.array_equal(AL_drop, AL)
    # keep_prob without an rng is not dropout either (prediction mode).
    AL_no_rng, _ = forward_propagation(X, params, "relu", keep_prob=0.5)
    np.testing.assert_array_equal(AL_no_rng, AL)
    labels = predict(params, X)
    assert labels.shape == (1, 200)
    assert set(np.unique(labels)) <= {0.0, 1.0}
    np.testing.assert_array_equal(labels, (p1 > 0.5).astype(float))


def test_error_rate_counts_mismatches():
    params = initialize_parameters((2, 4, 1), seed=0)
    X = np.random.default_rng(1).standard_normal((2, 50))
    labels = predict(params, X)
    assert error_rate(params, X, labels) == 0.0
    assert error_rate(params, X, 1.0 - labels) == 1.0
    Y = labels.copy()
    Y[0, :10] = 1.0 - Y[0, :10]
    assert error_rate(params, X, Y) == pytest.approx(10 / 50)


def test_forward_with_keep_prob_one_and_rng_equals_no_dropout_bit_for_bit():
    params = initialize_parameters((3, 8, 6, 1), seed=4)
    X = np.random.default_rng(2).standard_normal((3, 40))
    AL, caches = forward_propagation(X, params, "tanh")
    AL1, caches1 = forward_propagation(X, params, "tanh", keep_prob=1.0, rng=np.random.default_rng(9))
    np.testing.assert_array_equal(AL, AL1)
    for c, c1 in zip(caches, caches1, strict=True):
        assert c1[4] is None
        np.testing.assert_array_equal(c[3], c1[3])


# --------------------------------------------------------------------------- dropout statistics


@pytest.mark.parametrize("keep_prob", [0.5, 0.8, 0.95])
def test_inverted_dropout_keeps_expected_activation(keep_prob):
    """§1.6: survivors are divided by keep_prob, so E[a] is unchanged; ≈ (1 − kp) of units are 0."""
    rng = np.random.default_rng(123)
    params = initialize_parameters((2, 500, 1), init="xavier", seed=8)
    X = rng.standard_normal((2, 2000))
    _, clean = forward_propagation(X, params, "sigmoid")
    _, drop = forward_propagation(X, params, "sigmoid", keep_prob=keep_prob, rng=np.random.default_rng(77))
    A = clean[0][3]  # sigmoid activations: strictly positive, so zeros come only from the mask
    A_d, D, kp = drop[1][0], drop[0][4], drop[0][5]  # layer 1's output is layer 2's input
    assert kp == keep_prob
    assert D is not None and D.shape == A.shape
    N = A.size
    # Survivors are scaled by exactly 1/keep_prob, dropped units are exactly 0.
    np.testing.assert_allclose(A_d, np.where(D, A / keep_prob, 0.0), rtol=1e-15, atol=0)
    # Fraction of zeros ~ Binomial(N, 1 − kp)/N.
    frac_zero = np.mean(A_d == 0.0)
    assert abs(frac_zero - (1 - keep_prob)) < Z_SIGMAS * np.sqrt(keep_prob * (1 - keep_prob) / N)
    # mean(A_d) − mean(A) = Σ a·(d/kp − 1)/N, with variance Σ a²·(1−kp)/kp / N².
    std = np.sqrt(np.sum(A**2) * (1 - keep_prob) / keep_prob) / N
    assert abs(A_d.mean() - A.mean()) < Z_SIGMAS * std
    # Without the 1/keep_prob scaling the mean would be off by far more than the tolerance.
    assert abs(keep_prob * A.mean() - A.mean()) > 4 * Z_SIGMAS * std


def test_dropout_per_layer_keep_probs_and_input_dropout():
    rng = np.random.default_rng(3)
    params = initialize_parameters((50, 300, 300, 1), init="xavier", seed=1)
    X = rng.uniform(0.5, 1.5, (50, 1000))  # no zeros in X
    kps = (0.6, 0.9)
    _, caches = forward_propagation(
        X, params, "sigmoid", keep_prob=kps, rng=np.random.default_rng(4), input_keep_prob=0.7
    )
    # Input dropout: A_prev of layer 1 is X masked and rescaled by 1/0.7.
    A0 = caches[0][0]
    N0 = A0.size
    assert abs(np.mean(A0 == 0.0) - 0.3) < Z_SIGMAS * np.sqrt(0.7 * 0.3 / N0)
    assert abs(A0.mean() - X.mean()) < Z_SIGMAS * np.sqrt(np.sum(X**2) * 0.3 / 0.7) / N0
    for l, want in enumerate(kps):
        A, D, kp = caches[l + 1][0], caches[l][4], caches[l][5]  # the masked output feeds layer l + 2
        assert kp == want
        N = A.size
        assert abs(np.mean(~D) - (1 - want)) < Z_SIGMAS * np.sqrt(want * (1 - want) / N)
        assert np.all(A[~D] == 0.0)
    assert caches[2][4] is None  # never on the output layer


@pytest.mark.parametrize("keep_prob", [0.0, 1.5, -0.1, float("nan"), (0.5,), (0.5, 0.5, 0.5)])
def test_forward_rejects_bad_keep_prob(keep_prob):
    params = initialize_parameters((2, 3, 3, 1), seed=0)
    with pytest.raises(ValueError, match="keep_prob"):
        forward_propagation(np.ones((2, 4)), params, keep_prob=keep_prob, rng=np.random.default_rng(0))


def test_forward_rejects_bad_inputs():
    params = initialize_parameters((2, 3, 1), seed=0)
    with pytest.raises(ValueError, match="X"):
        forward_propagation(np.ones((3, 4)), params)
    with pytest.raises(ValueError, match="X"):
        forward_propagation(np.ones(4), params)
    with pytest.raises(ValueError, match="hidden_activation"):
        forward_propagation(np.ones((2, 4)), params, "swish")
    with pytest.raises(ValueError, match="W1"):
        forward_propagation(np.ones((2, 4)), {})


# --------------------------------------------------------------------------- gradient check


def _g(Z: np.ndarray, act: str) -> np.ndarray:
    return {
        "relu": lambda z: np.maximum(z, 0.0),
        "leaky_relu": lambda z: np.where(z > 0, z, 0.01 * z),
        "tanh": np.tanh,
        "sigmoid": lambda z: 1.0 / (1.0 + np.exp(-z)),
        "linear": lambda z: z,
    }[act](Z)


def _reference_cost(params, X, Y, act, lambd=0.0, penalty="l2", masks=None):
    """Independent J(θ): forward pass, cross-entropy, penalty (optionally with fixed dropout masks)."""
    L = len(params) // 2
    A = X
    for l in range(1, L + 1):
        Z = params[f"W{l}"] @ A + params[f"b{l}"]
        if l == L:
            A = 1.0 / (1.0 + np.exp(-Z))
        else:
            A = _g(Z, act)
            if masks is not None:
                D, kp = masks[l - 1]
                A = A * D / kp
    m = Y.shape[1]
    J = -np.sum(Y * np.log(A) + (1 - Y) * np.log(1 - A)) / m
    Ws = [params[f"W{l}"] for l in range(1, L + 1)]
    if penalty == "l2":
        J += lambd / (2 * m) * sum(np.sum(W**2) for W in Ws)
    else:
        J += lambd / m * sum(np.sum(np.abs(W)) for W in Ws)
    return J


def _numeric_grads(params, cost, eps=1e-6):
    grads = {}
    for key, value in params.items():
        g = np.zeros_like(value)
        for idx in np.ndindex(value.shape):
            plus = {k: v.copy() for k, v in params.items()}
            minus = {k: v.copy() for k, v in params.items()}
            plus[key][idx] += eps
            minus[key][idx] -= eps
            g[idx] = (cost(plus) - cost(minus)) / (2 * eps)
        grads["d" + key] = g
    return grads


def _relative_difference(grads, numeric):
    keys = sorted(numeric)
    a = np.concatenate([grads[k].ravel() for k in keys])
    b = np.concatenate([numeric[k].ravel() for k in keys])
    return np.linalg.norm(a - b) / (np.linalg.norm(a) + np.linalg.norm(b))


def _tiny_problem(seed=0):
    rng = np.random.default_rng(seed)
    dims = (3, 4, 3, 1)
    params = initialize_parameters(dims, init="random", init_scale=0.8, seed=seed)
    for l in range(1, len(dims)):
        params[f"b{l}"] = 0.3 * rng.standard_normal((dims[l], 1))  # non-zero biases are checked too
    X = rng.standard_normal((3, 5))
    Y = (rng.random((1, 5)) < 0.5).astype(float)
    Y[0, :2] = (0.0, 1.0)
    return params, X, Y


@pytest.mark.parametrize(
    ("lambd", "penalty"), [(0.0, "l2"), (0.7, "l2"), (0.7, "l1")], ids=["none", "l2", "l1"]
)
@pytest.mark.parametrize("act", ACTIVATIONS)
def test_backward_matches_central_differences(act, lambd, penalty):
    params, X, Y = _tiny_problem(seed=5)
    AL, caches = forward_propagation(X, params, act)
    # Keep away from kinks (ReLU at 0, |w| at 0) so that the finite differences are valid.
    assert min(np.abs(c[2]).min() for c in caches[:-1]) > 1e-2
    assert min(np.abs(params[f"W{l}"]).min() for l in (1, 2, 3)) > 1e-2
    # The reference cost agrees with compute_cost (independent check of the forward pass).
    J = compute_cost(AL, Y, params, lambd, penalty)
    np.testing.assert_allclose(J, _reference_cost(params, X, Y, act, lambd, penalty), rtol=1e-12)
    grads = backward_propagation(AL, Y, caches, act, lambd, penalty)
    numeric = _numeric_grads(params, lambda p: _reference_cost(p, X, Y, act, lambd, penalty))
    assert set(grads) == set(numeric)
    for k in numeric:
        assert grads[k].shape == numeric[k].shape
    assert _relative_difference(grads, numeric) < 1e-7




@pytest.mark.parametrize("act", ACTIVATIONS)
def test_backward_with_dropout_matches_central_differences_for_fixed_masks(act):
    params, X, Y = _tiny_problem(seed=5)
    AL, caches = forward_propagation(X, params, act, keep_prob=(0.7, 0.6), rng=np.random.default_rng(1))
    masks = [(c[4], c[5]) for c in caches[:-1]]
    assert all(D is not None and not D.all() for D, _ in masks)  # something was dropped
    grads = backward_propagation(AL, Y, caches, act, 0.3, "l2")
    numeric = _numeric_grads(params, lambda p: _reference_cost(p, X, Y, act, 0.3, "l2", masks))
    assert _relative_difference(grads, numeric) < 1e-7


@pytest.mark.parametrize(("lambd", "penalty"), [(0.0, "l2"), (0.7, "l2"), (0.7, "l1")])
def test_backward_into_given_arrays_writes_the_same_grads_there(lambd, penalty):
    """``out``: the training loop's gradient buffers receive exactly the grads a plain call returns."""
    params, X, Y = _tiny_problem(seed=5)
    AL, caches = forward_propagation(X, params, "tanh", keep_prob=0.7, rng=np.random.default_rng(2))
    plain = backward_propagation(AL, Y, caches, "tanh", lambd, penalty)
    out = {k: np.full_like(v, np.nan) for k, v in plain.items()}
    given = backward_propagation(AL, Y, caches, "tanh", lambd, penalty, out=out)
    for k, g in plain.items():
        assert given[k] is out[k]
        np.testing.assert_array_equal(out[k], g)


def test_gradient_check_can_fail():
    """The check above detects a wrong gradient (e.g. an L2 term without the 1/m)."""
    params, X, Y = _tiny_problem(seed=5)
    AL, caches = forward_propagation(X, params, "tanh")
    grads = backward_propagation(AL, Y, caches, "tanh", 0.7, "l2")
    grads["dW2"] = grads["dW2"] + 0.7 * params["W2"] * (1 - 1 / X.shape[1])
    numeric = _numeric_grads(params, lambda p: _reference_cost(p, X, Y, "tanh", 0.7, "l2"))
    assert _relative_difference(grads, numeric) > 1e-3


# --------------------------------------------------------------------------- compute_cost


def test_cost_of_half_is_log_two():
    Y = np.array([[0.0, 1.0, 1.0, 0.0, 1.0]])
    AL = np.full_like(Y, 0.5)
    assert compute_cost(AL, Y) == pytest.approx(np.log(2.0), rel=1e-14)


def test_cost_known_value():
    AL = np.array([[0.9, 0.2, 0.6]])
    Y = np.array([[1.0, 0.0, 0.0]])
    expected = -(np.log(0.9) + np.log(0.8) + np.log(0.4)) / 3
    assert compute_cost(AL, Y) == pytest.approx(expected, rel=1e-14)


def test_cost_is_finite_for_saturated_predictions():
    Y = np.array([[0.0, 1.0, 1.0, 0.0]])
    assert 0.0 <= compute_cost(Y.copy(), Y) < 1e-12  # perfect predictions: no log(0) = −inf
    bad = compute_cost(1.0 - Y, Y)
    assert np.isfinite(bad) and bad > 30  # confidently wrong: large but finite


@pytest.mark.parametrize("lambd", [0.1, 0.7, 5.0])
def test_cost_l2_and_l1_terms_by_hand(lambd):
    params = initialize_parameters((3, 5, 4, 1), init="random", seed=6)
    m = 8
    Y = np.tile([[0.0, 1.0]], (1, m // 2))
    AL = np.full((1, m), 0.3)
    base = compute_cost(AL, Y)
    sum_sq = sum(np.sum(params[f"W{l}"] ** 2) for l in (1, 2, 3))
    sum_abs = sum(np.sum(np.abs(params[f"W{l}"])) for l in (1, 2, 3))
    l2 = compute_cost(AL, Y, params, lambd, "l2")
    l1 = compute_cost(AL, Y, params, lambd, "l1")
    assert l2 - base == pytest.approx(lambd / (2 * m) * sum_sq, rel=1e-12)
    assert l1 - base == pytest.approx(lambd / m * sum_abs, rel=1e-12)
    # Biases are not penalised.
    params_b = {k: (v + 3.0 if k.startswith("b") else v) for k, v in params.items()}
    assert compute_cost(AL, Y, params_b, lambd, "l2") == l2
    # λ = 0 ignores params entirely.
    assert compute_cost(AL, Y, params, 0.0) == base


@pytest.mark.parametrize(
    ("AL", "Y", "name"),
    [
        (np.full((1, 4), 0.5), np.ones((1, 5)), "AL"),
        (np.full(4, 0.5), np.ones((1, 4)), "AL"),
        (np.full((2, 4), 0.5), np.ones((2, 4)), "AL"),
    ],
)
def test_cost_rejects_bad_shapes(AL, Y, name):
    with pytest.raises(ValueError, match=name):
        compute_cost(AL, Y)


def test_cost_rejects_bad_lambd_penalty_and_missing_params():
    AL, Y = np.full((1, 4), 0.5), np.ones((1, 4))
    params = initialize_parameters((2, 3, 1), seed=0)
    for lambd in (-0.1, float("nan"), float("inf")):
        with pytest.raises(ValueError, match="lambd"):
            compute_cost(AL, Y, params, lambd)
    with pytest.raises(ValueError, match="params"):
        compute_cost(AL, Y, None, 0.5)
    with pytest.raises(ValueError, match="W1"):
        compute_cost(AL, Y, {}, 0.5)
    with pytest.raises(ValueError, match="penalty"):
        compute_cost(AL, Y, params, 0.5, "l3")
