"""core/dropout_demo.py: parameter counts, masks drawn like the engine's, inverted vs unscaled dropout,
keep_prob = 1 through train() bit for bit, and the noisy cost (§1.6–1.7)."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from core.datasets import make_dataset, split
from core.dropout_demo import (
    biggest_hidden_layer,
    cost_increases,
    draw_masks,
    layer_parameter_counts,
    masked_forward,
    mean_activations,
)
from core.network import forward_propagation, initialize_parameters
from core.sweep import train_sweep
from core.train import TrainConfig, train

PAGE_DIMS = (2, 12, 40, 6, 1)  # the dropout page's network (ui/specs/dropout.py)
Z = 5.0  # z-score tolerance of the statistical checks


@pytest.fixture(scope="module")
def moons():
    """The dropout page's preset: 100 noisy training and 100 dev points of the moons set."""
    d = make_dataset("moons", m=200, seed=0, noise_rate=0.1, jitter=0.2)
    parts = split(d.X, d.Y, (0.5, 0.5), seed=0)
    return (*parts["train"], *parts["dev"])


def _assert_params_equal(a, b):
    assert set(a) == set(b)
    for k in a:
        np.testing.assert_array_equal(a[k], b[k], err_msg=k)


# --------------------------------------------------------------------------- parameter counts


def test_parameter_counts_and_biggest_layer():
    assert layer_parameter_counts(PAGE_DIMS) == (2 * 12 + 12, 12 * 40 + 40, 40 * 6 + 6, 6 + 1)
    assert biggest_hidden_layer(PAGE_DIMS) == 2
    assert biggest_hidden_layer((3, 7, 7, 3, 1)) == 2  # the lecture's example: W[2] is 7 × 7
    assert biggest_hidden_layer((2, 50, 2, 1)) == 1  # 150 > 102
    assert biggest_hidden_layer((2, 8, 8, 1)) == 2  # 8·8+8 > 2·8+8
    assert biggest_hidden_layer((3, 3, 3, 1)) == 1  # a tie (12 = 12) goes to the first layer


@pytest.mark.parametrize("dims", [(2, 1), (2, 0, 1), "abc"])
def test_parameter_counts_reject_bad_dims(dims):
    with pytest.raises(ValueError, match="layer_dims"):
        biggest_hidden_layer(dims)


# --------------------------------------------------------------------------- masks and the forward pass


@pytest.mark.parametrize("act", ["tanh", "relu"])
@pytest.mark.parametrize(
    ("kps", "input_kp"), [((0.8, 0.5, 0.8), 1.0), ((1.0, 0.3, 1.0), 0.7), ((1.0,) * 3, 1.0)]
)
def test_inverted_masked_forward_is_the_engine_forward_bit_for_bit(act, kps, input_kp):
    """Masks drawn by draw_masks from the same seed are the engine's, so the inverted pass is its pass."""
    params = initialize_parameters(PAGE_DIMS, seed=3)
    X = np.random.default_rng(1).standard_normal((2, 50))
    AL, caches = forward_propagation(X, params, act, kps, np.random.default_rng(42), input_kp)
    masks = draw_masks(PAGE_DIMS, 50, kps, np.random.default_rng(42), input_kp)
    zs, acts = masked_forward(X, params, masks, kps, act, input_kp, scale=True)
    np.testing.assert_array_equal(acts[-1], AL)
    for l, cache in enumerate(caches, start=1):
        np.testing.assert_array_equal(acts[l - 1], cache[0])  # a[l−1] as layer l received it
        np.testing.assert_array_equal(zs[l - 1], cache[2])
    for l, (mask, p) in enumerate(zip(masks, (input_kp, *kps), strict=True)):
        assert (mask is None) == (p == 1.0), l


def test_unscaled_dropout_zeroes_without_dividing():
    params = initialize_parameters((2, 30, 1), seed=0)
    X = np.random.default_rng(0).standard_normal((2, 40))
    masks = draw_masks((2, 30, 1), 40, (0.5,), np.random.default_rng(5))
    _, clean = masked_forward(X, params, [None, None], (0.5,), "relu")
    _, inv = masked_forward(X, params, masks, (0.5,), "relu", scale=True)
    _, raw = masked_forward(X, params, masks, (0.5,), "relu", scale=False)
    np.testing.assert_array_equal(raw[1], clean[1] * masks[1])
    np.testing.assert_array_equal(inv[1], clean[1] * masks[1] / 0.5)


def test_masked_forward_rejects_wrong_masks():
    params = initialize_parameters((2, 4, 1), seed=0)
    X = np.zeros((2, 5))
    with pytest.raises(ValueError, match="masks needs one entry"):
        masked_forward(X, params, [None], (0.5,))
    with pytest.raises(ValueError, match=r"masks\[1\] must have shape"):
        masked_forward(X, params, [None, np.ones((4, 6), bool)], (0.5,))


# --------------------------------------------------------------------------- inverted dropout keeps the size


def test_mean_activations_keep_prob_one_is_the_clean_pass_exactly():
    params = initialize_parameters(PAGE_DIMS, seed=2)
    X = np.random.default_rng(0).standard_normal((2, 80))
    df = mean_activations(params, X, 1.0, "tanh", n_draws=3)
    assert list(df["layer"]) == [1, 2, 3, 4]
    for col in ("inverted", "not_scaled"):
        np.testing.assert_allclose(df[col].to_numpy(), df["no_dropout"].to_numpy(), rtol=1e-14, atol=0)
        assert (df[f"{col}_std"] < 1e-15).all()


