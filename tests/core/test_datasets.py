"""Tests for core.datasets (Course 2 Week 1: §1.1 splits/mismatch, §1.2 Bayes error,
§1.8 data augmentation, §1.9 normalizing inputs)."""

from __future__ import annotations

import dataclasses
import re

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from core import datasets as ds

settings.register_profile("core_datasets", deadline=None, max_examples=40, database=None)
PROFILE = settings.get_profile("core_datasets")

# Closed-form labelling rules of the clean generators (True = class 1).
RULES = {
    "circles": lambda X: np.hypot(X[0], X[1]) < 0.75,
    "xor": lambda X: X[0] * X[1] < 0,
    "blobs": lambda X: X[0] > 0,
    "scaled": lambda X: X[1] > (X[0] - 1) / 999,
}


def moons_rule(X: np.ndarray) -> np.ndarray:
    """Class of the nearer arc: class 0 upper arc centred (-0.5, -0.15), class 1 = -class 0."""
    t = np.linspace(0.0, np.pi, 2001)
    arc0 = np.vstack([np.cos(t) - 0.5, np.sin(t) - 0.15])
    return _dist_to(X, -arc0) < _dist_to(X, arc0)


def _dist_to(X: np.ndarray, curve: np.ndarray) -> np.ndarray:
    d2 = (X**2).sum(0)[:, None] - 2 * X.T @ curve + (curve**2).sum(0)[None, :]
    return np.sqrt(np.maximum(d2.min(axis=1), 0.0))


def unit(name: str, X: np.ndarray) -> np.ndarray | float:
    """Metric scale for nearest neighbours: raw units, except per-feature span for "scaled"."""
    return np.ptp(X, axis=1, keepdims=True) if name == "scaled" else 1.0


def nn_labels(X_ref: np.ndarray, Y_ref: np.ndarray, X: np.ndarray, scale) -> np.ndarray:
    A, B = X_ref / scale, X / scale
    d2 = (B**2).sum(0)[:, None] - 2 * B.T @ A + (A**2).sum(0)[None, :]
    return Y_ref[0, d2.argmin(axis=1)]


def clean(name: str, m: int = 800, seed: int = 0) -> ds.Dataset:
    return ds.make_dataset(name, m, seed=seed, noise_rate=0.0, jitter=0.02)


# --------------------------------------------------------------------------- make_dataset


@pytest.mark.parametrize("name", ds.DATASETS)
def test_shapes_dtypes_and_balance(name):
    d = ds.make_dataset(name, m=401, seed=3)
    assert d.X.shape == (2, 401) and d.Y.shape == (1, 401)
    assert d.X.dtype == np.float64 and d.Y.dtype == np.float64
    assert set(np.unique(d.Y)) == {0.0, 1.0}
    assert (d.Y == 0).sum() == 200 and (d.Y == 1).sum() == 201  # odd one to class 1
    assert d.m == 401 and d.name == name and d.bayes_error == d.noise_rate == 0.0
    assert np.isfinite(d.X).all()


@pytest.mark.parametrize("name", [n for n in ds.DATASETS if n != "scaled"])
def test_centred_sets_within_default_scale(name):
    X = ds.make_dataset(name, m=2000, jitter=0.0).X
    assert np.abs(X).max() <= 1.5 + 1e-12
    assert np.abs(X.mean(axis=1)).max() < 0.1


@pytest.mark.parametrize("name", ds.DATASETS)
def test_deterministic_by_seed_and_different_across_seeds(name):
    a = ds.make_dataset(name, m=100, seed=7, noise_rate=0.1)
    b = ds.make_dataset(name, m=100, seed=7, noise_rate=0.1)
    c = ds.make_dataset(name, m=100, seed=8, noise_rate=0.1)
    assert np.array_equal(a.X, b.X) and np.array_equal(a.Y, b.Y)
    assert not np.array_equal(a.X, c.X)


