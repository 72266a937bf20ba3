"""Controls of §1.2 bias and variance (also used by §1.3), the lecture's presets, and how a preset
moves the sliders.

Every key carries a page prefix — ``bv_`` here, ``rc_`` on §1.3 — because Streamlit does not carry
a bound widget's value to a widget with the same key on another page: the new page's widget starts
from its own default. Separate keys keep each page's state its own; the ranges are shared.
"""

from __future__ import annotations

from collections.abc import Mapping, MutableMapping
from dataclasses import replace

from core.recipe import DATASETS, Knobs, train_config
from core.train import TrainConfig
from ui.controls import Control, cap_iterations
from ui.i18n import LANGS, strings, text
from ui.training import TIME_BUDGET_S

M_TRAIN = (20, 30, 50, 70, 100, 150, 200, 300, 500, 700, 1000, 1500, 2000, 3000, 5000, 7000, 10000)
ITERATIONS = (100, 150, 200, 300, 500, 700, 1000, 1500, 2000, 3000, 5000, 7000, 10000)
PREFIX = "bv_"
MANUAL = "manual_settings"
KNOBS = {  # key suffix → Knobs field
    "dataset": "dataset",
    "noise": "noise",
    "hidden": "hidden",
    "depth": "depth",
    "m": "m_train",
    "iters": "iterations",
    "lambd": "lambd",
}
# The lecture's cases on real runs and the verdict each lands in (checked over seeds in
# tests/pages/test_bias_variance.py and bench/bench_lecture_1_1_to_1_3.py). Optimal error = label noise.
EXPECTED = {
    "variance_1_11": "high_variance",
    "bias_15_16": "high_bias",
    "both_15_30": "both",
    "fine_05_1": "fine",
    "fine_bayes_15": "fine",
}
PRESETS: dict[str, Knobs] = {
    "variance_1_11": Knobs("spiral", 0.0, 16, 2, 70, 1000, 0.0),  # as 1500: 0% train, 11–12% dev
    "bias_15_16": Knobs("xor", 0.0, 2, 1, 5000, 500, 0.0),
    "both_15_30": Knobs("spiral", 0.0, 4, 1, 50, 1000, 0.0),
    "fine_05_1": Knobs("moons", 0.0, 8, 1, 1000, 1000, 0.0),
    "fine_bayes_15": Knobs("moons", 0.15, 8, 1, 2000, 1000, 0.0),
}
DEFAULT_PRESET = "variance_1_11"
# Work (examples × iterations × parameters) of one run: half the kit's MAX_WORK, because each run
# also measures 10,000 dev examples and draws them; keeps the slowest rerun (every slider at its
# maximum) well under two seconds. The recipe's steps use the same budget.
WORK_BUDGET = 3e8


def knob_controls(start: Knobs, prefix: str = PREFIX) -> tuple[Control, ...]:
    """The seven experiment controls (keys ``prefix`` + suffix) with ``start`` as their defaults."""
    label = "bias_variance.ctl.{}".format
    return (
        Control(f"{prefix}dataset", "choice", start.dataset, options=DATASETS, label_key="ctl.dataset"),
        Control(
            f"{prefix}noise", "float", start.noise, low=0.0, high=0.3, step=0.01, label_key=label("noise")
        ),
        Control(f"{prefix}hidden", "int", start.hidden, low=1, high=64, step=1, label_key=label("hidden")),
        Control(f"{prefix}depth", "int", start.depth, low=1, high=4, step=1, label_key=label("depth")),
        Control(
            f"{prefix}m",
            "log",
            float(start.m_train),
            options=tuple(map(float, M_TRAIN)),
            label_key=label("m"),
        ),
        Control(
            f"{prefix}iters",
            "log",
            float(start.iterations),
            options=tuple(map(float, ITERATIONS)),
            label_key=label("iters"),
        ),
        Control(
            f"{prefix}lambd", "log", start.lambd, low=0.01, high=10.0, zero=True, label_key=label("lambd")
        ),
    )


