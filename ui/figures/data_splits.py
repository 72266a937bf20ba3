"""Figures of the §1.1 train/dev/test page (pure Plotly; every label comes in through ``labels``)."""

from __future__ import annotations

from collections import ChainMap
from collections.abc import Mapping, Sequence

import numpy as np
import plotly.graph_objects as go

from ui.charts import DEV_COLOR, MARK_COLOR, PALETTE, TRAIN_COLOR, base_layout

TEST_COLOR = PALETTE[2]
SET_COLORS = {"train": TRAIN_COLOR, "dev": DEV_COLOR, "test": TEST_COLOR}

DEFAULT_LABELS = {
    "counts_title": "Examples in each set",
    "count_axis": "examples (log scale)",
    "train": "train",
    "dev": "dev",
    "test": "test",
    "count_text": "{count} ({share})",
    "precision_title": "How precise is an error measured on n examples?",
    "size_axis": "examples in the dev or test set, n (log scale)",
    "halfwidth_axis": "± of the 95% interval, points (log scale)",
    "wilson": "Wilson interval",
    "normal": "normal approximation",
    "mark_text": "{name}: n = {n} → ±{hw}",
    "candidates_title": "Candidates: dev error and test error",
    "candidate_axis": "candidate network (hidden layers)",
    "error_axis": "error rate",
    "dev_error": "dev error ({source})",
    "test_error": "test error ({source})",
    "fresh_error": "error on new examples ({source})",
    "picked": "picked on dev",
    "best_test": "best on test",
    "best_fresh": "best on new examples",
}


def _labels(labels: Mapping[str, str] | None) -> ChainMap:
    return ChainMap(dict(labels or {}), DEFAULT_LABELS)


def _style(fig: go.Figure, title: str, height: int = 360) -> go.Figure:
    return fig.update_layout(**base_layout(title, height, {"l": 60, "r": 20, "t": 60, "b": 45}))


def _fmt_count(n: int) -> str:
    return f"{int(n):,}"


def _fmt_share(share: float) -> str:
    return f"{100 * share:.2f}".rstrip("0").rstrip(".") + "%"


def counts_figure(counts: Mapping[str, int], labels: Mapping[str, str] | None = None) -> go.Figure:
    """§1.1 one horizontal bar per set (train, dev[, test]) on a log axis, labelled with count and share.

    A log axis because the sets differ by orders of magnitude (980,000 vs 10,000 at 98/1/1).
    """
    L = _labels(labels)
    total = sum(int(c) for c in counts.values())
    names = list(counts)
    fig = go.Figure()
    for name in names:
        n = int(counts[name])
        fig.add_trace(
            go.Bar(
                x=[n],
                y=[L[name]],
                orientation="h",
                name=L[name],
                meta={"set": name, "count": n},
                marker_color=SET_COLORS.get(name, MARK_COLOR),
                showlegend=False,
                text=[L["count_text"].format(count=_fmt_count(n), share=_fmt_share(n / total))],
                textposition="auto",
                hovertemplate=f"{L[name]}: %{{x:,}}<extra></extra>",
            )
        )
    fig.update_xaxes(type="log", title_text=L["count_axis"], range=[0, np.log10(max(total, 10)) + 0.15])
    fig.update_yaxes(autorange="reversed")
    return _style(fig, L["counts_title"], height=90 + 55 * len(names))