@pytest.mark.parametrize("name", ds.DATASETS)
@pytest.mark.parametrize("p", [0.05, 0.2, 0.5])
def test_realised_flip_rate_matches_noise_rate(name, p):
    m = 20_000
    noisy = ds.make_dataset(name, m=m, seed=11, noise_rate=p)
    base = ds.make_dataset(name, m=m, seed=11, noise_rate=0.0)
    assert np.array_equal(noisy.X, base.X)  # same positions: only labels change
    rate = (noisy.Y != base.Y).mean()
    assert abs(rate - p) <= 4 * np.sqrt(p * (1 - p) / m)
    assert noisy.bayes_error == p


@pytest.mark.parametrize("name", sorted(RULES))
def test_clean_labels_follow_the_rule(name):
    d = clean(name, m=2000)
    assert np.array_equal(RULES[name](d.X), d.Y[0] == 1)


def test_clean_moons_labels_are_the_nearer_arc():
    d = clean("moons", m=2000)
    assert np.array_equal(moons_rule(d.X), d.Y[0] == 1)


@pytest.mark.parametrize("name", ds.DATASETS)
def test_clean_labels_are_a_function_of_geometry(name):
    """1-NN on an independent clean sample reproduces every label (separable classes)."""
    ref, d = clean(name, m=3000, seed=1), clean(name, m=500, seed=2)
    assert np.array_equal(nn_labels(ref.X, ref.Y, d.X, unit(name, ref.X)), d.Y[0])


def test_rule_error_on_noisy_data_is_the_bayes_error():
    d = ds.make_dataset("circles", m=20_000, seed=5, noise_rate=0.15, jitter=0.02)
    err = (RULES["circles"](d.X) != (d.Y[0] == 1)).mean()
    assert abs(err - d.bayes_error) <= 4 * np.sqrt(0.15 * 0.85 / d.m)


def test_scaled_feature_ranges_and_both_features_matter():
    X, Y = (lambda d: (d.X, d.Y[0]))(ds.make_dataset("scaled", m=4000, jitter=0.0))
    assert 1.0 <= X[0].min() < 50 and 950 < X[0].max() <= 1000.0
    assert 0.0 <= X[1].min() < 0.05 and 0.95 < X[1].max() <= 1.0
    for row in X:  # the best single-feature threshold is clearly worse than the diagonal rule
        acc = max(max(((row > t) == Y).mean(), ((row <= t) == Y).mean()) for t in row[::20])
        assert acc < 0.85
    Xj = ds.make_dataset("scaled", m=4000).X
    assert np.mean((Xj[0] > -100) & (Xj[0] < 1100) & (Xj[1] > -0.1) & (Xj[1] < 1.1)) > 0.99


def test_million_examples_is_fast_and_vectorised():
    d = ds.make_dataset("spiral", m=1_000_000, seed=1, noise_rate=0.1)
    assert d.X.shape == (2, 1_000_000) and d.Y.mean() == pytest.approx(0.5, abs=0.01)


@PROFILE
@given(
    name=st.sampled_from(ds.DATASETS),
    m=st.integers(ds.MIN_M, 300),
    seed=st.integers(0, 2**32 - 1),
    p=st.floats(0.0, 0.5),
)
def test_make_dataset_properties(name, m, seed, p):
    d = ds.make_dataset(name, m=m, seed=seed, noise_rate=p)
    assert d.X.shape == (2, m) and d.Y.shape == (1, m)
    assert np.isin(d.Y, (0.0, 1.0)).all() and np.isfinite(d.X).all()