def preset_control(default: str, prefix: str = PREFIX) -> Control:
    """The "lecture case" choice (key ``prefix`` + "preset")."""
    return Control(
        f"{prefix}preset", "choice", default, options=(*PRESETS, MANUAL), label_key="bias_variance.ctl.preset"
    )


CONTROLS = (preset_control(DEFAULT_PRESET), *knob_controls(PRESETS[DEFAULT_PRESET]))
_BY_SUFFIX = {c.key[len(PREFIX) :]: c for c in CONTROLS}  # ranges are the same whatever the prefix


def lab_config(knobs: Knobs, seed: int) -> TrainConfig:
    """The experiment's TrainConfig with its iterations capped by WORK_BUDGET and a time budget set."""
    config = train_config(knobs, seed)
    iterations = cap_iterations(knobs.m_train, config.n_parameters, config.num_iterations, WORK_BUDGET)
    return replace(config, num_iterations=iterations, time_budget_s=TIME_BUDGET_S)


def knobs_of(values: Mapping, prefix: str = PREFIX) -> Knobs:
    """The Knobs described by control values (keys ``prefix`` + suffix)."""
    fields = {name: values[prefix + suffix] for suffix, name in KNOBS.items()}
    return Knobs(
        dataset=fields["dataset"],
        noise=float(fields["noise"]),
        hidden=int(fields["hidden"]),
        depth=int(fields["depth"]),
        m_train=int(fields["m_train"]),
        iterations=int(fields["iterations"]),
        lambd=float(fields["lambd"]),
    )


def knob_values(knobs: Knobs, prefix: str = PREFIX) -> dict:
    """Control values (key → value, as the widgets hold them) for ``knobs``."""
    values = {
        "dataset": knobs.dataset,
        "noise": float(knobs.noise),
        "hidden": int(knobs.hidden),
        "depth": int(knobs.depth),
        "m": float(knobs.m_train),
        "iters": float(knobs.iterations),
        "lambd": float(knobs.lambd),
    }
    return {prefix + suffix: value for suffix, value in values.items()}


def url_choice(control: Control, raw) -> str | None:
    """The option a URL value names: the option itself, or its label in either language.

    Streamlit writes a bound selectbox's *label* into the browser's address bar, while the share
    link writes the option; both must reopen the same preset.
    """
    if raw is None:
        return None
    if raw in control.options:
        return raw
    for option in control.options:
        key = f"opt.{option}"
        if key in strings() and any(raw == text(key, lang) for lang in LANGS):
            return option
    return None


def _differs(prefix: str, key: str, raw, wanted) -> bool:
    value, _ = _BY_SUFFIX[key[len(prefix) :]].clamp(raw)
    return value != wanted


def sync_preset(state: MutableMapping, query: Mapping, prefix: str = PREFIX) -> str | None:
    """Make the experiment sliders (keys ``prefix`` + suffix) follow the preset choice; call it before
    the widgets are drawn.

    ``state`` is st.session_state (any mutable mapping in tests), ``query`` the URL parameters.
    A newly chosen preset writes its knobs into ``state`` (so the sliders move and the URL
    follows); on the first run of a session only knobs the URL does not set are written, and a
    URL that sets a knob away from its preset shows "manual". When a slider has been moved away
    from the chosen preset the choice becomes "manual". Returns the preset applied now, if any.
    """
    key, applied_key = f"{prefix}preset", f"_applied_{prefix}preset"
    current = state.get(key)
    if current is None:
        return None
    first = applied_key not in state
    if current != state.get(applied_key) and current in PRESETS:
        wanted = knob_values(PRESETS[current], prefix)
        for k, v in wanted.items():
            if not (first and k in query):
                state[k] = v
        state[applied_key] = current
        if first and any(_differs(prefix, k, query[k], v) for k, v in wanted.items() if k in query):
            state[key] = state[applied_key] = MANUAL
            return None
        return current
    state[applied_key] = current
    if current in PRESETS:
        wanted = knob_values(PRESETS[current], prefix)
        if any(k in state and state[k] != v for k, v in wanted.items()):
            state[key] = state[applied_key] = MANUAL
    return None
