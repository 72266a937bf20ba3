"""Controls of §1.4 L2 regularization, and the overfitting preset they build.

The defaults are the preset: 60 noisy training points (label noise and position jitter on the
moons) against a 2 × 30 relu network started from large weights, so that at λ = 0 the network
threads its boundary around single points and the dev error sits well above the train error.
The λ slider's grid (0, 1e-4 … 10) is also the grid of the validation curve. Width and iterations
have their own keys (``width``, ``n_iter``: the home page's ``hidden``/``iterations`` mean other
ranges); §1.5 declares the same controls.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from core.datasets import make_dataset, split
from core.train import TrainConfig
from ui.controls import Control

DEV_SIZE = 180  # dev examples; the training set size is a control
JITTER = 0.25
INIT_SCALE = 1.5  # He × 1.5: a wiggly start, so that λ = 0 overfits within the preset's iterations
RECORD_EVERY = 10
SWEEP_RECORD_EVERY = 100
SWEEP_MAX_WORK = 2.5e9  # K × m × iterations × |θ| for one sweep (the default λ sweep is ≈ 1.1e9)
SWEEP_TIME_BUDGET_S = 8.0  # a safety net (the work cap bounds a sweep): stop, with a notice, after this

CONTROLS = (
    Control("dataset", "choice", "moons", options=("moons", "circles", "xor", "spiral", "own")),
    Control("noise", "float", 0.1, low=0.0, high=0.3, step=0.05, label_key="l2.ctl.noise"),
    Control("m_train", "int", 60, low=20, high=200, step=10, label_key="l2.ctl.m_train"),
    Control("width", "int", 30, low=5, high=50, step=5, label_key="l2.ctl.width"),
    Control("n_iter", "int", 1000, low=200, high=3000, step=100, label_key="l2.ctl.n_iter"),
    Control("learning_rate", "log", 0.5, low=0.01, high=2.0, label_key="l2.ctl.learning_rate"),
    Control("lambd", "log", 0.0, low=1e-4, high=10.0, zero=True, label_key="l2.ctl.lambd"),
    Control("penalty", "choice", "l2", options=("l2", "l1"), label_key="l2.ctl.penalty"),
)
LAMBDA = next(c for c in CONTROLS if c.key == "lambd")


def lambda_grid() -> tuple[float, ...]:
    """The validation curve's λ values: every position of the λ slider (17 values)."""
    return tuple(float(v) for v in LAMBDA.choices())


def data_settings(values: Mapping[str, Any]) -> dict[str, Any]:
    """Arguments of the data set: m (train + dev), label noise, jitter and the train/dev ratios."""
    m = int(values["m_train"]) + DEV_SIZE
    share = int(values["m_train"]) / m
    return {"m": m, "noise_rate": float(values["noise"]), "jitter": JITTER, "ratios": (share, 1.0 - share)}


def train_config(values: Mapping[str, Any], seed: int, **overrides: Any) -> TrainConfig:
    """The page's model: (2, h, h, 1) relu, He × INIT_SCALE, full-batch gradient descent (§1.4)."""
    h = int(values["width"])
    fields = {
        "layer_dims": (2, h, h, 1),
        "hidden_activation": "relu",
        "init": "he",
        "init_scale": INIT_SCALE,
        "learning_rate": float(values["learning_rate"]),
        "num_iterations": int(values["n_iter"]),
        "lambd": float(values["lambd"]),
        "penalty": values["penalty"],
        "seed": seed,
        "record_every": RECORD_EVERY,
    }
    return TrainConfig(**{**fields, **overrides})


def defaults() -> dict[str, Any]:
    """Every control at its default (the overfitting preset)."""
    return {c.key: c.default for c in CONTROLS}


def preset_splits(values: Mapping[str, Any] | None = None, seed: int = 0):
    """(X_train, Y_train, X_dev, Y_dev) of a generated set, as ``ui.training`` builds it (tests, bench)."""
    values = {**defaults(), **(values or {})}
    settings = data_settings(values)
    name = values["dataset"] if values["dataset"] != "own" else "moons"
    data = make_dataset(name, m=settings["m"], seed=seed, noise_rate=settings["noise_rate"], jitter=JITTER)
    parts = split(data.X, data.Y, settings["ratios"], seed=seed)
    return (*parts["train"], *parts["dev"])
