"""§1.4 L2 regularization — λ shrinks the weights: boundary, costs, norms, weight decay, L1 vs L2, λ curve."""

from dataclasses import replace

import numpy as np
import streamlit as st

from core.network import backward_propagation, penalty_cost
from core.sweep import SweepResult, train_sweep
from core.train import TrainConfig, train
from ui import charts
from ui.compare import B_PREFIX, page_body
from ui.controls import cap_iterations, format_number
from ui.deferred import later
from ui.figures import l2 as figures
from ui.i18n import current_lang, labels, t
from ui.shell import SCOPE, chart, lazy_tabs, page_header, seed, show_code
from ui.specs import l2 as spec
from ui.training import Splits, budgeted, data_spec, progress, run, show_run_notices

VIEW_KEY = "l2_view"  # the open tab of the analyses below the boundary (only it runs)

page_header("l2")
st.markdown(t("l2.intro"))
st.caption(t("l2.preset"))


def sweep_config(config: TrainConfig, m: int, k: int) -> TrainConfig:
    """The validation curve's shared config: the run's own, with λ left to the sweep and the work capped."""
    iterations = cap_iterations(m * k, config.n_parameters, config.num_iterations, spec.SWEEP_MAX_WORK)
    return replace(
        config,
        lambd=0.0,
        num_iterations=iterations,
        record_every=spec.SWEEP_RECORD_EVERY,
        time_budget_s=spec.SWEEP_TIME_BUDGET_S,
    )


def metrics_row(result, data: Splits) -> dict:
    """Train, dev, their gap and the size of all weights."""
    last = result.history.iloc[-1]
    errors = {"train_error": float(last["train_error"]), "dev_error": float(last["dev_error"])}
    cols = st.columns(4)
    cols[0].metric(t("metric.train_error"), f"{errors['train_error']:.1%}")
    cols[1].metric(t("metric.dev_error"), f"{errors['dev_error']:.1%}")
    cols[2].metric(t("l2.metric.gap"), f"{errors['dev_error'] - errors['train_error']:+.1%}")
    cols[3].metric(t("l2.metric.norm"), f"{figures.frobenius_total(result.params):.3g}")
    return errors


def fit_section(result, data: Splits, lang: str, run_key: tuple) -> None:
    """The boundary, kept for ``run_key`` (the run's data spec and config; ui.shell.chart)."""
    st.subheader(t("l2.sec.fit"))
    chart(
        lambda: charts.decision_boundary_figure(
            result.params,
            "relu",
            data.X_train,
            data.Y_train,
            data.X_dev,
            data.Y_dev,
            labels=labels("chart.", lang),
        ),
        key="l2_boundary",
        inputs=run_key,
    )
    st.caption(t("l2.boundary.caption"))


def cost_section(result, config: TrainConfig, lang: str, run_key: tuple) -> None:
    """Train/dev error and the cost with and without the penalty over the iterations (§1.4 debugging J)."""
    st.subheader(t("l2.sec.cost"))
    h = result.history
    left, right = st.columns(2)
    with left:
        chart(
            lambda: charts.learning_curves_figure(
                h, labels=labels("chart.", lang), metrics=("error",), title=t("l2.chart.errors_title")
            ),
            key="l2_errors",
            inputs=run_key,
        )
    with right:
        chart(
            lambda: figures.cost_terms_figure(h, config.penalty, labels=page_labels(lang)),
            key="l2_cost",
            inputs=run_key,
        )
    st.caption(t("l2.cost.caption"))
    up, ce_up = figures.rises(h["cost"]), figures.rises(h["cost_no_penalty"])
    if up.size:
        cost = h["cost"].to_numpy(dtype=float)
        st.info(t("l2.cost.rises", n=up.size, rise=float(np.nanmax(cost[up] - cost[up - 1]))))
    else:
        st.success(t("l2.cost.monotone", n=len(h) - 1))
    if ce_up.size and not up.size:
        st.info(t("l2.cost.ce_rises", n=ce_up.size))


