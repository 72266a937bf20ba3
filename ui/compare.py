"""A/B compare: any training page can run two configurations side by side on the same data and seed.

The page hands over its body — a function from control values to drawn figures that returns its
train and dev error — and ``page_body`` draws it once, or twice (A | B) with configuration B's
controls bound to ``?b_<key>=…`` and the differences called out.

Controls and body are one fragment (``ui.shell.interactive``): moving one of these controls
reruns that part of the page only. Whatever else on the page depends on these controls goes in
``before`` / ``after``, which run inside it.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import replace
from typing import Any

import streamlit as st

from ui import charts
from ui.controls import Control
from ui.i18n import current_lang, labels, t
from ui.shell import SCOPE, chart, interactive
from ui.widgets import page_controls, render, show_notices

COMPARE = Control("compare", "bool", False, label_key="ab.toggle", training=False)
B_PREFIX = "b_"

Body = Callable[[Mapping[str, Any]], Mapping[str, float]]


def b_variant(control: Control) -> Control:
    """Configuration B's copy of a control: same label and range, its own key and URL parameter."""
    return replace(control, key=B_PREFIX + control.key, label_key=control.label)


def _controls(page: str, keys: tuple[str, ...] | None) -> list[Control]:
    declared = {c.key: c for c in page_controls(page)}
    return [declared[k] for k in (keys or tuple(declared))]


def page_body(
    page: str,
    body: Body,
    keys: tuple[str, ...] | None = None,
    side_width: float = 1.0,
    before: Callable[[], None] | None = None,
    after: Callable[[], None] | None = None,
) -> None:
    """Controls beside the body; with the A/B toggle on, two bodies side by side and their differences.

    A move of these controls reruns only this fragment: ``before`` runs first (e.g. a preset that
    moves the sliders before they are drawn), ``after`` last (full width, below the body).
    """
    interactive(_hooks_and_body, page, body, keys, side_width, before, after)


def _hooks_and_body(page, body, keys, side_width, before, after) -> None:
    if before is not None:
        before()
    _controls_and_body(page, body, keys, side_width)
    if after is not None:
        after()


def _controls_and_body(page: str, body: Body, keys: tuple[str, ...] | None, side_width: float) -> None:
    controls = _controls(page, keys)
    comparing = render(COMPARE, st)
    if not comparing:
        left, right = st.columns([side_width, 3])
        with left:
            values = {c.key: render(c) for c in controls}
            show_notices()
        with right:
            body(values)
        return
    results = {}
    col_a, col_b = st.columns(2)
    for name, column, make in (("A", col_a, lambda c: c), ("B", col_b, b_variant)):
        with column:
            st.subheader(t("ab.config", name=name))
            with st.expander(t("ab.controls", name=name), expanded=True):
                values = {c.key: render(make(c)) for c in controls}
            token = SCOPE.set(name)
            try:
                results[name] = body(values)
            finally:
                SCOPE.reset(token)
    show_notices()
    show_differences(results["A"], results["B"])


def show_differences(a: Mapping[str, float], b: Mapping[str, float]) -> None:
    """Metrics of B − A for train and dev error, and grouped bars."""
    st.subheader(t("ab.difference"))
    cols = st.columns(2)
    for col, key in zip(cols, ("train_error", "dev_error")):
        delta = b[key] - a[key]
        col.metric(t(f"metric.{key}") + " (B − A)", f"{b[key]:.1%}", f"{delta:+.1%}", delta_color="inverse")
    chart(charts.ab_compare_bars(a, b, labels=labels("chart.", current_lang())), key="ab_bars")
