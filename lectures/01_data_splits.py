"""§1.1 Train/dev/test sets — split sizes, how precise a dev/test estimate is, mismatched distributions."""

import numpy as np
import streamlit as st

from core.datasets import split_counts
from core.estimates import half_width, normal_interval, required_size, wilson_interval
from core.mismatch import MAX_EVAL, SCENARIOS, DemoSpec, run_demo, select, train_candidates
from ui import charts
from ui.figures import data_splits as figs
from ui.i18n import current_lang, labels, t
from ui.shell import chart, interactive, page_header, seed, show_code
from ui.specs.data_splits import CUSTOM, MISMATCH_KEYS, SCENARIO_OF, SHIFT_OF, ratios_of
from ui.training import CACHE
from ui.widgets import render_page_controls

SLUG = "data_splits"
SETS = ("train", "dev", "test")
SHOWN = 300  # dev/test points drawn in the boundary figure


@st.cache_data(**CACHE)
def trained_candidates(dataset: str, m_train: int, seed: int) -> tuple[dict, ...]:
    """§1.1 the candidates trained on web data, kept by what their training set depends on only."""
    return train_candidates(dataset, m_train, seed)


@st.cache_data(**CACHE)
def mismatch_demo(spec: DemoSpec):
    """§1.1 candidates measured on web and phone dev/test sets (``spec``: capped, the sizes used).

    Moving the total, the dev/test shares (while the training set stays at its cap) or the
    shift only changes what the candidates are measured on: they are not trained again.
    """
    return run_demo(spec, params=trained_candidates(spec.dataset, spec.m_train, spec.seed))


def pct(x: float) -> str:
    return f"{100 * x:.1f}%"


def pts(x: float) -> str:
    return f"{100 * x:.2g}" if x < 0.1 else f"{100 * x:.1f}"


def name_of(hidden: tuple[int, ...]) -> str:
    return "(" + ", ".join(str(h) for h in hidden) + ")"


lang = current_lang()
fig_labels = labels(f"{SLUG}.fig.", lang)
page_header(SLUG)
st.markdown(t(f"{SLUG}.intro"))


