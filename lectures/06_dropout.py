"""§1.6–1.7 Dropout — per-layer keep_prob, inverted scaling, a noisy J, no dropout at test time."""

from dataclasses import replace

import numpy as np
import streamlit as st

from core.dropout_demo import (
    biggest_hidden_layer,
    cost_increases,
    layer_parameter_counts,
    masked_forward,
    mean_activations,
)
from core.network import forward_unchecked
from core.sweep import train_sweep
from core.train import TrainConfig
from ui import charts
from ui.compare import page_body
from ui.deferred import later
from ui.figures import dropout as figures
from ui.i18n import current_lang, labels, t
from ui.shell import SCOPE, chart, lazy_tabs, page_header, seed, show_code
from ui.specs.dropout import (
    ACTIVATION,
    LAYER_DIMS,
    N_DRAWS,
    NOISE,
    RATIOS,
    SWEEP_VALUES,
    M,
    curve_config,
    train_config,
)
from ui.training import CACHE, budgeted, data_spec, progress, run, show_run_notices

VIEW_KEY = "dropout_view"  # the open tab of the analyses below the training section (only it runs)
TABS = ("masks", "where", "curve")

page_header("dropout")
st.markdown(t("dropout.intro"))


@st.cache_data(**CACHE)
def activation_means(spec, config: TrainConfig, _params, _X):
    """Activation sizes per layer over N_DRAWS masks (cached by the run that produced ``_params``)."""
    return mean_activations(
        _params, _X, config.keep_prob, config.hidden_activation, config.input_keep_prob, N_DRAWS, config.seed
    )


def chart_labels(lang: str) -> dict:
    return {**labels("chart.", lang), **labels("dropout.chart.", lang)}


def training_section(result, base, data, lang: str, run_keys: tuple) -> None:
    """The two boundaries (both drawn without dropout) with their errors, then the two cost curves.

    ``run_keys`` name the two runs (data spec and config each): the figures are kept for them.
    """
    st.subheader(t("dropout.sec.train"))
    L = chart_labels(lang)
    for col, res, title, key, run_key in zip(
        st.columns(2),
        (result, base),
        ("dropout.boundary_with", "dropout.boundary_without"),
        ("boundary", "boundary_plain"),
        run_keys,
        strict=True,
    ):

        def boundary(res=res, title=title):
            return charts.side_by_side(
                t(title), res.params, ACTIVATION, data.X_train, data.Y_train, data.X_dev, data.Y_dev,
                labels=L, resolution=50,
            )

        with col:
            chart(boundary, key=key, inputs=run_key)
            final = res.history.iloc[-1]
            a, b = st.columns(2)
            a.metric(t("metric.train_error"), f"{final['train_error']:.1%}")
            b.metric(t("metric.dev_error"), f"{final['dev_error']:.1%}")
    st.caption(t("dropout.boundary.caption"))
    chart(lambda: figures.cost_figure(result.history, base.history, labels=L), key="cost", inputs=run_keys)
    up, steps = cost_increases(result.history)
    up0, steps0 = cost_increases(base.history)
    st.caption(t("dropout.cost.caption", up=up, steps=steps, up0=up0, steps0=steps0))


def masks_section(means, kps: tuple[float, ...], lang: str, run_key: tuple) -> None:
    """§1.6 inverted dropout made visible: activation sizes with and without ÷ keep_prob."""
    st.subheader(t("dropout.sec.masks"))
    st.markdown(t("dropout.masks.text", draws=N_DRAWS))
    chart(
        lambda: figures.activation_means_figure(means, labels=chart_labels(lang)), key="means", inputs=run_key
    )
    if min(kps) >= 1.0:
        if means["inverted"].equals(means["no_dropout"]):
            st.caption(t("dropout.masks.off"))
        return
    l = int(np.argmin(kps)) + 1  # the most strongly dropped hidden layer
    row, out = means.iloc[l - 1], means.iloc[-1]
    with np.errstate(all="ignore"):
        st.caption(
            t(
                "dropout.masks.ratio",
                l=l,
                kp=kps[l - 1],
                inv=row["inverted"] / row["no_dropout"],
                raw=row["not_scaled"] / row["no_dropout"],
                out_inv=out["inverted"] / out["no_dropout"],
                out_raw=out["not_scaled"] / out["no_dropout"],
            )
        )


