"""§1.13–§1.14 gradient checking: the relative difference, where a bug sits, and the practical pitfalls."""

from dataclasses import replace

import numpy as np
import streamlit as st

import core.gradcheck as gc
from core import gradcheck_demos as demos
from core.gradcheck_demos import NetSpec, Placement
from ui.figures import gradcheck as figures
from ui.i18n import current_lang, labels, t
from ui.shell import chart, interactive, lazy_tabs, page_header, seed, show_code
from ui.specs.gradcheck import NO_BUG
from ui.training import CACHE
from ui.widgets import render_page_controls

SLUG = "gradcheck"
VIEW_KEY = "gradcheck_view"  # which tab is open (only that one runs)
NET_KEYS = ("dataset", "m", "hidden_layers", "units", "activation", "lambd", "eps", "bug", "bug_layer")
TRUNCATION_EPS = 1e-4  # from here up, O(ε²) truncation dominates the check
DEMO_LAMBDA = 1.0  # §1.14 regularization demo when the learner's λ is 0
VERDICT_BOX = {"ok": st.success, "check": st.warning, "bug": st.error}


# --- cached computations (keys: the frozen NetSpec and plain numbers) ---------------------------


@st.cache_data(**CACHE)
def run_check(spec: NetSpec, eps: float, bug: str, bug_layer: int):
    """§1.13 the check with the bug placed: (placement, result, kinks, round-off estimate)."""
    params, X, Y = demos.build_problem(spec)
    placement = demos.place_bug(bug, bug_layer, params, spec.activation, spec.lambd)
    result = demos.check_network(spec, eps, placement)
    kinks = demos.kink_count(params, X, spec.activation, eps)
    floor = demos.roundoff_estimate(result, demos.cost_value(params, X, Y, spec.activation, spec.lambd))
    return placement, result, kinks, floor


@st.cache_data(**CACHE)
def regularization_cases(spec: NetSpec, eps: float):
    params, X, Y = demos.build_problem(spec)
    return demos.regularization_demo(params, X, Y, spec.activation, spec.lambd, eps)


@st.cache_data(**CACHE)
def dropout_cases(spec: NetSpec, eps: float, keep_prob: float):
    params, X, Y = demos.build_problem(spec)
    return demos.dropout_demo(params, X, Y, spec.activation, spec.lambd, keep_prob, eps, mask_seed=spec.seed)


@st.cache_data(**CACHE)
def init_vs_trained(spec: NetSpec, eps: float, iterations: int):
    return demos.init_vs_trained_demo(spec, iterations, eps)


@st.cache_data(**CACHE)
def check_cost(spec: NetSpec, eps: float):
    params, X, Y = demos.build_problem(spec)
    return demos.measure_check_cost(params, X, Y, spec.activation, spec.lambd, eps)


# --- §1.13 ------------------------------------------------------------------------------------


def chart_labels() -> dict:
    return labels("gradcheck.chart.", current_lang())


def describe(spec: NetSpec, eps: float) -> dict:
    """The network in words, for the captions of both tabs."""
    return {
        "dims": "[" + ", ".join(map(str, spec.layer_dims)) + "]",
        "activation": t(f"opt.{spec.activation}"),
        "lambd": f"{spec.lambd:g}",
        "m": spec.m,
        "dataset": t(f"opt.{spec.dataset}"),
        "eps": f"{eps:.0e}",
    }


def show_placement(placement: Placement, asked: int) -> None:
    """Where the bug went, or why it could not be planted."""
    if placement.status == "impossible":
        st.warning(t(f"gradcheck.impossible.{placement.bug}"), icon=":material/bug_report:")
    elif placement.status == "moved":
        layers = ", ".join(map(str, placement.valid_layers))
        st.info(t("gradcheck.moved", asked=asked, layer=placement.layer, layers=layers))
    if placement.layer is not None:
        description = t(gc.BUGS[placement.bug][0])
        st.markdown(t("gradcheck.planted", layer=placement.layer, description=description))


def show_localization(where: demos.Localization) -> None:
    """Which layer and block to debug first (§1.14 note 2)."""
    if where.layer is None:
        return
    kinds = {b[:2] for b in where.blocks}
    key = (
        "gradcheck.loc.both"
        if kinds == {"dW", "db"}
        else ("gradcheck.loc.dw" if kinds == {"dW"} else "gradcheck.loc.db")
    )
    text = t(key, l=where.layer)
    if where.lower:
        text += " " + t("gradcheck.loc.lower", blocks=", ".join(where.lower))
    st.markdown(text)