@pytest.mark.parametrize(
    ("kwargs", "arg"),
    [
        ({"name": "cats"}, "name"),
        ({"m": 3}, "m"),
        ({"m": 1_000_001}, "m"),
        ({"m": 10.0}, "m"),
        ({"m": True}, "m"),
        ({"seed": -1}, "seed"),
        ({"seed": 1.5}, "seed"),
        ({"noise_rate": 0.6}, "noise_rate"),
        ({"noise_rate": -0.1}, "noise_rate"),
        ({"noise_rate": float("nan")}, "noise_rate"),
        ({"jitter": -0.1}, "jitter"),
        ({"jitter": float("inf")}, "jitter"),
    ],
)
def test_make_dataset_validates_arguments(kwargs, arg):
    args = {"name": "moons", **kwargs}
    with pytest.raises(ValueError, match=arg):
        ds.make_dataset(**args)


def test_dataset_is_frozen_read_only_and_validated():
    d = ds.make_dataset("xor", m=10)
    with pytest.raises(dataclasses.FrozenInstanceError):
        d.name = "other"  # type: ignore[misc]
    with pytest.raises(ValueError):
        d.X[0, 0] = 1.0
    X, Y = np.zeros((2, 4)), np.array([[0.0, 1.0, 1.0, 0.0]])
    assert ds.Dataset(X, Y, "custom", 0.1).m == 4
    with pytest.raises(ValueError, match="Y must contain only"):
        ds.Dataset(X, Y * 2, "custom", 0.0)
    with pytest.raises(ValueError, match="Y must have shape"):
        ds.Dataset(X, Y[:, :3], "custom", 0.0)
    with pytest.raises(ValueError, match="X must have shape"):
        ds.Dataset(np.zeros((3, 4)), Y, "custom", 0.0)
    with pytest.raises(ValueError, match="noise_rate"):
        ds.Dataset(X, Y, "custom", 0.7)
    with pytest.raises(ValueError, match="name"):
        ds.Dataset(X, Y, "", 0.0)


# --------------------------------------------------------------------------- split


def test_split_default_sizes_disjoint_and_complete():
    m = 400
    X = np.vstack([np.arange(m, dtype=float), np.zeros(m)])
    Y = (np.arange(m) % 2).astype(float)[None, :]
    parts = ds.split(X, Y, seed=1)
    assert list(parts) == ["train", "dev", "test"]
    assert [p[0].shape[1] for p in parts.values()] == [240, 80, 80]
    ids = [p[0][0].astype(int) for p in parts.values()]
    assert sorted(np.concatenate(ids).tolist()) == list(range(m))
    for Xp, Yp in parts.values():  # labels travel with their columns
        assert np.array_equal(Yp[0], Xp[0] % 2)
    again = ds.split(X, Y, seed=1)
    assert all(np.array_equal(again[k][0], parts[k][0]) for k in parts)
    assert not np.array_equal(ds.split(X, Y, seed=2)["dev"][0], parts["dev"][0])


def test_split_two_ratios_and_tiny_big_data_ratios():
    m = 200_000
    X = np.arange(m, dtype=float)[None, :]  # any n_x is fine for split
    parts = ds.split(X, np.zeros((1, m)), ratios=(0.995, 0.0025, 0.0025))
    assert [p[0].shape[1] for p in parts.values()] == [199_000, 500, 500]
    seen = np.concatenate([p[0][0] for p in parts.values()])
    assert np.unique(seen).size == m
    two = ds.split(X[:, :10], np.zeros((1, 10)), ratios=[0.7, 0.3])
    assert list(two) == ["train", "dev"] and two["dev"][0].shape == (1, 3)


@pytest.mark.parametrize(
    ("m", "ratios", "expected"),
    [
        (1_000_000, (0.98, 0.01, 0.01), (980_000, 10_000, 10_000)),
        (1_000_000, (0.995, 0.0025, 0.0025), (995_000, 2_500, 2_500)),
        (1_000_000, (0.6, 0.2, 0.2), (600_000, 200_000, 200_000)),
        (100, (0.995, 0.0025, 0.0025), (98, 1, 1)),
        (100, (0.58, 0.21, 0.21), (58, 21, 21)),
        (3, (0.98, 0.01, 0.01), (1, 1, 1)),
        (10, (0.5, 0.5), (5, 5)),
        (7, (0.6, 0.2, 0.2), (4, 2, 1)),  # largest remainder, ties to the earlier part
    ],
)
def test_split_counts(m, ratios, expected):
    assert ds.split_counts(m, ratios) == expected


