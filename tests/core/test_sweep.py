"""core/sweep.py: the batched sweep equals one-by-one training with core.train.train (λ, keep_prob,
learning rate; dropout streams, divergence, early stopping, L1, tanh), its history, its argument
checks, and that it really runs one batched step for all models."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

import core.sweep as sweep_module
from core.datasets import make_dataset, split
from core.sweep import MAX_MODELS, SweepResult, sweep_configs, train_one_by_one, train_sweep
from core.train import TrainConfig, history_columns, train

TOL = 1e-10
LAMBDAS = (0.0, 1e-3, 0.01, 0.1, 0.3, 1.0, 3.0, 10.0)
SMALL = dict(layer_dims=(2, 8, 6, 1), learning_rate=0.5, num_iterations=120, record_every=10)


@pytest.fixture(scope="module")
def data():
    d = make_dataset("moons", m=200, seed=3, noise_rate=0.1, jitter=0.2)
    parts = split(d.X, d.Y, (0.5, 0.5), seed=3)
    return (*parts["train"], *parts["dev"])


def assert_same(a: SweepResult, b: SweepResult, tol: float = TOL) -> None:
    """Parameters, errors and stop bookkeeping equal to ``tol``; histories equal row for row."""
    assert len(a) == len(b)
    np.testing.assert_array_equal(a.values, b.values)
    for pa, pb in zip(a.params, b.params, strict=True):
        assert set(pa) == set(pb)
        for key in pa:
            assert pa[key].shape == pb[key].shape
            finite = np.isfinite(pb[key])
            np.testing.assert_array_equal(np.isfinite(pa[key]), finite)
            assert np.max(np.abs(pa[key][finite] - pb[key][finite]), initial=0.0) <= tol, key
    np.testing.assert_allclose(a.train_errors, b.train_errors, rtol=0, atol=tol)
    if b.dev_errors is None:
        assert a.dev_errors is None
    else:
        np.testing.assert_allclose(a.dev_errors, b.dev_errors, rtol=0, atol=tol)
    np.testing.assert_allclose(a.final_costs, b.final_costs, rtol=tol, atol=tol)
    np.testing.assert_array_equal(a.diverged, b.diverged)
    assert a.diverged_at == b.diverged_at
    assert a.stop_reasons == b.stop_reasons
    assert a.best_iterations == b.best_iterations
    assert list(a.history.columns) == list(b.history.columns)
    np.testing.assert_array_equal(a.history[["model", "iteration"]], b.history[["model", "iteration"]])
    np.testing.assert_allclose(
        a.history.to_numpy(float), b.history.to_numpy(float), rtol=1e-9, atol=TOL, equal_nan=True
    )


def both(X, Y, config, param, values, X_dev=None, Y_dev=None):
    a = train_sweep(X, Y, config, param, values, X_dev, Y_dev)
    b = train_one_by_one(X, Y, config, param, values, X_dev, Y_dev)
    return a, b


# --------------------------------------------------------------------------- equal to one by one


@pytest.mark.parametrize("penalty", ["l2", "l1"])
def test_lambda_sweep_equals_one_by_one(data, penalty):
    X, Y, Xd, Yd = data
    a, b = both(X, Y, TrainConfig(**SMALL, penalty=penalty), "lambd", LAMBDAS, Xd, Yd)
    assert_same(a, b)
    assert not a.diverged.any()
    # The sweep is informative: λ changes the models.
    assert not np.array_equal(a.params[0]["W2"], a.params[-1]["W2"])


def test_lambda_sweep_equals_train_bit_for_bit(data):
    X, Y, Xd, Yd = data
    cfg = TrainConfig(**SMALL)
    a = train_sweep(X, Y, cfg, "lambd", LAMBDAS, Xd, Yd)
    for k, lam in enumerate(LAMBDAS):
        ref = train(X, Y, TrainConfig(**{**SMALL, "lambd": lam}), X_dev=Xd, Y_dev=Yd)
        for key, value in ref.params.items():
            assert np.array_equal(a.params[k][key], value), (lam, key)
        pd.testing.assert_frame_equal(a.history_of(k), ref.history, check_exact=False, rtol=1e-12)


@pytest.mark.parametrize("act", ["relu", "tanh", "sigmoid", "leaky_relu", "linear"])
def test_activations(data, act):
    X, Y, Xd, Yd = data
    assert_same(*both(X, Y, TrainConfig(**SMALL, hidden_activation=act), "lambd", (0.0, 0.5, 5.0), Xd, Yd))


def test_keep_prob_sweep_equals_one_by_one(data):
    X, Y, Xd, Yd = data
    values = (0.3, 0.5, 0.8, 1.0)
    a, b = both(X, Y, TrainConfig(**SMALL), "keep_prob", values, Xd, Yd)
    assert_same(a, b)
    assert not np.array_equal(a.params[0]["W1"], a.params[1]["W1"])  # different masks/scales


def test_keep_prob_one_in_the_sweep_is_no_dropout(data):
    X, Y, Xd, Yd = data
    a = train_sweep(X, Y, TrainConfig(**SMALL), "keep_prob", (0.5, 1.0), Xd, Yd)
    plain = train(X, Y, TrainConfig(**SMALL), X_dev=Xd, Y_dev=Yd)
    for key, value in plain.params.items():
        assert np.array_equal(a.params[1][key], value)


def test_keep_prob_sweep_with_input_dropout_uses_one_stream_per_mask_pattern(data):
    # keep_prob 1 draws only the input mask, the others draw input and hidden masks: two streams.
    X, Y, Xd, Yd = data
    cfg = TrainConfig(**SMALL, input_keep_prob=0.8)
    assert_same(*both(X, Y, cfg, "keep_prob", (1.0, 0.6, 0.9, 1.0), Xd, Yd))


@pytest.mark.parametrize("keep_prob", [0.7, (0.6, 1.0), (1.0, 0.5)])
def test_lambda_sweep_with_dropout(data, keep_prob):
    X, Y, Xd, Yd = data
    cfg = TrainConfig(**SMALL, keep_prob=keep_prob)
    assert_same(*both(X, Y, cfg, "lambd", (0.0, 0.1, 1.0), Xd, Yd))


def test_learning_rate_sweep_with_divergence(data):
    X, Y, Xd, Yd = data
    values = (0.05, 0.5, 2.0, 1e3, 1e6)
    a, b = both(X, Y, TrainConfig(**SMALL, init_scale=3.0), "learning_rate", values, Xd, Yd)
    assert_same(a, b)
    assert a.diverged[-1] and not a.diverged[0]
    k = len(values) - 1
    assert a.stop_reasons[k] == "diverged"
    assert a.history_of(k)["iteration"].iloc[-1] == a.diverged_at[k] < SMALL["num_iterations"]
    # The others went on to the end.
    assert a.history_of(0)["iteration"].iloc[-1] == SMALL["num_iterations"]


def test_early_stopping_equals_one_by_one():
    tr = make_dataset("circles", m=40, seed=0, noise_rate=0.2, jitter=0.15)
    dv = make_dataset("circles", m=200, seed=1, noise_rate=0.2, jitter=0.15)
    cfg = TrainConfig(
        layer_dims=(2, 30, 30, 1),
        learning_rate=0.5,
        num_iterations=1500,
        record_every=10,
        early_stopping_patience=200,
    )
    a, b = both(tr.X, tr.Y, cfg, "lambd", (0.0, 0.01, 3.0), dv.X, dv.Y)
    assert_same(a, b)
    assert "early_stopping" in a.stop_reasons
    k = a.stop_reasons.index("early_stopping")
    # The returned parameters are the best-dev ones and the summary describes them.
    assert a.dev_errors[k] == a.history_of(k)["dev_error"].min()


def test_without_dev_data(data):
    X, Y, _, _ = data
    a, b = both(X, Y, TrainConfig(**SMALL), "lambd", (0.0, 1.0))
    assert_same(a, b)
    assert a.dev_errors is None and a.best_index is None
    assert "dev_error" not in a.history


def test_single_layer_and_single_value(data):
    X, Y, Xd, Yd = data
    assert_same(*both(X, Y, TrainConfig(layer_dims=(2, 1), num_iterations=50), "keep_prob", (0.5,), Xd, Yd))


# --------------------------------------------------------------------------- result


def test_result_shapes_and_history(data):
    X, Y, Xd, Yd = data
    res = train_sweep(X, Y, TrainConfig(**SMALL), "lambd", LAMBDAS, Xd, Yd)
    K = len(LAMBDAS)
    assert res.param == "lambd"
    for arr in (res.values, res.train_errors, res.dev_errors, res.final_costs, res.diverged):
        assert arr.shape == (K,)
    assert res.diverged.dtype == bool
    assert len(res.params) == K and set(res.params[0]) == {"W1", "b1", "W2", "b2", "W3", "b3"}
    assert list(res.history.columns) == ["model", "value", *history_columns(3, with_dev=True)]
    rows = SMALL["num_iterations"] // SMALL["record_every"] + 1
    assert (res.history.groupby("model").size() == rows).all()
    np.testing.assert_array_equal(res.history.groupby("model")["value"].first(), LAMBDAS)
    # The summaries are the last history rows.
    last = res.history.groupby("model").last()
    np.testing.assert_array_equal(last["train_error"], res.train_errors)
    np.testing.assert_array_equal(last["dev_error"], res.dev_errors)
    np.testing.assert_array_equal(last["cost"], res.final_costs)
    assert res.best_index == int(np.argmin(res.dev_errors))


def test_larger_lambda_shrinks_the_weights(data):
    X, Y, Xd, Yd = data
    res = train_sweep(X, Y, TrainConfig(**SMALL), "lambd", LAMBDAS, Xd, Yd)
    last = res.history.groupby("model").last()
    norms = np.sqrt(sum(last[f"W{l}_norm"] ** 2 for l in (1, 2, 3)))
    assert np.all(np.diff(norms.to_numpy()) < 0)


def test_time_budget_stops_the_whole_sweep(data):
    X, Y, Xd, Yd = data
    cfg = TrainConfig(**{**SMALL, "num_iterations": 100_000}, time_budget_s=1e-9)
    res = train_sweep(X, Y, cfg, "lambd", (0.0, 1.0), Xd, Yd)
    assert res.stop_reasons == ("time_budget", "time_budget")
    assert (res.history.groupby("model")["iteration"].max() < 100_000).all()


def test_one_batched_forward_per_iteration_whatever_k(data, monkeypatch):
    """All models step together: the number of forward passes does not grow with K."""
    X, Y, _, _ = data
    calls = []
    original = sweep_module._forward

    def counting(X_, stack, *args):
        calls.append(len(stack.idx))
        return original(X_, stack, *args)

    monkeypatch.setattr(sweep_module, "_forward", counting)
    counts = {}
    for K in (2, 12):
        calls.clear()
        train_sweep(X, Y, TrainConfig(**{**SMALL, "record_every": 1000}), "lambd", np.linspace(0, 1, K))
        counts[K] = list(calls)
    assert len(counts[2]) == len(counts[12]) == SMALL["num_iterations"] + 1
    assert set(counts[12]) == {12}


# --------------------------------------------------------------------------- arguments


@pytest.mark.parametrize(
    ("kwargs", "name"),
    [
        ({"param": "alpha"}, "param"),
        ({"param": "seed"}, "param"),
        ({"values": []}, "values"),
        ({"values": "0.1"}, "values"),
        ({"values": [[0.1, 0.2]]}, "values"),
        ({"values": [0.1, "x"]}, "values"),
        ({"values": [True]}, "values"),
        ({"values": [0.0] * (MAX_MODELS + 1)}, "values"),
        ({"values": [-1.0]}, "lambd"),
        ({"values": [np.nan]}, "lambd"),
        ({"values": [np.inf]}, "lambd"),
        ({"param": "keep_prob", "values": [0.0]}, "keep_prob"),
        ({"param": "keep_prob", "values": [1.5]}, "keep_prob"),
        ({"param": "learning_rate", "values": [0.0]}, "learning_rate"),
        ({"config": {"layer_dims": (2, 3, 1)}}, "config"),
        ({"X": np.zeros((3, 10))}, "X"),
        ({"Y": np.zeros((1, 9))}, "Y"),
        ({"X_dev": np.zeros((2, 5))}, "X_dev and Y_dev"),
        ({"X_dev": np.zeros((2, 5)), "Y_dev": np.zeros((1, 4))}, "Y_dev"),
    ],
)
@pytest.mark.parametrize("fn", [train_sweep, train_one_by_one])
def test_bad_arguments_raise_value_error_naming_them(fn, kwargs, name):
    args = {
        "X": np.zeros((2, 10)),
        "Y": np.zeros((1, 10)),
        "config": TrainConfig(layer_dims=(2, 3, 1), num_iterations=2),
        "param": "lambd",
        "values": [0.0, 0.1],
    }
    args.update(kwargs)
    with pytest.raises(ValueError, match=name):
        fn(**args)


def test_sweep_configs_change_only_the_parameter():
    base = TrainConfig(layer_dims=(2, 4, 3, 1), keep_prob=(0.5, 0.9), lambd=0.2, seed=7)
    configs = sweep_configs(base, "keep_prob", [0.3, 1])
    assert [c.keep_prob for c in configs] == [0.3, 1.0]
    assert all(c.lambd == 0.2 and c.seed == 7 and c.layer_dims == base.layer_dims for c in configs)