def sections() -> None:
    """Everything below the introduction that the page's controls drive."""
    # ---------------------------------------------------------------- sizes and counts
    st.subheader(t(f"{SLUG}.sizes"))
    st.markdown(t(f"{SLUG}.sizes.text"))
    left, right = st.columns([1, 3])
    with left:
        values = render_page_controls(SLUG, ("m_total", "split"), container=left)
        if values["split"] == CUSTOM:
            values |= render_page_controls(SLUG, ("dev_pct", "test_pct"), container=left)
            st.caption(t(f"{SLUG}.custom_hint"))
        else:
            values |= {"dev_pct": 1.0, "test_pct": 1.0}
        values |= render_page_controls(SLUG, ("p_error",), container=left)

    m = int(values["m_total"])
    p = float(values["p_error"])
    ratios = ratios_of(values["split"], values["dev_pct"], values["test_pct"])
    counts = dict(zip(SETS, split_counts(m, ratios), strict=False))
    has_test = "test" in counts
    with right:
        if values["split"] == CUSTOM and values["dev_pct"] + values["test_pct"] > 80.0:
            st.info(t(f"{SLUG}.custom_scaled"))
        columns = st.columns(3)
        for column, name in zip(columns, SETS, strict=True):
            if name in counts:
                column.metric(t(f"{SLUG}.count.{name}"), f"{counts[name]:,}")
                column.caption(t(f"{SLUG}.share", share=f"{100 * counts[name] / m:.4g}%"))
            else:
                column.metric(t(f"{SLUG}.count.{name}"), t(f"{SLUG}.no_test"))
        chart(figs.counts_figure(counts, labels=fig_labels), key="ds_counts")

    # ---------------------------------------------------------------- precision of an estimate
    st.subheader(t(f"{SLUG}.precision"))
    st.markdown(t(f"{SLUG}.precision.text", p=pct(p)))
    sizes = np.unique(np.round(np.logspace(1, 6, 160)))
    marks = [
        (name, counts[name], float(half_width(p, counts[name]))) for name in ("dev", "test") if name in counts
    ]
    chart(
        figs.precision_figure(
            sizes, half_width(p, sizes), half_width(p, sizes, method="normal"), marks, labels=fig_labels
        ),
        key="ds_precision",
    )
    hw_dev = float(half_width(p, counts["dev"]))
    st.markdown(t(f"{SLUG}.precision.dev", p=pct(p), n=f"{counts['dev']:,}", hw=pts(hw_dev)))
    if has_test:
        st.markdown(
            t(f"{SLUG}.precision.test", n=f"{counts['test']:,}", hw=pts(float(half_width(p, counts["test"]))))
        )
    if counts["dev"] < 100:
        st.warning(t(f"{SLUG}.precision.small", n=counts["dev"], hw=pts(hw_dev)))
    st.markdown(t(f"{SLUG}.precision.formula"))
    st.latex(r"\hat p \pm z\sqrt{\frac{\hat p\,(1-\hat p)}{n}}, \qquad z = 1.96 \ (95\%)")
    st.latex(
        r"\frac{\hat p + \frac{z^2}{2n} \pm z\sqrt{\frac{\hat p(1-\hat p)}{n} + \frac{z^2}{4n^2}}}"
        r"{1 + \frac{z^2}{n}}"
    )
    header = f"| {t(f'{SLUG}.needed.precision')} | {t(f'{SLUG}.needed.examples')} |\n|---|---:|\n"
    rows = "".join(
        f"| {t(f'{SLUG}.needed.row', margin=margin)} | {required_size(p, margin / 100):,} |\n"
        for margin in (1, 0.5, 0.1)
    )
    st.markdown(f"**{t(f'{SLUG}.needed', p=pct(p))}**\n\n" + header + rows)

    # ---------------------------------------------------------------- mismatched distributions
    st.subheader(t(f"{SLUG}.mismatch"))
    st.markdown(t(f"{SLUG}.mismatch.text"))
    left, right = st.columns([1, 3])
    with left:
        mm = render_page_controls(SLUG, MISMATCH_KEYS, container=left)
        if not has_test:
            st.caption(t(f"{SLUG}.notest.scenario"))
    spec = DemoSpec(
        mm["mm_dataset"],
        SHIFT_OF[mm["mm_kind"]],
        float(mm["mm_amount"]),
        counts["train"],
        counts["dev"],
        counts["test"] if has_test else MAX_EVAL,
        seed(),
    )
    demo = mismatch_demo(spec.capped())
    used = demo.spec
    dev_source, test_source = SCENARIOS[SCENARIO_OF[mm["mm_scenario"]]]
    if not has_test:
        test_source = dev_source  # no test set: "test" is fresh data from the dev distribution
    names = [name_of(h) for h in demo.candidates]
    sel = select(demo.errors[("dev", dev_source)], demo.errors[("test", test_source)])
    source = {s: t(f"{SLUG}.source.{s}") for s in ("web", "phone")}
    with right:
        st.caption(
            t(
                f"{SLUG}.mismatch.sizes",
                train=f"{used.m_train:,}",
                dev=f"{used.m_dev:,}",
                test=f"{used.m_test:,}",
            )
        )
        chart(
            figs.candidates_figure(
                names,
                demo.errors[("dev", dev_source)],
                demo.errors[("test", test_source)],
                sel.pick,
                sel.best_on_test,
                (source[dev_source], source[test_source]),
                labels=fig_labels,
                fresh=not has_test,
            ),
            key="ds_candidates",
        )
        if has_test:
            message = "same" if dev_source == test_source else "differ"
            text = t(
                f"{SLUG}.mismatch.{message}",
                name=names[sel.pick],
                dev=pct(sel.dev_error),
                test=pct(sel.test_error),
                gap=f"{100 * abs(sel.gap):.1f}",
            )
            (st.success if message == "same" else st.error)(text)
            if sel.regret > 0:
                best_error = pct(float(demo.errors[("test", test_source)][sel.best_on_test]))
                st.warning(
                    t(f"{SLUG}.mismatch.wrong_pick", best=names[sel.best_on_test], best_error=best_error)
                )
        X_train, Y_train = demo.sets[("train", "web")]
        X_dev, Y_dev = demo.sets[("dev", dev_source)]
        X_test, Y_test = demo.sets[("test", test_source)]
        title = t(f"{SLUG}.boundary_title", name=names[sel.pick])
        chart(
            charts.decision_boundary_figure(
                demo.params[sel.pick],
                "tanh",
                X_train,
                Y_train,
                X_dev[:, :SHOWN],
                Y_dev[:, :SHOWN],
                labels=labels("chart.", lang),
                title=title,
                extra_points=(X_test[:, :SHOWN], Y_test[:, :SHOWN], t(f"{SLUG}.test_points")),
            ),
            key="ds_boundary",
        )
        st.caption(t(f"{SLUG}.boundary_caption", dev=source[dev_source], test=source[test_source]))
    st.info(t(f"{SLUG}.mismatch.rule"))
    if has_test:
        st.markdown(f"**{t(f'{SLUG}.mismatch.table')}**")
        cols = ("scenario", "pick", "dev", "test", "gap")
        table = (
            "| " + " | ".join(t(f"{SLUG}.mismatch.col.{c}") for c in cols) + " |\n|---|---|---:|---:|---:|\n"
        )
        for option, scenario in SCENARIO_OF.items():
            d_src, t_src = SCENARIOS[scenario]
            s = select(demo.errors[("dev", d_src)], demo.errors[("test", t_src)])
            table += (
                f"| {t(f'opt.{option}')} | {names[s.pick]} | {pct(s.dev_error)} | {pct(s.test_error)} "
                f"| {100 * abs(s.gap):.1f} |\n"
            )
        st.markdown(table)

    # ---------------------------------------------------------------- no test set
    st.subheader(t(f"{SLUG}.notest"))
    st.markdown(t(f"{SLUG}.notest.text"))
    if has_test:
        st.caption(t(f"{SLUG}.withtest", n=f"{counts['test']:,}"))
    else:
        key = "result" if sel.gap >= 0.01 else "close"
        st.warning(
            t(
                f"{SLUG}.notest.{key}",
                name=names[sel.pick],
                dev=pct(sel.dev_error),
                n=f"{used.m_test:,}",
                fresh=pct(sel.test_error),
                gap=f"{100 * sel.gap:.1f}",
            )
        )


interactive(sections)

show_code(split_counts, wilson_interval, normal_interval, run_demo, select)
