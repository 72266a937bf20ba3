"""Figures of the §1.10 vanishing/exploding page (pure Plotly; every label comes in through ``labels``)."""

from __future__ import annotations

from collections import ChainMap
from collections.abc import Mapping, Sequence

import numpy as np
import plotly.graph_objects as go

from ui.charts import DEV_COLOR, LEGEND_BELOW, MARK_COLOR, TEMPLATE

DEFAULT_LABELS = {
    "linear_title": "First unit of a[l], layer by layer",
    "layer": "layer l",
    "activation_axis": "a[l]₁",
    "computed": "computed a[l]₁ ({dtype})",
    "exact": "exact aˡ (last layer a^(L−1))",
    "underflow": "underflow (0)",
    "overflow": "overflow (inf)",
    "nan": "NaN",
    "layers": "layers {first}–{last}",
    "depth_title": "ŷ = a^(L−1)·x for x = 1, against the depth L",
    "depth": "depth L",
    "output": "ŷ",
    "series": "a = {a}",
    "yours": "your a = {a}, L = {L}",
    "float32_max": "largest float32 ≈ 3.4·10³⁸",
    "float32_min": "smallest float32 > 0 ≈ 1.4·10⁻⁴⁵",
    "float64_max": "largest float64 ≈ 1.8·10³⁰⁸",
}

LIMITS = {
    "float32_max": float(np.finfo(np.float32).max),
    "float32_min": float(np.finfo(np.float32).smallest_subnormal),
    "float64_max": float(np.finfo(np.float64).max),
}


def _labels(labels: Mapping[str, str] | None) -> ChainMap:
    return ChainMap(dict(labels or {}), DEFAULT_LABELS)


def _runs(reasons: np.ndarray) -> list[tuple[str, int, int]]:
    """Contiguous runs (reason, first layer, last layer) of equal non-empty reasons; layers count from 1."""
    runs: list[tuple[str, int, int]] = []
    for i, reason in enumerate(reasons, start=1):
        if not reason:
            continue
        if runs and runs[-1][0] == reason and runs[-1][2] == i - 1:
            runs[-1] = (reason, runs[-1][1], i)
        else:
            runs.append((reason, i, i))
    return runs


def linear_layers_figure(
    computed: np.ndarray, exact: np.ndarray, dtype: str, labels: Mapping[str, str] | None = None
) -> go.Figure:
    """§1.10 deep linear network: the computed a[l]₁ per layer (markers) against the exact aˡ (dashed),
    on a log axis. Layers whose computed value left the number range — 0 (underflow), inf
    (overflow), NaN (inf × 0 in the next product) — are gaps, shaded and labelled once per run of
    layers, however many layers the run spans."""
    Lb = _labels(labels)
    v = np.asarray(computed, dtype=float)
    layers = np.arange(1, len(v) + 1)
    reasons = np.full(len(v), "", dtype=object)
    reasons[np.isnan(v)] = "nan"
    reasons[np.isinf(v)] = "overflow"
    reasons[v == 0] = "underflow"
    shown = np.where(reasons == "", np.abs(v), np.nan)
    fig = go.Figure()
    fig.add_trace(
        go.Scatter(
            x=layers,
            y=np.asarray(exact, dtype=float),
            mode="lines",
            name=Lb["exact"],
            meta={"series": "exact"},
            line={"color": MARK_COLOR, "dash": "dash", "width": 2},
            hovertemplate=f"{Lb['layer']} = %{{x}}<br>%{{y:.4g}}<extra></extra>",
        )
    )
    fig.add_trace(
        go.Scatter(
            x=layers,
            y=shown,
            mode="markers",
            name=Lb["computed"].format(dtype=dtype),
            meta={"series": "computed", "dtype": dtype},
            marker={"color": DEV_COLOR, "size": 5},
            hovertemplate=f"{Lb['layer']} = %{{x}}<br>%{{y:.4g}}<extra></extra>",
        )
    )
    for i, (reason, first, last) in enumerate(_runs(reasons)):
        text = f"{Lb[reason]}: {Lb['layers'].format(first=first, last=last)}"
        fig.add_vrect(x0=first - 0.5, x1=last + 0.5, fillcolor=DEV_COLOR, opacity=0.12, line_width=0)
        fig.add_annotation(
            x=(first + last) / 2,
            y=0.02 + 0.08 * (i % 3),
            xref="x",
            yref="paper",
            yanchor="bottom",
            text=text,
            showarrow=False,
            name=reason,
            bgcolor="rgba(255,255,255,0.85)",
            font={"size": 11, "color": DEV_COLOR},
        )
    fig.update_xaxes(title_text=Lb["layer"], range=[0.5, len(v) + 0.5])
    fig.update_yaxes(title_text=Lb["activation_axis"], type="log", exponentformat="power")
    fig.update_layout(
        template=TEMPLATE,
        title={"text": Lb["linear_title"], "x": 0.02, "xanchor": "left"},
        height=380,
        margin={"l": 60, "r": 20, "t": 60, "b": 45},
        legend=dict(LEGEND_BELOW),
    )
    return fig


