"""Data and training runs for the pages, cached by configuration.

A ``DataSpec`` (frozen, hashable) names a generated data set or an uploaded one (by its
digest); with a ``TrainConfig`` it is the cache key of a run, so a rerun that changes no
training control does not retrain. Large arrays are never hashed. A run that only asks for more
iterations than a finished one goes on from it (``core.train.extend``) instead of starting over.
"""

from __future__ import annotations

import hashlib
import threading
from collections import OrderedDict
from collections.abc import Hashable
from dataclasses import dataclass, replace

import numpy as np
import streamlit as st

from core.datasets import make_dataset, split
from core.deep_nets import grad_norms_from_history
from core.train import TrainConfig, TrainResult, extend, extendable, train
from ui.controls import cap_iterations
from ui.i18n import t

CACHE = {"max_entries": 128, "ttl": 3600, "show_spinner": False}
TIME_BUDGET_S = 4.0
CALLS = {"train": 0, "extend": 0}  # uncached runs this process trained from the start / went on with
MAX_FINISHED = 64  # kinds of run (data and config but the iterations) whose finished runs are kept
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
    data = _splits_
    prior = _longest_before(spec, config)
    if prior is None:
        CALLS["train"] += 1
        result = train(data.X_train, data.Y_train, config, X_dev=data.X_dev, Y_dev=data.Y_dev)
    else:  # the iterations slider moved up: go on from where the shorter run stopped
        CALLS["extend"] += 1
        result = extend(prior, data.X_train, data.Y_train, config, data.X_dev, data.Y_dev)
    _keep_finished(spec, result)
    return result


# Finished runs by kind (``_kind``), each by its number of iterations; shared by all sessions.
_FINISHED: OrderedDict[Hashable, dict[int, TrainResult]] = OrderedDict()
_FINISHED_LOCK = threading.Lock()
RUNS_PER_KIND = 4


def _kind(spec: DataSpec, config: TrainConfig) -> Hashable:
    """What a run shares with the same run trained longer."""
    return spec, replace(config, num_iterations=0, time_budget_s=None)


def _longest_before(spec: DataSpec, config: TrainConfig) -> TrainResult | None:
    """The longest kept run that ``config`` extends (core.train.extendable), or None."""
    kind = _kind(spec, config)
    with _FINISHED_LOCK:
        runs = _FINISHED.get(kind)
        if not runs:
            return None
        _FINISHED.move_to_end(kind)
        shorter = [r for r in runs.values() if extendable(r, config)]
    return max(shorter, key=lambda r: r.config.num_iterations, default=None)


def _keep_finished(spec: DataSpec, result: TrainResult) -> None:
    """Keep a completed run for longer runs of its kind to go on from (the longest few per kind)."""
    if result.stop_reason != "completed":
        return
    kind = _kind(spec, result.config)
    with _FINISHED_LOCK:
        runs = _FINISHED.setdefault(kind, {})
        runs[result.config.num_iterations] = result
        for n in sorted(runs)[: max(0, len(runs) - RUNS_PER_KIND)]:
            del runs[n]
        _FINISHED.move_to_end(kind)
        while len(_FINISHED) > MAX_FINISHED:
            _FINISHED.popitem(last=False)


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


def gradients_at_start_and_end(result: TrainResult) -> dict[str, np.ndarray]:
    """§1.10–1.11 ‖dW[l]‖ per layer at initialization and at the run's last iteration (where it
    stopped or diverged), keyed by their names in the page's language."""
    history = result.history
    grads = {t("series.init"): grad_norms_from_history(history, 0)}
    last = int(history["iteration"].iloc[-1])
    if last > 0:
        name = t("series.diverged", n=last) if result.diverged else t("series.after", n=last)
        grads[name] = grad_norms_from_history(history, -1)
    return grads


def show_run_notices(result: TrainResult, requested_iterations: int) -> None:
    """Draw ``run_notices`` in the page, with a button that downloads the run's history as CSV."""
    from ui.shell import SCOPE
    from ui.upload import download_history_button

    for level, message in run_notices(result, requested_iterations):
        getattr(st, level)(message)
    tag = hashlib.sha1(repr(result.config).encode()).hexdigest()[:8]
    download_history_button(result.history, f"history-{SCOPE.get()}{tag}.csv")