@PROFILE
@given(
    m=st.integers(3, 1_000_000),
    raw=st.lists(st.floats(0.001, 1.0), min_size=2, max_size=3),
)
def test_split_counts_properties(m, raw):
    ratios = np.array(raw) / sum(raw)
    counts = ds.split_counts(m, ratios)
    assert sum(counts) == m and min(counts) >= 1 and len(counts) == len(raw)
    if (ratios * m >= 1).all():
        assert np.all(np.abs(np.array(counts) - ratios * m) < 1 + 1e-9)


@pytest.mark.parametrize(
    "ratios",
    [(0.6, 0.2, 0.3), (0.5, 0.5, 0.0), (1.2, -0.2), (1.0,), (0.25,) * 4, "abc", (0.5, np.nan)],
)
def test_split_rejects_bad_ratios(ratios):
    with pytest.raises(ValueError, match="ratios"):
        ds.split_counts(100, ratios)


def test_split_validates_arguments():
    X, Y = np.zeros((2, 5)), np.zeros((1, 5))
    with pytest.raises(ValueError, match="ratios"):
        ds.split(X[:, :2], Y[:, :2])  # 2 examples cannot fill 3 parts
    with pytest.raises(ValueError, match="Y must have shape"):
        ds.split(X, Y[:, :4])
    with pytest.raises(ValueError, match="seed"):
        ds.split(X, Y, seed=-3)
    with pytest.raises(ValueError, match="X "):
        ds.split(np.full((2, 5), np.nan), Y)
    with pytest.raises(ValueError, match="m "):
        ds.split_counts(0, (0.5, 0.5))


# --------------------------------------------------------------------------- mismatch


@pytest.mark.parametrize("kind", ds.SHIFT_KINDS)
def test_shift_amount_zero_is_identity(kind):
    X = ds.make_dataset("moons", m=200).X
    out = ds.shift_distribution(X, kind=kind, amount=0.0)
    assert np.array_equal(out, X) and out is not X


def test_shift_changes_statistics():
    X = ds.make_dataset("moons", m=4000, seed=2).X
    var = X.var(axis=1)
    rot = ds.shift_distribution(X, "rotate", amount=1.0)  # 90 degrees: variances swap
    assert np.allclose(rot.mean(axis=1), X.mean(axis=1))
    assert np.allclose(rot.var(axis=1), var[::-1])
    rot45 = ds.shift_distribution(X, "rotate", amount=0.5)
    assert not np.allclose(np.cov(rot45), np.cov(X), atol=0.05)
    assert np.allclose(ds.shift_distribution(X, "scale", 0.5).std(axis=1), 1.5 * X.std(axis=1))
    noisy = ds.shift_distribution(X, "noise", 0.5, seed=1)
    assert np.allclose(noisy.var(axis=1), 1.25 * var, rtol=0.08)
    assert np.array_equal(noisy, ds.shift_distribution(X, "noise", 0.5, seed=1))
    assert not np.array_equal(noisy, ds.shift_distribution(X, "noise", 0.5, seed=2))


@pytest.mark.parametrize(
    ("kwargs", "arg"),
    [
        ({"kind": "shear"}, "kind"),
        ({"amount": 1.5}, "amount"),
        ({"amount": -0.1}, "amount"),
        ({"seed": "0"}, "seed"),
        ({"X": np.zeros((3, 5))}, "X"),
    ],
)
def test_shift_validates_arguments(kwargs, arg):
    args = {"X": np.zeros((2, 5)), **kwargs}
    with pytest.raises(ValueError, match=arg):
        ds.shift_distribution(**args)


