"""§1.3 The basic recipe — the flow, where the current run stands, and "apply the next step"."""

from dataclasses import asdict, replace

import streamlit as st

from core.diagnosis import RECIPE_STEPS, diagnose, recipe_stage
from core.recipe import (
    APPLICABLE,
    Experiment,
    Knobs,
    Limits,
    apply_step,
    choose_step,
    run_experiment,
    run_experiments,
)
from ui import charts
from ui.deferred import later
from ui.figures import bias_variance as bv_figs
from ui.figures import recipe as figs
from ui.i18n import current_lang, labels, t, text
from ui.shell import SCOPE, chart, interactive, page_header, seed, show_code
from ui.specs.bias_variance import (
    ITERATIONS,
    KNOBS,
    M_TRAIN,
    WORK_BUDGET,
    knob_values,
    knobs_of,
    lab_config,
    sync_preset,
    url_choice,
)
from ui.specs.recipe import CONTROLS, PREFIX
from ui.training import CACHE, progress, show_run_notices
from ui.widgets import initial_value, render_page_controls

SLUG = "recipe"
TRAIL, PENDING, APPLIED = "_recipe_trail", "_recipe_pending", "_recipe_applied"
MAX_TRAIL = 20
LIMITS = Limits(
    m_train=M_TRAIN,
    iterations=ITERATIONS,
    lambd=next(c for c in CONTROLS if c.key == f"{PREFIX}lambd").choices(),
    max_work=WORK_BUDGET,
)
# A steady high-bias case (2 tanh units cannot draw a circle: ~20% error whatever the data) for the
# "more data" comparison when the current run has no bias problem.
FALLBACK = Knobs("circles", 0.0, 2, 1, 500, 500, 0.0)


@st.cache_data(**CACHE)
def lab_run(knobs: Knobs, seed: int) -> Experiment:
    """§1.2 one experiment, capped by the work and time budget (cached by knobs and seed)."""
    return run_experiment(knobs, seed, lab_config(knobs, seed))


def apply_next(step: str, knobs: dict) -> None:
    """Button callback: write the knobs after ``step`` into the sliders (the page then retrains)."""
    old = Knobs(**knobs)
    new = apply_step(step, old, LIMITS)
    if new is None:
        return
    for key, value in knob_values(new, PREFIX).items():
        st.session_state[key] = value
    st.session_state[PENDING] = step
    st.session_state[APPLIED] = (step, asdict(old), asdict(new))


def reset_trail() -> None:
    st.session_state[TRAIL] = []


def change_text(old: dict, new: dict) -> str:
    """ "Hidden units per layer 4 → 8" for every knob the step changed."""
    parts = []
    for suffix, field in KNOBS.items():
        if old[field] != new[field]:
            control = next(c for c in CONTROLS if c.key == PREFIX + suffix)
            parts.append(t(f"{SLUG}.change", name=t(control.label), old=old[field], new=new[field]))
    return ", ".join(parts)


def update_trail(knobs: Knobs, exp: Experiment, verdict: str, restarted: bool) -> list:
    """One entry per distinct run since the starting point (a new preset starts a new trail)."""
    trail = [] if restarted else list(st.session_state.get(TRAIL, []))
    ident = (asdict(knobs), seed())
    step = st.session_state.pop(PENDING, None)
    if not trail or trail[-1]["ident"] != ident:
        trail.append(
            {
                "ident": ident,
                "step": "start" if not trail else (step or "manual"),
                "train_error": exp.train_error,
                "dev_error": exp.dev_error,
                "verdict": verdict,
            }
        )
    st.session_state[TRAIL] = trail[-MAX_TRAIL:]
    return st.session_state[TRAIL]


def more_data_run(knobs: Knobs, exp: Experiment, high_bias: bool, lang: str) -> None:
    """§1.3 the same network on more data: if the problem is bias, the training error barely moves.

    A secondary analysis at the foot of the page: its extra training runs in the background
    (ui.deferred) while the lab above is drawn, and the table fills in when it is done.
    """
    base = knobs if high_bias else FALLBACK
    if not high_bias:
        st.caption(t(f"{SLUG}.more_data.fallback"))
    bigger = [
        m
        for m in M_TRAIN
        if base.m_train < m <= 4 * base.m_train and replace(base, m_train=m).work <= WORK_BUDGET
    ]
    if not bigger:
        return
    more = replace(base, m_train=bigger[-1])
    factor = f"{more.m_train / base.m_train:g}"
    st.markdown(t(f"{SLUG}.more_data.text", factor=factor))
    todo = [more] if high_bias else [base, more]  # the current run is ``exp`` already
    done = later(
        f"{SCOPE.get()}recipe_more_data",
        ("recipe_more_data", tuple(todo), seed()),
        run_experiments,
        [(k, seed(), lab_config(k, seed())) for k in todo],
        waiting=t(f"{SLUG}.more_data.training", m=f"{more.m_train:,}"),
    )
    if done is None:
        return
    runs = list(zip((base, more), [exp, *done] if high_bias else done, strict=True))
    cols = ("run", "train", "dev", "verdict")
    table = "| " + " | ".join(t(f"{SLUG}.more_data.col.{c}") for c in cols) + " |\n|---|---:|---:|---|\n"
    diags = []
    for k, e in runs:
        d = diagnose(e.train_error, e.dev_error, e.optimal_error)
        diags.append(d)
        row = t(f"{SLUG}.more_data.row", m=f"{k.m_train:,}")
        verdict = t(f"bias_variance.verdict.{d.verdict}")
        table += f"| {row} | {e.train_error:.1%} | {e.dev_error:.1%} | {verdict} |\n"
    st.markdown(table)
    tr1, tr2 = f"{runs[0][1].train_error:.1%}", f"{runs[1][1].train_error:.1%}"
    if diags[1].high_bias:
        bias = f"{100 * diags[1].avoidable_bias:.1f}"
        st.info(t(f"{SLUG}.more_data.result", tr1=tr1, tr2=tr2, factor=factor, bias=bias))
    else:
        st.info(t(f"{SLUG}.more_data.not_needed", tr1=tr1, tr2=tr2, factor=factor))


