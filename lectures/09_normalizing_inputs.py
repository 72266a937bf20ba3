"""§1.9 Normalizing inputs — elongated vs round cost contours, the GD path, train statistics reused on dev."""

import numpy as np
import streamlit as st

from core import normalization_demo as nd
from core.datasets import fit_normalizer
from ui.controls import format_number
from ui.figures import normalization as figs
from ui.i18n import current_lang, labels, t
from ui.shell import chart, interactive, page_header, seed, show_code
from ui.specs.normalization import MAIN, PITFALL
from ui.training import CACHE
from ui.widgets import render_page_controls

page_header("normalization")
st.markdown(t("normalization.intro"))


@st.cache_data(**CACHE)
def comparison(m: int, seed_: int, iterations: int, tolerance: float) -> dict:
    """Both cases (raw, normalized): minimum, κ, largest stable α, the α sweep."""
    return nd.compare(m, seed_, iterations, tolerance)


@st.cache_data(**CACHE)
def contour_views(m: int, seed_: int, case: str, iterations: int, tolerance: float) -> list:
    """One case's cost surface on its contour grids, to scale and (when needed) magnified.

    It does not depend on α: a move of the learning rate draws a new path on kept surfaces.
    """
    result = comparison(m, seed_, iterations, tolerance)
    c, Y = result[case], result["Y"]
    views = []
    for magnify in {1.0, nd.magnification(c.kappa)}:
        w1s, w2s = nd.contour_axes(c.w_star, c.X, magnify=magnify)
        views.append((magnify, w1s, w2s, nd.cost_surface(c.X, Y, w1s, w2s)))
    return sorted(views, key=lambda v: v[0])


@st.cache_data(**CACHE)
def descent(m: int, seed_: int, case: str, alpha: float, iterations: int, tolerance: float) -> dict:
    """The learner's run on one case, with the contour grids (``contour_views``)."""
    result = comparison(m, seed_, iterations, tolerance)
    c, Y = result[case], result["Y"]
    path, costs = nd.gradient_descent(c.X, Y, [alpha], iterations)
    views = contour_views(m, seed_, case, iterations, tolerance)
    return {"path": path[:, 0], "costs": costs[:, 0], "views": views}


@st.cache_data(**CACHE)
def pitfall(m: int, seed_: int, m_dev: int, share: float) -> dict:
    """The dev batch normalized with the training statistics and with its own."""
    return nd.pitfall(m, seed_, m_dev, share)


def stats_table(X_raw: np.ndarray, X_norm: np.ndarray) -> str:
    """μ and σ² of both features, raw and normalized, as a markdown table."""
    rows = [
        ("mu_raw", X_raw.mean(axis=1)),
        ("var_raw", X_raw.var(axis=1)),
        ("mu_norm", np.round(X_norm.mean(axis=1), 12) + 0.0),  # ±1e-16 is rounding: show 0
        ("var_norm", X_norm.var(axis=1)),
    ]
    lines = ["| | x₁ | x₂ |", "|---|---:|---:|"]
    lines += [f"| {t('normalization.stats.' + key)} | {v[0]:.4g} | {v[1]:.4g} |" for key, v in rows]
    return "\n".join(lines)


def run_message(costs: np.ndarray, target: float, alpha: float, stable: float) -> None:
    """Say what the learner's run did: reached the target, diverged, oscillated or is still on its way."""
    fmt = {"alpha": format_number(alpha), "stable": f"{stable:.2g}"}
    if costs[-1] > costs[0]:
        st.error(t("normalization.run.diverged", J0=costs[0], J1=costs[-1], **fmt))
        return
    if not nd.is_stable(costs[:, None])[0]:
        st.warning(t("normalization.run.oscillating", **fmt))
    reached = int(nd.iterations_to_target(costs[:, None], target)[0])
    if reached >= 0:
        st.success(t("normalization.run.reached", target=target, n=reached))
    else:
        st.info(t("normalization.run.not_reached", target=target, n=len(costs) - 1, final=costs[-1]))