def test_mismatched_sets():
    sets = ds.make_mismatched_sets("moons", 2000, 1000, 1000, seed=4, shift="scale", amount=1.0)
    assert list(sets) == ["train", "dev", "test"]
    assert [s.m for s in sets.values()] == [2000, 1000, 1000]
    train = ds.make_dataset("moons", 2000, seed=4)
    assert np.array_equal(sets["train"].X, train.X) and np.array_equal(sets["train"].Y, train.Y)
    sd = {k: s.X.std(axis=1) for k, s in sets.items()}
    assert np.allclose(sd["dev"], 2 * sd["train"], rtol=0.1)
    assert np.allclose(sd["test"], 2 * sd["train"], rtol=0.1)
    only_test = ds.make_mismatched_sets(
        "moons", 2000, 1000, 1000, seed=4, shift="scale", amount=1.0, dev_shifted=False
    )
    assert np.allclose(only_test["dev"].X.std(axis=1), sd["train"], rtol=0.1)
    assert np.array_equal(only_test["test"].X, sets["test"].X)
    for s in sets.values():
        assert s.name == "moons" and s.Y.shape == (1, s.m)


def test_mismatched_shift_keeps_labels_and_uses_one_map():
    sets = ds.make_mismatched_sets("xor", 500, 400, 400, seed=1, amount=1.0, jitter=0.0)
    for part in ("dev", "test"):  # 90 degrees about the (near-zero) train centre: xor flips
        assert (RULES["xor"](sets[part].X) != (sets[part].Y[0] == 1)).mean() > 0.95


@pytest.mark.parametrize(
    ("kwargs", "arg"),
    [
        ({"m_dev": 2}, "m_dev"),
        ({"m_test": 0}, "m_test"),
        ({"m_train": 5.5}, "m_train"),
        ({"shift": "warp"}, "shift"),
        ({"amount": 2.0}, "amount"),
        ({"dev_shifted": "yes"}, "dev_shifted"),
        ({"test_shifted": 1}, "test_shifted"),
        ({"name": "nope"}, "name"),
        ({"noise_rate": 0.9}, "noise_rate"),
    ],
)
def test_mismatched_validates_arguments(kwargs, arg):
    args = {"name": "circles", "m_train": 10, "m_dev": 10, "m_test": 10, **kwargs}
    with pytest.raises(ValueError, match=arg):
        ds.make_mismatched_sets(**args)


# --------------------------------------------------------------------------- normalizer


@pytest.mark.parametrize("name", ds.DATASETS)
def test_normalizer_train_set_is_standardised(name):
    X = ds.make_dataset(name, m=1000, seed=1).X
    norm = ds.fit_normalizer(X)
    assert norm.mu.shape == (2, 1) and norm.sigma2.shape == (2, 1)
    Z = norm.transform(X)
    assert np.allclose(Z.mean(axis=1), 0.0, atol=1e-12)
    assert np.allclose(Z.var(axis=1), 1.0, atol=1e-9)


def test_normalizer_uses_training_statistics_only():
    sets = ds.make_mismatched_sets("scaled", 2000, 1000, 1000, seed=2, shift="scale", amount=1.0)
    norm = ds.fit_normalizer(sets["train"].X)
    Z_dev = norm.transform(sets["dev"].X)
    assert np.allclose(Z_dev.var(axis=1), 4.0, rtol=0.15)  # not re-fitted on dev
    offset = sets["dev"].X + np.array([[300.0], [0.2]])  # a shifted dev set is not zero-mean
    assert np.all(np.abs(norm.transform(offset).mean(axis=1)) > 0.5)
    assert np.allclose(ds.fit_normalizer(offset).transform(offset).mean(axis=1), 0, atol=1e-9)


