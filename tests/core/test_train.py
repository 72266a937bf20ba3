"""Tests for core/train.py: TrainConfig validation, the history, reproducibility, early stopping,
divergence, snapshots, time budget, and the zero-vs-He initialisation experiment (§1.11)."""

from __future__ import annotations

import copy
import dataclasses

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from core.datasets import make_dataset
from core.network import (
    backward_propagation,
    compute_cost,
    error_rate,
    forward_propagation,
    initialize_parameters,
    predict,
)
from core.train import DIVERGENCE_RATIO, TrainConfig, TrainResult, extend, extendable, history_columns, train

SMALL = dict(layer_dims=(2, 6, 4, 1), learning_rate=0.3, num_iterations=60, record_every=10)


@pytest.fixture(scope="module")
def circles():
    d = make_dataset("circles", m=300, seed=0)
    return d.X, d.Y


@pytest.fixture(scope="module")
def circles_dev():
    d = make_dataset("circles", m=200, seed=1)
    return d.X, d.Y


def _assert_params_equal(a, b):
    assert set(a) == set(b)
    for k in a:
        assert np.array_equal(a[k], b[k]), k


# --------------------------------------------------------------------------- history


def test_history_columns_without_and_with_dev(circles, circles_dev):
    X, Y = circles
    res = train(X, Y, TrainConfig(**SMALL))
    assert isinstance(res, TrainResult)
    base = ["iteration", "cost", "cost_no_penalty", "train_error"]
    norms = ["W1_norm", "dW1_norm", "W2_norm", "dW2_norm", "W3_norm", "dW3_norm"]
    assert list(res.history.columns) == base + norms
    assert list(res.history.columns) == history_columns(3, with_dev=False)
    res_dev = train(X, Y, TrainConfig(**SMALL), X_dev=circles_dev[0], Y_dev=circles_dev[1])
    assert list(res_dev.history.columns) == base + ["dev_cost", "dev_error"] + norms
    assert list(res_dev.history.columns) == history_columns(3, with_dev=True)
    assert pd.api.types.is_integer_dtype(res_dev.history["iteration"])
    assert res.stop_reason == "completed" and res.diverged_at is None and not res.diverged


@pytest.mark.parametrize(("lambd", "penalty"), [(0.0, "l2"), (0.7, "l2"), (0.4, "l1")])
def test_row_zero_is_the_initial_parameters(circles, circles_dev, lambd, penalty):
    X, Y = circles
    Xd, Yd = circles_dev
    cfg = TrainConfig(**SMALL, lambd=lambd, penalty=penalty, init="xavier", seed=3)
    res = train(X, Y, cfg, X_dev=Xd, Y_dev=Yd)
    row = res.history.iloc[0]
    p0 = initialize_parameters(cfg.layer_dims, cfg.init, cfg.init_scale, cfg.seed)
    AL, caches = forward_propagation(X, p0, cfg.hidden_activation)
    assert row["iteration"] == 0
    assert row["cost"] == pytest.approx(compute_cost(AL, Y, p0, lambd, penalty), rel=1e-12)
    assert row["cost_no_penalty"] == pytest.approx(compute_cost(AL, Y), rel=1e-12)
    assert row["train_error"] == error_rate(p0, X, Y)
    assert row["dev_error"] == error_rate(p0, Xd, Yd)
    assert row["dev_cost"] == pytest.approx(compute_cost(forward_propagation(Xd, p0)[0], Yd), rel=1e-12)
    grads = backward_propagation(AL, Y, caches, cfg.hidden_activation, lambd, penalty)
    for l in (1, 2, 3):
        assert row[f"W{l}_norm"] == pytest.approx(np.linalg.norm(p0[f"W{l}"]), rel=1e-12)
        assert row[f"dW{l}_norm"] == pytest.approx(np.linalg.norm(grads[f"dW{l}"]), rel=1e-12)
    # The last row describes the returned parameters.
    last = res.history.iloc[-1]
    assert last["train_error"] == error_rate(res.params, X, Y)
    assert last["W2_norm"] == pytest.approx(np.linalg.norm(res.params["W2"]), rel=1e-12)


