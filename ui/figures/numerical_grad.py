"""§1.12 figures: the secants on the curve and the log-log error against ε (pure Plotly builders).

Every visible string comes from ``labels`` (keys as in DEFAULT_LABELS; the page passes
``i18n.labels("numerical_grad.chart.", lang)``). Traces carry ``meta={"role": …}`` so tests and
callers can find them. Shapes and annotations are collected as dicts and set in one layout pass;
on a log axis, shapes take data values but annotations take log10 of the position.
"""

from __future__ import annotations

from collections import ChainMap
from collections.abc import Mapping

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from core.gradcheck_demos import ErrorSummary, SecantPicture
from ui.charts import MARK_COLOR

ONE_COLOR, TWO_COLOR, CURVE_COLOR, TANGENT_COLOR = "#D55E00", "#009E73", "#0072B2", "#555555"
ROUNDOFF_COLOR = "#CC79A7"

_AXIS = {
    "gridcolor": "#EBF0F8",
    "linecolor": "#EBF0F8",
    "zerolinecolor": "#EBF0F8",
    "zerolinewidth": 2,
    "ticks": "",
    "automargin": True,
    "title": {"standoff": 15},
}
# The look of ui.charts.TEMPLATE ("plotly_white") in a few keys: applying the full named template costs
# ~20 ms per figure (Plotly validates all of it) and ~6 kB of JSON; this one costs ~2 ms.
LIGHT_TEMPLATE = go.layout.Template(
    layout={
        "paper_bgcolor": "white",
        "plot_bgcolor": "white",
        "font": {"color": "#2a3f5f"},
        "hovermode": "closest",
        "xaxis": _AXIS,
        "yaxis": _AXIS,
    }
)

DEFAULT_LABELS: dict[str, str] = {
    "curve_title": "f(θ) with the tangent and both secants",
    "residual_title": "After subtracting the tangent (x in units of ε)",
    "f": "f",
    "tangent": "tangent, slope f′(θ)",
    "one_sided": "one-sided secant",
    "two_sided": "two-sided secant",
    "points": "θ − ε, θ, θ + ε",
    "x": "θ",
    "y": "f(θ)",
    "u": "(x − θ) / ε",
    "residual": "minus the tangent line",
    "loglog_title": "Approximation error against ε",
    "epsilon": "step ε",
    "error": "|estimate − f′(θ)|",
    "one_error": "one-sided error",
    "two_error": "two-sided error",
    "slope1": "slope 1: O(ε)",
    "slope2": "slope 2: O(ε²)",
    "roundoff": "round-off ≈ u·(|f| + |θf′|)/ε",
    "roundoff_region": "round-off takes over",
    "current": "your ε",
    "exact_zero": "{n} errors of exactly 0 are not drawn (no point on a log axis)",
}


def _labels(labels: Mapping[str, str] | None) -> ChainMap:
    return ChainMap(dict(labels or {}), DEFAULT_LABELS)


def _figure(data: list, title: str, height: int, **layout) -> go.Figure:
    """One Figure built with its whole layout at once (one validation pass)."""
    base = {
        "template": LIGHT_TEMPLATE,
        "title": {"text": title, "x": 0.02, "xanchor": "left"},
        "height": height,
        "margin": {"l": 72, "r": 20, "t": 70, "b": 45},  # room for log-axis tick labels: laid out once
        "legend": {"orientation": "h", "yanchor": "top", "y": -0.15, "xanchor": "left", "x": 0},
    }
    return go.Figure(data=data, layout={**base, **layout})


def _panel_title(text: str, x: float) -> dict:
    return {
        "text": text,
        "x": x,
        "xref": "paper",
        "xanchor": "center",
        "y": 1.0,
        "yref": "paper",
        "yanchor": "bottom",
        "yshift": 8,
        "showarrow": False,
        "font": {"size": 15},
    }