def test_normalizer_formula_and_validation():
    X = np.array([[1.0, 2.0, 3.0, 6.0], [5.0, 5.0, 5.0, 5.0]])
    norm = ds.fit_normalizer(X)
    assert np.allclose(norm.mu[:, 0], [3.0, 5.0]) and np.allclose(norm.sigma2[:, 0], [3.5, 0])
    Z = norm.transform(X)
    assert np.allclose(Z[0], (X[0] - 3) / np.sqrt(3.5)) and np.array_equal(Z[1], np.zeros(4))
    assert ds.fit_normalizer(np.ones((5, 3))).n_x == 5  # any n_x
    with pytest.raises(ValueError, match="X must have shape"):
        norm.transform(np.zeros((3, 4)))
    with pytest.raises(ValueError, match="X_train"):
        ds.fit_normalizer(np.zeros((2, 0)))
    with pytest.raises(ValueError, match="sigma2"):
        ds.Normalizer(np.zeros((2, 1)), -np.ones((2, 1)))
    with pytest.raises(ValueError, match="mu and sigma2"):
        ds.Normalizer(np.zeros((2, 1)), np.ones((3, 1)))


# --------------------------------------------------------------------------- augmentation


def test_transform_tables_partition_transforms():
    for name in ds.DATASETS:
        valid, invalid = ds.valid_transforms(name), ds.invalid_transforms(name)
        assert set(valid).isdisjoint(invalid) and set(valid) | set(invalid) == set(ds.TRANSFORMS)
        assert "jitter" in valid
        assert list(valid) == [t for t in ds.TRANSFORMS if t in valid]
    assert [n for n in ds.DATASETS if not ds.invalid_transforms(n)] == ["circles"]
    assert {"rotate_180", "reflect_origin"} <= set(ds.invalid_transforms("moons"))
    assert "rotate_180" in ds.invalid_transforms("spiral")
    assert ds.valid_transforms("xor") == ("reflect_origin", "swap_axes", "rotate_180", "jitter")
    with pytest.raises(ValueError, match="name"):
        ds.valid_transforms("dogs")
    with pytest.raises(ValueError, match="name"):
        ds.invalid_transforms("dogs")


@pytest.mark.parametrize("name", ds.DATASETS)
@pytest.mark.parametrize("seed", [0, 1])
def test_valid_transforms_preserve_and_invalid_break_labels(name, seed):
    """§1.8 proof by nearest-neighbour label agreement with the clean original set."""
    d = clean(name, seed=seed)
    scale = unit(name, d.X)
    for t in ds.TRANSFORMS:
        X_new, Y_new = ds.augment(d.X, d.Y, [t], seed=seed, dataset=name)
        agreement = (nn_labels(d.X, d.Y, X_new, scale) == Y_new[0]).mean()
        if t in ds.valid_transforms(name):
            assert agreement >= 0.97, (t, agreement)
        else:
            assert agreement <= 0.60, (t, agreement)


@pytest.mark.parametrize("name", sorted(RULES))
def test_transform_validity_by_labelling_rule(name):
    d = clean(name, m=1000)
    for t in ds.TRANSFORMS:
        X_new, Y_new = ds.augment(d.X, d.Y, t)
        agreement = (RULES[name](X_new) == (Y_new[0] == 1)).mean()
        assert (agreement == 1.0) if t in ds.valid_transforms(name) else (agreement <= 0.6)


def test_augment_maps_shapes_and_labels():
    X = np.array([[1.0, 3.0], [2.0, -4.0]])
    Y = np.array([[0.0, 1.0]])
    expected = {
        "reflect_x": [[1, 3], [-2, 4]],
        "reflect_y": [[-1, -3], [2, -4]],
        "reflect_origin": [[-1, -3], [-2, 4]],
        "rotate_180": [[-1, -3], [-2, 4]],
        "swap_axes": [[2, -4], [1, 3]],
        "rotate_90": [[-2, 4], [1, 3]],
    }
    for t, want in expected.items():
        X_new, Y_new = ds.augment(X, Y, [t])
        assert np.array_equal(X_new, np.array(want, dtype=float)) and np.array_equal(Y_new, Y)
    X_all, Y_all = ds.augment(X, Y, ds.TRANSFORMS, seed=3)
    assert X_all.shape == (2, 14) and np.array_equal(Y_all, np.tile(Y, 7))
    assert np.array_equal(X, [[1.0, 3.0], [2.0, -4.0]])  # input untouched
    X_e, Y_e = ds.augment(X, Y, [])
    assert X_e.shape == (2, 0) and Y_e.shape == (1, 0)


