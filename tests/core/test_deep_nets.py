"""§1.10 / §1.11 core: the deep linear network, per-layer statistics and gradients, symmetry.

The statistical tests use fixed seeds; their tolerances are several standard deviations of the
sampling spread measured for these sizes, so they are deterministic yet tell the schemes apart.
"""

from __future__ import annotations

import numpy as np
import pytest

from core.deep_nets import (
    activation_stats,
    backward_signals,
    deep_layer_dims,
    deep_linear_forward,
    deep_linear_theory,
    distinct_units,
    first_layer_out_of_range,
    grad_norms_from_history,
    init_activation_stats,
    layer_activations,
)
from core.network import backward_propagation, forward_propagation, initialize_parameters
from core.train import TrainConfig, train

EPS64 = np.finfo(np.float64).eps


# --------------------------------------------------------------------------- deep linear network


@pytest.mark.parametrize("a", [0.5, 0.9, 1.0, 1.1, 1.5, 2.0])
@pytest.mark.parametrize("L", [1, 2, 10, 150])
def test_deep_linear_output_is_a_to_the_L_minus_1_times_x(a, L):
    x = np.array([1.0, -2.5, 0.3])
    rows = deep_linear_forward(a, L, x)
    assert rows.shape == (L, 3) and rows.dtype == np.float64
    expected = a ** (L - 1) * x
    np.testing.assert_allclose(rows[-1], expected, rtol=4 * L * EPS64, atol=0)
    # every layer: a[l] = a^l·x for l < L, and the last (identity) layer repeats a^(L−1)·x
    np.testing.assert_allclose(rows, deep_linear_theory(a, L)[:, None] * x, rtol=4 * L * EPS64)


def test_deep_linear_lecture_numbers():
    rows = deep_linear_forward(0.5, 4)  # x = (1, 1): ½, ¼, ⅛, then ŷ = ⅛
    np.testing.assert_array_equal(rows[:, 0], [0.5, 0.25, 0.125, 0.125])
    assert deep_linear_forward(1.5, 150)[-1, 0] == pytest.approx(1.5**149, rel=1e-12)
    assert 1e26 < deep_linear_forward(1.5, 150)[-1, 0] < 1e27


def test_deep_linear_float32_overflow_and_underflow_are_results():
    over = deep_linear_forward(2.0, 150, dtype="float32")
    first_inf, first_zero = first_layer_out_of_range(over)
    assert first_inf == 128 and first_zero is None  # 2^128 > 3.4e38, float32's largest number
    assert not np.isfinite(over[-1]).any()  # inf, then inf·0 = NaN in the next product
    under = deep_linear_forward(0.5, 152, dtype="float32")
    assert first_layer_out_of_range(under) == (None, 150)  # 2^-150 is below float32's smallest subnormal
    assert first_layer_out_of_range(deep_linear_forward(1.5, 150)) == (None, None)


@pytest.mark.parametrize(
    ("kwargs", "name"),
    [
        ({"a": -1.0, "L": 3}, "a"),
        ({"a": float("nan"), "L": 3}, "a"),
        ({"a": 1.0, "L": 0}, "L"),
        ({"a": 1.0, "L": 2.5}, "L"),
        ({"a": 1.0, "L": 3, "dtype": "float16"}, "dtype"),
        ({"a": 1.0, "L": 3, "x": [np.inf]}, "x"),
    ],
)
def test_deep_linear_rejects_bad_arguments(kwargs, name):
    with pytest.raises(ValueError, match=name):
        deep_linear_forward(**kwargs)


# --------------------------------------------------------------------------- activations by layer


def _mean_square_log_ratio(init, scale, seed, width=256, hidden=20, m=400):
    """log10 of E[a²] at hidden layer 20 over hidden layer 1 (19 layer-to-layer steps)."""
    X = np.random.default_rng(1000 + seed).standard_normal((width, m))
    dims = (width, *([width] * hidden), 1)
    stats = init_activation_stats(dims, init, scale, "relu", X, seed=seed)
    ms = stats["rms"].to_numpy() ** 2
    return np.log10(ms[hidden - 1] / ms[0]), np.log10(ms[1:hidden] / ms[: hidden - 1])


def test_he_keeps_relu_activation_variance_while_small_scale_collapses_it():
    he = [_mean_square_log_ratio("he", 1.0, s) for s in range(8)]
    total = np.array([h[0] for h in he])
    steps = np.concatenate([h[1] for h in he])
    # He: E[a²] is the same in expectation at every layer. Measured spread of the 20-layer log-ratio
    # at width 256: sd ≈ 0.15, so the mean of 8 seeds has sd ≈ 0.05.
    assert abs(total.mean()) < 0.2, total
    assert np.all(np.abs(total) < 0.6), total
    assert np.all(np.abs(steps) < np.log10(2.0)), "He changed E[a²] by 2× in a single layer"
    # Scale 0.01: each relu layer multiplies E[a²] by 0.01² → 19 steps lose 76 decades.
    small = np.array([_mean_square_log_ratio("he", 0.01, s)[0] for s in range(8)])
    assert np.all(np.abs(small - (-76.0)) < 1.0), small
    # Xavier with relu halves E[a²] per layer: −19·log10 2 ≈ −5.7 decades.
    xavier = np.array([_mean_square_log_ratio("xavier", 1.0, s)[0] for s in range(8)])
    assert abs(xavier.mean() + 19 * np.log10(2.0)) < 0.3, xavier