def secant_figure(pic: SecantPicture, labels: Mapping[str, str] | None = None) -> go.Figure:
    """Left: f, its tangent and both secants around θ. Right: the same minus the tangent, x in ε units."""
    L = _labels(labels)
    lines = (
        ("f", pic.f, pic.residual_f, {"color": CURVE_COLOR, "width": 3}),
        (
            "tangent",
            pic.tangent,
            np.zeros_like(pic.u),
            {"color": TANGENT_COLOR, "width": 1.5, "dash": "dash"},
        ),
        ("one_sided", pic.one_line, pic.residual_one, {"color": ONE_COLOR, "width": 2}),
        ("two_sided", pic.two_line, pic.residual_two, {"color": TWO_COLOR, "width": 2}),
    )
    data = []
    for role, y_left, y_right, line in lines:
        data.append(
            go.Scatter(
                x=pic.x,
                y=y_left,
                mode="lines",
                name=L[role],
                line=line,
                legendgroup=role,
                meta={"role": role, "panel": "curve"},
                xaxis="x",
                yaxis="y",
            )
        )
        data.append(
            go.Scatter(
                x=pic.u,
                y=y_right,
                mode="lines",
                name=L[role],
                line=line,
                legendgroup=role,
                showlegend=False,
                meta={"role": role, "panel": "residual"},
                xaxis="x2",
                yaxis="y2",
            )
        )
    eps = pic.points_x[2] - pic.points_x[1]
    tangent_at = [pic.points_f[1] + (x - pic.points_x[1]) * _slope(pic) for x in pic.points_x]
    points = {
        "mode": "markers",
        "name": L["points"],
        "marker": {"size": 9, "color": "#000000"},
        "legendgroup": "points",
    }
    data.append(
        go.Scatter(
            x=list(pic.points_x),
            y=list(pic.points_f),
            meta={"role": "points", "panel": "curve"},
            xaxis="x",
            yaxis="y",
            **points,
        )
    )
    residual_points = [f - t for f, t in zip(pic.points_f, tangent_at, strict=True)]
    data.append(
        go.Scatter(
            x=[-1.0, 0.0, 1.0],
            y=residual_points,
            showlegend=False,
            xaxis="x2",
            yaxis="y2",
            meta={"role": "points", "panel": "residual", "epsilon": eps},
            **points,
        )
    )
    yaxis = {"domain": [0, 1], "title": {"text": L["y"]}, "anchor": "x"}
    finite = pic.f[np.isfinite(pic.f)]
    if finite.size:  # robust range: a pole at the window's edge (ln near 0) must not flatten the rest
        lo, hi = np.percentile(finite, [3, 100])
        lo, hi = min(lo, *pic.points_f), max(hi, *pic.points_f)
        pad = 0.08 * (hi - lo or 1.0)
        yaxis["range"] = [lo - pad, hi + pad]
    return _figure(
        data,
        "",
        430,
        annotations=[_panel_title(L["curve_title"], 0.22), _panel_title(L["residual_title"], 0.78)],
        xaxis={"domain": [0, 0.44], "title": {"text": L["x"]}, "anchor": "y"},
        yaxis=yaxis,
        xaxis2={"domain": [0.56, 1], "title": {"text": L["u"]}, "anchor": "y2", "zeroline": True},
        yaxis2={
            "domain": [0, 1],
            "title": {"text": L["residual"]},
            "anchor": "x2",
            "exponentformat": "power",
        },
    )


def _slope(pic: SecantPicture) -> float:
    """f′(θ) recovered from the tangent line of the picture."""
    i, j = 0, len(pic.x) - 1
    return float((pic.tangent[j] - pic.tangent[i]) / (pic.x[j] - pic.x[i]))


def _positive(values: np.ndarray) -> np.ndarray:
    out = np.array(values, dtype=float)
    out[~(out > 0)] = np.nan
    return out