@pytest.mark.parametrize(("n", "every"), [(95, 10), (100, 10), (7, 3), (5, 1), (0, 5), (4, 50)])
def test_recorded_iterations(circles, n, every):
    X, Y = circles
    res = train(X, Y, TrainConfig(layer_dims=(2, 3, 1), num_iterations=n, record_every=every))
    expected = list(range(0, n + 1, every))
    if expected[-1] != n:
        expected.append(n)
    assert res.history["iteration"].tolist() == expected


def test_l2_cost_decreases_monotonically_at_small_learning_rate(circles):
    X, Y = circles
    lambd = 0.7
    cfg = TrainConfig(
        layer_dims=(2, 8, 4, 1), learning_rate=0.05, lambd=lambd, num_iterations=300, record_every=1
    )
    h = train(X, Y, cfg).history
    assert len(h) == 301
    assert np.all(np.diff(h["cost"].to_numpy()) < 0)
    assert h["cost"].iloc[-1] < h["cost"].iloc[0]
    assert np.all(h["cost_no_penalty"] < h["cost"])
    # The gap is exactly the L2 term λ/(2m)·Σ‖W[l]‖²_F, recomputed from the norm columns.
    m = Y.shape[1]
    penalty = lambd / (2 * m) * sum(h[f"W{l}_norm"] ** 2 for l in (1, 2, 3))
    np.testing.assert_allclose(h["cost"] - h["cost_no_penalty"], penalty, rtol=1e-9)


def test_dropout_history_errors_are_measured_without_dropout(circles):
    X, Y = circles
    cfg = TrainConfig(**{**SMALL, "layer_dims": (2, 20, 10, 1)}, keep_prob=0.6)
    res = train(X, Y, cfg)
    assert res.history["train_error"].iloc[-1] == error_rate(res.params, X, Y)
    np.testing.assert_array_equal(predict(res.params, X), predict(res.params, X))


@pytest.mark.parametrize("keep_prob", [1.0, 0.6])
def test_every_recorded_train_error_is_the_test_time_error_of_that_iteration(circles, keep_prob):
    """Without dropout the row reuses the loop's own forward pass; with it, a clean pass: both are
    the error of the parameters at that iteration, as ``error_rate`` measures it."""
    X, Y = circles
    cfg = TrainConfig(
        **{**SMALL, "layer_dims": (2, 20, 10, 1), "record_every": 5}, keep_prob=keep_prob, snapshot_every=5
    )
    res = train(X, Y, cfg)
    errors = dict(zip(res.history["iteration"], res.history["train_error"], strict=True))
    assert len(res.snapshots) == len(errors)
    for i, params in res.snapshots:
        assert errors[i] == error_rate(params, X, Y)
    assert len(set(errors.values())) > 1  # the errors change along the run


# --------------------------------------------------------------------------- start params


def test_start_params_are_copied_and_used(circles):
    X, Y = circles
    cfg = TrainConfig(**SMALL, seed=4)
    first = train(X, Y, cfg)
    start = first.params
    before = copy.deepcopy(start)
    second = train(X, Y, cfg, params=start)
    # Not mutated, not aliased.
    _assert_params_equal(start, before)
    for k in start:
        assert not np.shares_memory(start[k], second.params[k])
    # Used: the second run starts where the first ended.
    assert second.history["cost"].iloc[0] == first.history["cost"].iloc[-1]
    assert second.history["train_error"].iloc[0] == first.history["train_error"].iloc[-1]
    assert second.history["cost"].iloc[-1] < second.history["cost"].iloc[0]
    # A different start gives a different run.
    other = train(X, Y, cfg, params=initialize_parameters(cfg.layer_dims, seed=99))
    assert other.history["cost"].iloc[0] != first.history["cost"].iloc[0]