def comparison_table(result: dict, iterations: int) -> str:
    """κ, guaranteed and largest stable α, the fastest α and its iterations, for both cases."""
    raw, norm = result["raw"], result["normalized"]
    cells = {}
    for c in (raw, norm):
        best = "—" if c.best_alpha is None else format_number(c.best_alpha)
        its = (
            t("normalization.metric.not_reached", n=iterations)
            if c.best_iterations < 0
            else str(c.best_iterations)
        )
        cells[c.name] = [
            f"{c.kappa:.3g}",
            f"{nd.smoothness_rate(c.X):.2g}",
            f"{c.stable_rate:.2g}",
            best if c.best_alpha is not None else t("normalization.table.none"),
            its,
            f"{c.best_costs[-1]:.4f}",
        ]
    keys = ("kappa", "guaranteed", "stable", "best_alpha", "iterations", "final")
    lines = [f"| | {t('normalization.case.raw')} | {t('normalization.case.normalized')} |", "|---|---:|---:|"]
    for i, key in enumerate(keys):
        name = (
            t(f"normalization.table.{key}", n=iterations)
            if key == "final"
            else t(f"normalization.table.{key}")
        )
        lines.append(f"| {name} | {cells['raw'][i]} | {cells['normalized'][i]} |")
    return "\n".join(lines)