def show_planted_vs_found(placement: Placement, result, where: demos.Localization) -> None:
    if placement.layer is None:
        return
    if result.verdict == "ok":
        st.info(t("gradcheck.no_effect"), icon=":material/visibility_off:")
        return
    expected = demos.expected_blocks(placement.bug, placement.layer)
    found = ", ".join(where.blocks)
    if where.layer == placement.layer and set(where.blocks) <= set(expected):
        st.success(t("gradcheck.found", blocks=found), icon=":material/my_location:")
    else:
        st.warning(t("gradcheck.found_other", blocks=found, expected=", ".join(expected)))


def show_numerics_note(placement: Placement, result, kinks: int, floor: float, eps: float) -> None:
    """Why a check without a planted bug can still read "look closer" or worse."""
    if result.verdict == "ok":
        return
    if eps >= TRUNCATION_EPS:  # truncation explains it (and at such ε every kink is "near")
        if placement.layer is None:
            st.caption(t("gradcheck.truncation", eps=f"{eps:.0e}"))
        return
    if kinks:
        st.warning(t("gradcheck.kinks", n=kinks), icon=":material/warning:")
    elif placement.layer is None:
        norm = float(np.linalg.norm(result.table["analytic"]))
        st.caption(t("gradcheck.roundoff", norm=f"{norm:.1e}", floor=f"{floor:.0e}"))


def show_check(spec: NetSpec, values: dict) -> None:
    eps = float(values["eps"])
    placement, result, kinks, floor = run_check(spec, eps, values["bug"], int(values["bug_layer"]))
    st.caption(t("gradcheck.net", **describe(spec, eps)))
    show_placement(placement, int(values["bug_layer"]))
    cols = st.columns(3)
    cols[0].metric(t("gradcheck.metric.n_params"), f"{result.n_params}")
    cols[1].metric(t("gradcheck.metric.n_evals"), f"{result.n_cost_evaluations}")
    cols[2].metric(t("gradcheck.metric.difference"), f"{result.difference:.2e}")
    VERDICT_BOX[result.verdict](
        t(f"gradcheck.verdict.{result.verdict}", difference=f"{result.difference:.2e}")
    )
    L = chart_labels()
    chart(figures.difference_scale_figure(result.difference, labels=L), key="scale")
    where = demos.locate_bug(result)
    show_localization(where)
    show_planted_vs_found(placement, result, where)
    show_numerics_note(placement, result, kinks, floor, eps)
    st.caption(t("gradcheck.blocks.text"))
    chart(figures.blocks_figure(result.blocks, where, labels=L), key="blocks")
    chart(figures.parameters_figure(result.table, where, labels=L), key="parameters")


def spec_from(values: dict) -> NetSpec:
    return NetSpec(
        dataset=values["dataset"],
        m=int(values["m"]),
        hidden_layers=int(values["hidden_layers"]),
        units=int(values["units"]),
        activation=values["activation"],
        lambd=float(values["lambd"]),
        seed=seed(),
    )


def tab_check(spec: NetSpec, values: dict) -> None:
    show_check(spec, values)
    st.subheader(t("gradcheck.formula"))
    st.latex(
        r"d\theta_{\text{approx}}[i] = \frac{J(\theta_1,\dots,\theta_i+\varepsilon,\dots) - "
        r"J(\theta_1,\dots,\theta_i-\varepsilon,\dots)}{2\varepsilon} \;\approx\; d\theta[i] = "
        r"\frac{\partial J}{\partial \theta_i}"
    )
    st.latex(
        r"\frac{\lVert d\theta_{\text{approx}} - d\theta \rVert_2}"
        r"{\lVert d\theta_{\text{approx}} \rVert_2 + \lVert d\theta \rVert_2}"
    )
    st.caption(t("gradcheck.formula.text"))
    functions = [gc.gradient_check, gc.numeric_gradient, gc.relative_difference, demos.locate_bug]
    if values["bug"] != NO_BUG:
        functions.append(gc._buggy_backward)
    show_code(*functions)


# --- §1.14 ------------------------------------------------------------------------------------


def cases(df, prefix: str = "gradcheck.case.") -> list[str]:
    return [t(prefix + c) for c in df["case"]]


def note_cost(spec: NetSpec, eps: float) -> None:
    st.subheader(t("gradcheck.note1"))
    st.markdown(t("gradcheck.note1.text"))
    cost = check_cost(spec, eps)
    st.latex(r"\#\,J(\theta \pm \varepsilon\, e_i) = 2\,|\theta| = " + str(cost.n_cost_evaluations))
    chart(figures.cost_figure(cost, labels=chart_labels()), key="cost")
    st.markdown(
        t(
            "gradcheck.cost.summary",
            n=cost.n_params,
            evals=cost.n_cost_evaluations,
            loop_ms=cost.check_loop_s * 1e3,
            loop_steps=cost.loop_steps,
            step_ms=cost.step_s * 1e3,
            batched_ms=cost.check_batched_s * 1e3,
            batched_steps=cost.batched_steps,
        )
    )