def test_start_params_not_mutated_with_snapshots_and_early_stopping(circles, circles_dev):
    X, Y = circles
    start = initialize_parameters((2, 6, 4, 1), seed=8)
    before = copy.deepcopy(start)
    cfg = TrainConfig(**{**SMALL, "num_iterations": 200}, snapshot_every=7, early_stopping_patience=30)
    res = train(X, Y, cfg, params=start, X_dev=circles_dev[0], Y_dev=circles_dev[1])
    _assert_params_equal(start, before)
    _assert_params_equal(res.snapshots[0][1], before)


# --------------------------------------------------------------------------- reproducibility


@pytest.mark.parametrize("keep_prob", [1.0, 0.7])
def test_same_config_same_history_bit_for_bit(circles, circles_dev, keep_prob):
    X, Y = circles
    cfg = TrainConfig(**SMALL, keep_prob=keep_prob, lambd=0.1, seed=5)
    a = train(X, Y, cfg, X_dev=circles_dev[0], Y_dev=circles_dev[1])
    b = train(X, Y, cfg, X_dev=circles_dev[0], Y_dev=circles_dev[1])
    pd.testing.assert_frame_equal(a.history, b.history, check_exact=True)
    _assert_params_equal(a.params, b.params)
    c = train(X, Y, dataclasses.replace(cfg, seed=6), X_dev=circles_dev[0], Y_dev=circles_dev[1])
    assert not a.history["cost"].equals(c.history["cost"])


def test_keep_prob_one_is_no_dropout_bit_for_bit(circles):
    X, Y = circles
    default = train(X, Y, TrainConfig(**SMALL))
    for kwargs in ({"keep_prob": 1.0}, {"keep_prob": (1.0, 1.0)}, {"keep_prob": 1.0, "input_keep_prob": 1.0}):
        res = train(X, Y, TrainConfig(**SMALL, **kwargs))
        pd.testing.assert_frame_equal(res.history, default.history, check_exact=True)
        _assert_params_equal(res.params, default.params)
    # Sanity: real dropout changes the run, so the equality above is informative.
    dropped = train(X, Y, TrainConfig(**SMALL, keep_prob=0.8))
    assert not dropped.history["cost"].equals(default.history["cost"])


# --------------------------------------------------------------------------- early stopping


def test_early_stopping_returns_best_dev_params():
    tr = make_dataset("circles", m=40, seed=0, noise_rate=0.2, jitter=0.15)
    dv = make_dataset("circles", m=400, seed=1, noise_rate=0.2, jitter=0.15)
    patience = 500
    cfg = TrainConfig(
        layer_dims=(2, 50, 50, 1),
        learning_rate=0.5,
        num_iterations=6000,
        record_every=10,
        early_stopping_patience=patience,
    )
    res = train(tr.X, tr.Y, cfg, X_dev=dv.X, Y_dev=dv.Y)
    h = res.history
    assert res.stop_reason == "early_stopping"
    last = int(h["iteration"].iloc[-1])
    assert last < cfg.num_iterations
    assert last - res.best_iteration >= patience
    # The model overfits: training error keeps falling below the best dev error.
    assert h["train_error"].iloc[-1] < h["dev_error"].min()
    # result.params are the best-dev parameters, not the final ones.
    assert res.best_params is not None
    _assert_params_equal(res.params, res.best_params)
    assert not np.array_equal(res.final_params["W1"], res.params["W1"])
    dev_err = error_rate(res.params, dv.X, dv.Y)
    assert dev_err == h["dev_error"].min() == res.best_dev_error
    best_row = h.loc[h["iteration"] == res.best_iteration]
    assert len(best_row) == 1
    assert best_row["dev_error"].iloc[0] == dev_err
    # The best iteration is the first one reaching the minimum.
    assert res.best_iteration == int(h.loc[h["dev_error"].idxmin(), "iteration"])


def test_no_early_stopping_without_patience(circles, circles_dev):
    X, Y = circles
    res = train(X, Y, TrainConfig(**SMALL), X_dev=circles_dev[0], Y_dev=circles_dev[1])
    assert res.stop_reason == "completed"
    assert res.history["iteration"].iloc[-1] == SMALL["num_iterations"]
    assert res.params is not res.best_params
    assert res.best_dev_error == res.history["dev_error"].min()


