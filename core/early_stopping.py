"""§1.8 early stopping read off one training history: the dev minimum, the patience rule, ‖W‖_F.

``core.train.train`` records a history row every ``record_every`` iterations; these helpers
replay its early-stopping rule on that history and summarise the models it produced.
Course notation: X is (n_x, m), Y is (1, m), params hold W1, b1, …, WL, bL. Pure NumPy/pandas.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

import numpy as np
import pandas as pd

from core.network import error_rate, num_layers

_NORM = re.compile(r"^W(\d+)_norm$")


def _usable(history: pd.DataFrame) -> pd.DataFrame:
    for col in ("iteration", "cost", "dev_error"):
        if col not in history:
            raise ValueError(f"history needs an {col!r} column (train with X_dev and Y_dev)")
    return history[np.isfinite(history["cost"]) & np.isfinite(history["dev_error"])]


def dev_minimum(history: pd.DataFrame) -> tuple[int, float]:
    """(iteration, dev error) of the first recorded row with the lowest dev error — where early
    stopping keeps the parameters (§1.8). Rows of a diverged run are ignored."""
    rows = _usable(history)
    if rows.empty:
        raise ValueError("history has no finite row to choose from")
    best = rows["dev_error"].to_numpy().argmin()  # the first minimum, like train()
    return int(rows["iteration"].iloc[best]), float(rows["dev_error"].iloc[best])


def patience_stop(history: pd.DataFrame, patience: int) -> tuple[int | None, int]:
    """Replay ``train``'s patience rule on a full history: (stop iteration or None, best iteration).

    Training stops at the first iteration i with i − (best recorded iteration so far) ≥ patience;
    a recorded row at i itself counts before the check. None: the run would not have stopped.
    """
    if isinstance(patience, bool) or not isinstance(patience, (int, np.integer)) or patience < 1:
        raise ValueError(f"patience must be an integer ≥ 1; got {patience!r}")
    rows = _usable(history)
    if rows.empty:
        raise ValueError("history has no finite row to choose from")
    its = rows["iteration"].to_numpy(dtype=int)
    devs = rows["dev_error"].to_numpy(dtype=float)
    last = int(history["iteration"].iloc[-1])  # train() never stops early at its last iteration
    best_it, best_dev = int(its[0]), float(devs[0])
    for it, dev in zip(its[1:], devs[1:], strict=True):
        if it - best_it > patience:  # the stop came between two recorded rows
            return best_it + patience, best_it
        if dev < best_dev:
            best_it, best_dev = int(it), float(dev)
        elif it - best_it == patience and it != last:
            return int(it), best_it
    return None, best_it


def total_weight_norm(history: pd.DataFrame) -> np.ndarray:
    """‖W‖_F over all layers, √(Σ_l ‖W[l]‖²_F), per history row, from the ``W{l}_norm`` columns."""
    cols = [c for c in history.columns if _NORM.match(str(c))]
    if not cols:
        raise ValueError("history has no W{l}_norm columns")
    return np.sqrt(np.sum(np.square(history[cols].to_numpy(dtype=float)), axis=1))


def weight_norm(params: Mapping[str, np.ndarray]) -> float:
    """‖W‖_F over all layers of ``params`` (the biases are not part of it)."""
    return float(np.sqrt(sum(np.sum(np.square(params[f"W{l}"])) for l in range(1, num_layers(params) + 1))))


def model_summary(
    params: Mapping[str, np.ndarray],
    X: np.ndarray,
    Y: np.ndarray,
    X_dev: np.ndarray,
    Y_dev: np.ndarray,
    hidden_activation: str = "relu",
) -> dict[str, float]:
    """{"train_error", "dev_error", "weight_norm"} of one model — to set the early-stopped, the fully
    trained and the L2 model side by side (§1.8)."""
    with np.errstate(all="ignore"):
        return {
            "train_error": error_rate(params, X, Y, hidden_activation),
            "dev_error": error_rate(params, X_dev, Y_dev, hidden_activation),
            "weight_norm": weight_norm(params),
        }
