"""§1.8 Data augmentation — label-preserving transforms as extra points, and one that is not."""

import streamlit as st

from core.augmentation_demo import AGREEMENT_M, label_agreement, train_augmented, transform_table
from core.datasets import augment, valid_transforms
from core.train import TrainConfig
from ui import charts
from ui.compare import page_body
from ui.figures import augmentation as figures
from ui.i18n import current_lang, labels, t
from ui.shell import chart, page_header, seed, show_code
from ui.specs.augmentation import ACTIVATION, DATA_JITTER, JITTER, M_DEV, ratios, train_config
from ui.training import CACHE, DataSpec, budgeted, load_splits, progress

page_header("augmentation")
st.markdown(t("augmentation.intro"))


@st.cache_data(**CACHE)
def transforms_of(name: str):
    """The transform table of a data set (symmetry and measured label agreement), cached by name."""
    return transform_table(name)


@st.cache_data(**CACHE)
def augmented_run(spec: DataSpec, config: TrainConfig, transforms: tuple[str, ...], _data):
    """Train on the original points plus ``transforms`` of them (cached by data, config and transforms)."""
    config = budgeted(config, _data.X_train.shape[1] * (1 + len(transforms)))  # work of m·(1 + k) points
    return train_augmented(
        _data.X_train,
        _data.Y_train,
        _data.X_dev,
        _data.Y_dev,
        config,
        transforms,
        seed=spec.seed,
        jitter=JITTER,
    )


def table_section(name: str, table) -> None:
    """Each transform: label-preserving by symmetry (✓/✗) and the measured share of right labels."""
    st.subheader(t("augmentation.sec.table"))
    dataset = t(f"opt.{name}")
    st.markdown(t("augmentation.table.text", dataset=dataset, n=AGREEMENT_M))
    head = [
        t("augmentation.col.transform"),
        t("augmentation.col.preserving"),
        t("augmentation.col.agreement"),
    ]
    lines = ["| " + " | ".join(head) + " |", "|---|---|---:|"]
    for row in table.itertuples():
        mark = t("augmentation.yes") if row.label_preserving else t("augmentation.no")
        lines.append(f"| {t(f'opt.{row.transform}')} | {mark} | {row.agreement:.0%} |")
    st.markdown("\n".join(lines))
    if table["label_preserving"].all():
        st.info(t("augmentation.all_valid", dataset=dataset), icon=":material/info:")


def runs_section(plans: list[tuple], spec: DataSpec, config: TrainConfig, data, L: dict) -> list[tuple]:
    """Three boundaries over the training points and their copies, their errors, and the error bars.

    ``plans`` are (title, transforms, wrong labels?, chart key). Each run is trained just before its
    boundary is drawn, so the browser draws one picture while the next network trains; a figure is
    kept for the run it shows. Returns (title, run, wrong labels?, key) for each plan.
    """
    st.subheader(t("augmentation.sec.runs"))
    runs = []
    for col, (title, transforms, bad, key) in zip(st.columns(3), plans, strict=True):
        run = augmented_run(spec, config, transforms, data)
        runs.append((title, run, bad, key))

        def boundary(run=run, title=title):
            extra = (run.X_new, run.Y_new, None) if run.X_new.shape[1] else None
            fig = charts.side_by_side(
                title, run.result.params, ACTIVATION, data.X_train, data.Y_train, data.X_dev, data.Y_dev,
                height=360, labels=L, resolution=45, extra_points=extra, show_misclassified=False,
            )
            # The dev points set a common frame for the three pictures but are not drawn.
            return fig.update_traces(visible=False, selector=lambda tr: (tr.meta or {}).get("role") == "dev")

        with col:
            chart(boundary, key=key, inputs=(spec, config, transforms, progress(run.result)))
            n = data.X_train.shape[1] + run.X_new.shape[1]
            st.caption(t("augmentation.run.stats", train=run.train_error, dev=run.dev_error, n=n))
    st.caption(t("augmentation.runs.caption"))
    chart(
        lambda: figures.errors_figure(
            [r[0] for r in runs],
            [r[1].train_error for r in runs],
            [r[1].dev_error for r in runs],
            [r[2] for r in runs],
            labels=L,
        ),
        key="errors",
        inputs=(spec, config, tuple(p[1] for p in plans), progress(*(r[1].result for r in runs))),
    )
    return runs


def verdicts(name: str, transform: str, runs: list[tuple], table) -> None:
    """Say in words what the label-preserving set and the chosen transform did to the dev error."""
    base, valid, chosen = (r[1] for r in runs)
    dataset, short = t(f"opt.{name}"), t(f"augmentation.short.{transform}")
    short = short[:1].upper() + short[1:]  # it starts the sentence
    names = ", ".join(t(f"augmentation.short.{v}") for v in valid.transforms)
    st.markdown(
        t(
            "augmentation.valid.summary",
            names=names,
            dev=valid.dev_error,
            base=base.dev_error,
            k=1 + len(valid.transforms),
        )
    )
    agreement = float(table.loc[table["transform"] == transform, "agreement"].iloc[0])
    if runs[2][2]:
        st.error(
            t(
                "augmentation.verdict.bad",
                transform=short,
                dataset=dataset,
                agreement=agreement,
                base=base.dev_error,
                dev=chosen.dev_error,
            ),
            icon=":material/block:",
        )
    else:
        st.success(
            t(
                "augmentation.verdict.ok",
                transform=short,
                dataset=dataset,
                base=base.dev_error,
                dev=chosen.dev_error,
            ),
            icon=":material/check_circle:",
        )


def body(values):
    """Train without augmentation, with every label-preserving transform and with the chosen one."""
    L = {**labels("chart.", current_lang()), **labels("augmentation.chart.", current_lang())}
    name, m, transform = values["dataset"], values["m"], values["transform"]
    spec = DataSpec(name=name, m=m + M_DEV, seed=seed(), noise_rate=0.0, jitter=DATA_JITTER, ratios=ratios(m))
    data = load_splits(spec)
    config = train_config(seed())
    table = transforms_of(name)
    valid = valid_transforms(name)
    bad = transform not in valid
    chosen = t(
        "augmentation.run.chosen_bad" if bad else "augmentation.run.chosen_ok",
        transform=t(f"augmentation.short.{transform}"),
    )
    plans = [
        (t("augmentation.run.none"), (), False, "boundary_none"),
        (t("augmentation.run.valid"), valid, False, "boundary_valid"),
        (chosen, (transform,), bad, "boundary_chosen"),
    ]
    table_section(name, table)
    runs = runs_section(plans, spec, config, data, L)
    verdicts(name, transform, runs, table)
    chosen_run = runs[2][1]
    return {"train_error": chosen_run.train_error, "dev_error": chosen_run.dev_error}


page_body("augmentation", body)
st.caption(t("augmentation.formula"))
st.latex(
    r"\tilde X = \big[\,X \;\; T_1(X) \;\cdots\; T_k(X)\,\big],\quad "
    r"\tilde Y = \big[\,Y \;\; Y \;\cdots\; Y\,\big],\qquad "
    r"\text{safe only if } y\big(T(x)\big) = y(x)"
)
show_code(augment, train_augmented, label_agreement)
