"""§1.8 data augmentation: which transforms keep the labels right, and what they do to dev error.

Course notation: X is (2, m), Y is (1, m). Transforms and their validity per data set come from
``core.datasets`` (TRANSFORMS, valid_transforms, augment); this module measures them and trains
on the augmented sets. Pure NumPy/pandas.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from core.datasets import TRANSFORMS, augment, make_dataset, valid_transforms
from core.network import error_rate
from core.train import TrainConfig, TrainResult, train

AGREEMENT_M = 500  # points per set in the nearest-neighbour label check


def label_agreement(name: str, transform: str, m: int = AGREEMENT_M, seed: int = 0) -> float:
    """Share of transformed points whose copied label is still the true label (§1.8).

    The true label of a transformed point is read off its nearest neighbour in an independent
    clean sample of the same data set (no label noise, no position noise), so 1.0 means "label-
    preserving" and about 0.5 or less means the transform scrambles or swaps the classes.
    """
    if transform not in TRANSFORMS:
        raise ValueError(f"transform must be one of {', '.join(TRANSFORMS)}; got {transform!r}")
    source = make_dataset(name, m=m, seed=seed, noise_rate=0.0, jitter=0.0)
    reference = make_dataset(name, m=m, seed=seed + 1, noise_rate=0.0, jitter=0.0)
    X_new, Y_new = augment(source.X, source.Y, (transform,), seed=seed)
    # Nearest reference point for every transformed point, in feature-std units (the "scaled"
    # set spans 1 … 1000 in x1).
    std = reference.X.std(axis=1, keepdims=True)
    A, B = X_new / std, reference.X / std
    d2 = (A * A).sum(0)[:, None] - 2.0 * A.T @ B + (B * B).sum(0)[None, :]
    true = reference.Y[0, np.argmin(d2, axis=1)]
    return float(np.mean(true == Y_new[0]))


def transform_table(name: str, m: int = AGREEMENT_M, seed: int = 0) -> pd.DataFrame:
    """One row per transform of ``core.datasets.TRANSFORMS``: ``transform``, ``label_preserving``
    (from ``valid_transforms(name)``) and the measured ``agreement`` (see ``label_agreement``)."""
    valid = set(valid_transforms(name))
    rows = [
        {"transform": t, "label_preserving": t in valid, "agreement": label_agreement(name, t, m, seed)}
        for t in TRANSFORMS
    ]
    return pd.DataFrame(rows)


@dataclass
class AugmentedRun:
    """A model trained on the original points plus the augmented ones.

    X_new (2, k·m), Y_new (1, k·m): the added examples. ``train_error`` is measured on the ORIGINAL
    training points (the copies are not data we collected); ``dev_error`` on the dev set.
    """

    transforms: tuple[str, ...]
    X_new: np.ndarray
    Y_new: np.ndarray
    result: TrainResult
    train_error: float
    dev_error: float


def train_augmented(
    X: np.ndarray,
    Y: np.ndarray,
    X_dev: np.ndarray,
    Y_dev: np.ndarray,
    config: TrainConfig,
    transforms: Sequence[str],
    seed: int = 0,
    jitter: float = 0.05,
) -> AugmentedRun:
    """§1.8: train on (X, Y) plus ``augment(X, Y, transforms)`` — labels copied from the originals,
    so a transform that is not label-preserving teaches the network wrong labels.

    X (2, m), Y (1, m); the dev set (X_dev, Y_dev) is never augmented.
    """
    transforms = tuple(transforms)
    X_new, Y_new = augment(X, Y, transforms, seed=seed, jitter=jitter)
    X_all, Y_all = np.hstack([X, X_new]), np.hstack([Y, Y_new])
    result = train(X_all, Y_all, config, X_dev=X_dev, Y_dev=Y_dev)
    act = config.hidden_activation
    return AugmentedRun(
        transforms,
        X_new,
        Y_new,
        result,
        error_rate(result.params, X, Y, act),
        error_rate(result.params, X_dev, Y_dev, act),
    )