def error_vs_epsilon_figure(
    df: pd.DataFrame,
    summary: ErrorSummary,
    roundoff: np.ndarray,
    current: tuple[float, float, float] | None = None,
    labels: Mapping[str, str] | None = None,
) -> go.Figure:
    """§1.12 log-log: both errors against ε, reference slopes 1 and 2, the round-off model and region.

    ``roundoff`` is the model u·(|f|+|θf′|)/ε on ``df.epsilon``; ``current`` = (ε, one-sided
    error, two-sided error) of the page's own ε, drawn as a vertical line and two markers.
    """
    L = _labels(labels)
    eps = df["epsilon"].to_numpy(dtype=float)
    data, shapes, notes, zeros = [], [], [], 0
    for role, column, color in (
        ("one_error", "one_sided_error", ONE_COLOR),
        ("two_error", "two_sided_error", TWO_COLOR),
    ):
        values = df[column].to_numpy(dtype=float)
        zeros += int(np.sum(values == 0))
        data.append(
            go.Scatter(
                x=eps,
                y=_positive(values),
                mode="lines+markers",
                name=L[role],
                meta={"role": role},
                line={"color": color, "width": 2},
                marker={"size": 6},
                hovertemplate=f"ε = %{{x:.2e}}<br>{L[role]} = %{{y:.3e}}<extra></extra>",
            )
        )
    _reference_lines(data, notes, df, L)
    small = eps <= 1e-4
    data.append(
        go.Scatter(
            x=eps[small],
            y=_positive(np.asarray(roundoff)[small]),
            mode="lines",
            name=L["roundoff"],
            meta={"role": "roundoff"},
            line={"color": ROUNDOFF_COLOR, "width": 1.5, "dash": "dot"},
            hoverinfo="skip",
        )
    )
    if summary.roundoff_visible:
        x0, x1 = float(eps.min()), summary.best_eps_two
        shapes.append(
            {
                "type": "rect",
                "xref": "x",
                "yref": "paper",
                "x0": x0,
                "x1": x1,
                "y0": 0,
                "y1": 1,
                "fillcolor": ROUNDOFF_COLOR,
                "opacity": 0.08,
                "line": {"width": 0},
                "layer": "below",
            }
        )
        notes.append(
            {
                "x": np.log10(np.sqrt(x0 * x1)),
                "xref": "x",
                "y": 1.0,
                "yref": "paper",
                "yanchor": "bottom",
                "showarrow": False,
                "text": L["roundoff_region"],
                "font": {"size": 12, "color": ROUNDOFF_COLOR},
            }
        )
    if current is not None:
        c_eps, c_one, c_two = current
        shapes.append(
            {
                "type": "line",
                "xref": "x",
                "yref": "paper",
                "x0": c_eps,
                "x1": c_eps,
                "y0": 0,
                "y1": 1,
                "line": {"color": MARK_COLOR, "dash": "dash", "width": 1.5},
            }
        )
        data.append(
            go.Scatter(
                x=[c_eps, c_eps],
                y=_positive(np.array([c_one, c_two])),
                mode="markers",
                name=L["current"],
                meta={"role": "current"},
                marker={"size": 13, "symbol": "diamond-open", "color": MARK_COLOR, "line": {"width": 2}},
                hovertemplate=f"{L['current']}: ε = %{{x:.2e}}<br>%{{y:.3e}}<extra></extra>",
            )
        )
    if zeros:
        notes.append(
            {
                "x": 0.0,
                "xref": "paper",
                "y": 0.0,
                "yref": "paper",
                "yanchor": "bottom",
                "xanchor": "left",
                "showarrow": False,
                "text": L["exact_zero"].format(n=zeros),
                "font": {"size": 11, "color": MARK_COLOR},
                "bgcolor": "rgba(255,255,255,0.85)",
            }
        )
    return _figure(
        data,
        L["loglog_title"],
        480,
        shapes=shapes,
        annotations=notes,
        xaxis={"type": "log", "title": {"text": L["epsilon"]}, "exponentformat": "power"},
        yaxis={"type": "log", "title": {"text": L["error"]}, "exponentformat": "power"},
    )


def _reference_lines(data: list, notes: list, df: pd.DataFrame, L: Mapping[str, str]) -> None:
    """Dotted lines ∝ ε and ∝ ε² over 10⁻⁴ ≤ ε ≤ 10⁻¹, through each curve at its largest ε, offset ×3
    below so they sit beside the data; each is labelled with its slope."""
    eps = df["epsilon"].to_numpy(dtype=float)
    span = np.array([1e-4, 1e-1])
    i = int(np.argmax(eps))
    for role, column, order, color in (
        ("slope1", "one_sided_error", 1, ONE_COLOR),
        ("slope2", "two_sided_error", 2, TWO_COLOR),
    ):
        anchor = float(df[column].iloc[i])
        if not anchor > 0:
            continue
        y = anchor / 3 * (span / eps[i]) ** order
        data.append(
            go.Scatter(
                x=span,
                y=y,
                mode="lines",
                name=L[role],
                meta={"role": role},
                line={"color": color, "width": 1, "dash": "dot"},
                showlegend=False,
                hoverinfo="skip",
            )
        )
        mid = float(np.sqrt(span[0] * span[1]))
        notes.append(
            {
                "x": np.log10(mid),
                "y": np.log10(anchor / 3 * (mid / eps[i]) ** order),
                "text": L[role],
                "showarrow": False,
                "yshift": -14,
                "font": {"size": 12, "color": color},
                "textangle": -12 * order,
            }
        )