def decay_section(result, config: TrainConfig, m: int, lang: str, run_key: tuple) -> None:
    st.subheader(t("l2.sec.norms"))
    chart(
        lambda: charts.norms_over_iterations_figure(result.history, labels=labels("chart.", lang)),
        key="l2_norms",
        inputs=run_key,
    )
    st.caption(t("l2.norms.caption"))
    alpha, lam, n = config.learning_rate, config.lambd, config.num_iterations
    step = alpha * lam / m
    if config.penalty == "l1":
        st.markdown(t("l2.decay.text_l1"))
        st.latex(
            r"W^{[l]} \leftarrow W^{[l]} - \alpha\,dW^{[l]}_{\text{CE}}"
            r" - \frac{\alpha\lambda}{m}\,\mathrm{sign}(W^{[l]})"
            rf",\qquad \frac{{\alpha\lambda}}{{m}} = \frac{{{alpha:g}\cdot{lam:g}}}{{{m}}} = {step:.4g}"
        )
        st.metric(t("l2.metric.l1_step"), f"{step:.4g}")
        return
    factor = figures.decay_factor(alpha, lam, m)
    st.markdown(t("l2.decay.text"))
    st.latex(
        r"W^{[l]} \leftarrow \Big(1 - \frac{\alpha\lambda}{m}\Big) W^{[l]} - \alpha\,dW^{[l]}_{\text{CE}}"
        rf",\qquad 1 - \frac{{{alpha:g}\cdot{lam:g}}}{{{m}}} = {factor:.6g}"
    )
    cols = st.columns(2)
    cols[0].metric(t("l2.metric.decay"), f"{factor:.6g}")
    with np.errstate(over="ignore"):  # |factor| > 1 (tiny uploaded sets) must not raise
        left = float(np.power(np.float64(factor), n))
    cols[1].metric(t("l2.metric.decay_total", n=n), f"{left:.3g}")
    if lam == 0:
        st.info(t("l2.decay.zero"))
    elif step >= 1:
        st.warning(t("l2.decay.overshoot"))


def l1_section(result, config: TrainConfig, spec_, data: Splits, lang: str, run_key: tuple) -> None:
    """Train the other penalty at the same λ (in the background) and compare the weight histograms."""
    st.subheader(t("l2.sec.l1"))
    m = data.X_train.shape[1]
    if config.lambd == 0:  # no penalty at all: the other network is this one
        other = result
    else:
        other_config = budgeted(replace(config, penalty="l1" if config.penalty == "l2" else "l2"), m)
        other = later(
            f"{SCOPE.get()}l2_other_penalty",
            ("l2_other_penalty", spec_, other_config),
            train,
            *(data.X_train, data.Y_train, other_config, None, data.X_dev, data.Y_dev),
            waiting=t("l2.l1.waiting"),
        )
        if other is None:
            return
    l2_params, l1_params = (
        (result.params, other.params) if config.penalty == "l2" else (other.params, result.params)
    )
    tolerance = config.learning_rate * config.lambd / m
    weights = (figures.all_weights(l2_params), figures.all_weights(l1_params))
    chart(
        lambda: figures.weights_histogram_figure(*weights, tolerance, labels=page_labels(lang)),
        key="l2_weights",
        inputs=(run_key, progress(other)),
    )
    st.caption(t("l2.l1.caption"))
    if config.lambd == 0:
        st.info(t("l2.l1.same"))
        return
    cols = st.columns(2)
    cols[0].metric(t("l2.metric.zero_l2"), f"{figures.near_zero_share(l2_params, tolerance):.0%}")
    cols[1].metric(t("l2.metric.zero_l1"), f"{figures.near_zero_share(l1_params, tolerance):.0%}")


def use_lambda(key: str, value: float) -> None:
    """Callback of the suggestion button: move the λ slider (A's or B's) to ``value``."""
    st.session_state[key] = value


