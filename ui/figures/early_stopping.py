"""Figures of the §1.8 early-stopping page (pure Plotly; every label comes in through ``labels``)."""

from __future__ import annotations

import re
from collections import ChainMap
from collections.abc import Mapping, Sequence

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from ui.charts import (
    DEV_COLOR,
    MARK_COLOR,
    SERIES_COLORS,
    TRAIN_COLOR,
    base_layout,
    learning_curves_figure,
)

DEFAULT_LABELS = {
    "dev_minimum": "dev minimum",
    "patience_stop": "stop (patience {patience})",
    "norm_title": "Weights grow while training goes on",
    "total_norm": "‖W‖_F (all layers)",
    "layer_norm": "‖W[{l}]‖_F",
    "l2_norm": "L2 model at the end (λ = {lambd:g})",
    "norm_axis": "Frobenius norm",
    "iteration": "iteration",
    "models_title": "Three models, one data set",
    "train_error": "train error",
    "dev_error": "dev error",
    "error_axis": "error rate",
}
_NORM = re.compile(r"^W(\d+)_norm$")


def _labels(labels: Mapping[str, str] | None) -> ChainMap:
    return ChainMap(dict(labels or {}), DEFAULT_LABELS)


def _style(fig: go.Figure, title: str, height: int = 380) -> go.Figure:
    return fig.update_layout(**base_layout(title, height, {"l": 55, "r": 20, "t": 60, "b": 45}))


def _vline(fig: go.Figure, x: float, xref: str, yref: str, dash: str) -> None:
    fig.add_shape(
        type="line",
        xref=xref,
        yref=f"{yref} domain",
        x0=x,
        x1=x,
        y0=0,
        y1=1,
        line={"color": MARK_COLOR, "dash": dash, "width": 1.5},
    )


def error_curves_figure(
    history: pd.DataFrame,
    best_iteration: int,
    stop_iteration: int | None = None,
    patience: int | None = None,
    labels: Mapping[str, str] | None = None,
) -> go.Figure:
    """§1.8 cost and train/dev error against iterations: the dev minimum as a dashed line (the shared
    ``learning_curves_figure``) and, if given, where the patience rule would stop as a dotted one."""
    L = _labels(labels)
    fig = learning_curves_figure(
        history, labels=L, mark_iteration=best_iteration, mark_label=L["dev_minimum"]
    )
    if stop_iteration is not None:
        text = L["patience_stop"].format(patience=patience)
        for c in (1, 2):
            suffix = "" if c == 1 else str(c)
            _vline(fig, stop_iteration, f"x{suffix}", f"y{suffix}", "dot")
        fig.add_annotation(
            x=stop_iteration,
            xref="x2",
            yref="y2 domain",
            y=0.92,
            xanchor="left",
            showarrow=False,
            text=text,
            font={"size": 11, "color": MARK_COLOR},
        )
    fig.update_layout(legend={"y": -0.3}, margin={"b": 95})  # below the axis titles
    for note in fig.layout.annotations:  # the dev-minimum label: inside the plot, clear of the subplot title
        if note.text and note.text.startswith(L["dev_minimum"]):
            note.update(y=0.02, yanchor="bottom", xanchor="left")
    fig.update_layout(
        meta={
            "best_iteration": int(best_iteration),
            "stop_iteration": None if stop_iteration is None else int(stop_iteration),
        }
    )
    return fig


def weight_norm_figure(
    history: pd.DataFrame,
    total_norm: Sequence[float],
    best_iteration: int,
    l2_norm: float | None = None,
    lambd: float | None = None,
    labels: Mapping[str, str] | None = None,
) -> go.Figure:
    """§1.8 ‖W‖_F (all layers, bold) and ‖W[l]‖_F per layer against iterations, the dev minimum marked;
    ``l2_norm`` (the L2 model's final ‖W‖_F) as a horizontal reference line."""
    L = _labels(labels)
    x = history["iteration"].to_numpy()
    fig = go.Figure()
    layers = sorted(int(m.group(1)) for c in history.columns if (m := _NORM.match(str(c))))
    for i, l in enumerate(layers):
        name = L["layer_norm"].format(l=l)
        fig.add_trace(
            go.Scatter(
                x=x,
                y=history[f"W{l}_norm"].to_numpy(dtype=float),
                mode="lines",
                name=name,
                meta={"layer": l},
                line={"color": SERIES_COLORS[(i + 2) % len(SERIES_COLORS)], "width": 1.3, "dash": "dot"},
                hovertemplate=f"{L['iteration']} %{{x}}<br>{name} = %{{y:.3g}}<extra></extra>",
            )
        )
    fig.add_trace(
        go.Scatter(
            x=x,
            y=np.asarray(total_norm, dtype=float),
            mode="lines",
            name=L["total_norm"],
            meta={"role": "total"},
            line={"color": TRAIN_COLOR, "width": 3},
            hovertemplate=f"{L['iteration']} %{{x}}<br>{L['total_norm']} = %{{y:.3g}}<extra></extra>",
        )
    )
    _vline(fig, best_iteration, "x", "y", "dash")
    fig.add_annotation(
        x=best_iteration,
        xref="x",
        yref="y domain",
        y=1.0,
        yanchor="bottom",
        showarrow=False,
        text=f"{L['dev_minimum']} ({best_iteration})",
        font={"size": 11, "color": MARK_COLOR},
    )
    if l2_norm is not None and np.isfinite(l2_norm):
        fig.add_trace(
            go.Scatter(
                x=[x[0], x[-1]],
                y=[l2_norm, l2_norm],
                mode="lines",
                meta={"role": "l2"},
                name=L["l2_norm"].format(lambd=lambd if lambd is not None else float("nan")),
                line={"color": DEV_COLOR, "width": 2, "dash": "dash"},
                hoverinfo="skip",
            )
        )
    fig.update_xaxes(title_text=L["iteration"])
    fig.update_yaxes(title_text=L["norm_axis"], rangemode="tozero")
    return _style(fig, L["norm_title"])


def models_errors_figure(
    names: Sequence[str], summaries: Sequence[Mapping[str, float]], labels: Mapping[str, str] | None = None
) -> go.Figure:
    """Grouped bars of train and dev error for the early-stopped, fully trained and L2 models (§1.8)."""
    L = _labels(labels)
    fig = go.Figure()
    for key, color in (("train_error", TRAIN_COLOR), ("dev_error", DEV_COLOR)):
        y = np.array([s[key] for s in summaries], dtype=float)
        fig.add_trace(
            go.Bar(
                x=list(names),
                y=y,
                name=L[key],
                marker_color=color,
                meta={"column": key},
                texttemplate="%{y:.1%}",
                textposition="outside",
                cliponaxis=False,
                hovertemplate=f"%{{x}}<br>{L[key]} = %{{y:.1%}}<extra></extra>",
            )
        )
    fig.update_layout(barmode="group")
    fig.update_yaxes(title_text=L["error_axis"], tickformat=".0%", rangemode="tozero")
    return _style(fig, L["models_title"], height=340)