# --------------------------------------------------------------------------- divergence


@pytest.mark.filterwarnings("error")
@pytest.mark.parametrize(
    ("learning_rate", "act", "seed"),
    [
        (1e6, "relu", 0),
        (1e3, "tanh", 0),
        (1e3, "tanh", 1),
        (1e3, "tanh", 2),
        (1e6, "tanh", 0),
        (1e6, "sigmoid", 0),
        (1e4, "leaky_relu", 0),
    ],
)
def test_huge_learning_rate_diverges_cleanly(circles, circles_dev, learning_rate, act, seed):
    X, Y = circles
    cfg = TrainConfig(
        layer_dims=(2, 10, 5, 1),
        hidden_activation=act,
        learning_rate=learning_rate,
        num_iterations=500,
        seed=seed,
    )
    res = train(X, Y, cfg, X_dev=circles_dev[0], Y_dev=circles_dev[1])
    assert res.stop_reason == "diverged"
    assert isinstance(res.diverged_at, int) and not isinstance(res.diverged_at, bool)
    assert res.diverged
    assert 0 < res.diverged_at < cfg.num_iterations
    h = res.history
    assert int(h["iteration"].iloc[-1]) == res.diverged_at
    J0, J = h["cost"].iloc[0], h["cost"].iloc[-1]
    assert not np.isfinite(J) or J / max(J0, 1.0) > DIVERGENCE_RATIO


@pytest.mark.filterwarnings("error")
def test_normal_run_emits_no_warnings(circles, circles_dev):
    X, Y = circles
    res = train(
        X, Y, TrainConfig(**SMALL, lambd=0.3, keep_prob=0.8), X_dev=circles_dev[0], Y_dev=circles_dev[1]
    )
    assert res.diverged_at is None and res.stop_reason == "completed"


# --------------------------------------------------------------------------- snapshots / time budget


@pytest.mark.parametrize(
    ("n", "k", "expected"), [(110, 25, [0, 25, 50, 75, 100, 110]), (20, 10, [0, 10, 20])]
)
def test_snapshots_every_k_include_first_and_last(circles, n, k, expected):
    X, Y = circles
    cfg = TrainConfig(layer_dims=(2, 5, 1), num_iterations=n, snapshot_every=k, seed=2)
    res = train(X, Y, cfg)
    assert [i for i, _ in res.snapshots] == expected
    _assert_params_equal(res.snapshots[0][1], initialize_parameters(cfg.layer_dims, seed=2))
    _assert_params_equal(res.snapshots[-1][1], res.params)
    # Snapshots are independent copies.
    assert not np.array_equal(res.snapshots[0][1]["W1"], res.snapshots[1][1]["W1"])
    assert not np.shares_memory(res.snapshots[-1][1]["W1"], res.params["W1"])
    assert train(X, Y, dataclasses.replace(cfg, snapshot_every=0)).snapshots == []


def test_tiny_time_budget_stops_early(circles):
    X, Y = circles
    cfg = TrainConfig(layer_dims=(2, 20, 1), num_iterations=100_000, record_every=10, time_budget_s=1e-9)
    res = train(X, Y, cfg)
    assert res.stop_reason == "time_budget"
    assert len(res.history) >= 1
    assert res.history["iteration"].iloc[-1] < cfg.num_iterations


# --------------------------------------------------------------------------- initialisation (§1.11)

CIRCLES_CFG = dict(layer_dims=(2, 10, 5, 1), learning_rate=0.5, num_iterations=1500, record_every=100)


