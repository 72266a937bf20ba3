"""§1.5 Why regularization reduces overfitting — tanh units pushed into their linear zone as λ grows."""

from dataclasses import replace

import streamlit as st

from core.sweep import SweepResult, train_sweep
from core.train import TrainConfig
from ui import charts
from ui.compare import page_body
from ui.controls import cap_iterations, format_number
from ui.deferred import later
from ui.figures import why_reg as figures
from ui.i18n import current_lang, labels, t
from ui.shell import SCOPE, chart, lazy_tabs, page_header, seed, show_code
from ui.specs import l2 as l2_spec
from ui.specs import why_reg as spec
from ui.training import CACHE, TIME_BUDGET_S, Splits, data_spec, load_splits, progress, run

ACT = "tanh"
VIEW_KEY = "why_reg_view"  # the open tab of the analyses below the z figure (only it runs)
TABS = ("boundary", "multiples", "trend")

page_header("why_reg")
st.markdown(t("why_reg.intro"))


@st.cache_data(**CACHE)
def boundary_lengths(data_key, config: TrainConfig, _sweep: SweepResult, _data: Splits):
    """Decision-boundary length of every model of the sweep (cached with it: it ignores the zone)."""
    return figures.boundary_lengths(_sweep.params, ACT, [_data.X_train, _data.X_dev], resolution=50)


def sweep_config(config: TrainConfig, m: int, k: int) -> TrainConfig:
    """The shared config of the sweep: λ left to the sweep, iterations capped by the work budget."""
    iterations = cap_iterations(m * k, config.n_parameters, config.num_iterations, l2_spec.SWEEP_MAX_WORK)
    return replace(config, lambd=0.0, num_iterations=iterations, time_budget_s=l2_spec.SWEEP_TIME_BUDGET_S)


def notices(current, shared: TrainConfig, asked: int) -> None:
    """About the network at the current λ (the sweep trains it the same way, §1.4 batched = one by one)."""
    if shared.num_iterations < asked:
        st.info(t("why_reg.capped", used=shared.num_iterations, asked=asked))
    if current.stop_reason == "time_budget":
        last = int(current.history["iteration"].iloc[-1])
        st.warning(t("why_reg.time_budget", seconds=TIME_BUDGET_S, iteration=last))
    if current.diverged:
        st.error(t("why_reg.diverged", iteration=current.diverged_at))


def sweep_notices(sweep: SweepResult) -> None:
    if "time_budget" in sweep.stop_reasons:
        last = int(sweep.history["iteration"].max())
        st.warning(t("why_reg.time_budget", seconds=l2_spec.SWEEP_TIME_BUDGET_S, iteration=last))


def page_labels(lang: str) -> dict:
    return {**labels("chart.", lang), **labels("why_reg.chart.", lang)}


def z_section(params, data: Splits, threshold: float, lang: str, run_key: tuple) -> list[float]:
    """z of each hidden layer over the tanh curve; returns the near-linear share per layer.

    ``run_key`` names the run (data spec and config): the figure is kept for it (ui.shell.chart).
    """
    st.subheader(t("why_reg.sec.z"))
    zs = figures.pre_activations(params, data.X_train, ACT)
    shares = [figures.linear_share(z, threshold) for z in zs]
    cols = st.columns(len(shares))
    for l, (col, share) in enumerate(zip(cols, shares, strict=True), start=1):
        col.metric(t("why_reg.metric.share", l=l, threshold=threshold), f"{share:.0%}")
    chart(
        lambda: figures.z_over_tanh_figure(zs, threshold, labels=page_labels(lang)),
        key="why_z",
        inputs=(run_key, threshold),
    )
    st.caption(t("why_reg.z.caption"))
    return shares


def trend_section(sweep: SweepResult, keys: tuple, data: Splits, threshold: float, current: float, lang: str):
    """The near-linear share and the boundary length against λ, from every model of the sweep.

    ``keys`` (data spec, sweep config) name the sweep: its figures are kept for them.
    """
    L = page_labels(lang)

    def shares_figure():
        shares = figures.linear_shares(sweep.params, data.X_train, threshold, ACT)
        series = {L["share_series"].format(l=l + 1): shares[:, l] for l in range(shares.shape[1])}
        title = L["share_title"].format(threshold=threshold)
        return figures.over_lambda_figure(
            sweep.values, series, current, title, L["share_axis"], percent=True, labels=L
        )

    chart(shares_figure, key="why_share", inputs=(keys, progress(sweep), threshold, current))
    st.caption(t("why_reg.share.caption", k=len(sweep)))

    def lengths_figure():
        lengths = boundary_lengths(*keys, sweep, data)
        series = {L["length_series"]: lengths}
        return figures.over_lambda_figure(
            sweep.values, series, current, L["length_title"], L["length_axis"], labels=L
        )

    chart(lengths_figure, key="why_length", inputs=(keys, progress(sweep), current))
    st.caption(t("why_reg.length.caption"))


