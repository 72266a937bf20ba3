"""§1.2 Bias and variance — train vs dev error against the optimal error, measured on real runs."""

import streamlit as st

from core.diagnosis import diagnose
from core.estimates import half_width, wilson_interval
from core.recipe import DEV_SIZE, Experiment, Knobs, run_experiment
from core.train import train
from ui import charts
from ui.compare import B_PREFIX, b_variant, page_body
from ui.figures import bias_variance as figs
from ui.i18n import current_lang, labels, t
from ui.shell import chart, page_header, seed, show_code
from ui.specs.bias_variance import CONTROLS, PREFIX, knobs_of, lab_config, sync_preset, url_choice
from ui.training import CACHE, progress, show_run_notices
from ui.widgets import initial_value

SLUG = "bias_variance"
BOX = {"fine": st.success, "high_bias": st.warning, "high_variance": st.warning, "both": st.error}


@st.cache_data(**CACHE)
def lab_run(knobs: Knobs, seed: int) -> Experiment:
    """§1.2 one experiment, capped by the work and time budget (cached by knobs and seed)."""
    return run_experiment(knobs, seed, lab_config(knobs, seed))


def follow_preset(ab: str) -> None:
    """Let the preset choice move the sliders of configuration A (``ab`` = "") or B (before any widget)."""
    control = CONTROLS[0] if not ab else b_variant(CONTROLS[0])
    if control.key not in st.session_state:
        named = url_choice(control, st.query_params.get(control.key))
        st.session_state[control.key] = named if named is not None else initial_value(control)
        st.session_state.pop(f"_applied_{control.key}", None)
    sync_preset(st.session_state, st.query_params, ab + PREFIX)


def follow_presets() -> None:
    """Both configurations' presets move their sliders (each move of the page's controls runs this first)."""
    for ab in ("", B_PREFIX):
        follow_preset(ab)


def pts(x: float) -> str:
    return f"{100 * x:+.1f}"


def body(values) -> dict:
    """Everything that depends on the controls; returns the errors for the A/B comparison."""
    lang = current_lang()
    knobs = knobs_of(values)
    st.markdown(t(f"{SLUG}.preset.{values[PREFIX + 'preset']}"))
    exp = lab_run(knobs, seed())
    run_key = (knobs, seed(), progress(exp.result))  # the run behind every figure: kept for it
    show_run_notices(exp.result, knobs.iterations)
    d = diagnose(exp.train_error, exp.dev_error, exp.optimal_error)
    if exp.result.diverged:
        st.error(t(f"{SLUG}.diverged"))
    rows = (
        (
            ("train_error", exp.train_error),
            ("dev_error", exp.dev_error),
            ("optimal_error", exp.optimal_error),
        ),
        (("avoidable_bias", d.avoidable_bias), ("variance", d.variance)),
    )
    for row in rows:
        for col, (key, value) in zip(st.columns(3), row, strict=False):
            shown = f"{value:.1%}" if key.endswith("error") else t(f"{SLUG}.pts", value=pts(value))
            col.metric(t(f"metric.{key}"), shown)
    tol = f"{100 * d.tolerance:.1f}"
    BOX[d.verdict](
        f"**{t(f'{SLUG}.verdict.{d.verdict}')}** — "
        + t(
            f"{SLUG}.explain.{d.verdict}",
            bias=f"{100 * d.avoidable_bias:.1f}",
            variance=f"{100 * d.variance:.1f}",
            tol=tol,
        )
    )
    intervals = {
        "train": tuple(float(v) for v in wilson_interval(exp.train_error, knobs.m_train)),
        "dev": tuple(float(v) for v in wilson_interval(exp.dev_error, DEV_SIZE)),
    }
    chart(
        lambda: figs.errors_figure(
            exp.train_error,
            exp.dev_error,
            exp.optimal_error,
            d.high_bias,
            d.high_variance,
            intervals,
            d.verdict,
            labels=labels(f"{SLUG}.fig.", lang),
        ),
        key="bv_errors",
        inputs=run_key,
    )
    st.caption(
        t(
            f"{SLUG}.precision",
            hw_dev=f"{100 * float(half_width(exp.dev_error, DEV_SIZE)):.2g}",
            hw_train=f"{100 * float(half_width(exp.train_error, knobs.m_train)):.2g}",
            m=f"{knobs.m_train:,}",
        )
    )
    result = exp.result
    chart(
        lambda: figs.experiment_boundary_figure(exp, labels("chart.", lang), t(f"{SLUG}.boundary_title")),
        key="bv_boundary",
        inputs=run_key,
    )
    st.caption(t(f"{SLUG}.boundary", train=figs.SHOWN_TRAIN, dev=figs.SHOWN_DEV))
    def curves():
        fig = charts.learning_curves_figure(
            result.history, labels=labels("chart.", lang), metrics=("error",), title=t(f"{SLUG}.curves_title")
        )
        return figs.add_optimal_line(fig, exp.optimal_error, labels(f"{SLUG}.fig.", lang))

    chart(curves, key="bv_curves", inputs=run_key)
    st.caption(
        t(f"{SLUG}.curves")
        + " "
        + t(
            f"{SLUG}.config",
            dims=list(result.config.layer_dims),
            params=f"{result.config.n_parameters:,}",
            iters=result.config.num_iterations,
        )
    )
    return {"train_error": exp.train_error, "dev_error": exp.dev_error}


page_header(SLUG)
st.markdown(t(f"{SLUG}.intro"))
st.caption(t(f"{SLUG}.presets"))
page_body(SLUG, body, before=follow_presets)

st.markdown(t(f"{SLUG}.tolerance"))
st.latex(
    r"B = E_{train} - E^{*}, \qquad V = E_{dev} - E_{train}, \qquad "
    r"\tau = \max\left(2\%,\ \tfrac{1}{4}E^{*}\right)"
)
st.markdown(t(f"{SLUG}.formula.text"))
show_code(diagnose, run_experiment, train)