def sections() -> None:
    """Everything below the introduction that the page's controls drive."""
    lang = current_lang()
    L = {**labels("chart.", lang), **labels("normalization.chart.", lang)}

    controls, main = st.columns([1, 3])
    with controls:
        values = render_page_controls("normalization", keys=MAIN)
    m, iterations, alpha, tol = values["gd_m"], values["gd_iters"], values["gd_alpha"], values["gd_delta"]
    case = "normalized" if values["normalize"] else "raw"
    result = comparison(m, seed(), iterations, tol)
    chosen, Y = result[case], result["Y"]
    run_ = descent(m, seed(), case, alpha, iterations, tol)
    case_name = t(f"normalization.case.{case}")
    run_key = (m, seed(), case, alpha, iterations, tol)  # the figures of this descent are kept for it

    with main:
        st.subheader(t("normalization.data.header"))
        st.caption(t("normalization.data.text"))
        chart(
            lambda: figs.data_figure(result["raw"].X, result["normalized"].X, Y, labels=L),
            key="data",
            inputs=(m, seed()),
        )
        st.markdown(stats_table(result["raw"].X, result["normalized"].X))

    st.latex(
        r"\mu = \frac{1}{m}\sum_{i=1}^{m} x^{(i)},\qquad \sigma^2 = \frac{1}{m}\sum_{i=1}^{m}"
        r"\bigl(x^{(i)}-\mu\bigr)^2,\qquad x := \frac{x-\mu}{\sigma}"
    )

    st.subheader(t("normalization.contour.header"))
    st.markdown(t(f"normalization.contour.text.{case}"))
    if chosen.J_star < 1e-6:
        st.warning(t("normalization.separable"))
    columns = st.columns(len(run_["views"]))
    for column, (magnify, w1s, w2s, J) in zip(columns, run_["views"], strict=True):
        title = (
            t("normalization.chart.contour_scale", case=case_name)
            if magnify == 1.0
            else t("normalization.chart.contour_zoom", case=case_name, factor=f"{magnify:g}")
        )
        with column:
            chart(
                lambda w1s=w1s, w2s=w2s, J=J, title=title, magnify=magnify: figs.contour_path_figure(
                    w1s,
                    w2s,
                    J,
                    chosen.J_star,
                    run_["path"],
                    chosen.w_star,
                    labels=L,
                    title=title,
                    magnify=magnify,
                ),
                key=f"contour_{magnify:g}",
                inputs=run_key,
            )
    run_message(run_["costs"], chosen.target, alpha, chosen.stable_rate)
    reached = int(nd.iterations_to_target(run_["costs"][:, None], chosen.target)[0])
    cols = st.columns(4)
    cols[0].metric(
        t("normalization.metric.kappa"), f"{chosen.kappa:.3g}", help=t("normalization.metric.kappa.help")
    )
    cols[1].metric(
        t("normalization.metric.stable"),
        f"{chosen.stable_rate:.2g}",
        help=t("normalization.metric.stable.help"),
    )
    cols[2].metric(
        t("normalization.metric.iterations"),
        str(reached) if reached >= 0 else t("normalization.metric.not_reached", n=iterations),
    )
    cols[3].metric(t("normalization.metric.final_cost"), f"{run_['costs'][-1]:.4g}")

    st.subheader(t("normalization.compare.header"))
    st.markdown(t("normalization.compare.text"))
    st.markdown(comparison_table(result, iterations))
    names = {c: t(f"normalization.case.{c}") for c in nd.CASES}
    curves = [(t("normalization.curve.run", case=case_name, alpha=format_number(alpha)), run_["costs"])]
    curves += [
        (
            t("normalization.curve.best", case=names[c], alpha=f"{result[c].curve_alpha:.2g}"),
            result[c].best_costs,
        )
        for c in nd.CASES
    ]
    left, right = st.columns(2)
    with left:
        target = chosen.target
        chart(lambda: figs.cost_curves_figure(curves, target=target, labels=L), key="curves", inputs=run_key)
    with right:
        sweeps = [
            (names[c], result[c].alphas, result[c].final_costs, result[c].stable_rate) for c in nd.CASES
        ]
        chart(
            lambda: figs.rate_sweep_figure(sweeps, alpha, iterations, labels=L), key="sweep", inputs=run_key
        )

    st.subheader(t("normalization.pitfall.header"))
    st.markdown(t("normalization.pitfall.text"))
    controls, main = st.columns([1, 3])
    with controls:
        pit_values = render_page_controls("normalization", keys=PITFALL)
    pit = pitfall(m, seed(), pit_values["dev_m"], pit_values["dev_share"])
    own = pit_values["own_stats"]
    X_dev = pit["X_dev_own_stats"] if own else pit["X_dev_train_stats"]
    error, other = (
        (pit["error_own_stats"], pit["error_train_stats"])
        if own
        else (pit["error_train_stats"], pit["error_own_stats"])
    )
    with main:
        chart(
            lambda: figs.pitfall_figure(
                pit["X_train_norm"],
                pit["Y_train"],
                X_dev,
                pit["Y_dev"],
                pit["w"],
                labels=L,
                title=t("normalization.pitfall.wrong" if own else "normalization.pitfall.right"),
            ),
            key="pitfall",
            inputs=(m, seed(), pit_values["dev_m"], pit_values["dev_share"], own),
        )
        cols = st.columns(3)
        cols[0].metric(
            t("normalization.metric.dev_error"),
            f"{error:.1%}",
            f"{error - other:+.1%}",
            delta_color="inverse",
        )
        cols[1].metric(t("normalization.metric.dev_error_other"), f"{other:.1%}")
        cols[2].metric(
            t("normalization.metric.dev_mean", train=pit["mu_train"][0]), f"{pit['mu_dev'][0]:.0f}"
        )


interactive(sections)

st.subheader(t("normalization.formula.header"))
st.markdown(t("normalization.formula.text"))
st.latex(
    r"J(w) = \frac{1}{m}\sum_{i=1}^{m}\Bigl[\log\bigl(1+e^{w^\top x^{(i)}}\bigr)"
    r" - y^{(i)}\,w^\top x^{(i)}\Bigr],"
    r"\qquad w := w - \alpha\,\frac{1}{m}\sum_{i=1}^{m}\bigl(\sigma(w^\top x^{(i)}) - y^{(i)}\bigr)\,x^{(i)}"
)
st.latex(
    r"\kappa = \frac{\lambda_{\max}(\nabla^2 J)}{\lambda_{\min}(\nabla^2 J)},\qquad"
    r"\alpha < \frac{2}{L},\quad L = \lambda_{\max}\Bigl(\tfrac{1}{4m}XX^\top\Bigr)"
)

show_code(fit_normalizer, nd.gradient_descent, nd.largest_stable_rate, nd.pitfall)
