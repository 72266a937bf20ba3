"""§1.11 Weight initialization — zeros / random / Xavier / He / Glorot × a scale; activations and
gradients by layer at initialization, training, and the symmetry that zeros never breaks."""

import numpy as np
import pandas as pd
import streamlit as st

from core import deep_nets as dn
from core.network import init_std, initialize_parameters
from core.train import TrainConfig
from ui import charts
from ui.compare import page_body
from ui.figures import initialization as figs
from ui.i18n import current_lang, labels, t
from ui.shell import chart, lazy_tabs, page_header, seed, show_code
from ui.training import (
    CACHE,
    DataSpec,
    Splits,
    data_spec,
    gradients_at_start_and_end,
    progress,
    run,
    show_run_notices,
)

VIEW_KEY = "initialization_view"  # the open tab of the analyses below the violins (only it runs)
TABS = tuple(f"initialization.tab.{name}" for name in ("spread", "grads", "training", "units"))
PAIRING = {"relu": "he", "tanh": "xavier"}  # the usual choice per activation
MEANT_FOR = {"xavier": "tanh", "he": "relu", "glorot": "tanh"}
FORMULAS = {
    "zeros": ("0", "np.zeros((n_l, n_prev))"),
    "random": ("1", "np.random.randn(n_l, n_prev)"),
    "xavier": (r"$\frac{1}{n^{[l-1]}}$", "np.random.randn(n_l, n_prev) * np.sqrt(1 / n_prev)"),
    "he": (r"$\frac{2}{n^{[l-1]}}$", "np.random.randn(n_l, n_prev) * np.sqrt(2 / n_prev)"),
    "glorot": (
        r"$\frac{2}{n^{[l-1]} + n^{[l]}}$",
        "np.random.randn(n_l, n_prev) * np.sqrt(2 / (n_prev + n_l))",
    ),
}

page_header("initialization")
st.markdown(t("initialization.intro"))
st.latex(
    r"z = \sum_{i=1}^{n^{[l-1]}} w_i a_i \;\Rightarrow\; \operatorname{Var}(z) \approx n^{[l-1]}\,"
    r"\operatorname{Var}(w)\,\mathbb{E}[a^2],"
    r"\qquad W^{[l]} = s\cdot\mathcal{N}\bigl(0, \sigma_{\text{init}}^2\bigr)"
)


@st.cache_data(**CACHE)
def init_activations(spec: DataSpec, config: TrainConfig, _data: Splits) -> list[np.ndarray]:
    """a[1] … a[L] on the training examples, right after initialization."""
    params = initialize_parameters(config.layer_dims, config.init, config.init_scale, config.seed)
    return dn.layer_activations(params, _data.X_train, config.hidden_activation)


def stats_frame(stats: pd.DataFrame, activation: str) -> pd.DataFrame:
    """The per-layer statistics with translated column names."""
    cols = ["layer", "mean", "std", "zero"] + (["saturated"] if activation == "tanh" else [])
    frame = stats[cols].copy()
    frame.columns = [t(f"initialization.stats.{c}") for c in cols]
    return frame


def notes(values, config: TrainConfig, params) -> None:
    """Pairing hint, the N(0, 1) growth factor, and the symmetry verdict."""
    act, scheme = values["init_act"], values["init_scheme"]
    if scheme in MEANT_FOR and MEANT_FOR[scheme] != act:
        st.info(
            t(
                "initialization.pairing",
                act=act,
                good=t(f"opt.{PAIRING[act]}"),
                scheme=t(f"opt.{scheme}"),
                other=MEANT_FOR[scheme],
            )
        )
    if scheme == "random":
        n = values["init_width"]
        factor = n * values["init_scale"] ** 2 * (0.5 if act == "relu" else 1.0)
        st.info(t("initialization.random_note", n=n, factor=factor))
    counts = dn.distinct_units(params)
    if scheme == "zeros" and counts:
        st.warning(t("initialization.zeros", count=max(counts)))
    elif counts:
        st.caption(
            t("initialization.distinct", counts=", ".join(map(str, counts)), width=values["init_width"])
        )