def test_augment_jitter_is_relative_and_seeded():
    X = ds.make_dataset("scaled", m=5000, seed=1).X
    Y = np.zeros((1, 5000))
    a, _ = ds.augment(X, Y, "jitter", seed=5, jitter=0.05)
    b, _ = ds.augment(X, Y, "jitter", seed=5, jitter=0.05)
    c, _ = ds.augment(X, Y, "jitter", seed=6, jitter=0.05)
    assert np.array_equal(a, b) and not np.array_equal(a, c)
    assert np.allclose((a - X).std(axis=1), 0.05 * X.std(axis=1), rtol=0.05)
    two, _ = ds.augment(X, Y, ["jitter", "jitter"], seed=5)
    assert not np.array_equal(two[:, :5000], two[:, 5000:])


def test_augment_applies_harmful_transforms_and_validates():
    d = clean("moons", m=20)
    X_new, _ = ds.augment(d.X, d.Y, ["rotate_180"], dataset="moons")  # invalid, still applied
    assert np.array_equal(X_new, -d.X)
    for kwargs, arg in [
        ({"transforms": ["flip"]}, "transforms"),
        ({"transforms": 5}, "transforms"),
        ({"dataset": "cats"}, "dataset"),
        ({"jitter": -1.0}, "jitter"),
        ({"seed": -1}, "seed"),
        ({"Y": np.full((1, 20), 0.5)}, "Y"),
        ({"X": np.zeros((3, 20))}, "X"),
    ]:
        args = {"X": d.X, "Y": d.Y, "transforms": ["jitter"], **kwargs}
        with pytest.raises(ValueError, match=arg):
            ds.augment(**args)


# --------------------------------------------------------------------------- validate_points

GOOD = [[0.0, 1.0], [1.0, 0.5], [2.0, -1.0], [3.0, 2.0], [4.0, 0.0]]
BAD_INPUTS = {
    "empty": ([], [], "empty"),
    "wrong shape": (np.zeros((5, 3)), [0, 1, 0, 1, 1], r"shape \(5, 3\)"),
    "transposed": (np.zeros((2, 5)), [0, 1, 0, 1, 1], "transposed"),
    "one point": ([1.0, 2.0], [0], r"shape \(2,\)$"),
    "ragged": ([[0, 1], [1], [2, 3], [3, 4]], [0, 0, 1, 1], "different lengths"),
    "non-numeric points": ([*GOOD[:4], ["a", 1.0]], [0, 0, 1, 1, 1], "non-numeric values in 1"),
    "complex points": (np.ones((4, 2), dtype=complex), [0, 0, 1, 1], "real numbers"),
    "nan points": ([*GOOD[:3], [np.nan, 1.0], [np.inf, 0.0]], [0, 0, 1, 1, 1], "NaN or inf in 2"),
    "too many rows": (np.zeros((21, 2)), [0, 1] * 10 + [0], "max_rows=20"),
    "label count": (GOOD, [0, 1, 0, 1], "labels has 4 values but points has 5"),
    "label shape": (GOOD, np.zeros((5, 2)), "labels must be 1-D"),
    "label text": (GOOD, ["cat", "dog", "cat", "dog", "dog"], "labels has non-numeric"),
    "label nan": (GOOD, [0, 1, np.nan, 1, 0], "labels has NaN or inf in 1"),
    "not binary": (GOOD, [0, 1, 2, 1, 0], "found 3 distinct values: 0, 1, 2"),
    "single class": (GOOD, [1, 1, 1, 1, 1], r"single class \(1\)"),
    "tiny class": (GOOD, [0, 0, 0, 0, 1], "class 1 has only 1 row"),
}


