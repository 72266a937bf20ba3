"""Home: what the lab teaches, a map of the topics, and a live demo on the default model."""

import streamlit as st

from core.network import predict_proba
from core.train import TrainConfig, train
from ui import charts
from ui.compare import page_body
from ui.i18n import current_lang, labels, t
from ui.shell import chart, page_header, seed, show_code
from ui.specs import PAGES
from ui.training import data_spec, progress, run, show_run_notices

page_header("home")
st.markdown(t("home.intro"))

st.subheader(t("home.map"))
columns = st.columns(3)
for i, spec in enumerate(PAGES):
    with columns[i % 3].container(border=True):
        if spec.exists:
            st.page_link(spec.script, label=f"§{spec.sections} {t(spec.title_key)}", icon=spec.icon)
        else:
            st.markdown(f"**§{spec.sections} {t(spec.title_key)}** · _{t('home.soon')}_")
        st.caption(t(spec.summary_key))

st.subheader(t("home.demo"))
st.caption(t("home.demo.text"))


def body(values: dict) -> dict[str, float]:
    """Train the demo network on the chosen data and draw what it learned."""
    hidden = values["hidden"]
    config = TrainConfig(
        layer_dims=(2, hidden, hidden, 1),
        learning_rate=0.3,
        num_iterations=values["iterations"],
        seed=seed(),
        record_every=25,
        snapshot_every=max(1, values["iterations"] // 30) if values["replay"] else 0,
    )
    spec = data_spec(values["dataset"], 400, seed(), noise_rate=0.05)
    result, data = run(spec, config)
    run_key = (spec, config, progress(result))  # the figures below follow from the run: kept for it
    lang = current_lang()
    show_run_notices(result, values["iterations"])
    chart_labels = labels("chart.", lang)
    chart(
        lambda: charts.decision_boundary_figure(
            result.params, "relu", data.X_train, data.Y_train, data.X_dev, data.Y_dev, labels=chart_labels
        ),
        key="home_boundary",
        inputs=run_key,
    )
    errors = {k: float(result.history[k].iloc[-1]) for k in ("train_error", "dev_error")}
    for column, key in zip(st.columns(2), errors):
        column.metric(t(f"metric.{key}"), f"{errors[key]:.1%}")
    chart(
        lambda: charts.learning_curves_figure(result.history, labels=chart_labels),
        key="home_curves",
        inputs=run_key,
    )
    if values["replay"]:  # built only on request: 30 frames are most of the page's weight
        st.subheader(t("home.replay"))
        chart(
            lambda: charts.replay_figure(
                result.snapshots, "relu", data.X_train, data.Y_train, history=result.history,
                labels=chart_labels,
            ),
            key="home_replay",
            inputs=run_key,
        )
    return errors


page_body("home", body)
show_code(train, predict_proba)
