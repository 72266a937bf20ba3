"""Data and training runs for the pages, cached by configuration.

A ``DataSpec`` (frozen, hashable) names a generated data set or an uploaded one (by its
digest); with a ``TrainConfig`` it is the cache key of a run, so a rerun that changes no
training control does not retrain. Large arrays are never hashed.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, replace

import numpy as np
import streamlit as st

from core.datasets import make_dataset, split
from core.train import TrainConfig, TrainResult, train
from ui.controls import cap_iterations
from ui.i18n import t

CACHE = {"max_entries": 128, "ttl": 3600, "show_spinner": False}
TIME_BUDGET_S = 4.0
CALLS = {"train": 0}  # how many real (uncached) training runs this process made — for tests
OWN = "own"


@dataclass(frozen=True)
class DataSpec:
    """Which data: a generator with its settings, or ``name="own"`` with the upload's digest."""

    name: str = "moons"
    m: int = 400
    seed: int = 0
    noise_rate: float = 0.0
    jitter: float = 0.2
    ratios: tuple[float, ...] = (0.7, 0.3)
    digest: str = ""


@dataclass(frozen=True)
class Splits:
    X_train: np.ndarray
    Y_train: np.ndarray
    X_dev: np.ndarray
    Y_dev: np.ndarray


def own_data() -> tuple[np.ndarray, np.ndarray, str] | None:
    """The session's uploaded data set (X, Y, digest), if any."""
    return st.session_state.get("_own_data")


@st.cache_data(**CACHE)
def _splits(spec: DataSpec, _own: tuple[np.ndarray, np.ndarray] | None = None) -> Splits:
    if spec.name == OWN:
        if _own is None:
            raise ValueError("no uploaded data in this session")
        X, Y = _own
    else:
        data = make_dataset(
            spec.name, m=spec.m, seed=spec.seed, noise_rate=spec.noise_rate, jitter=spec.jitter
        )
        X, Y = data.X, data.Y
    parts = split(X, Y, spec.ratios, seed=spec.seed)
    return Splits(*parts["train"], *parts["dev"])


def load_splits(spec: DataSpec) -> Splits:
    """Train and dev sets for ``spec`` (cached)."""
    own = own_data()
    if spec.name == OWN:
        if own is None:
            spec = replace(spec, name="moons", digest="")
        else:
            spec = replace(spec, digest=own[2])
    return _splits(spec, None if own is None else own[:2])


def data_spec(name: str, m: int, seed: int, **kw) -> DataSpec:
    """A DataSpec that follows the uploaded data when the page chose ``own``."""
    own = own_data()
    if name == OWN and own is not None:
        return DataSpec(name=OWN, m=own[0].shape[1], seed=seed, digest=own[2], **kw)
    if name == OWN:
        st.info(t("data.own_missing"), icon=":material/upload_file:")
    return DataSpec(name=name if name != OWN else "moons", m=m, seed=seed, **kw)


def budgeted(config: TrainConfig, m: int) -> TrainConfig:
    """The config with iterations capped by the work budget and a time budget set."""
    iterations = cap_iterations(m, config.n_parameters, config.num_iterations)
    return replace(config, num_iterations=iterations, time_budget_s=TIME_BUDGET_S)


@st.cache_data(**CACHE)
def _run(spec: DataSpec, config: TrainConfig, _splits_: Splits) -> TrainResult:
    CALLS["train"] += 1
    return train(_splits_.X_train, _splits_.Y_train, config, X_dev=_splits_.X_dev, Y_dev=_splits_.Y_dev)


def run(spec: DataSpec, config: TrainConfig) -> tuple[TrainResult, Splits]:
    """Train ``config`` on ``spec``'s data (cached by both; arrays are not hashed)."""
    data = load_splits(spec)
    config = budgeted(config, data.X_train.shape[1])
    result = _run(spec, config, data)
    if result.stop_reason == "time_budget":  # cut short by load: show it, but don't keep it for an hour
        _run.clear(spec, config, data)
    return result, data


def progress(*runs) -> tuple[int, ...]:
    """How far each run (a TrainResult or a SweepResult) got: its last recorded iteration.

    Figures kept by their inputs (``ui.shell.chart``) name it too: a run cut short by the time
    budget is not kept and trains again later, so its figures must not outlive it.
    """
    return tuple(int(r.history["iteration"].max()) if len(r.history) else -1 for r in runs)


def run_notices(result: TrainResult, requested_iterations: int) -> list[tuple[str, str]]:
    """(level, message) pairs about a run: capped work, time budget, divergence."""
    notes = []
    if result.config.num_iterations < requested_iterations:
        notes.append(("info", t("run.capped", asked=requested_iterations, used=result.config.num_iterations)))
    if result.stop_reason == "time_budget":
        notes.append(
            (
                "warning",
                t(
                    "run.time_budget",
                    seconds=TIME_BUDGET_S,
                    iteration=int(result.history["iteration"].iloc[-1]),
                ),
            )
        )
    if result.diverged:
        notes.append(("error", t("run.diverged", iteration=result.diverged_at)))
    return notes


def show_run_notices(result: TrainResult, requested_iterations: int) -> None:
    """Draw ``run_notices`` in the page, with a button that downloads the run's history as CSV."""
    from ui.shell import SCOPE
    from ui.upload import download_history_button

    for level, message in run_notices(result, requested_iterations):
        getattr(st, level)(message)
    tag = hashlib.sha1(repr(result.config).encode()).hexdigest()[:8]
    download_history_button(result.history, f"history-{SCOPE.get()}{tag}.csv")