@pytest.mark.parametrize("case", sorted(BAD_INPUTS))
def test_validate_points_rejects_bad_input(case):
    points, labels, pattern = BAD_INPUTS[case]
    with pytest.raises(ValueError, match=pattern):
        ds.validate_points(points, labels, max_rows=20)


def test_validate_points_messages_are_distinct():
    """Each problem has its own message: it matches its own pattern and no other case's."""
    assert len(BAD_INPUTS) >= 8
    for case, (points, labels, _) in BAD_INPUTS.items():
        with pytest.raises(ValueError) as info:
            ds.validate_points(points, labels, max_rows=20)
        matching = {c for c, (_, _, pat) in BAD_INPUTS.items() if re.search(pat, str(info.value))}
        assert matching == {case}, (case, str(info.value))


def test_validate_points_arguments():
    with pytest.raises(ValueError, match="max_rows"):
        ds.validate_points(GOOD, [0, 0, 1, 1, 1], max_rows=0)
    with pytest.raises(ValueError, match="min_per_class"):
        ds.validate_points(GOOD, [0, 0, 1, 1, 1], min_per_class=0)
    with pytest.raises(ValueError, match="class 0 has only 2 row"):
        ds.validate_points(GOOD, [0, 0, 1, 1, 1], min_per_class=3)


@pytest.mark.parametrize(
    "labels",
    [[0, 0, 1, 1, 1], [-1, -1, 1, 1, 1], [False, False, True, True, True], [2.5, 2.5, 7, 7, 7]],
)
def test_validate_points_label_encodings(labels):
    X, Y = ds.validate_points(GOOD, labels)
    assert X.shape == (2, 5) and X.dtype == np.float64 and np.array_equal(X, np.array(GOOD).T)
    assert Y.shape == (1, 5) and Y.dtype == np.float64
    assert np.array_equal(Y, [[0, 0, 1, 1, 1]])


def test_validate_points_accepts_pandas_and_numeric_text():
    frame = pd.DataFrame({"x1": ["0", "1", "2", " 3.5 ", "4e0"], "x2": [1, 2, 3, 4, 5]})
    X, Y = ds.validate_points(frame, pd.Series([1, 1, 0, 0, 1]))
    assert np.array_equal(X, [[0, 1, 2, 3.5, 4], [1, 2, 3, 4, 5]])
    assert np.array_equal(Y, [[1, 1, 0, 0, 1]])
    _, Y_col = ds.validate_points(GOOD, np.array([[0], [0], [1], [1], [1]]))
    assert Y_col.shape == (1, 5)


@PROFILE
@given(
    data=st.data(),
    n=st.integers(4, 60),
    classes=st.lists(
        st.integers(-1000, 1000) | st.floats(-1e3, 1e3), min_size=2, max_size=2, unique=True
    ),
)
def test_validate_points_random_valid_input(data, n, classes):
    coords = st.floats(-1e6, 1e6, allow_nan=False, allow_infinity=False)
    points = np.array(data.draw(st.lists(st.tuples(coords, coords), min_size=n, max_size=n)))
    picks = data.draw(st.lists(st.integers(0, 1), min_size=n - 4, max_size=n - 4))
    idx = np.array([0, 0, 1, 1, *picks])
    if float(classes[0]) == float(classes[1]):
        return
    labels = np.array(classes, dtype=float)[idx]
    X, Y = ds.validate_points(points.tolist(), labels.tolist())
    assert X.shape == (2, n) and Y.shape == (1, n)
    assert np.array_equal(X, points.T)
    assert np.array_equal(Y[0], (labels == max(classes)).astype(float))
