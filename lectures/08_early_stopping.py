"""§1.8 Early stopping — the dev minimum, growing weights, and early stopping set against L2."""

import streamlit as st

from core.early_stopping import model_summary, patience_stop, total_weight_norm
from core.train import train
from ui import charts
from ui.compare import page_body
from ui.deferred import later
from ui.figures import early_stopping as figures
from ui.i18n import current_lang, labels, t
from ui.shell import SCOPE, chart, lazy_tabs, page_header, seed, show_code
from ui.specs.early_stopping import ACTIVATION, NOISE, RATIOS, M, train_config
from ui.training import budgeted, data_spec, progress, run, show_run_notices

VIEW_KEY = "early_stopping_view"  # the open tab below the error curves (only it runs)

page_header("early_stopping")
st.markdown(t("early_stopping.intro"))


def chart_labels(lang: str) -> dict:
    return {**labels("chart.", lang), **labels("early_stopping.chart.", lang)}


def curves_section(result, best: int, patience: int, L: dict, same: tuple) -> None:
    """Train/dev error over iterations with the dev minimum and the patience stop marked.

    ``same`` names what the page's figures follow from (runs and λ): they are kept for it.
    """
    st.subheader(t("early_stopping.sec.curves"))
    h = result.history
    stop, kept = patience_stop(h, patience)
    chart(
        lambda: figures.error_curves_figure(h, best, stop, patience, labels=L),
        key="curves",
        inputs=(same, patience),
    )
    final = h.iloc[-1]
    st.caption(
        t(
            "early_stopping.curves.caption",
            best=best,
            dev=result.best_dev_error,
            final_dev=final["dev_error"],
            final_train=final["train_error"],
        )
    )
    if stop is None:
        st.caption(t("early_stopping.patience.none", patience=patience))
    else:
        st.caption(t("early_stopping.patience.stop", patience=patience, stop=stop, kept=kept))


def norm_section(result, best: int, lambd: float, L: dict, models_of) -> None:
    """‖W‖_F growing over iterations, with the L2 model's final norm for reference (once it is in).

    ``models_of()`` gives the three models with their summaries (starting the L2 run) and what the
    figures follow from.
    """
    st.subheader(t("early_stopping.sec.norm"))
    models, same = models_of()
    summaries = [m[2] for m in models]
    h = result.history
    total = total_weight_norm(h)
    l2_norm = summaries[2]["weight_norm"] if len(summaries) > 2 else None
    chart(
        lambda: figures.weight_norm_figure(h, total, best, l2_norm, lambd, labels=L),
        key="norms",
        inputs=(same, l2_norm is None),
    )
    best_norm, final_norm = summaries[0]["weight_norm"], summaries[1]["weight_norm"]
    if l2_norm is None:
        return
    st.caption(
        t(
            "early_stopping.norm.caption",
            best_norm=best_norm,
            final_norm=final_norm,
            ratio=final_norm / best_norm if best_norm > 0 else float("nan"),
            l2_norm=l2_norm,
        )
    )


def models_section(data, L: dict, models_of) -> None:
    """The three models side by side: boundary over the training points, train/dev error and ‖W‖_F each
    (the L2 model trains in the background — ``models_of()`` says so under the heading — and takes the
    third column when it is done)."""
    st.subheader(t("early_stopping.sec.models"))
    models, same = models_of()
    for col, (name, params, summary, key) in zip(st.columns(3), models, strict=False):

        def boundary(params=params, name=name):
            return charts.side_by_side(
                name, params, ACTIVATION, data.X_train, data.Y_train,
                height=360, labels=L, resolution=45, show_misclassified=False,
            )

        with col:
            chart(boundary, key=key, inputs=same)
            st.caption(
                t(
                    "early_stopping.model.stats",
                    train=summary["train_error"],
                    dev=summary["dev_error"],
                    norm=summary["weight_norm"],
                )
            )
    if len(models) < 3:
        return
    st.caption(t("early_stopping.models.caption"))
    names = [m[0] for m in models]
    summaries = [m[2] for m in models]
    chart(lambda: figures.models_errors_figure(names, summaries, labels=L), key="models", inputs=same)


def l2_model(spec, values, data):
    """§1.8 the L2 model to set against early stopping, trained on the background worker."""
    config = train_config(values["iterations"], seed(), lambd=values["lambd"])
    config = budgeted(config, data.X_train.shape[1])
    return later(
        f"{SCOPE.get()}early_stopping_l2",
        ("early_stopping_l2", spec, config),
        train,
        *(data.X_train, data.Y_train, config, None, data.X_dev, data.Y_dev),
        waiting=t("early_stopping.l2.waiting"),
    )


def body(values):
    """One full run (dev tracked) and its error curves; below them the open tab — the growing
    weights or the three models, the L2 run (trained only for an open tab that shows it) among
    them. Return the early-stopped model's errors, whichever tab is open."""
    L = chart_labels(current_lang())
    spec = data_spec(values["dataset"], M, seed(), noise_rate=NOISE, ratios=RATIOS)
    config = train_config(values["iterations"], seed())
    result, data = run(spec, config)
    show_run_notices(result, values["iterations"])
    if result.best_params is None:
        st.error(t("early_stopping.no_dev_minimum"))
        return {"train_error": float("nan"), "dev_error": float("nan")}
    best = result.best_iteration
    args = (data.X_train, data.Y_train, data.X_dev, data.Y_dev, ACTIVATION)
    same = ((spec, config, progress(result)), values["lambd"])  # the runs behind each figure (L2: from λ)
    curves_section(result, best, values["patience"], L, same)
    early = model_summary(result.best_params, *args)

    def models_of() -> tuple[list[tuple], tuple]:
        """(name, params, summary, chart key) of each model, the L2 one once it is in; and ``same``."""
        its = int(result.history["iteration"].iloc[-1])
        full = result.final_params
        models = [
            (t("early_stopping.model.early", it=best), result.best_params, early, "boundary_early"),
            (t("early_stopping.model.full", it=its), full, model_summary(full, *args), "boundary_full"),
        ]
        l2 = l2_model(spec, values, data)  # started here: only an open tab that shows it trains it
        if l2 is None:
            return models, same
        if l2.diverged:
            show_run_notices(l2, values["iterations"])
        name = t("early_stopping.model.l2", lambd=values["lambd"], it=its)
        models.append((name, l2.params, model_summary(l2.params, *args), "boundary_l2"))
        return models, (*same, progress(l2))

    weights_tab, models_tab = lazy_tabs(VIEW_KEY, ("early_stopping.tab.weights", "early_stopping.tab.models"))
    if weights_tab.open:
        with weights_tab:
            norm_section(result, best, values["lambd"], L, models_of)
    if models_tab.open:
        with models_tab:
            models_section(data, L, models_of)
    return {"train_error": early["train_error"], "dev_error": early["dev_error"]}


page_body("early_stopping", body)
st.caption(t("early_stopping.formula"))
st.latex(
    r"i^{*} = \arg\min_{i}\; \text{dev error}\big(W^{(i)}, b^{(i)}\big),\qquad "
    r"\|W\|_F^2 = \sum_{l=1}^{L} \sum_{i=1}^{n^{[l]}} \sum_{j=1}^{n^{[l-1]}} \big(w_{ij}^{[l]}\big)^2"
)
st.subheader(t("early_stopping.sec.ortho"))
st.markdown(t("early_stopping.ortho"))
show_code(train, patience_stop, total_weight_norm)
