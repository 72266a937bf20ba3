"""core/early_stopping.py: the dev minimum, the patience rule replayed against train(), ‖W‖_F over
iterations and the three-model summary (§1.8)."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from core.datasets import make_dataset, split
from core.early_stopping import dev_minimum, model_summary, patience_stop, total_weight_norm, weight_norm
from core.network import error_rate
from core.train import TrainConfig, train

EVERY = 20
# The early-stopping page's preset: small He weights, 100 noisy training points, 300 dev points.
PAGE = dict(
    layer_dims=(2, 40, 40, 1), learning_rate=0.3, init_scale=0.2, num_iterations=2000, record_every=EVERY
)


def page_data(seed: int = 0):
    d = make_dataset("moons", m=400, seed=seed, noise_rate=0.15, jitter=0.2)
    parts = split(d.X, d.Y, (0.25, 0.75), seed=seed)
    return (*parts["train"], *parts["dev"])


@pytest.fixture(scope="module")
def full_run():
    X, Y, Xd, Yd = page_data(0)
    return train(X, Y, TrainConfig(**PAGE), X_dev=Xd, Y_dev=Yd), (X, Y, Xd, Yd)


# --------------------------------------------------------------------------- the dev minimum


def test_early_stopping_picks_the_dev_minimum(full_run):
    res, (X, Y, Xd, Yd) = full_run
    h = res.history
    best, dev = dev_minimum(h)
    assert best == res.best_iteration
    assert dev == h["dev_error"].min() == res.best_dev_error
    assert best == int(h.loc[h["dev_error"].idxmin(), "iteration"])  # the first of equal minima
    # The kept parameters really score that minimum on the dev set.
    assert error_rate(res.best_params, Xd, Yd) == dev
    # On this preset the minimum is in the middle and the run overfits after it.
    assert 0 < best < PAGE["num_iterations"] // 2
    assert h["dev_error"].iloc[-1] > dev + 0.05
    assert h["train_error"].iloc[-1] < h.loc[h["iteration"] == best, "train_error"].iloc[0]


@pytest.mark.parametrize("patience", [EVERY * 5, 150, 333, EVERY * 30])
def test_patience_rule_replays_train(full_run, patience):
    """Replaying the rule on the full history gives what train() does with that patience."""
    res, (X, Y, Xd, Yd) = full_run
    stop, kept = patience_stop(res.history, patience)
    stopped = train(X, Y, TrainConfig(**PAGE, early_stopping_patience=patience), X_dev=Xd, Y_dev=Yd)
    last = int(stopped.history["iteration"].iloc[-1])
    if stop is None:
        assert stopped.stop_reason == "completed"
    else:
        assert stopped.stop_reason == "early_stopping"
        assert last == stop // EVERY * EVERY  # the last recorded row before (or at) the stop
    assert stopped.best_iteration == kept
    np.testing.assert_array_equal(stopped.params["W1"], stopped.best_params["W1"])


def test_patience_rule_on_hand_made_histories():
    h = pd.DataFrame(
        {
            "iteration": [0, 10, 20, 30, 40, 50],
            "cost": [1.0] * 6,
            "dev_error": [0.5, 0.3, 0.4, 0.35, 0.2, 0.25],
        }
    )
    assert patience_stop(h, 20) == (30, 10)  # 30 − 10 = 20 ≥ patience, checked after row 30
    assert patience_stop(h, 5) == (5, 0)  # between two rows: 0 + 5, before row 10 was recorded
    assert patience_stop(h, 40) == (None, 40)  # the new best at 40 resets the count; the run ends at 50
    assert patience_stop(h, 10) == (20, 10)
    h.loc[3, "cost"] = np.nan  # a row that is not finite is ignored
    assert dev_minimum(h) == (40, 0.2)
    with pytest.raises(ValueError, match="patience"):
        patience_stop(h, 0)
    with pytest.raises(ValueError, match="dev_error"):
        patience_stop(h.drop(columns="dev_error"), 5)


# --------------------------------------------------------------------------- weight norms


def test_weight_norm_grows_and_matches_the_parameters(full_run):
    res, _ = full_run
    h = res.history
    total = total_weight_norm(h)
    assert total[-1] == pytest.approx(weight_norm(res.final_params), rel=1e-12)
    best_row = int(np.flatnonzero(h["iteration"].to_numpy() == res.best_iteration)[0])
    assert total[best_row] == pytest.approx(weight_norm(res.best_params), rel=1e-12)
    # §1.8: small at the start, mid-sized at the dev minimum, large at the end.
    assert total[0] < total[best_row] < total[-1]
    assert total[-1] > 2 * total[best_row]


def test_l2_keeps_the_weights_small_and_the_three_summaries(full_run):
    res, (X, Y, Xd, Yd) = full_run
    l2 = train(X, Y, TrainConfig(**PAGE, lambd=1.0), X_dev=Xd, Y_dev=Yd)
    early = model_summary(res.best_params, X, Y, Xd, Yd)
    full = model_summary(res.final_params, X, Y, Xd, Yd)
    reg = model_summary(l2.params, X, Y, Xd, Yd)
    assert set(early) == {"train_error", "dev_error", "weight_norm"}
    assert full["train_error"] < early["train_error"]  # trained longer, fits the noise more
    assert early["dev_error"] < full["dev_error"] and reg["dev_error"] < full["dev_error"]
    assert reg["weight_norm"] < full["weight_norm"] and early["weight_norm"] < full["weight_norm"]


def test_total_weight_norm_needs_norm_columns():
    with pytest.raises(ValueError, match="W\\{l\\}_norm"):
        total_weight_norm(pd.DataFrame({"iteration": [0]}))