def body(values) -> dict:
    """Everything that depends on the controls; returns the errors for the A/B comparison.

    The activations at initialization and the errors are always shown; the other analyses are
    lazy tabs, of which only the open one is computed and drawn.
    """
    lang = current_lang()
    chart_labels = labels("chart.", lang)
    L = {**chart_labels, **labels("initialization.chart.", lang)}
    iterations = int(values["init_iters"])
    config = TrainConfig(
        layer_dims=(2, *([int(values["init_width"])] * int(values["init_depth"])), 1),
        hidden_activation=values["init_act"],
        init=values["init_scheme"],
        init_scale=float(values["init_scale"]),
        learning_rate=float(values["init_alpha"]),
        num_iterations=iterations,
        seed=seed(),
        record_every=max(1, iterations // 100),
    )
    spec = data_spec(values["init_data"], 400, seed(), noise_rate=0.05)
    result, data = run(spec, config)
    show_run_notices(result, iterations)
    notes(values, config, result.final_params)

    st.markdown(f"**{t('initialization.dist.header')}**")
    st.caption(t("initialization.dist.text"))
    run_key = (spec, config, progress(result))  # the run, and so each figure of this body, follows from these
    hidden = init_activations(spec, config, data)[:-1]
    chart(lambda: figs.activation_violin_figure(hidden, labels=L, seed=seed()), key="violins", inputs=run_key)
    train_error = float(result.history["train_error"].iloc[-1])
    dev_error = float(result.history["dev_error"].iloc[-1])
    cols = st.columns(2)
    cols[0].metric(t("metric.train_error"), f"{train_error:.1%}")
    cols[1].metric(t("metric.dev_error"), f"{dev_error:.1%}")

    spread, grads, training, units = lazy_tabs(VIEW_KEY, TABS)
    if spread.open:
        with spread:
            spread_section(hidden, config, L, chart_labels, run_key)
    if grads.open:
        with grads:
            gradients_section(result, chart_labels, run_key)
    if training.open:
        with training:
            training_section(result, config, data, chart_labels, run_key)
    if units.open:  # the trained network's activations are computed only here
        with units:
            units_section(result, config, data, L, run_key)
    return {"train_error": train_error, "dev_error": dev_error}


def spread_section(
    hidden: list[np.ndarray], config: TrainConfig, L: dict, chart_labels: dict, run_key
) -> None:
    """The standard deviation of a[l] per layer at initialization, and the per-layer statistics."""
    stats = dn.activation_stats(hidden, config.hidden_activation)
    spread_labels = {**chart_labels, "underflow": L["zero_spread"]}  # std 0: all values equal
    chart(
        lambda: charts.per_layer_figure(
            {L["std_series"]: stats["std"].to_numpy()},
            labels=spread_labels,
            kind="line",
            title=L["std_title"],
            y_title=L["std_axis"],
        ),
        key="spread",
        inputs=run_key,
    )
    with st.expander(t("initialization.stats.header"), icon=":material/table:"):
        st.dataframe(stats_frame(stats, config.hidden_activation), hide_index=True)


def gradients_section(result, chart_labels: dict, run_key) -> None:
    """Gradient size per layer at initialization and after training (or where it diverged)."""
    st.markdown(f"**{t('initialization.grads.header')}**")
    grads = gradients_at_start_and_end(result)
    chart(
        lambda: charts.gradient_magnitude_by_layer_figure(grads, labels=chart_labels),
        key="gradients",
        inputs=run_key,
    )


def training_section(result, config: TrainConfig, data: Splits, chart_labels: dict, run_key) -> None:
    """Learning curves and the trained network's decision boundary."""
    chart(
        lambda: charts.learning_curves_figure(result.history, labels=chart_labels, log_y=True),
        key="curves",
        inputs=run_key,
    )
    chart(
        lambda: charts.decision_boundary_figure(
            result.params,
            config.hidden_activation,
            data.X_train,
            data.Y_train,
            data.X_dev,
            data.Y_dev,
            labels=chart_labels,
        ),
        key="boundary",
        inputs=run_key,
    )


def units_section(result, config: TrainConfig, data: Splits, L: dict, run_key) -> None:
    """Hidden layer 1 after training, one row per unit: identical rows when symmetry was never broken."""
    st.caption(t("initialization.units.text"))
    with np.errstate(all="ignore"):
        a1 = dn.layer_activations(result.final_params, data.X_train, config.hidden_activation)[0]
    chart(lambda: figs.units_heatmap_figure(a1, labels=L), key="units", inputs=run_key)


def formula_table(scheme: str) -> str:
    """The variance formulas with their usual activation; the chosen scheme in bold."""
    head = [t(f"initialization.table.{k}") for k in ("scheme", "variance", "code", "pair")]
    lines = ["| " + " | ".join(head) + " |", "|---|---|---|---|"]
    for name, (variance, code) in FORMULAS.items():
        label = t(f"initialization.table.{name}") if name in ("zeros", "random") else t(f"opt.{name}")
        cells = [label, variance, f"`{code}`", t(f"initialization.table.pair.{name}")]
        if name == scheme:
            cells[0], cells[3] = f"**{cells[0]}**", f"**{cells[3]}**"
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def formula_section() -> None:
    """§1.11 the table of variance formulas, the chosen scheme in bold (it follows the scheme control)."""
    st.subheader(t("initialization.table.header"))
    st.markdown(formula_table(st.session_state.get("init_scheme", "he")))
    st.caption(t("initialization.table.note"))


page_body("initialization", body, after=formula_section)
show_code(initialize_parameters, init_std, dn.activation_stats)