def test_activation_stats_columns_and_dead_units():
    A = [np.array([[0.0, 1.0], [0.0, 3.0]]), np.array([[np.inf, -0.995, 0.2]])]
    stats = activation_stats(A, "tanh")
    assert list(stats["layer"]) == [1, 2]
    assert stats.loc[0, "zero"] == 0.5 and stats.loc[0, "mean"] == 1.0
    assert stats.loc[0, "rms"] == pytest.approx(np.sqrt(10 / 4))
    assert stats.loc[1, "non_finite"] == pytest.approx(1 / 3)
    assert stats.loc[1, "saturated"] == 0.5  # −0.995 of the two finite values


def test_layer_activations_match_forward_propagation():
    X = np.random.default_rng(0).standard_normal((2, 30))
    params = initialize_parameters((2, 5, 4, 1), "he", seed=3)
    acts = layer_activations(params, X, "tanh")
    AL, caches = forward_propagation(X, params, "tanh")
    assert [a.shape for a in acts] == [(5, 30), (4, 30), (1, 30)]
    np.testing.assert_array_equal(acts[0], caches[1][0])
    np.testing.assert_array_equal(acts[-1], AL)


def test_init_scale_100_runs_and_shows_overflow_or_saturation():
    X = np.random.default_rng(0).standard_normal((2, 100))
    dims = deep_layer_dims(10, 50)
    relu = init_activation_stats(dims, "he", 100.0, "relu", X)
    assert relu["rms"].iloc[-2] > 1e15  # ×≈100 per layer
    tanh = init_activation_stats(dims, "he", 100.0, "tanh", X)
    assert (tanh["saturated"].iloc[:-1] > 0.9).all()


# --------------------------------------------------------------------------- gradients by layer


@pytest.mark.parametrize("act", ["relu", "tanh"])
def test_backward_signals_dw_equals_core_network(act):
    rng = np.random.default_rng(1)
    X, Y = rng.standard_normal((2, 40)), (rng.random((1, 40)) < 0.5).astype(float)
    params = initialize_parameters(deep_layer_dims(6, 7), "xavier", 1.3, seed=2)
    signals = backward_signals(params, X, Y, act)
    AL, caches = forward_propagation(X, params, act)
    grads = backward_propagation(AL, Y, caches, act)
    expected = [np.linalg.norm(grads[f"dW{l}"]) for l in range(1, 7)]
    np.testing.assert_allclose(signals["dW_norm"], expected, rtol=1e-12)
    assert list(signals["layer"]) == list(range(1, 7))
    assert signals["dz_rms"].iloc[-1] == pytest.approx(np.sqrt(np.mean((AL - Y) ** 2)))


def test_backward_signal_vanishes_and_explodes_with_the_weight_scale():
    rng = np.random.default_rng(4)
    X, Y = rng.standard_normal((2, 200)), (rng.random((1, 200)) < 0.5).astype(float)
    dims = deep_layer_dims(25, 64)

    def decades(scale):  # log10 of dz at layer 1 over the last hidden layer
        dz = backward_signals(initialize_parameters(dims, "xavier", scale, seed=5), X, Y, "relu")["dz_rms"]
        return np.log10(dz.iloc[0] / dz.iloc[-2])

    assert decades(0.7) < -4  # each layer ×0.7/√2 on the way back
    assert decades(2.5) > 4
    assert abs(decades(np.sqrt(2.0))) < 1.5  # He: roughly flat


def test_grad_norms_from_history_at_init_and_end():
    rng = np.random.default_rng(0)
    X, Y = rng.standard_normal((2, 50)), (rng.random((1, 50)) < 0.5).astype(float)
    config = TrainConfig(layer_dims=deep_layer_dims(4, 5), num_iterations=20, learning_rate=0.1)
    result = train(X, Y, config)
    init = grad_norms_from_history(result.history, 0)
    params = initialize_parameters(config.layer_dims, config.init, config.init_scale, config.seed)
    np.testing.assert_allclose(init, backward_signals(params, X, Y)["dW_norm"], rtol=1e-12)
    assert grad_norms_from_history(result.history, -1).shape == (4,)
    with pytest.raises(ValueError, match="history"):
        grad_norms_from_history(result.history[["iteration", "cost"]], 0)


def test_deep_layer_dims():
    assert deep_layer_dims(3, 10) == (2, 10, 10, 1)
    assert deep_layer_dims(1, 10) == (2, 1)
    with pytest.raises(ValueError, match="depth"):
        deep_layer_dims(0, 10)


# --------------------------------------------------------------------------- symmetry


def test_zeros_init_keeps_every_hidden_unit_identical_after_training():
    rng = np.random.default_rng(0)
    X, Y = rng.standard_normal((2, 80)), (rng.random((1, 80)) < 0.5).astype(float)
    dims = (2, 6, 5, 1)
    for act in ("relu", "tanh"):
        zeros = train(
            X,
            Y,
            TrainConfig(
                layer_dims=dims, init="zeros", hidden_activation=act, num_iterations=200, learning_rate=0.5
            ),
        ).params
        assert distinct_units(zeros) == [1, 1]
        he = train(
            X,
            Y,
            TrainConfig(
                layer_dims=dims, init="he", hidden_activation=act, num_iterations=200, learning_rate=0.5
            ),
        ).params
        assert distinct_units(he) == [6, 5]