@pytest.mark.parametrize("seed", [0, 1])
def test_zero_init_does_not_break_symmetry_and_he_does(circles, seed):
    X, Y = circles
    assert Y.mean() == 0.5  # balanced, so a constant classifier has error exactly 0.5
    test = make_dataset("circles", m=1000, seed=50 + seed)
    zeros = train(X, Y, TrainConfig(**CIRCLES_CFG, init="zeros", seed=seed))
    W1 = zeros.params["W1"]
    assert np.ptp(W1, axis=0).max() == 0.0  # every hidden unit of layer 1 is identical
    assert np.ptp(zeros.params["W2"], axis=0).max() == 0.0
    assert abs(error_rate(zeros.params, X, Y) - 0.5) <= 0.02
    assert abs(error_rate(zeros.params, test.X, test.Y) - 0.5) <= 0.02

    he = train(X, Y, TrainConfig(**CIRCLES_CFG, init="he", seed=seed))
    assert error_rate(he.params, X, Y) < 0.05
    assert error_rate(he.params, test.X, test.Y) < 0.05
    assert np.ptp(he.params["W1"], axis=0).max() > 0.1  # the units differ


@pytest.mark.parametrize("act", ["relu", "tanh", "sigmoid"])
def test_symmetric_start_stays_symmetric(circles, act):
    """Hidden units that start identical get identical gradients forever (§1.11), also when W ≠ 0."""
    X, Y = circles
    rng = np.random.default_rng(0)
    start = {
        "W1": np.tile(rng.standard_normal((1, 2)), (10, 1)),
        "b1": np.full((10, 1), 0.1),
        "W2": np.full((5, 10), 0.2),
        "b2": np.full((5, 1), -0.05),
        "W3": np.full((1, 5), 0.3),
        "b3": np.zeros((1, 1)),
    }
    res = train(
        X, Y, TrainConfig(**{**CIRCLES_CFG, "num_iterations": 300}, hidden_activation=act), params=start
    )
    W1 = res.params["W1"]
    assert not np.allclose(W1, start["W1"])  # it did train
    np.testing.assert_allclose(W1, np.tile(W1[:1], (10, 1)), rtol=1e-9, atol=1e-12)
    np.testing.assert_allclose(res.params["W2"], res.params["W2"][0, 0], rtol=1e-9, atol=1e-12)


# --------------------------------------------------------------------------- TrainConfig validation


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("layer_dims", (2, 3, 2)),
        ("layer_dims", (2,)),
        ("layer_dims", ()),
        ("layer_dims", (2, 0, 1)),
        ("layer_dims", (2, -1, 1)),
        ("layer_dims", (2, None, 1)),
        ("layer_dims", 5),
        ("hidden_activation", "swish"),
        ("init", "orthogonal"),
        ("penalty", "l3"),
        ("learning_rate", 0.0),
        ("learning_rate", -0.1),
        ("learning_rate", float("nan")),
        ("learning_rate", float("inf")),
        ("learning_rate", "0.5"),
        ("lambd", float("nan")),
        ("lambd", -1.0),
        ("lambd", float("inf")),
        ("keep_prob", 0.0),
        ("keep_prob", 1.5),
        ("keep_prob", -0.5),
        ("keep_prob", float("nan")),
        ("keep_prob", (0.5,)),
        ("keep_prob", (0.5, 0.5, 0.5)),
        ("keep_prob", (0.5, 0.0)),
        ("input_keep_prob", 0.0),
        ("input_keep_prob", 1.2),
        ("num_iterations", -1),
        ("num_iterations", 10.0),
        ("num_iterations", 10**9),
        ("record_every", 0),
        ("snapshot_every", -1),
        ("early_stopping_patience", -5),
        ("init_scale", -1.0),
        ("seed", -1),
        ("time_budget_s", 0.0),
        ("time_budget_s", -1.0),
    ],
)
def test_train_config_rejects_bad_values_naming_the_field(field, value):
    with pytest.raises(ValueError, match=field):
        TrainConfig(**{"layer_dims": (2, 4, 3, 1), field: value})


@pytest.mark.parametrize("dims", [(2, 2.7, 1), (2, "3", 1)])
def test_train_config_rejects_non_integer_layer_dims(dims):
    with pytest.raises(ValueError, match="layer_dims"):
        TrainConfig(layer_dims=dims)