def precision_figure(
    sizes: np.ndarray,
    wilson_hw: np.ndarray,
    normal_hw: np.ndarray,
    marks: Sequence[tuple[str, int, float]] = (),
    labels: Mapping[str, str] | None = None,
) -> go.Figure:
    """§1.1 half-width of the 95% interval (in percentage points) against the set size n, log–log.

    ``wilson_hw`` / ``normal_hw`` are fractions for each of ``sizes``; ``marks`` are
    (set key, n, half-width) points for the current dev and test sets.
    """
    L = _labels(labels)
    fig = go.Figure()
    for key, hw, dash in (("wilson", wilson_hw, "solid"), ("normal", normal_hw, "dot")):
        y = 100 * np.asarray(hw, dtype=float)
        y[y <= 0] = np.nan  # a zero-width normal interval cannot sit on a log axis
        fig.add_trace(
            go.Scatter(
                x=np.asarray(sizes, dtype=float),
                y=y,
                mode="lines",
                name=L[key],
                meta={"method": key},
                line={"color": MARK_COLOR if key == "normal" else TRAIN_COLOR, "dash": dash, "width": 2},
                hovertemplate="n = %{x:,.0f}<br>± %{y:.3g}<extra></extra>",
            )
        )
    for key, n, hw in marks:
        text = L["mark_text"].format(name=L[key], n=_fmt_count(n), hw=f"{100 * hw:.2g}")
        fig.add_trace(
            go.Scatter(
                x=[n],
                y=[100 * hw],
                mode="markers+text",
                name=L[key],
                meta={"set": key, "n": int(n)},
                marker={  # dev and test often have the same size: a big diamond under a small circle
                    "size": 16 if key == "dev" else 10,
                    "symbol": "diamond" if key == "dev" else "circle",
                    "color": SET_COLORS.get(key, MARK_COLOR),
                    "line": {"color": "#000", "width": 1},
                },
                text=[text],
                textposition="top right" if key == "dev" else "bottom left",
                showlegend=False,
                hovertemplate=f"{text}<extra></extra>",
            )
        )
    fig.update_xaxes(type="log", title_text=L["size_axis"], dtick=1)
    fig.update_yaxes(type="log", title_text=L["halfwidth_axis"], dtick=1, tickformat="~g")
    return _style(fig, L["precision_title"], height=400)


def candidates_figure(
    names: Sequence[str],
    dev_errors: Sequence[float],
    test_errors: Sequence[float],
    pick: int,
    best: int,
    sources: tuple[str, str],
    labels: Mapping[str, str] | None = None,
    fresh: bool = False,
) -> go.Figure:
    """§1.1 grouped bars of dev and test error per candidate; the dev pick and the test best are marked.

    ``sources`` = (dev source name, test source name), already translated. ``fresh``: there is no
    test set, and the second bars are the error on new examples (labels["fresh_error"]).
    """
    L = _labels(labels)
    dev, test = np.asarray(dev_errors, dtype=float), np.asarray(test_errors, dtype=float)
    fig = go.Figure()
    for key, y, color, source in (
        ("dev_error", dev, DEV_COLOR, sources[0]),
        ("fresh_error" if fresh else "test_error", test, TEST_COLOR, sources[1]),
    ):
        fig.add_trace(
            go.Bar(
                x=list(names),
                y=y,
                name=L[key].format(source=source),
                marker_color=color,
                meta={"column": key},
                texttemplate="%{y:.1%}",
                textposition="outside",
                cliponaxis=False,
                hovertemplate="%{x}<br>%{y:.2%}<extra>%{fullData.name}</extra>",
            )
        )
    top = float(np.nanmax(np.concatenate([dev, test, [0.01]])))
    # the pick sits on the dev bar (left of the pair), the test best on the test bar (right)
    best_label = L["best_fresh" if fresh else "best_test"]
    marks = ((pick, L["picked"], dev[pick], -14, -42), (best, best_label, test[best], 14, -64))
    for index, text, y, shift, lift in marks:
        fig.add_annotation(
            x=names[index],
            y=y,
            text=f"★ {text}",
            showarrow=True,
            arrowhead=2,
            ax=0,
            ay=lift,
            xshift=shift,
            font={"size": 12, "color": "#000"},
            bgcolor="rgba(255,255,255,0.85)",
        )
    fig.update_layout(barmode="group", meta={"pick": int(pick), "best_on_test": int(best)})
    fig.update_xaxes(title_text=L["candidate_axis"], type="category")
    fig.update_yaxes(title_text=L["error_axis"], tickformat=".0%", range=[0, top * 1.5])
    return _style(fig, L["candidates_title"], height=400)