def note_regularization(spec: NetSpec, eps: float) -> None:
    st.subheader(t("gradcheck.note3"))
    st.markdown(t("gradcheck.note3.text"))
    if spec.lambd == 0:
        st.caption(t("gradcheck.note3.lambd", lambd=f"{DEMO_LAMBDA:g}"))
        spec = replace(spec, lambd=DEMO_LAMBDA)
    st.latex(
        r"J = \frac{1}{m}\sum_{i=1}^{m}\mathcal{L}(\hat y^{(i)}, y^{(i)}) + "
        r"\frac{\lambda}{2m}\sum_{l}\lVert W^{[l]}\rVert_F^2 \qquad "
        r"dW^{[l]} = \tfrac{1}{m}\,dZ^{[l]}A^{[l-1]T} + \tfrac{\lambda}{m}W^{[l]}"
    )
    df = regularization_cases(spec, eps)
    chart(figures.cases_figure(cases(df), df["difference"], labels=chart_labels()), key="regularization")


def note_dropout(spec: NetSpec, eps: float) -> None:
    st.subheader(t("gradcheck.note4"))
    st.markdown(t("gradcheck.note4.text"))
    left, right = st.columns([1, 3])
    with left:
        keep_prob = float(render_page_controls(SLUG, keys=("keep_prob",))["keep_prob"])
    with right:
        if keep_prob >= 1.0:
            st.caption(t("gradcheck.note4.kp1"))
        df = dropout_cases(spec, eps, keep_prob)
        chart(figures.cases_figure(cases(df), df["difference"], labels=chart_labels()), key="dropout")


def note_init_vs_trained(spec: NetSpec, eps: float) -> None:
    st.subheader(t("gradcheck.note5"))
    st.markdown(t("gradcheck.note5.text"))
    left, right = st.columns([1, 3])
    with left:
        iterations = int(render_page_controls(SLUG, keys=("train_iterations",))["train_iterations"])
    with right:
        demo = init_vs_trained(spec, eps, iterations)
        if demo.diverged:
            st.error(t("gradcheck.note5.diverged"))
        names = [
            t(f"gradcheck.case.{w}.{i}") for w, i in zip(demo.table["when"], demo.table["implementation"])
        ]
        chart(
            figures.cases_figure(names, demo.table["difference"], labels=chart_labels()), key="init_trained"
        )
        st.caption(
            t(
                "gradcheck.note5.result",
                iterations=demo.iterations,
                train_error=demo.train_error,
                change=demo.weight_change,
                norm_init=f"{demo.grad_norm_init:.1e}",
                norm_trained=f"{demo.grad_norm_trained:.1e}",
            )
        )
        correct_after = demo.table.query("when == 'trained' and implementation == 'correct'")["verdict"]
        if len(correct_after) and correct_after.iloc[0] != "ok" and eps < TRUNCATION_EPS:
            st.caption(t("gradcheck.note5.small_grad"))


def tab_notes(spec: NetSpec, eps: float) -> None:
    st.markdown(t("gradcheck.notes.intro", **describe(spec, eps)))
    note_cost(spec, eps)
    st.subheader(t("gradcheck.note2"))
    st.markdown(t("gradcheck.note2.text"))
    note_regularization(spec, eps)
    note_dropout(spec, eps)
    note_init_vs_trained(spec, eps)
    show_code(
        demos.regularization_demo,
        demos.dropout_demo,
        demos.stale_weights_grad_fn,
        demos.init_vs_trained_demo,
        demos.measure_check_cost,
    )


page_header(SLUG)
st.markdown(t("gradcheck.intro"))


def sections() -> None:
    """Everything below the introduction that the page's controls drive."""
    controls, views = st.columns([1, 3])
    with controls:  # the network both tabs check
        net_values = render_page_controls(SLUG, keys=NET_KEYS)
    net = spec_from(net_values)
    with views:
        check_tab, notes_tab = lazy_tabs(VIEW_KEY, ("gradcheck.tab.check", "gradcheck.tab.notes"))
        if check_tab.open:
            with check_tab:
                tab_check(net, net_values)
        if notes_tab.open:
            with notes_tab:
                tab_notes(net, float(net_values["eps"]))


interactive(sections)
