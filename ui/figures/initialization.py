"""Figures of the §1.11 weight-initialization page (pure Plotly; every label comes in through ``labels``)."""

from __future__ import annotations

from collections import ChainMap
from collections.abc import Mapping, Sequence

import numpy as np
import plotly.graph_objects as go

from ui.charts import DEV_COLOR, SERIES_COLORS, base_layout

DEFAULT_LABELS = {
    "violin_title": "Activations a[l] of every hidden layer at initialization",
    "layer_name": "a[{l}]",
    "layer": "layer l",
    "activation": "activation value",
    "non_finite": "{n} values were inf or NaN (overflow) and are left out",
    "units_title": "Hidden layer 1 after training: one row per unit",
    "example": "training example",
    "unit": "unit",
    "value": "a[1]",
}


F32_MAX = float(np.finfo(np.float32).max)


def _storable(values: np.ndarray) -> np.ndarray:
    """Mask of values that survive the float32 the figure is sent in (finite and below 3.4e38)."""
    with np.errstate(invalid="ignore"):
        return np.isfinite(values) & (np.abs(values) < F32_MAX)


def _labels(labels: Mapping[str, str] | None) -> ChainMap:
    return ChainMap(dict(labels or {}), DEFAULT_LABELS)


def _style(fig: go.Figure, title: str, height: int) -> go.Figure:
    return fig.update_layout(**base_layout(title, height, {"l": 60, "r": 20, "t": 60, "b": 45}))


def activation_violin_figure(
    activations: Sequence[np.ndarray],
    labels: Mapping[str, str] | None = None,
    max_points: int = 500,
    seed: int = 0,
) -> go.Figure:
    """§1.11 one violin per hidden layer of the values a[l] (all units × examples) at initialization,
    on one shared linear axis — so a distribution that collapses towards 0 or spreads out layer after
    layer is seen as such.

    Each layer is subsampled to ``max_points`` values (float32) to keep the figure small; inf, NaN
    and values beyond float32's range are left out and counted in a note.
    """
    L = _labels(labels)
    rng = np.random.default_rng(seed)
    fig = go.Figure()
    n_bad = 0
    for l, A in enumerate(activations, start=1):
        values = np.asarray(A, dtype=float).ravel()
        finite = values[_storable(values)]
        n_bad += values.size - finite.size
        if finite.size > max_points:
            finite = rng.choice(finite, max_points, replace=False)
        name = L["layer_name"].format(l=l)
        fig.add_trace(
            go.Violin(
                y=finite.astype(np.float32),
                name=name,
                meta={"layer": l, "n": int(values.size)},
                line={"color": SERIES_COLORS[0]},
                fillcolor="rgba(0,114,178,0.35)",
                box={"visible": True},
                meanline={"visible": True},
                points=False,
                spanmode="hard",
                showlegend=False,
                scalemode="width",
                hoveron="violins",
            )
        )
    if n_bad:
        fig.add_annotation(
            text=L["non_finite"].format(n=n_bad),
            xref="paper",
            yref="paper",
            x=1.0,
            y=1.0,
            xanchor="right",
            yanchor="bottom",
            showarrow=False,
            font={"size": 11, "color": DEV_COLOR},
        )
    fig.update_xaxes(title_text=L["layer"])
    fig.update_yaxes(title_text=L["activation"], exponentformat="power")
    return _style(fig, L["violin_title"], 400)


def units_heatmap_figure(
    A1: np.ndarray, labels: Mapping[str, str] | None = None, max_examples: int = 40
) -> go.Figure:
    """§1.11 symmetry: a[1] for the first ``max_examples`` examples, one row per hidden unit.

    Identical rows mean identical units — what zeros initialization leaves after any amount of training.
    """
    L = _labels(labels)
    A = np.asarray(A1, dtype=float)[:, :max_examples]
    A = np.where(_storable(A), A, np.nan)
    fig = go.Figure(
        go.Heatmap(
            z=A.astype(np.float32),
            x=np.arange(1, A.shape[1] + 1),
            y=np.arange(1, A.shape[0] + 1),
            colorscale="Viridis",
            meta={"role": "units"},
            colorbar={"title": {"text": L["value"], "side": "right"}, "thickness": 12},
            hovertemplate=f"{L['unit']} %{{y}}<br>{L['example']} %{{x}}<br>"
            f"{L['value']} = %{{z:.3g}}<extra></extra>",
        )
    )
    fig.update_xaxes(title_text=L["example"])
    fig.update_yaxes(title_text=L["unit"], autorange="reversed")
    return _style(fig, L["units_title"], 320)
