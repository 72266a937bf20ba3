"""core/augmentation_demo.py: measured label agreement against the declared symmetries, training on
augmented sets, and the §1.8 claims — label-preserving copies help a small set, a transform that is
not label-preserving raises dev error (fixed seeds, several of them)."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from core.augmentation_demo import label_agreement, train_augmented, transform_table
from core.datasets import (
    DATASETS,
    TRANSFORMS,
    augment,
    invalid_transforms,
    make_dataset,
    split,
    valid_transforms,
)
from core.network import error_rate
from core.train import TrainConfig, train

# The augmentation page's network and training.
CONFIG = TrainConfig(layer_dims=(2, 32, 32, 1), learning_rate=0.5, num_iterations=700, record_every=100)
M_DEV = 300


def page_data(name: str, m: int, seed: int):
    """As the page builds it: one clean draw of m + 300 points, split into m training and 300 dev points."""
    d = make_dataset(name, m=m + M_DEV, seed=seed, noise_rate=0.0, jitter=0.1)
    parts = split(d.X, d.Y, (m / (m + M_DEV), M_DEV / (m + M_DEV)), seed=seed)
    return (*parts["train"], *parts["dev"])


# --------------------------------------------------------------------------- label agreement


@pytest.mark.parametrize("name", DATASETS)
def test_measured_agreement_matches_the_declared_symmetries(name):
    table = transform_table(name)
    assert list(table["transform"]) == list(TRANSFORMS)
    assert set(table.loc[table["label_preserving"], "transform"]) == set(valid_transforms(name))
    for row in table.itertuples():
        if row.label_preserving:
            assert row.agreement >= 0.97, row.transform
        else:
            assert row.agreement <= 0.6, row.transform  # scrambled (≈ 0.5) or swapped (≈ 0)


def test_agreement_of_exact_label_swaps_is_zero():
    # XOR: mirroring in an axis flips sign(x1·x2); moons: the 180° turn swaps the two moons.
    assert label_agreement("xor", "reflect_x") == 0.0
    assert label_agreement("moons", "rotate_180") == 0.0
    assert label_agreement("circles", "rotate_90") == 1.0


def test_label_agreement_rejects_unknown_names():
    with pytest.raises(ValueError, match="transform must be one of"):
        label_agreement("xor", "flip_upside_down")
    with pytest.raises(ValueError, match="name must be one of"):
        label_agreement("cats", "jitter")


# --------------------------------------------------------------------------- training on augmented sets


def test_no_transform_is_plain_training_bit_for_bit():
    X, Y, Xd, Yd = page_data("xor", 10, 0)
    run = train_augmented(X, Y, Xd, Yd, CONFIG, ())
    plain = train(X, Y, CONFIG, X_dev=Xd, Y_dev=Yd)
    assert run.X_new.shape == (2, 0) and run.Y_new.shape == (1, 0)
    pd.testing.assert_frame_equal(run.result.history, plain.history, check_exact=True)
    assert run.dev_error == plain.history["dev_error"].iloc[-1]


def test_augmented_run_adds_the_copies_and_measures_train_error_on_the_originals():
    X, Y, Xd, Yd = page_data("xor", 12, 1)
    transforms = valid_transforms("xor")
    run = train_augmented(X, Y, Xd, Yd, CONFIG, transforms, seed=1, jitter=0.05)
    X_new, Y_new = augment(X, Y, transforms, seed=1, jitter=0.05)
    np.testing.assert_array_equal(run.X_new, X_new)
    np.testing.assert_array_equal(run.Y_new, Y_new)
    assert run.transforms == transforms
    assert run.train_error == error_rate(run.result.params, X, Y)
    assert run.dev_error == error_rate(run.result.params, Xd, Yd)
    # The engine saw originals and copies: m(1 + k) examples.
    direct = train(np.hstack([X, X_new]), np.hstack([Y, Y_new]), CONFIG, X_dev=Xd, Y_dev=Yd)
    pd.testing.assert_frame_equal(run.result.history, direct.history, check_exact=True)


# --------------------------------------------------------------------------- the §1.8 claims


@pytest.mark.parametrize(
    ("name", "transform"), [("xor", "reflect_x"), ("blobs", "reflect_y"), ("moons", "rotate_180")]
)
@pytest.mark.parametrize("seed", [0, 1, 2])
def test_a_transform_that_is_not_label_preserving_raises_dev_error(name, transform, seed):
    assert transform in invalid_transforms(name)
    X, Y, Xd, Yd = page_data(name, 10, seed)
    base = train_augmented(X, Y, Xd, Yd, CONFIG, (), seed=seed)
    bad = train_augmented(X, Y, Xd, Yd, CONFIG, (transform,), seed=seed)
    assert bad.dev_error > base.dev_error + 0.1
    assert bad.dev_error > 0.35  # the copies teach the opposite labels: close to guessing


@pytest.mark.parametrize(("name", "m"), [("xor", 10), ("circles", 12)])
def test_label_preserving_copies_lower_dev_error_of_a_small_set(name, m):
    base, aug = [], []
    for seed in range(4):
        X, Y, Xd, Yd = page_data(name, m, seed)
        base.append(train_augmented(X, Y, Xd, Yd, CONFIG, (), seed=seed).dev_error)
        aug.append(train_augmented(X, Y, Xd, Yd, CONFIG, valid_transforms(name), seed=seed).dev_error)
    assert np.mean(aug) < np.mean(base) - 0.05, (base, aug)
