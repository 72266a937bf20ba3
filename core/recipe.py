"""§1.2–1.3 lab runs: the knobs of one bias/variance experiment and the basic recipe's steps on them.

An experiment trains a tanh network (Xavier init, full-batch gradient descent) on ``m_train``
examples of a 2-D data set and measures the dev error on ``DEV_SIZE`` fresh examples of the same
distribution. Labels are flipped with probability ``noise``, and the classes are otherwise
separated by several jitter standard deviations (``JITTER``), so the optimal (Bayes) error is
``noise`` (§1.2). The big dev set makes the dev error precise to about ±0.8 points (§1.1), so a
1-point gap between train and dev error is a real gap, not measurement noise.

§1.3 recipe: ``choose_step`` takes the first step of ``core.diagnosis`` (bias steps before
variance steps) that this lab can apply within its limits and work budget, and ``apply_step``
returns the knobs after that step. "better_optimizer" and "new_architecture" are beyond this
lab (plain gradient descent on a fully connected network), so they are never chosen.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace

import numpy as np

from core.datasets import make_dataset
from core.diagnosis import Diagnosis
from core.network import error_rate
from core.train import TrainConfig, TrainResult, train

DEV_SIZE = 10_000
CURVE_DEV = 1_000  # dev examples behind the learning curves (the final dev error uses all DEV_SIZE)
CURVE_ROWS = 25
DATASETS = ("moons", "circles", "xor", "spiral", "blobs")
# Position noise per data set: at most a third of half the gap between the classes (xor's
# quadrants are only 0.2 apart), so jitter alone misclassifies well under 0.1 % of points.
JITTER = {"moons": 0.05, "circles": 0.05, "xor": 0.03, "spiral": 0.05, "blobs": 0.05}
HIDDEN_ACTIVATION = "tanh"
INIT = "xavier"
LEARNING_RATE = 1.0
APPLICABLE = ("bigger_network", "train_longer", "more_data", "regularization")
WIDE_ENOUGH = 16  # grow the width to this before adding layers


@dataclass(frozen=True)
class Knobs:
    """One §1.2 experiment: data set, label noise (= optimal error), capacity, data, iterations, λ."""

    dataset: str = "spiral"
    noise: float = 0.0
    hidden: int = 16
    depth: int = 2
    m_train: int = 70
    iterations: int = 1500
    lambd: float = 0.0

    @property
    def layer_dims(self) -> tuple[int, ...]:
        """[n_x, n[1], …, n[L]]: ``depth`` hidden layers of ``hidden`` units and one sigmoid unit."""
        return (2, *(self.hidden,) * self.depth, 1)

    @property
    def n_parameters(self) -> int:
        d = self.layer_dims
        return sum(d[l] * d[l - 1] + d[l] for l in range(1, len(d)))

    @property
    def work(self) -> float:
        """examples × iterations × parameters, the cost measure of ``ui.controls.cap_iterations``."""
        return float(self.m_train) * self.iterations * self.n_parameters


@dataclass(frozen=True)
class Limits:
    """What the recipe may change: the allowed grids and the work budget of one run."""

    max_hidden: int = 64
    max_depth: int = 4
    m_train: tuple[int, ...] = (
        20,
        30,
        50,
        70,
        100,
        150,
        200,
        300,
        500,
        700,
        1000,
        1500,
        2000,
        3000,
        5000,
        7000,
        10000,
    )
    iterations: tuple[int, ...] = (100, 150, 200, 300, 500, 700, 1000, 1500, 2000, 3000, 5000, 7000, 10000)
    lambd: tuple[float, ...] = field(default=(0.0, 0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1.0, 2.0, 5.0, 10.0))
    max_work: float = 6e8


def train_config(knobs: Knobs, seed: int = 0, record_every: int | None = None) -> TrainConfig:
    """The TrainConfig of an experiment: tanh, Xavier, α = LEARNING_RATE, ~CURVE_ROWS history rows."""
    every = record_every or max(1, knobs.iterations // CURVE_ROWS)
    return TrainConfig(
        layer_dims=knobs.layer_dims,
        hidden_activation=HIDDEN_ACTIVATION,
        init=INIT,
        learning_rate=LEARNING_RATE,
        num_iterations=knobs.iterations,
        lambd=knobs.lambd,
        seed=seed,
        record_every=every,
    )


def _next_on(grid: Sequence, value, steps: int = 1):
    """The value ``steps`` places above ``value`` on ``grid`` (the last one at most); None at the top."""
    above = sorted(g for g in grid if g > value)
    return above[min(steps, len(above)) - 1] if above else None


def _doubled(grid: Sequence, value):
    """The smallest grid value ≥ 2 × ``value`` (else the largest above it); None at the top."""
    above = sorted(g for g in grid if g > value)
    if not above:
        return None
    return next((g for g in above if g >= 2 * value), above[-1])


def _bigger(knobs: Knobs, limits: Limits) -> Knobs | None:
    if knobs.hidden < min(WIDE_ENOUGH, limits.max_hidden):
        return replace(knobs, hidden=min(2 * knobs.hidden, WIDE_ENOUGH, limits.max_hidden))
    if knobs.depth < limits.max_depth:
        return replace(knobs, depth=knobs.depth + 1)
    if knobs.hidden < limits.max_hidden:
        return replace(knobs, hidden=min(2 * knobs.hidden, limits.max_hidden))
    return None


def apply_step(step: str, knobs: Knobs, limits: Limits = Limits()) -> Knobs | None:
    """§1.3 the knobs after one recipe step, or None when the step cannot be applied here.

    bigger_network: double the width up to 16, then add a layer, then widen to the maximum;
    train_longer / more_data: about twice the iterations / training examples (on the grid);
    regularization: λ two grid steps up (from 0 to the smallest λ > 0). A step whose run would
    exceed ``limits.max_work`` is not applicable (it would be cut short and prove nothing).
    """
    if step not in APPLICABLE:
        return None
    if step == "bigger_network":
        new = _bigger(knobs, limits)
    elif step == "train_longer":
        value = _doubled(limits.iterations, knobs.iterations)
        new = None if value is None else replace(knobs, iterations=int(value))
    elif step == "more_data":
        value = _doubled(limits.m_train, knobs.m_train)
        new = None if value is None else replace(knobs, m_train=int(value))
    else:
        value = _next_on(limits.lambd, knobs.lambd, 1 if knobs.lambd == 0 else 2)
        new = None if value is None else replace(knobs, lambd=float(value))
    if new is None or new.work > limits.max_work:
        return None
    return new


def choose_step(diagnosis: Diagnosis, knobs: Knobs, limits: Limits = Limits()) -> str | None:
    """§1.3 the first of ``diagnosis.next_steps`` this lab can apply, or None (done, or out of options)."""
    for step in diagnosis.next_steps:
        if apply_step(step, knobs, limits) is not None:
            return step
    return None


# --------------------------------------------------------------------------- running an experiment


@dataclass(frozen=True, eq=False)
class Experiment:
    """One §1.2 run: its data, the training result and the three errors the diagnosis reads.

    X_train (2, m_train), X_dev (2, DEV_SIZE); train_error and dev_error are measured with the
    final parameters on all of them (the history's dev curve uses the first CURVE_DEV examples).
    """

    knobs: Knobs
    result: TrainResult
    X_train: np.ndarray
    Y_train: np.ndarray
    X_dev: np.ndarray
    Y_dev: np.ndarray
    train_error: float
    dev_error: float

    @property
    def optimal_error(self) -> float:
        """The Bayes error of the data: the label-noise rate (§1.2)."""
        return self.knobs.noise


def dev_seed(seed: int) -> int:
    """The seed of the dev set: independent of the training set, the same for every m_train."""
    return int(np.random.SeedSequence([seed, 12]).generate_state(1)[0])


def make_data(knobs: Knobs, seed: int = 0) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """X_train (2, m_train), Y_train, X_dev (2, DEV_SIZE), Y_dev: independent draws of one distribution."""
    if knobs.dataset not in JITTER:
        raise ValueError(f"dataset must be one of {', '.join(JITTER)}; got {knobs.dataset!r}")
    jitter = JITTER[knobs.dataset]
    train_set = make_dataset(knobs.dataset, knobs.m_train, seed, knobs.noise, jitter)
    dev_set = make_dataset(knobs.dataset, DEV_SIZE, dev_seed(seed), knobs.noise, jitter)
    return train_set.X, train_set.Y, dev_set.X, dev_set.Y


def run_experiment(knobs: Knobs, seed: int = 0, config: TrainConfig | None = None) -> Experiment:
    """§1.2 train ``config`` (default ``train_config(knobs, seed)``) and measure train and dev error."""
    config = config or train_config(knobs, seed)
    X, Y, X_dev, Y_dev = make_data(knobs, seed)
    result = train(X, Y, config, X_dev=X_dev[:, :CURVE_DEV], Y_dev=Y_dev[:, :CURVE_DEV])
    act = config.hidden_activation
    train_error = error_rate(result.params, X, Y, act)
    dev_error = error_rate(result.params, X_dev, Y_dev, act)
    return Experiment(knobs, result, X, Y, X_dev, Y_dev, train_error, dev_error)


def run_experiments(runs: Sequence[tuple[Knobs, int, TrainConfig]]) -> list[Experiment]:
    """``run_experiment`` for each (knobs, seed, config), in order (§1.3's "more data" comparison,
    trained as one background job)."""
    return [run_experiment(knobs, seed, config) for knobs, seed, config in runs]