def boundary_section(params, data: Splits, lang: str, run_key: tuple) -> None:
    st.subheader(t("why_reg.sec.current"))
    chart(
        lambda: charts.decision_boundary_figure(
            params, ACT, data.X_train, data.Y_train, data.X_dev, data.Y_dev, labels=labels("chart.", lang)
        ),
        key="why_boundary",
        inputs=run_key,
    )
    st.caption(t("why_reg.current.caption"))


def multiples_section(sweep: SweepResult, data: Splits, lang: str, sweep_key: tuple) -> None:
    """The boundary at a few λ of the sweep, side by side (kept for ``sweep_key``)."""
    values = list(sweep.values)
    picked = [values.index(v) for v in spec.SHOWN_LAMBDAS]
    L = page_labels(lang)
    names = [L["panel"].format(value=format_number(v)) for v in spec.SHOWN_LAMBDAS]
    chart(
        lambda: figures.boundaries_figure(
            [sweep.params[i] for i in picked],
            spec.SHOWN_LAMBDAS,
            ACT,
            data.X_train,
            data.Y_train,
            labels=L,
            panel_names=names,
        ),
        key="why_boundaries",
        inputs=sweep_key,
    )
    st.caption(t("why_reg.boundaries.caption"))


def lambda_sweep(data: Splits, shared: TrainConfig, grid, sweep_key: tuple) -> SweepResult | None:
    """§1.5 every λ of the grid trained together with tanh units (batched, in the background), or None."""
    sweep: SweepResult | None = later(
        f"{SCOPE.get()}why_reg_sweep",
        sweep_key,
        train_sweep,
        *(data.X_train, data.Y_train, shared, "lambd", grid, data.X_dev, data.Y_dev),
        waiting=t("why_reg.waiting", k=len(grid)),
    )
    if sweep is not None:
        sweep_notices(sweep)
    return sweep


def body(values) -> dict:
    """Everything that depends on the controls; returns the errors for the A/B comparison."""
    lang = current_lang()
    settings = l2_spec.data_settings(values)
    spec_ = data_spec(
        values["dataset"], settings["m"], seed(), **{k: v for k, v in settings.items() if k != "m"}
    )
    data = load_splits(spec_)
    config = spec.train_config(values, seed())
    grid = l2_spec.lambda_grid()
    shared = sweep_config(config, data.X_train.shape[1], len(grid))
    lam = float(values["lambd"])
    current, _ = run(spec_, replace(shared, lambd=lam))  # the sweep's model at this λ, first
    notices(current, shared, config.num_iterations)
    last = current.history.iloc[-1]
    errors = {"train_error": float(last["train_error"]), "dev_error": float(last["dev_error"])}
    cols = st.columns(2)
    cols[0].metric(t("metric.train_error"), f"{errors['train_error']:.1%}")
    cols[1].metric(t("metric.dev_error"), f"{errors['dev_error']:.1%}")
    threshold = float(values["linear_zone"])
    run_key = (spec_, replace(shared, lambd=lam), progress(current))
    z_section(current.params, data, threshold, lang, run_key)
    now, multiples, trend = lazy_tabs(VIEW_KEY, [f"why_reg.tab.{name}" for name in TABS])
    if now.open:
        with now:
            boundary_section(current.params, data, lang, run_key)
    sweep_key = ("why_reg_sweep", spec_, shared, grid)
    if multiples.open:  # the λ sweep trains only when a tab of it is open
        with multiples:
            st.subheader(t("why_reg.sec.boundaries"))
            sweep = lambda_sweep(data, shared, grid, sweep_key)
            if sweep is not None:
                multiples_section(sweep, data, lang, (sweep_key, progress(sweep)))
    if trend.open:
        with trend:
            st.subheader(t("why_reg.sec.share"))
            sweep = lambda_sweep(data, shared, grid, sweep_key)
            if sweep is not None:
                trend_section(sweep, (spec_, shared), data, threshold, lam, lang)
    return errors


page_body("why_reg", body)

st.subheader(t("why_reg.sec.formula"))
st.latex(
    r"\tanh(z) = z - \frac{z^3}{3} + \frac{2z^5}{15} - \cdots \approx z \quad (|z| \ll 1),"
    r"\qquad z^{[l]} = W^{[l]}a^{[l-1]} + b^{[l]}"
)
st.markdown(t("why_reg.formula.text"))
st.latex(
    r"g(z) = z:\quad a^{[L-1]} = W^{[L-1]}\cdots W^{[1]}x + b' = W'x + b',\qquad"
    r"\hat y = \sigma\big(W^{[L]}(W'x + b') + b^{[L]}\big)"
)
show_code(train_sweep, figures.pre_activations, figures.linear_shares, figures.boundary_length)
