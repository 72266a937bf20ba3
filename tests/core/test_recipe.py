"""core.recipe: the §1.2 experiment (its optimal error really is the label noise) and the §1.3 steps."""

from dataclasses import replace

import numpy as np
import pytest

from core.datasets import make_dataset
from core.diagnosis import diagnose
from core.network import error_rate
from core.recipe import (
    DATASETS,
    DEV_SIZE,
    JITTER,
    Knobs,
    Limits,
    apply_step,
    choose_step,
    make_data,
    run_experiment,
    train_config,
)

LIMITS = Limits()


def test_knobs_and_config():
    k = Knobs("moons", 0.1, 8, 3, 100, 300, 0.05)
    assert k.layer_dims == (2, 8, 8, 8, 1)
    config = train_config(k, seed=4)
    assert config.layer_dims == k.layer_dims and config.n_parameters == k.n_parameters
    assert (config.num_iterations, config.lambd, config.seed) == (300, 0.05, 4)
    assert config.hidden_activation == "tanh" and config.init == "xavier"
    assert k.work == 100 * 300 * k.n_parameters


def test_data_shapes_and_a_dev_set_that_does_not_depend_on_the_training_size():
    X, Y, X_dev, Y_dev = make_data(Knobs("spiral", 0.0, 4, 1, 50, 100, 0.0), seed=3)
    assert X.shape == (2, 50) and Y.shape == (1, 50) and X_dev.shape == (2, DEV_SIZE)
    _, _, X_dev2, Y_dev2 = make_data(Knobs("spiral", 0.0, 4, 1, 700, 100, 0.0), seed=3)
    np.testing.assert_array_equal(X_dev, X_dev2)  # "more data" is judged on the same dev set
    np.testing.assert_array_equal(Y_dev, Y_dev2)
    with pytest.raises(ValueError, match="dataset"):
        make_data(Knobs("scaled", 0.0, 4, 1, 50, 100, 0.0))


@pytest.mark.parametrize("name", DATASETS)
def test_jitter_alone_leaves_the_optimal_error_near_zero(name):
    """§1.2 the optimal error is the label noise: with no flips the jittered classes stay separable.

    The nearest point of a dense clean (jitter-free) sample is a near-Bayes classifier for these
    shapes; it misclassifies almost no jittered point.
    """
    clean = make_dataset(name, 20_000, seed=1, noise_rate=0.0, jitter=0.0)
    noisy = make_dataset(name, 2_000, seed=2, noise_rate=0.0, jitter=JITTER[name])
    wrong = 0
    for start in range(0, noisy.m, 500):
        P = noisy.X[:, start : start + 500]
        d2 = ((P[:, :, None] - clean.X[:, None, :]) ** 2).sum(axis=0)
        wrong += int(np.sum(clean.Y[0, d2.argmin(axis=1)] != noisy.Y[0, start : start + 500]))
    assert wrong / noisy.m < 0.003


def test_label_noise_sets_the_error_of_the_true_labels():
    _, Y, _, Y_dev = make_data(Knobs("moons", 0.15, 4, 1, 5000, 100, 0.0), seed=0)
    _, Y0, _, Y0_dev = make_data(Knobs("moons", 0.0, 4, 1, 5000, 100, 0.0), seed=0)
    assert np.mean(Y != Y0) == pytest.approx(0.15, abs=0.015)
    assert np.mean(Y_dev != Y0_dev) == pytest.approx(0.15, abs=0.01)


def test_run_experiment_measures_both_errors_on_all_examples():
    k = Knobs("moons", 0.0, 4, 1, 100, 200, 0.0)
    exp = run_experiment(k, seed=1)
    params = exp.result.params
    assert exp.train_error == error_rate(params, exp.X_train, exp.Y_train, "tanh")
    assert exp.dev_error == error_rate(params, exp.X_dev, exp.Y_dev, "tanh")
    assert exp.optimal_error == 0.0
    assert {"train_error", "dev_error"} <= set(exp.result.history.columns)
    assert int(exp.result.history["iteration"].iloc[-1]) == 200


def test_bigger_network_ladder():
    k = Knobs(hidden=4, depth=1, m_train=50, iterations=500)
    sizes = []
    for _ in range(7):
        k = apply_step("bigger_network", k, LIMITS)
        sizes.append((k.hidden, k.depth))
    # wider up to 16 units, then deeper, then wider to the limit
    assert sizes == [(8, 1), (16, 1), (16, 2), (16, 3), (16, 4), (32, 4), (64, 4)]
    assert apply_step("bigger_network", k, LIMITS) is None
    assert (
        apply_step("bigger_network", Knobs(hidden=5, depth=1, m_train=20, iterations=100), LIMITS).hidden
        == 10
    )


def test_train_longer_more_data_and_regularization():
    k = Knobs(hidden=4, depth=1, m_train=70, iterations=700, lambd=0.0)
    assert apply_step("train_longer", k, LIMITS).iterations == 1500
    assert apply_step("more_data", k, LIMITS).m_train == 150
    assert apply_step("regularization", k, LIMITS).lambd == 0.01
    assert apply_step("regularization", replace(k, lambd=0.01), LIMITS).lambd == 0.05
    assert apply_step("regularization", replace(k, lambd=5.0), LIMITS).lambd == 10.0
    assert apply_step("regularization", replace(k, lambd=10.0), LIMITS) is None
    assert apply_step("more_data", replace(k, m_train=7000), LIMITS).m_train == 10000
    assert apply_step("more_data", replace(k, m_train=10000), LIMITS) is None
    for beyond in ("better_optimizer", "new_architecture", "nonsense"):
        assert apply_step(beyond, k, LIMITS) is None


def test_steps_respect_the_work_budget():
    tight = replace(LIMITS, max_work=2e7)
    k = Knobs(hidden=16, depth=2, m_train=5000, iterations=1000)  # 5000 × 1000 × 337 > 2e7 already
    assert apply_step("more_data", k, tight) is None
    assert apply_step("bigger_network", k, tight) is None
    assert apply_step("regularization", k, tight) is None


def test_choose_step_follows_the_recipe_order():
    small = Knobs(hidden=4, depth=1, m_train=50, iterations=1000)
    assert choose_step(diagnose(0.15, 0.16), small, LIMITS) == "bigger_network"
    assert choose_step(diagnose(0.15, 0.30), small, LIMITS) == "bigger_network"  # bias first
    huge = Knobs(hidden=64, depth=4, m_train=20, iterations=100)
    assert choose_step(diagnose(0.15, 0.16), huge, LIMITS) == "train_longer"
    assert choose_step(diagnose(0.01, 0.11), small, LIMITS) == "more_data"
    assert choose_step(diagnose(0.01, 0.11), replace(small, m_train=10000), LIMITS) == "regularization"
    assert choose_step(diagnose(0.005, 0.01), small, LIMITS) is None
    stuck = Knobs(hidden=64, depth=4, m_train=20, iterations=10000)
    assert choose_step(diagnose(0.15, 0.16), stuck, LIMITS) is None