def curve_section(spec_, config: TrainConfig, data: Splits, lang: str) -> None:
    """§1.4 validation curve over the λ slider's grid, batched; current λ marked, best dev λ suggested."""
    st.subheader(t("l2.sec.curve"))
    grid = spec.lambda_grid()
    m = data.X_train.shape[1]
    shared = sweep_config(config, m, len(grid))
    sweep_key = ("l2_validation", spec_, shared, grid)
    sweep: SweepResult | None = later(  # §1.4 every λ of the grid trained together (core.sweep, batched)
        f"{SCOPE.get()}l2_validation",
        sweep_key,
        train_sweep,
        *(data.X_train, data.Y_train, shared, "lambd", grid, data.X_dev, data.Y_dev),
        waiting=t("l2.curve.waiting", k=len(grid)),
    )
    if sweep is None:
        return
    if shared.num_iterations < config.num_iterations:
        st.info(t("l2.curve.capped", used=shared.num_iterations, asked=config.num_iterations))
    if "time_budget" in sweep.stop_reasons:
        last = int(sweep.history["iteration"].max())
        st.warning(t("l2.curve.time_budget", seconds=spec.SWEEP_TIME_BUDGET_S, iteration=last))
    best = sweep.best_index
    chart(
        lambda: charts.validation_curve_figure(
            sweep.values,
            sweep.train_errors,
            sweep.dev_errors,
            current=config.lambd,
            best=None if best is None else float(sweep.values[best]),
            labels=labels("chart.", lang),
            x_title=t("l2.chart.lambda_axis"),
        ),
        key="l2_validation",
        inputs=(sweep_key, progress(sweep), config.lambd),
    )
    st.caption(t("l2.curve.caption", k=len(grid)))
    if sweep.diverged.any():
        st.warning(t("l2.curve.diverged", n=int(sweep.diverged.sum())))
    if best is None:
        return
    best_value = float(sweep.values[best])
    if best_value == config.lambd:
        st.success(t("l2.curve.is_best"))
        return
    shown = format_number(best_value)
    st.info(t("l2.curve.best", best=shown, dev=sweep.dev_errors[best], train=sweep.train_errors[best]))
    key = (B_PREFIX if SCOPE.get() == "B" else "") + "lambd"
    st.button(
        t("l2.curve.use", best=shown),
        key=f"{SCOPE.get()}l2_use_best",
        on_click=use_lambda,
        args=(key, best_value),
        icon=":material/target:",
    )


def page_labels(lang: str) -> dict:
    return {**labels("chart.", lang), **labels("l2.chart.", lang)}


def body(values) -> dict:
    """Everything that depends on the controls; returns the errors for the A/B comparison."""
    lang = current_lang()
    settings = spec.data_settings(values)
    spec_ = data_spec(
        values["dataset"], settings["m"], seed(), **{k: v for k, v in settings.items() if k != "m"}
    )
    config = spec.train_config(values, seed())
    result, data = run(spec_, config)
    show_run_notices(result, config.num_iterations)
    used = result.config  # as trained: iterations capped by the work budget
    m = data.X_train.shape[1]
    errors = metrics_row(result, data)
    run_key = (spec_, config, progress(result))  # what the run and so every figure of it follow from
    fit_section(result, data, lang, run_key)
    decay, costs, l1, curve = lazy_tabs(VIEW_KEY, [f"l2.tab.{n}" for n in ("decay", "cost", "l1", "curve")])
    if decay.open:
        with decay:
            decay_section(result, used, m, lang, run_key)
    if costs.open:
        with costs:
            cost_section(result, used, lang, run_key)
    if l1.open:  # the other penalty's network trains only when asked for
        with l1:
            l1_section(result, config, spec_, data, lang, run_key)
    if curve.open:  # so does the λ sweep
        with curve:
            curve_section(spec_, used, data, lang)
    return errors


page_body("l2", body)

st.subheader(t("l2.sec.formula"))
st.latex(
    r"J = -\frac{1}{m}\sum_{i=1}^{m}\Big[y^{(i)}\log a^{[L](i)} + (1-y^{(i)})\log\big(1-a^{[L](i)}\big)\Big]"
    r" + \frac{\lambda}{2m}\sum_{l=1}^{L}\big\|W^{[l]}\big\|_F^2,"
    r"\qquad \big\|W^{[l]}\big\|_F^2 = \sum_{i=1}^{n^{[l]}}\sum_{j=1}^{n^{[l-1]}}\big(w_{ij}^{[l]}\big)^2"
)
st.latex(
    r"dW^{[l]} = dW^{[l]}_{\text{CE}} + \frac{\lambda}{m}W^{[l]},\qquad "
    r"W^{[l]} \leftarrow W^{[l]} - \alpha\,dW^{[l]}"
    r" = \Big(1-\frac{\alpha\lambda}{m}\Big)W^{[l]} - \alpha\,dW^{[l]}_{\text{CE}}"
)
st.latex(r"\text{L1:}\quad J = J_{\text{CE}} + \frac{\lambda}{m}\sum_{l}\sum_{i,j}\big|w_{ij}^{[l]}\big|")
show_code(penalty_cost, backward_propagation, train_sweep)
