"""§1.12 numerical approximation of gradients: one-sided vs two-sided secants and their error against ε."""

import numpy as np
import streamlit as st

from core.gradcheck import (
    DEFAULT_EPSILONS,
    error_vs_epsilon,
    one_sided_difference,
    secant_errors,
    two_sided_difference,
)
from core.gradcheck_demos import roundoff_model, secant_picture, summarize_errors, valid_epsilons
from ui.figures import numerical_grad as figures
from ui.i18n import current_lang, labels, t
from ui.shell import chart, interactive, page_header, show_code
from ui.widgets import render_page_controls

SLUG = "numerical_grad"


def fmt(x: float) -> str:
    """A number for the page: 3.0301, 1.000e-04."""
    if not np.isfinite(x):
        return "—"
    if x != 0 and (abs(x) < 1e-3 or abs(x) >= 1e4):
        return f"{x:.3e}"
    return f"{x:.6g}"


def show_estimates(func: str, theta: float, epsilon: float) -> None:
    """The metrics and the secant figure, or a message when θ ± ε leaves f's domain."""
    try:
        est = secant_errors(func, theta, epsilon)
    except ValueError:
        st.warning(t("numerical_grad.domain"), icon=":material/block:")
        return
    cols = st.columns(4)
    cols[0].metric(t("numerical_grad.metric.true"), fmt(est.derivative))
    cols[1].metric(
        t("numerical_grad.metric.one"),
        fmt(est.one_sided),
        t("numerical_grad.metric.error", error=fmt(est.one_sided_error)),
        delta_color="off",
        delta_arrow="off",
    )
    cols[2].metric(
        t("numerical_grad.metric.two"),
        fmt(est.two_sided),
        t("numerical_grad.metric.error", error=fmt(est.two_sided_error)),
        delta_color="off",
        delta_arrow="off",
    )
    ratio = est.one_sided_error / est.two_sided_error if est.two_sided_error > 0 else float("inf")
    cols[3].metric(t("numerical_grad.metric.ratio"), "∞" if not np.isfinite(ratio) else f"{ratio:.3g}×")
    pic = secant_picture(func, theta, epsilon)
    chart(figures.secant_figure(pic, labels=labels("numerical_grad.chart.", current_lang())), key="secants")


def show_loglog(func: str, theta: float, epsilon: float) -> None:
    """The log-log error plot for ε from 1e-1 to 1e-12, with its measured slopes and round-off note."""
    eps = valid_epsilons(func, theta, DEFAULT_EPSILONS)
    if len(eps) < 5:
        st.warning(t("numerical_grad.domain_loglog"), icon=":material/block:")
        return
    if len(eps) < len(DEFAULT_EPSILONS):
        st.info(t("numerical_grad.domain_partial", eps=f"{eps.max():.1e}"))
    df = error_vs_epsilon(func, theta, eps)
    summary = summarize_errors(df)
    current = None
    try:
        est = secant_errors(func, theta, epsilon)
        current = (est.epsilon, est.one_sided_error, est.two_sided_error)
    except ValueError:
        pass
    fig = figures.error_vs_epsilon_figure(
        df,
        summary,
        roundoff_model(func, theta, df["epsilon"]),
        current,
        labels=labels("numerical_grad.chart.", current_lang()),
    )
    chart(fig, key="loglog")
    notes = [
        t(
            "numerical_grad.summary.slopes",
            one=fmt_slope(summary.slope_one),
            two=fmt_slope(summary.slope_two),
        ),
        t(
            "numerical_grad.summary.best",
            best_two=f"{summary.best_eps_two:.0e}",
            best_one=f"{summary.best_eps_one:.0e}",
            min_two=f"{summary.min_error_two:.1e}",
        ),
    ]
    if summary.roundoff_visible:
        small = df.loc[df["epsilon"] <= 1e-10 * (1 + 1e-9), "two_sided_error"]
        notes.append(
            t(
                "numerical_grad.summary.roundoff",
                best_two=f"{summary.best_eps_two:.0e}",
                median_small=f"{small.median():.0e}",
                slope=fmt_slope(summary.roundoff_slope),
            )
        )
    else:
        notes.append(t("numerical_grad.summary.no_roundoff"))
    if not np.isfinite(summary.slope_two) or summary.slope_two < 0.5:
        notes.append(t("numerical_grad.summary.exact_two"))
    if abs(summary.slope_one - 2) < 0.3:
        notes.append(t("numerical_grad.summary.flat"))
    st.markdown("\n".join(f"- {n}" for n in notes))


def fmt_slope(x: float) -> str:
    return "—" if not np.isfinite(x) else f"{x:.2f}"


page_header(SLUG)
st.markdown(t("numerical_grad.intro"))


def sections() -> None:
    """Everything below the introduction that the page's controls drive."""
    st.subheader(t("numerical_grad.secants"))
    left, right = st.columns([1, 3])
    with left:
        values = render_page_controls(SLUG)
    func, theta, epsilon = values["func"], float(values["theta"]), float(values["epsilon"])
    with right:
        st.caption(t("numerical_grad.secants.text"))
        show_estimates(func, theta, epsilon)

    st.subheader(t("numerical_grad.formula"))
    st.latex(
        r"\frac{f(\theta+\varepsilon)-f(\theta)}{\varepsilon} = f'(\theta) + \tfrac{1}{2}f''(\theta)\,"
        r"\varepsilon + \dots \;=\; f'(\theta) + O(\varepsilon)"
    )
    st.latex(
        r"\frac{f(\theta+\varepsilon)-f(\theta-\varepsilon)}{2\varepsilon} = f'(\theta) + "
        r"\tfrac{1}{6}f'''(\theta)\,\varepsilon^{2} + \dots \;=\; f'(\theta) + O(\varepsilon^{2})"
    )
    st.caption(t("numerical_grad.formula.text"))

    st.subheader(t("numerical_grad.loglog"))
    st.markdown(t("numerical_grad.loglog.text"))
    show_loglog(func, theta, epsilon)
    st.markdown(t("numerical_grad.takeaway"))


interactive(sections)

show_code(one_sided_difference, two_sided_difference, secant_errors, error_vs_epsilon, summarize_errors)