lang = current_lang()
page_header(SLUG)
st.markdown(t(f"{SLUG}.intro"))
st.caption(t(f"{SLUG}.start"))
PRESET = CONTROLS[0].key


def lab() -> None:
    """The recipe's lab: preset, controls, the run, the next step, the trail and the "more data" run."""
    if PRESET not in st.session_state:
        named = url_choice(CONTROLS[0], st.query_params.get(PRESET))
        st.session_state[PRESET] = named if named is not None else initial_value(CONTROLS[0])
        st.session_state.pop(f"_applied_{PRESET}", None)
    restarted = sync_preset(st.session_state, st.query_params, PREFIX) is not None

    left, right = st.columns([1, 3])
    with left:
        values = render_page_controls(SLUG, container=left)
    knobs = knobs_of(values, PREFIX)
    exp = lab_run(knobs, seed())
    d = diagnose(exp.train_error, exp.dev_error, exp.optimal_error)
    stage = recipe_stage(d)
    step = choose_step(d, knobs, LIMITS)
    trail = update_trail(knobs, exp, d.verdict, restarted)
    step_labels = {
        f"step.{k}": text(f"{SLUG}.step.{k}", lang)
        for k in (*APPLICABLE, "better_optimizer", "new_architecture", "start", "manual")
    }
    verdict_labels = {
        f"verdict.{v}": text(f"bias_variance.verdict.{v}", lang)
        for v in ("high_bias", "high_variance", "both", "fine")
    }
    fig_labels = labels(f"{SLUG}.fig.", lang) | step_labels | verdict_labels

    with right:
        show_run_notices(exp.result, knobs.iterations)
        st.subheader(t(f"{SLUG}.current", verdict=t(f"bias_variance.verdict.{d.verdict}")))
        cols = st.columns(3)
        for col, key, value in zip(
            cols,
            ("train_error", "dev_error", "optimal_error"),
            (exp.train_error, exp.dev_error, exp.optimal_error),
            strict=True,
        ):
            col.metric(t(f"metric.{key}"), f"{value:.1%}")
        st.markdown(
            t(
                f"{SLUG}.errors",
                train=f"{exp.train_error:.1%}",
                dev=f"{exp.dev_error:.1%}",
                optimal=f"{exp.optimal_error:.1%}",
                bias=f"{100 * d.avoidable_bias:.1f}",
                variance=f"{100 * d.variance:.1f}",
            )
        )
        applied = st.session_state.pop(APPLIED, None)
        if applied:
            st.success(
                t(
                    f"{SLUG}.applied",
                    step=t(f"{SLUG}.step.{applied[0]}"),
                    change=change_text(applied[1], applied[2]),
                )
            )
        if step is not None:
            st.button(
                t(f"{SLUG}.apply", step=t(f"{SLUG}.step.{step}")),
                key="recipe_apply",
                type="primary",
                on_click=apply_next,
                args=(step, asdict(knobs)),
                help=t(f"{SLUG}.apply.help"),
                icon=":material/skip_next:",
            )
        elif stage == "done":
            st.success(t(f"{SLUG}.done"))
        else:
            st.warning(t(f"{SLUG}.stuck"))
        chart(
            lambda: figs.flow_figure(stage, RECIPE_STEPS, APPLICABLE, step, labels=fig_labels),
            key="recipe_flow",
            inputs=(stage, step),
        )

        st.subheader(t(f"{SLUG}.trail"))
        st.caption(t(f"{SLUG}.trail.text"))
        chart(figs.trail_figure(trail, exp.optimal_error, labels=fig_labels), key="recipe_trail")
        st.button(t(f"{SLUG}.trail.reset"), key="recipe_trail_reset", on_click=reset_trail)

        result = exp.result
        run_key = (knobs, seed(), progress(result))  # the run, and so its boundary and curves, follow from it
        chart(
            lambda: bv_figs.experiment_boundary_figure(
                exp, labels("chart.", lang), t("bias_variance.boundary_title")
            ),
            key="recipe_boundary",
            inputs=run_key,
        )
        chart(
            lambda: bv_figs.add_optimal_line(
                charts.learning_curves_figure(result.history, labels=labels("chart.", lang)),
                exp.optimal_error,
                labels("bias_variance.fig.", lang),
                row=1,
                col=2,
            ),
            key="recipe_curves",
            inputs=run_key,
        )

    st.latex(
        r"\text{1: } B = E_{train} - E^{*} > \tau \;?\qquad \text{2: } V = E_{dev} - E_{train} > \tau \;?"
        r"\qquad \tau = \max\left(2\%,\ \tfrac{1}{4}E^{*}\right)"
    )
    st.caption(t(f"{SLUG}.formula"))
    st.subheader(t(f"{SLUG}.notes"))
    st.markdown(t(f"{SLUG}.notes.text"))
    st.subheader(t(f"{SLUG}.more_data"))
    more_data_run(knobs, exp, d.high_bias, lang)


interactive(lab)
show_code(diagnose, choose_step, apply_step)