def test_train_config_is_frozen_hashable_and_normalised():
    a = TrainConfig(layer_dims=[2, 5, 3, 1], keep_prob=[0.8, 0.9])
    b = TrainConfig(layer_dims=(2, 5, 3, 1), keep_prob=(0.8, 0.9))
    assert a == b
    assert hash(a) == hash(b)
    assert a.layer_dims == (2, 5, 3, 1) and isinstance(a.layer_dims, tuple)
    assert isinstance(a.keep_prob, tuple)
    assert len({a, b, TrainConfig(layer_dims=(2, 5, 3, 1), keep_prob=(0.8, 0.9), seed=1)}) == 2
    assert hash(TrainConfig()) == hash(TrainConfig())
    assert TrainConfig(layer_dims=(2, 5, 1)) != TrainConfig(layer_dims=(2, 6, 1))
    with pytest.raises(dataclasses.FrozenInstanceError):
        a.learning_rate = 1.0  # type: ignore[misc]
    assert a.n_parameters == (2 * 5 + 5) + (5 * 3 + 3) + (3 + 1)


@settings(deadline=None, max_examples=50)
@given(
    dims=st.lists(st.integers(1, 50), min_size=1, max_size=4),
    lr=st.floats(1e-4, 10.0),
    lambd=st.floats(0.0, 5.0),
    seed=st.integers(0, 2**32 - 1),
)
def test_equal_configs_hash_equal(dims, lr, lambd, seed):
    dims = [2, *dims, 1]
    a = TrainConfig(layer_dims=list(dims), learning_rate=lr, lambd=lambd, seed=seed)
    b = TrainConfig(layer_dims=tuple(np.array(dims)), learning_rate=lr, lambd=lambd, seed=seed)
    assert a == b and hash(a) == hash(b)
    assert {a: 1}[b] == 1


# --------------------------------------------------------------------------- train() bad input


def test_train_rejects_bad_arguments_naming_them(circles):
    X, Y = circles
    cfg = TrainConfig(**SMALL)
    with pytest.raises(ValueError, match="X"):
        train(X[:1], Y, cfg)  # wrong n_x
    with pytest.raises(ValueError, match="X"):
        train(X.T, Y, cfg)
    with pytest.raises(ValueError, match="X"):
        train(X[0], Y, cfg)  # 1-D
    with pytest.raises(ValueError, match="X"):
        train(X.tolist(), Y, cfg)
    with pytest.raises(ValueError, match="Y"):
        train(X, Y[:, :-1], cfg)
    with pytest.raises(ValueError, match="Y"):
        train(X, Y.ravel(), cfg)
    with pytest.raises(ValueError, match="Y"):
        train(X, Y.T, cfg)
    with pytest.raises(ValueError, match="X_dev"):
        train(X, Y, cfg, X_dev=X)
    with pytest.raises(ValueError, match="Y_dev"):
        train(X, Y, cfg, Y_dev=Y)
    with pytest.raises(ValueError, match="config"):
        train(X, Y, dataclasses.asdict(cfg))
    good = initialize_parameters(cfg.layer_dims)
    for key, bad in (("W1", np.zeros((6, 3))), ("b2", np.zeros((4,))), ("W3", np.zeros((4, 1)))):
        with pytest.raises(ValueError, match="params"):
            train(X, Y, cfg, params={**good, key: bad})
    with pytest.raises(ValueError, match="params"):
        train(X, Y, cfg, params={k: v for k, v in good.items() if k != "b3"})
    with pytest.raises(ValueError, match="params"):
        train(X, Y, cfg, params=initialize_parameters((2, 6, 1)))


@pytest.mark.parametrize("which", ["X_dev", "Y_dev"])
def test_train_bad_dev_shapes_name_the_dev_argument(circles, circles_dev, which):
    X, Y = circles
    Xd, Yd = circles_dev
    kwargs = {"X_dev": Xd[:1], "Y_dev": Yd} if which == "X_dev" else {"X_dev": Xd, "Y_dev": Yd[:, :-1]}
    with pytest.raises(ValueError, match=which):
        train(X, Y, TrainConfig(**SMALL), **kwargs)


