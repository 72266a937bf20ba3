"""Controls of §1.5 why regularization reduces overfitting, and the tanh network they build.

The data and training controls are §1.4's own (same keys, ranges and defaults, so a link's
settings mean the same on both pages); the network uses tanh hidden units, where small weights keep
z in the nearly linear part of the curve. ``linear_zone`` only changes what counts as "near-linear" (|z| <
threshold) and never retrains.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from core.train import TrainConfig
from ui.controls import Control
from ui.specs import l2

INIT = "xavier"
INIT_SCALE = 2.0  # Xavier × 2: the tanh units start well outside their linear part

_SHARED = {c.key: c for c in l2.CONTROLS}
CONTROLS = (
    *(_SHARED[k] for k in ("dataset", "noise", "m_train", "width", "n_iter", "learning_rate", "lambd")),
    Control(
        "linear_zone",
        "float",
        0.5,
        low=0.1,
        high=1.0,
        step=0.1,
        label_key="why_reg.ctl.linear_zone",
        training=False,
    ),
)
SHOWN_LAMBDAS = (0.0, 0.01, 0.1, 0.5, 2.0, 10.0)  # the small multiples of decision boundaries


def train_config(values: Mapping[str, Any], seed: int) -> TrainConfig:
    """(2, h, h, 1) tanh, Xavier × INIT_SCALE, L2 penalty, full-batch gradient descent (§1.5)."""
    return l2.train_config(
        {**values, "penalty": "l2"},
        seed,
        hidden_activation="tanh",
        init=INIT,
        init_scale=INIT_SCALE,
        record_every=l2.SWEEP_RECORD_EVERY,
    )


def defaults() -> dict[str, Any]:
    return {c.key: c.default for c in CONTROLS}
