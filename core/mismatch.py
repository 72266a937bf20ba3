"""§1.1 Picking a model on a dev set when the data come from two distributions.

The lecture's example: training pictures come from the web, but the app will see phone pictures.
Here the "web" distribution is a generated 2-D set and the "phone" one is the same set passed
through ``core.datasets.shift_distribution`` (rotated, rescaled or blurred by noise). Several
candidate networks are trained on web data only; the one with the lowest dev error is picked and
its dev error is compared with its test error. When dev and test share a distribution the dev
error predicts the test error; when they do not, it can be far off and the pick can be wrong.

Sizes are capped: counts and intervals on the §1.1 page are analytic for up to 1,000,000
examples, but the demo trains on at most ``MAX_TRAIN`` examples and evaluates on at most
``MAX_EVAL`` per set. Pure NumPy; no UI.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from core.datasets import make_dataset, make_mismatched_sets
from core.network import error_rate
from core.train import TrainConfig, train

SOURCES = ("web", "phone")  # unshifted, shifted
SCENARIOS = {  # dev source, test source
    "same": ("web", "web"),
    "dev_test_shifted": ("phone", "phone"),
    "test_shifted": ("web", "phone"),
    "dev_shifted": ("phone", "web"),
}
CANDIDATES = ((1,), (2,), (4,), (8,), (16, 16))  # hidden layer sizes of the candidate networks
MAX_TRAIN = 500
MAX_EVAL = 2000
MIN_SET = 4
ITERATIONS = 800
JITTER = 0.05


@dataclass(frozen=True)
class DemoSpec:
    """One mismatch demo: data set, shift, set sizes (before capping) and seed."""

    dataset: str = "moons"
    kind: str = "noise"
    amount: float = 0.5
    m_train: int = 500
    m_dev: int = 2000
    m_test: int = 2000
    seed: int = 0

    def capped(self) -> DemoSpec:
        """The sizes actually used: train ≤ MAX_TRAIN, dev/test ≤ MAX_EVAL, every set ≥ MIN_SET."""
        return DemoSpec(
            self.dataset,
            self.kind,
            self.amount,
            int(np.clip(self.m_train, MIN_SET, MAX_TRAIN)),
            int(np.clip(self.m_dev, MIN_SET, MAX_EVAL)),
            int(np.clip(self.m_test, MIN_SET, MAX_EVAL)),
            self.seed,
        )


@dataclass(frozen=True)
class Demo:
    """Errors of every candidate: ``errors[(part, source)]`` is an array (n_candidates,).

    part is "train", "dev" or "test"; source "web" or "phone" ("train" only has "web").
    ``params`` holds each candidate's trained parameters (for drawing its boundary); ``sets``
    the data, keyed like ``errors``, as (X (2, m), Y (1, m)).
    """

    spec: DemoSpec
    candidates: tuple[tuple[int, ...], ...]
    errors: dict
    params: tuple
    sets: dict


@dataclass(frozen=True)
class Selection:
    """Model selection on the dev set: the pick, the best on test, and how far dev was off."""

    pick: int
    best_on_test: int
    dev_error: float  # of the pick
    test_error: float  # of the pick
    gap: float  # test − dev error of the pick
    regret: float  # test error of the pick − best test error


def candidate_config(hidden: tuple[int, ...], seed: int) -> TrainConfig:
    """A tanh network with the given hidden layers, trained like the §1.2 lab runs."""
    return TrainConfig(
        layer_dims=(2, *hidden, 1),
        hidden_activation="tanh",
        init="xavier",
        learning_rate=1.0,
        num_iterations=ITERATIONS,
        seed=seed,
        record_every=ITERATIONS,
    )


def train_candidates(
    dataset: str, m_train: int, seed: int, candidates: tuple[tuple[int, ...], ...] = CANDIDATES
) -> tuple[dict, ...]:
    """§1.1 every candidate trained on the web training set; their parameters, in order.

    The training set is ``make_dataset(dataset, m_train, seed)`` whatever the dev/test sizes and
    the shift (``make_mismatched_sets``), so these depend on nothing else: a page that keeps
    them by these arguments does not retrain when only the sets they are measured on change.
    """
    X, Y = _web_training_set(dataset, m_train, seed)
    return tuple(train(X, Y, candidate_config(h, seed)).params for h in candidates)


def _web_training_set(dataset: str, m_train: int, seed: int) -> tuple[np.ndarray, np.ndarray]:
    train_set = make_dataset(dataset, m_train, seed, noise_rate=0.0, jitter=JITTER)
    return train_set.X, train_set.Y


def run_demo(
    spec: DemoSpec,
    candidates: tuple[tuple[int, ...], ...] = CANDIDATES,
    params: tuple[dict, ...] | None = None,
) -> Demo:
    """§1.1 train every candidate on web data; measure it on web and phone dev/test sets.

    ``params``: the candidates already trained (``train_candidates`` with the capped spec's
    dataset, m_train and seed); trained here when None.
    """
    s = spec.capped()
    common = dict(seed=s.seed, noise_rate=0.0, jitter=JITTER, shift=s.kind, amount=s.amount)
    phone = make_mismatched_sets(s.dataset, s.m_train, s.m_dev, s.m_test, **common)
    web = make_mismatched_sets(
        s.dataset, s.m_train, s.m_dev, s.m_test, dev_shifted=False, test_shifted=False, **common
    )
    sets = {("train", "web"): (web["train"].X, web["train"].Y)}
    for part in ("dev", "test"):
        sets[(part, "web")] = (web[part].X, web[part].Y)
        sets[(part, "phone")] = (phone[part].X, phone[part].Y)
    if params is None:
        params = train_candidates(s.dataset, s.m_train, s.seed, candidates)
    if len(params) != len(candidates):
        raise ValueError(f"params has {len(params)} entries for {len(candidates)} candidates")
    errors = {
        key: np.array([error_rate(p, Xs, Ys, "tanh") for p in params]) for key, (Xs, Ys) in sets.items()
    }
    return Demo(s, tuple(candidates), errors, params, sets)


def select(dev_errors, test_errors) -> Selection:
    """Pick the lowest dev error (first on ties) and compare it with the test set's verdict."""
    dev, test = np.asarray(dev_errors, dtype=float), np.asarray(test_errors, dtype=float)
    if dev.shape != test.shape or dev.ndim != 1 or dev.size == 0:
        raise ValueError(
            f"dev_errors and test_errors must be equal-length 1-D; got {dev.shape}, {test.shape}"
        )
    pick, best = int(np.argmin(dev)), int(np.argmin(test))
    return Selection(
        pick,
        best,
        float(dev[pick]),
        float(test[pick]),
        float(test[pick] - dev[pick]),
        float(test[pick] - test[best]),
    )


def scenario_selection(demo: Demo, scenario: str) -> Selection:
    """The selection when dev and test come from the sources of ``scenario`` (see SCENARIOS)."""
    if scenario not in SCENARIOS:
        raise ValueError(f"scenario must be one of {', '.join(SCENARIOS)}; got {scenario!r}")
    dev_source, test_source = SCENARIOS[scenario]
    return select(demo.errors[("dev", dev_source)], demo.errors[("test", test_source)])