def output_vs_depth_figure(
    a: float,
    L: int,
    max_depth: int = 150,
    reference: Sequence[float] = (0.5, 0.9, 1.0, 1.1, 1.5),
    labels: Mapping[str, str] | None = None,
) -> go.Figure:
    """§1.10 ŷ = a^(L−1) (x = 1) against depth, log scale: one line per reference a plus the learner's
    (a, L) as a marker, with the float32 limits (and float64's largest number when in view) as
    dashed lines, so it is visible where a network would overflow or underflow."""
    Lb = _labels(labels)
    depths = np.arange(1, max_depth + 1)
    fig = go.Figure()
    values = sorted(set(reference) | {float(a)})
    for value in values:
        mine = np.isclose(value, a)
        with np.errstate(over="ignore", under="ignore"):
            y = np.power(float(value), (depths - 1).astype(float))
        fig.add_trace(
            go.Scatter(
                x=depths,
                y=np.where(y > 0, y, np.nan),
                mode="lines",
                name=Lb["series"].format(a=f"{value:g}"),
                meta={"a": value, "yours": bool(mine)},
                line={
                    "color": DEV_COLOR if mine else "#8c8c8c",
                    "width": 3 if mine else 1.2,
                    "dash": "solid" if mine else "dot",
                },
                hovertemplate=f"a = {value:g}<br>{Lb['depth']} = %{{x}}<br>ŷ = %{{y:.3g}}<extra></extra>",
            )
        )
    with np.errstate(over="ignore", under="ignore"):
        here = float(a) ** (L - 1)
    fig.add_trace(
        go.Scatter(
            x=[L],
            y=[here if here > 0 else np.nan],
            mode="markers",
            name=Lb["yours"].format(a=f"{a:g}", L=L),
            meta={"role": "yours"},
            marker={"size": 13, "color": DEV_COLOR, "line": {"color": "#000000", "width": 1}},
        )
    )
    ys = [float(a) ** (d - 1) for d in (1, max_depth)] + [0.5 ** (max_depth - 1), 1.5 ** (max_depth - 1)]
    top, bottom = max(ys), min(v for v in ys if v > 0)
    for key in ("float32_max", "float32_min", "float64_max"):
        limit = LIMITS[key]
        if bottom / 1e3 <= limit <= top * 1e3:
            fig.add_hline(
                y=limit,
                line={"color": MARK_COLOR, "dash": "dash", "width": 1},
                annotation_text=Lb[key],
                annotation_position="bottom right",
                annotation_font={"size": 11, "color": MARK_COLOR},
            )
    fig.update_xaxes(title_text=Lb["depth"])
    fig.update_yaxes(title_text=Lb["output"], type="log", exponentformat="power")
    fig.update_layout(
        template=TEMPLATE,
        title={"text": Lb["depth_title"], "x": 0.02, "xanchor": "left"},
        height=400,
        margin={"l": 60, "r": 20, "t": 60, "b": 45},
        legend=dict(LEGEND_BELOW),
    )
    return fig