def where_section(kps: tuple[float, ...], lang: str) -> None:
    """§1.7 the layer with the most parameters deserves the lowest keep_prob."""
    st.subheader(t("dropout.sec.where"))
    st.markdown(t("dropout.where.text"))
    counts = layer_parameter_counts(LAYER_DIMS)
    big = biggest_hidden_layer(LAYER_DIMS)
    chart(figures.parameter_counts_figure(counts, kps, big, labels=chart_labels(lang)), key="params")
    others = [kp for l, kp in enumerate(kps, start=1) if l != big]
    fmt = {
        "l": big,
        "share": counts[big - 1] / sum(counts),
        "count": counts[big - 1],
        "total": sum(counts),
        "kp": kps[big - 1],
        "other": min(others),
    }
    if kps[big - 1] < min(others):
        st.success(t("dropout.hint.ok", **fmt), icon=":material/check_circle:")
    else:
        st.info(t("dropout.hint.lower", **fmt), icon=":material/lightbulb:")


def curve_section(spec, config: TrainConfig, data, kps: tuple[float, ...], lang: str) -> None:
    """Train/dev error against one keep_prob for all hidden layers (batched sweep)."""
    st.subheader(t("dropout.sec.curve"))
    st.markdown(t("dropout.curve.text", n=len(SWEEP_VALUES)))
    shared = budgeted(curve_config(config), data.X_train.shape[1])
    curve_key = ("dropout_curve", spec, shared)
    curve = later(  # §1.6 every keep_prob of SWEEP_VALUES trained together (core.sweep, batched)
        f"{SCOPE.get()}dropout_curve",
        curve_key,
        train_sweep,
        *(data.X_train, data.Y_train, shared, "keep_prob", SWEEP_VALUES, data.X_dev, data.Y_dev),
        waiting=t("dropout.curve.training", n=len(SWEEP_VALUES)),
    )
    if curve is None:
        return
    same = len(set(kps)) == 1
    L = chart_labels(lang)

    def curve_figure():
        fig = charts.validation_curve_figure(
            curve.values,
            curve.train_errors,
            curve.dev_errors,
            current=kps[0] if same else None,
            labels=L,
            log_x=False,
            x_title=L["keep_prob_axis"],
            title=L["curve_title"],
        )
        return fig.update_layout(legend={"y": -0.3}, margin={"b": 90})  # below the axis title

    chart(curve_figure, key="curve", inputs=(curve_key, progress(curve), kps[0] if same else None))
    best = curve.best_index
    if best is not None:
        st.caption(
            t(
                "dropout.curve.best",
                kp=float(curve.values[best]),
                dev=float(curve.dev_errors[best]),
                train=float(curve.train_errors[best]),
            )
        )
    if not same:
        st.caption(t("dropout.curve.mixed"))
    cut = sum(r != "completed" for r in curve.stop_reasons)
    if cut:
        st.warning(t("dropout.curve.stopped", n=cut, total=len(curve.values)))


def body(values):
    """Train with the chosen keep_probs and without dropout, draw it all; return the dropout run errors."""
    lang = current_lang()
    kps = (values["kp1"], values["kp2"], values["kp3"])
    spec = data_spec(values["dataset"], M, seed(), noise_rate=NOISE, ratios=RATIOS)
    config = train_config(values["iterations"], kps, values["kp0"], seed())
    result, data = run(spec, config)
    base_config = replace(config, keep_prob=1.0, input_keep_prob=1.0)
    base, _ = run(spec, base_config)
    show_run_notices(result, values["iterations"])
    if base.diverged and not result.diverged:
        show_run_notices(base, values["iterations"])
    run_keys = ((spec, config, progress(result)), (spec, base_config, progress(base)))  # the figures' runs
    training_section(result, base, data, lang, run_keys)
    masks, where, curve = lazy_tabs(VIEW_KEY, [f"dropout.tab.{name}" for name in TABS])
    if masks.open:  # the mask draws run only while their tab is open
        with masks:
            means = activation_means(spec, result.config, result.params, data.X_train)
            masks_section(means, kps, lang, run_keys[0])
    if where.open:
        with where:
            where_section(kps, lang)
    if curve.open:  # the keep_prob sweep trains only while its tab is open
        with curve:
            curve_section(spec, config, data, kps, lang)
    final = result.history.iloc[-1]
    return {"train_error": float(final["train_error"]), "dev_error": float(final["dev_error"])}


page_body("dropout", body)
st.caption(t("dropout.formula"))
st.latex(
    r"d^{[l]} = \big(\mathrm{rand}(n^{[l]}, m) < \text{keep\_prob}\big),\quad "
    r"a^{[l]} \leftarrow \frac{a^{[l]} \odot d^{[l]}}{\text{keep\_prob}},\quad "
    r"\mathbb{E}\!\left[\frac{a\,d}{\text{keep\_prob}}\right] = a"
)
show_code(forward_unchecked, mean_activations, masked_forward, train_sweep)