# --------------------------------------------------------------------------- extend: the same run, longer


def assert_same_run(a: TrainResult, b: TrainResult) -> None:
    """Bit for bit: history, parameters, best dev point, snapshots, stop reason."""
    pd.testing.assert_frame_equal(a.history, b.history, check_exact=True)
    for key in a.final_params:
        np.testing.assert_array_equal(a.final_params[key], b.final_params[key])
        np.testing.assert_array_equal(a.params[key], b.params[key])
    assert (a.best_iteration, a.best_dev_error, a.stop_reason, a.diverged_at) == (
        b.best_iteration,
        b.best_dev_error,
        b.stop_reason,
        b.diverged_at,
    )
    if a.best_params is not None:
        for key in a.best_params:
            np.testing.assert_array_equal(a.best_params[key], b.best_params[key])
    assert [i for i, _ in a.snapshots] == [i for i, _ in b.snapshots]
    for (_, p), (_, q) in zip(a.snapshots, b.snapshots):
        for key in p:
            np.testing.assert_array_equal(p[key], q[key])


@settings(max_examples=25, deadline=None)
@given(
    every=st.sampled_from([1, 5, 10, 25]),
    first=st.integers(1, 8),
    more=st.integers(1, 120),
    lambd=st.sampled_from([0.0, 0.7]),
    patience=st.sampled_from([0, 40]),
    snapshot_every=st.sampled_from([0, 5]),
    dev=st.booleans(),
)
def test_extending_a_run_gives_the_longer_run_bit_for_bit(
    circles, circles_dev, every, first, more, lambd, patience, snapshot_every, dev
):
    done = first * every * (snapshot_every or 1)
    short = TrainConfig(
        layer_dims=(2, 6, 3, 1), learning_rate=0.3, num_iterations=done, record_every=every,
        lambd=lambd, early_stopping_patience=patience, snapshot_every=snapshot_every, seed=3,
    )
    long = dataclasses.replace(short, num_iterations=done + more, time_budget_s=60.0)
    X, Y, X_dev, Y_dev = (*circles, *(circles_dev if dev else (None, None)))
    before = train(X, Y, short, X_dev=X_dev, Y_dev=Y_dev)
    if not extendable(before, long):  # early stopping ended the short run: it is not extended
        assert before.stop_reason == "early_stopping"
        return
    kept = copy.deepcopy(before)
    longer = extend(before, X, Y, long, X_dev, Y_dev)
    assert_same_run(longer, train(X, Y, long, X_dev=X_dev, Y_dev=Y_dev))
    assert_same_run(before, kept)  # the shorter run is left as it was
    assert longer.config == long


def test_only_runs_that_a_longer_run_repeats_are_extended(circles):
    X, Y = circles
    base = TrainConfig(layer_dims=(2, 5, 1), num_iterations=40, record_every=10, seed=1)
    run = train(X, Y, base)
    assert extendable(run, dataclasses.replace(base, num_iterations=60))
    assert not extendable(run, base)  # not longer
    assert not extendable(run, dataclasses.replace(base, num_iterations=60, lambd=0.1))  # another run
    assert not extendable(run, dataclasses.replace(base, num_iterations=60, seed=2))
    odd = train(X, Y, dataclasses.replace(base, num_iterations=45))  # its last row is not on the grid
    assert not extendable(odd, dataclasses.replace(base, num_iterations=60))
    dropout = dataclasses.replace(base, keep_prob=0.8)
    assert not extendable(train(X, Y, dropout), dataclasses.replace(dropout, num_iterations=60))
    diverged = train(X, Y, dataclasses.replace(base, learning_rate=1e6, init_scale=30.0))
    assert diverged.diverged
    assert not extendable(diverged, dataclasses.replace(diverged.config, num_iterations=60))
    with pytest.raises(ValueError, match="cannot be extended"):
        extend(run, X, Y, base)
