"""§1.10 Vanishing and exploding gradients — the deep linear network W[l] = a·I, then a real deep network."""

import numpy as np
import streamlit as st

from core import deep_nets as dn
from core.network import initialize_parameters
from core.train import TrainConfig, train
from ui import charts
from ui.figures import vanishing as figs
from ui.i18n import current_lang, labels, t
from ui.shell import chart, interactive, page_header, seed, show_code
from ui.specs.vanishing import LINEAR, NETWORK
from ui.training import CACHE, DataSpec, Splits, data_spec, gradients_at_start_and_end, run, show_run_notices
from ui.widgets import render_page_controls

page_header("vanishing")
st.markdown(t("vanishing.intro"))
lang = current_lang()
CHART = labels("chart.", lang)
L = {**CHART, **labels("vanishing.chart.", lang)}


@st.cache_data(**CACHE)
def init_signals(spec: DataSpec, config: TrainConfig, _data: Splits) -> tuple:
    """Forward activation statistics and backward signals of the network at initialization."""
    params = initialize_parameters(config.layer_dims, config.init, config.init_scale, config.seed)
    acts = dn.activation_stats(dn.layer_activations(params, _data.X_train, config.hidden_activation))
    back = dn.backward_signals(params, _data.X_train, _data.Y_train, config.hidden_activation)
    return acts, back


def linear_notice(rows: np.ndarray, exact: np.ndarray, dtype: str) -> None:
    """Say where the deep linear network overflowed or underflowed, or how close it stayed to a^l."""
    over, under = dn.first_layer_out_of_range(rows)
    if over is not None:
        st.error(t("vanishing.linear.overflow", layer=over, dtype=dtype))
    elif under is not None:
        st.warning(t("vanishing.linear.underflow", layer=under, dtype=dtype))
    else:
        with np.errstate(all="ignore"):
            err = float(np.nanmax(np.abs(rows[:, 0].astype(float) / exact - 1.0)))
        st.success(t("vanishing.linear.in_range", L=len(rows), dtype=dtype, error=err))


def verdict(history, alpha: float) -> None:
    """Vanishing, exploding or workable: α·‖dW[l]‖/‖W[l]‖ at initialization, the relative size of a step."""
    g0 = dn.grad_norms_from_history(history, 0)
    w0 = np.array([history[f"W{l}_norm"].iloc[0] for l in range(1, len(g0) + 1)])
    with np.errstate(all="ignore"):
        rel = alpha * g0 / w0
    rel = rel[np.isfinite(rel)]
    if not rel.size:
        return
    if rel.max() < 1e-4:
        st.warning(t("vanishing.verdict.vanishing", rel=rel.max()))
    elif rel.max() > 0.5:
        st.error(t("vanishing.verdict.exploding", rel=rel.max()))
    else:
        st.info(t("vanishing.verdict.healthy", low=rel.min(), high=rel.max()))


# --------------------------------------------------------------------------- the deep linear network


def sections() -> None:
    """Everything below the introduction that the page's controls drive."""
    st.subheader(t("vanishing.linear.header"))
    st.markdown(t("vanishing.linear.text"))
    controls, main = st.columns([1, 3])
    with controls:
        lin = render_page_controls("vanishing", keys=LINEAR)
    a, depth = float(lin["lin_a"]), int(lin["lin_depth"])
    dtype = "float32" if lin["lin_float32"] else "float64"
    rows = dn.deep_linear_forward(a, depth, (1.0, 1.0), dtype)
    exact = dn.deep_linear_theory(a, depth)
    with main:
        chart(
            figs.linear_layers_figure(rows[:, 0].astype(float), exact, dtype, labels=L), key="linear_layers"
        )
        linear_notice(rows, exact, dtype)
        cols = st.columns(3)
        cols[0].metric(t("vanishing.metric.output"), f"{float(rows[-1, 0]):.4g}")
        cols[1].metric(t("vanishing.metric.exact"), f"{exact[-1]:.4g}")
        cols[2].metric(t("vanishing.metric.growth"), f"×{a**10:.3g}")
        chart(figs.output_vs_depth_figure(a, depth, labels=L), key="linear_depth")

    # --------------------------------------------------------------------------- a real deep network

    st.subheader(t("vanishing.network.header"))
    st.markdown(t("vanishing.network.text"))
    controls, main = st.columns([1, 3])
    with controls:
        net = render_page_controls("vanishing", keys=NETWORK)
    iterations = int(net["net_iters"])
    config = TrainConfig(
        layer_dims=dn.deep_layer_dims(int(net["net_depth"]), int(net["net_width"])),
        hidden_activation=net["net_act"],
        init="xavier",
        init_scale=float(net["net_gain"]),
        learning_rate=float(net["net_alpha"]),
        num_iterations=iterations,
        seed=seed(),
        record_every=max(1, iterations // 100),
    )
    spec = data_spec("moons", 400, seed(), noise_rate=0.05)
    result, data = run(spec, config)
    acts, back = init_signals(spec, config, data)
    with main:
        show_run_notices(result, iterations)
        signals = {L["forward"]: acts["rms"].to_numpy()[:-1], L["backward"]: back["dz_rms"].to_numpy()[:-1]}
        chart(
            charts.per_layer_figure(
                signals, labels=CHART, kind="line", title=L["signals_title"], y_title=L["signal_axis"]
            ),
            key="signals",
        )
        st.caption(t("vanishing.signals.text"))
        grads = gradients_at_start_and_end(result)
        chart(charts.gradient_magnitude_by_layer_figure(grads, labels=CHART), key="gradients")
        verdict(result.history, config.learning_rate)
        st.markdown(f"**{t('vanishing.curves.header')}**")
        cols = st.columns(2)
        cols[0].metric(t("metric.train_error"), f"{result.history['train_error'].iloc[-1]:.1%}")
        cols[1].metric(t("metric.dev_error"), f"{result.history['dev_error'].iloc[-1]:.1%}")
        chart(charts.learning_curves_figure(result.history, labels=CHART, log_y=True), key="curves")


interactive(sections)

st.subheader(t("vanishing.formula.header"))
st.markdown(t("vanishing.formula.text"))
st.latex(
    r"\hat y = W^{[L]}W^{[L-1]}\cdots W^{[1]}x,\qquad W^{[l]} = a\,I \;\Rightarrow\; \hat y = a^{L-1}x"
)
st.latex(
    r"dz^{[l]} = \bigl(W^{[l+1]\top} dz^{[l+1]}\bigr) * g'\bigl(z^{[l]}\bigr),\qquad "
    r"dW^{[l]} = \tfrac{1}{m}\,dz^{[l]}\,a^{[l-1]\top}"
)

show_code(dn.deep_linear_forward, dn.backward_signals, train)