@pytest.mark.parametrize("kp", [0.3, 0.5, 0.8])
def test_inverted_dropout_keeps_the_size_and_unscaled_shrinks_it(kp):
    """§1.6 on the first dropped layer (its input is clean): E|a·d/kp| = |a| and E|a·d| = kp·|a|."""
    params = initialize_parameters((2, 200, 1), seed=7)
    X = np.random.default_rng(3).standard_normal((2, 300))
    n_draws = 200
    df = mean_activations(params, X, (kp,), "tanh", n_draws=n_draws, seed=11)
    row = df.iloc[0]
    se = row["inverted_std"] / np.sqrt(n_draws)
    assert abs(row["inverted"] - row["no_dropout"]) < Z * se + 1e-12
    assert (
        abs(row["not_scaled"] - kp * row["no_dropout"]) < Z * row["not_scaled_std"] / np.sqrt(n_draws) + 1e-12
    )
    # The gap the division closes is far larger than the noise of the estimate.
    assert (1 - kp) * row["no_dropout"] > 20 * se


def test_unscaled_dropout_weakens_the_output_logit_on_the_page_network(moons):
    X, Y, Xd, Yd = moons
    cfg = TrainConfig(layer_dims=PAGE_DIMS, hidden_activation="tanh", learning_rate=0.3, num_iterations=300)
    params = train(X, Y, cfg).params
    df = mean_activations(params, X, (0.8, 0.5, 0.8), "tanh", n_draws=40, seed=0)
    out = df.iloc[-1]
    assert out["not_scaled"] < 0.85 * out["no_dropout"]
    assert abs(out["inverted"] / out["no_dropout"] - 1) < 0.1
    assert df.iloc[1]["not_scaled"] < 0.6 * df.iloc[1]["no_dropout"]  # layer 2 keeps only half


def test_mean_activations_rejects_bad_draws():
    params = initialize_parameters((2, 3, 1), seed=0)
    for bad in (0, -1, 2.5, True, 10**6):
        with pytest.raises(ValueError, match="n_draws"):
            mean_activations(params, np.zeros((2, 4)), 0.5, n_draws=bad)


# --------------------------------------------------------------------------- keep_prob = 1 through train()


def test_keep_prob_one_is_no_dropout_bit_for_bit_through_train(moons):
    """§1.6: keep_prob = 1 on every layer (input included) is exactly training without dropout."""
    X, Y, Xd, Yd = moons
    base = dict(layer_dims=PAGE_DIMS, hidden_activation="tanh", learning_rate=0.3, num_iterations=200, seed=4)
    plain = train(X, Y, TrainConfig(**base), X_dev=Xd, Y_dev=Yd)
    for kwargs in ({"keep_prob": (1.0, 1.0, 1.0)}, {"keep_prob": 1.0, "input_keep_prob": 1.0}):
        res = train(X, Y, TrainConfig(**base, **kwargs), X_dev=Xd, Y_dev=Yd)
        pd.testing.assert_frame_equal(res.history, plain.history, check_exact=True)
        _assert_params_equal(res.params, plain.params)
    # Informative: dropping anything, even on one layer, changes the run.
    dropped = train(X, Y, TrainConfig(**base, keep_prob=(1.0, 0.95, 1.0)), X_dev=Xd, Y_dev=Yd)
    assert not dropped.history["cost"].equals(plain.history["cost"])


def test_the_curve_point_at_keep_prob_one_is_the_no_dropout_run(moons):
    """The page's validation curve (batched sweep) at keep_prob = 1 is the page's no-dropout model."""
    X, Y, Xd, Yd = moons
    cfg = TrainConfig(layer_dims=PAGE_DIMS, hidden_activation="tanh", learning_rate=0.3, num_iterations=150)
    curve = train_sweep(X, Y, cfg, "keep_prob", (0.5, 1.0), Xd, Yd)
    plain = train(X, Y, cfg, X_dev=Xd, Y_dev=Yd)
    for k in plain.params:
        np.testing.assert_allclose(curve.params[1][k], plain.params[k], rtol=0, atol=1e-10)
    assert curve.dev_errors[1] == plain.history["dev_error"].iloc[-1]


# --------------------------------------------------------------------------- the noisy cost


def test_cost_increases_counts_steps_up():
    h = pd.DataFrame({"cost": [1.0, 0.9, 0.95, 0.7, np.inf, 0.71]})
    assert cost_increases(h) == (2, 4)  # the non-finite row is skipped
    assert cost_increases(pd.DataFrame({"cost": [3.0, 2.0, 1.0]})) == (0, 2)
    with pytest.raises(ValueError, match="no column"):
        cost_increases(pd.DataFrame({"x": [1.0]}))


def test_dropout_makes_the_cost_noisy_and_narrows_the_gap_on_the_page_preset():
    """§1.7 on the page's preset, for three seeds: J is smooth without dropout and noisy with it, and
    dropout shrinks the dev − train gap on average."""
    gaps = {"plain": [], "dropout": []}
    for seed in range(3):
        d = make_dataset("moons", m=200, seed=seed, noise_rate=0.1, jitter=0.2)
        parts = split(d.X, d.Y, (0.5, 0.5), seed=seed)
        (X, Y), (Xd, Yd) = parts["train"], parts["dev"]
        base = dict(
            layer_dims=PAGE_DIMS, hidden_activation="tanh", learning_rate=0.3, num_iterations=1000, seed=seed
        )
        for name, kp in (("plain", 1.0), ("dropout", (0.8, 0.5, 0.8))):
            h = train(X, Y, TrainConfig(**base, keep_prob=kp), X_dev=Xd, Y_dev=Yd).history
            up, steps = cost_increases(h)
            assert up <= 0.05 * steps if name == "plain" else up >= 0.3 * steps
            gaps[name].append(h["dev_error"].iloc[-1] - h["train_error"].iloc[-1])
    assert np.mean(gaps["dropout"]) < np.mean(gaps["plain"]) - 0.03
