"""Figures of the §1.6–1.7 dropout page (pure Plotly; every label comes in through ``labels``)."""

from __future__ import annotations

from collections import ChainMap
from collections.abc import Mapping, Sequence

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from ui.charts import DEV_COLOR, MARK_COLOR, SERIES_COLORS, TRAIN_COLOR, base_layout

DEFAULT_LABELS = {
    "means_title": "Size of the activations per layer",
    "layer_hidden": "|a[{l}]|",
    "layer_output": "|z[{l}]| (output)",
    "no_dropout": "no dropout (test time)",
    "inverted": "dropout ÷ keep_prob (inverted)",
    "not_scaled": "dropout, not divided",
    "mean_axis": "mean size",
    "cost_title": "Training cost J",
    "with_dropout": "with dropout",
    "without_dropout": "without dropout",
    "iteration": "iteration",
    "cost_axis": "J",
    "params_title": "Parameters per layer",
    "params_axis": "parameters in W[l], b[l]",
    "layer": "layer l",
    "keep_prob_text": "keep_prob {kp:g}",
    "biggest": "most parameters",
}


def _labels(labels: Mapping[str, str] | None) -> ChainMap:
    return ChainMap(dict(labels or {}), DEFAULT_LABELS)


def _layout(title: str, height: int = 380) -> dict:
    """The page's layout frame (charts.base_layout with its margins), to build a figure in one piece."""
    return base_layout(title, height, {"l": 55, "r": 20, "t": 60, "b": 45})


def _style(fig: go.Figure, title: str, height: int = 380) -> go.Figure:
    return fig.update_layout(**_layout(title, height))


def activation_means_figure(means: pd.DataFrame, labels: Mapping[str, str] | None = None) -> go.Figure:
    """§1.6 inverted dropout: grouped bars of mean |a[l]| per hidden layer and mean |z[L]| for the output —
    no dropout, dropout ÷ keep_prob and dropout without the division — from
    ``core.dropout_demo.mean_activations``.

    Error bars are the spread of the per-pass means over the random masks.
    """
    L = _labels(labels)
    layers = [int(l) for l in means["layer"]]
    names = [L["layer_hidden"].format(l=l) for l in layers[:-1]] + [L["layer_output"].format(l=layers[-1])]
    traces = []  # dicts: the figure validates them once (it changes with every run)
    for key, color in (("no_dropout", "#555555"), ("inverted", TRAIN_COLOR), ("not_scaled", DEV_COLOR)):
        std = means.get(f"{key}_std")
        bar = {
            "type": "bar", "x": names, "y": means[key].to_numpy(dtype=float), "name": L[key],
            "meta": {"column": key}, "marker": {"color": color},
            "hovertemplate": f"%{{x}}<br>{L[key]} = %{{y:.4f}}<extra></extra>",
        }
        if std is not None:
            bar["error_y"] = {"type": "data", "array": std.to_numpy(dtype=float), "visible": True}
        traces.append(bar)
    layout = _layout(L["means_title"])
    layout.update(
        barmode="group",
        xaxis={"title": {"text": L["layer"]}, "categoryorder": "array", "categoryarray": names},
        yaxis={"title": {"text": L["mean_axis"]}, "rangemode": "tozero"},
    )
    return go.Figure(traces, layout)


def cost_figure(
    with_dropout: pd.DataFrame, without_dropout: pd.DataFrame, labels: Mapping[str, str] | None = None
) -> go.Figure:
    """§1.7 the cost J of two runs on one plot: noisy with dropout (each step sees another thinned
    network), smooth and falling without. Histories from ``core.train.train``; ±inf become gaps."""
    L = _labels(labels)
    traces = []
    for key, history, color in (
        ("with_dropout", with_dropout, DEV_COLOR),
        ("without_dropout", without_dropout, TRAIN_COLOR),
    ):
        y = history["cost"].to_numpy(dtype=float).copy()
        y[~np.isfinite(y)] = np.nan
        traces.append({
            "type": "scatter", "x": history["iteration"].to_numpy(), "y": y, "mode": "lines",
            "name": L[key], "meta": {"run": key},
            "line": {"color": color, "width": 1.6 if key == "with_dropout" else 2.4},
            "hovertemplate": f"{L['iteration']} %{{x}}<br>J = %{{y:.4f}}<extra>{L[key]}</extra>",
        })
    layout = _layout(L["cost_title"])
    layout.update(xaxis={"title": {"text": L["iteration"]}}, yaxis={"title": {"text": L["cost_axis"]}})
    return go.Figure(traces, layout)


def parameter_counts_figure(
    counts: Sequence[int],
    keep_probs: Sequence[float],
    biggest: int,
    labels: Mapping[str, str] | None = None,
) -> go.Figure:
    """§1.7 parameters per layer l = 1 … L (n[l]·n[l−1] + n[l]), the hidden layer with the most of them
    highlighted, each hidden bar labelled with its keep_prob."""
    L = _labels(labels)
    x = np.arange(1, len(counts) + 1)
    colors = [SERIES_COLORS[1] if l == biggest else "#9DB7CF" for l in x]
    text = [L["keep_prob_text"].format(kp=keep_probs[l - 1]) if l <= len(keep_probs) else "" for l in x]
    fig = go.Figure(
        go.Bar(
            x=x,
            y=np.asarray(counts, dtype=float),
            marker_color=colors,
            text=text,
            textposition="outside",
            cliponaxis=False,
            meta={"biggest": int(biggest)},
            hovertemplate=f"{L['layer']} = %{{x}}<br>%{{y:d}}<extra></extra>",
        )
    )
    fig.add_annotation(
        x=biggest,
        y=float(counts[biggest - 1]),
        text=L["biggest"],
        showarrow=True,
        arrowhead=2,
        ay=-45,
        font={"color": MARK_COLOR},
    )
    fig.update_xaxes(title_text=L["layer"], tickmode="linear", dtick=1)
    fig.update_yaxes(title_text=L["params_axis"], rangemode="tozero")
    return _style(fig, L["params_title"], height=340)


