"""Pure Plotly figure builders: data in, ``plotly.graph_objects.Figure`` out.

No Streamlit here. Every user-visible string (titles, axis labels, legend names, button
text) comes from a ``labels`` mapping, so pages can pass English or Chinese; any key a
caller leaves out falls back to ``DEFAULT_LABELS`` (English). A few labels are format
strings, e.g. ``"norm_series": "‖{prefix}[{l}]‖"``; translations must keep the
``{placeholders}``.

Arrays go into traces as NumPy arrays (Plotly sends them as compact base64 typed arrays),
so tests and callers can read the plotted data back from ``fig.data``.
"""

from __future__ import annotations

import re
from collections import ChainMap
from collections.abc import Mapping, Sequence

import numpy as np
import pandas as pd
import plotly.graph_objects as go
import plotly.io as pio
from plotly.colors import sample_colorscale

from core.network import predict_proba
from ui import plotly_paths

plotly_paths.install()  # figure building ~4x faster; see ui/plotly_paths.py

# Okabe–Ito: class 0 blue, class 1 orange, then the rest of the colour-blind-safe set.
PALETTE: tuple[str, ...] = (
    "#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000",
)
CLASS_COLORS: tuple[str, str] = (PALETTE[0], PALETTE[1])
# Order for "one line per series" charts: high-contrast pairs first, yellow (weak on white) last.
SERIES_COLORS: tuple[str, ...] = (
    "#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000", "#F0E442",
)
TRAIN_COLOR, DEV_COLOR, MARK_COLOR = "#0072B2", "#D55E00", "#555555"
# P(y=1|x): class-0 blue at 0, white at 0.5, class-1 orange at 1.
PROBABILITY_COLORSCALE: list[list] = [[0.0, CLASS_COLORS[0]], [0.5, "#FFFFFF"], [1.0, CLASS_COLORS[1]]]

# Layout template. ui.shell.chart draws with theme=None, so this is the look the learner sees:
# Streamlit's own theme re-merges every figure in the browser on each redraw (~250 ms a move).
# A light template with plotly_white's look: applying the full "plotly_white" (hundreds of
# trace defaults, deep-copied on every figure) cost ~50 ms per figure on every rerun.
TEMPLATE = "lab"
# No default template: a figure names its own, and ui.plotly_wire folds it into the layout before
# it is sent (Streamlit validates the sent dict, which would otherwise add plotly's default back).
pio.templates.default = None
pio.templates[TEMPLATE] = go.layout.Template(
    layout={
        "paper_bgcolor": "white",
        "plot_bgcolor": "white",
        "colorway": list(SERIES_COLORS),
        "xaxis": {"gridcolor": "#EBF0F8", "zerolinecolor": "#EBF0F8", "linecolor": "#D0D7E2", "ticks": ""},
        "yaxis": {"gridcolor": "#EBF0F8", "zerolinecolor": "#EBF0F8", "linecolor": "#D0D7E2", "ticks": ""},
        "hoverlabel": {"align": "left"},
    }
)

# st.plotly_chart(fig, config=CONFIG). An extra *SVG* button is not possible: plotly.js's
# modeBarButtonsToAdd only takes built-in button names (none exports SVG) or objects with a
# JavaScript ``click`` function, and Streamlit sends ``config`` as JSON, so no function can
# be passed. The camera button exports one format; CONFIG_SVG makes it export SVG instead.
CONFIG: dict = {
    "displayModeBar": True,
    "displaylogo": False,
    "toImageButtonOptions": {"format": "png", "scale": 2, "filename": "dl-practice-lab"},
    "modeBarButtonsToRemove": ["select2d", "lasso2d"],
}
CONFIG_SVG: dict = {**CONFIG, "toImageButtonOptions": {"format": "svg", "filename": "dl-practice-lab"}}

DEFAULT_LABELS: dict[str, str] = {
    # points and decision boundary
    "x1": "x₁",
    "x2": "x₂",
    "class_0": "class 0",
    "class_1": "class 1",
    "train": "train",
    "dev": "dev",
    "augmented": "augmented",
    "misclassified": "misclassified",
    "probability": "P(y = 1 | x)",
    "boundary": "decision boundary (ŷ = 0.5)",
    "decision_boundary_title": "Decision boundary",
    "non_finite_probs": "non-finite predictions (diverged run) shown as gaps",
    # learning curves
    "iteration": "iteration",
    "cost_title": "Cost",
    "error_title": "Error",
    "cost": "cost J (train)",
    "cost_no_penalty": "cross-entropy without penalty",
    "dev_cost": "dev cost",
    "train_error": "train error",
    "dev_error": "dev error",
    "cost_axis": "J",
    "error_axis": "error rate",
    "best_dev_iteration": "best dev iteration",
    # per-layer charts
    "layer": "layer l",
    "value": "value",
    "underflow": "underflow (0)",
    "overflow": "overflow (inf)",
    "nan": "NaN",
    "non_positive": "≤ 0 (not on a log scale)",
    "grad_by_layer_title": "Gradient magnitude by layer",
    "grad_norm_axis": "‖dW[l]‖_F",
    "norms_title": "‖{prefix}[l]‖_F over iterations",
    "norm_series": "‖{prefix}[{l}]‖",
    "norm_axis": "‖{prefix}[l]‖_F",
    # replay
    "replay_title": "iteration {iteration} · train error {train_error:.1%}",
    "replay_title_stats": "iteration {iteration} · J = {cost:.4f} · train error {train_error:.1%}",
    "replay_title_approx": "iteration {iteration} · J ≈ {cost:.4f} · train error {train_error:.1%}",
    "play": "▶ Play",
    "pause": "❚❚ Pause",
    "slider_prefix": "iteration ",
    # validation curve
    "validation_title": "Train and dev error",
    "hyperparameter": "hyperparameter",
    "current": "current",
    "best": "best dev",
    "zero_tick": "0",
    # histograms
    "count": "count",
    "non_finite_omitted": "{n} non-finite values omitted",
    # A/B
    "ab_title": "A/B comparison",
    "config_a": "A",
    "config_b": "B",
}

_MARGIN = {"l": 55, "r": 20, "t": 60, "b": 45}
# Horizontal legend under the plot, clear of the x-axis title (Plotly widens the bottom margin).
LEGEND_BELOW = {"orientation": "h", "yanchor": "top", "y": -0.24, "xanchor": "left", "x": 0}
# Room for a colour bar standing right of the plot (x = 1, so a fixed width: 12 px bar, ticks,
# title): given up front, plotly.js need not widen the margin after a first layout and lay the
# chart out again. (ui.plotly_wire reserves the room of a legend below the plot, for every chart.)
COLORBAR_MARGIN = 85
BOUNDARY_MARGIN = {**_MARGIN, "r": COLORBAR_MARGIN}
COMPACT_MARGIN = {"l": 45, "r": 10, "t": 45, "b": 40}  # side_by_side: two or three in a row


def _labels(labels: Mapping[str, str] | None) -> ChainMap:
    """The caller's labels with English defaults behind them."""
    return ChainMap(dict(labels or {}), DEFAULT_LABELS)


def _finite_or_nan(values) -> np.ndarray:
    """A float copy with ±inf replaced by NaN (Plotly draws NaN as a gap)."""
    arr = np.array(values, dtype=float, copy=True)
    arr[~np.isfinite(arr)] = np.nan
    return arr


def _series_color(i: int, n: int) -> str:
    """Okabe–Ito for up to 8 series; a Viridis ramp (by depth) beyond that."""
    if n <= len(SERIES_COLORS):
        return SERIES_COLORS[i]
    return sample_colorscale("Viridis", [i / max(n - 1, 1)])[0]


def base_layout(title: str | None, height: int, margin: dict = _MARGIN) -> dict:
    """Every figure's frame (the lab template, a title on the left, its height and margins, the legend
    below the plot) as a layout dict: a figure built in one piece starts from it."""
    return {
        "template": TEMPLATE,
        "title": {"text": title or "", "x": 0.02, "xanchor": "left"},
        "height": height,
        "margin": margin,
        "legend": dict(LEGEND_BELOW),
    }


def _style(fig: go.Figure, title: str | None, height: int, margin: dict = _MARGIN) -> go.Figure:
    return fig.update_layout(**base_layout(title, height, margin))


# --------------------------------------------------------------------------- decision boundary


def decision_grid(
    X_list: Sequence[np.ndarray | None] | np.ndarray, resolution: int = 60, margin: float = 0.1
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """A ``resolution × resolution`` grid covering every given (2, m) point set.

    Returns ``xs``, ``ys`` (each ``(resolution,)``) and ``grid_X`` of shape (2, resolution²)
    in row-major order (y outer, x inner), so ``predict_proba(params, grid_X)`` reshapes to
    ``(len(ys), len(xs))`` — a heatmap's ``z``. ``margin`` is a fraction of each axis's span;
    ``None`` entries and non-finite coordinates are ignored.
    """
    if isinstance(X_list, np.ndarray):
        X_list = [X_list]
    pts = [np.asarray(X, dtype=float) for X in X_list if X is not None]
    pts = [P for P in pts if P.size]
    if not pts:
        raise ValueError("decision_grid needs at least one non-empty (2, m) point set")
    if any(P.ndim != 2 or P.shape[0] != 2 for P in pts):
        raise ValueError(f"point sets must have shape (2, m); got {[P.shape for P in pts]}")
    if resolution < 2:
        raise ValueError(f"resolution must be at least 2; got {resolution}")
    allp = np.hstack(pts)
    axes = []
    for row in allp:
        row = row[np.isfinite(row)]
        lo, hi = (float(row.min()), float(row.max())) if row.size else (-1.0, 1.0)
        span = hi - lo if hi > lo else max(abs(lo), 1.0)
        axes.append(np.linspace(lo - margin * span, hi + margin * span, int(resolution)))
    xs, ys = axes
    XX, YY = np.meshgrid(xs, ys)
    return xs, ys, np.vstack([XX.ravel(), YY.ravel()])


def probability_grid(
    params: Mapping[str, np.ndarray], hidden_activation: str, xs: np.ndarray, ys: np.ndarray
) -> np.ndarray:
    """P(y=1|x) on the grid ``xs × ys`` as a ``(len(ys), len(xs))`` array (a heatmap's ``z``).

    Non-finite outputs (parameters of a diverged run) become NaN — drawn as gaps; callers
    detect them with ``~np.isfinite(z).all()``. Never raises on NaN/inf parameters.
    """
    XX, YY = np.meshgrid(np.asarray(xs, dtype=float), np.asarray(ys, dtype=float))
    G = np.vstack([XX.ravel(), YY.ravel()])
    with np.errstate(all="ignore"):
        P = predict_proba(params, G, hidden_activation)
    return _finite_or_nan(P.reshape(len(ys), len(xs)))


def _class_mask(Y: np.ndarray) -> np.ndarray:
    return np.asarray(Y, dtype=float).ravel() > 0.5


def _point_traces(X, Y, split: str, L: Mapping[str, str], symbol: str, line: dict, size: int,
                  opacity: float = 1.0, name: str | None = None) -> list[dict]:
    """One scatter per class; x/y are exactly the input points of that class. (Plain trace dicts:
    the figure validates them once, where trace objects would be validated twice.)"""
    X = np.asarray(X, dtype=float)
    is1 = _class_mask(Y)
    prefix = name if name is not None else L[split]
    return [
        {
            "type": "scatter", "x": X[0, mask], "y": X[1, mask], "mode": "markers",
            "name": f"{prefix} · {L[f'class_{c}']}",
            "legendgroup": f"{split}-{c}",
            "meta": {"role": split, "class": c},
            # marker.opacity only when it is not plotly.js's default 1: set at all, it costs a style
            # per point (~20% of drawing a boundary's points)
            "marker": {"symbol": symbol, "color": CLASS_COLORS[c], "size": size, "line": line}
            | ({} if opacity == 1.0 else {"opacity": opacity}),
            "hovertemplate": f"{L['x1']}=%{{x:.3f}}<br>{L['x2']}=%{{y:.3f}}<extra>%{{fullData.name}}</extra>",
        }
        for c, mask in ((0, ~is1), (1, is1))
    ]


def _error(params, hidden_activation, X, Y) -> float:
    return float(np.mean(_misclassified(params, hidden_activation, X, Y)))


def _misclassified(params, hidden_activation, X, Y) -> np.ndarray:
    """Mask of points with (ŷ > 0.5) ≠ y — the same rule as core.network.error_rate."""
    with np.errstate(all="ignore"):
        p = predict_proba(params, np.asarray(X, dtype=float), hidden_activation).ravel()
    return (p > 0.5) != _class_mask(Y)


def _grid_traces(z, xs, ys, L, zsmooth="fast", z_contour=None, showscale: bool | None = None) -> list[dict]:
    """The P(y=1|x) heatmap and its 0.5 contour (trace dicts). zsmooth "fast" lets the browser scale
    the 60×60 image smoothly; "best" interpolates every pixel in JavaScript (same look, ~20 ms more a
    chart). ``showscale=False`` hides the colour bar."""
    heat = {
        "type": "heatmap", "x": xs, "y": ys, "z": z, "zmin": 0.0, "zmax": 1.0, "zsmooth": zsmooth,
        "colorscale": PROBABILITY_COLORSCALE, "opacity": 0.65, "name": L["probability"],
        "meta": {"role": "probability"},
        "colorbar": {"title": {"text": L["probability"], "side": "right"}, "thickness": 12, "len": 0.8,
                     "x": 1.0, "xanchor": "left"},  # a fixed width right of the plot: BOUNDARY_MARGIN
        "hovertemplate": f"{L['x1']}=%{{x:.2f}}<br>{L['x2']}=%{{y:.2f}}<br>{L['probability']}=%{{z:.3f}}"
        "<extra></extra>",
    }
    if showscale is not None:
        heat["showscale"] = showscale
    contour = {
        "type": "contour", "x": xs, "y": ys, "z": z if z_contour is None else z_contour,
        "name": L["boundary"], "meta": {"role": "boundary"},
        "contours": {"start": 0.5, "end": 0.5, "size": 1.0, "coloring": "none"},
        "line": {"color": "#222222", "width": 2}, "showscale": False, "showlegend": True, "hoverinfo": "skip",
    }
    return [heat, contour]


def _point_axes(xs, ys, L) -> tuple[dict, dict]:
    """The x and y axes of a points figure: ranges fixed to the grid; equal aspect unless the axes'
    spans differ by more than 4×."""
    span_x, span_y = float(xs[-1] - xs[0]), float(ys[-1] - ys[0])
    ratio = span_y / span_x if span_x > 0 else np.inf
    common = {"constrain": "domain", "showgrid": False, "zeroline": False}
    x_axis = {"range": [float(xs[0]), float(xs[-1])], "title": {"text": L["x1"]}, **common}
    y_axis = {"range": [float(ys[0]), float(ys[-1])], "title": {"text": L["x2"]}, **common}
    if 0.25 <= ratio <= 4.0:
        y_axis.update(scaleanchor="x", scaleratio=1.0)
    return x_axis, y_axis


def _axes_for_points(fig: go.Figure, xs, ys, L) -> None:
    """Fix the ranges to the grid; equal aspect unless the axes' spans differ by more than 4×."""
    x_axis, y_axis = _point_axes(xs, ys, L)
    fig.update_xaxes(**x_axis)
    fig.update_yaxes(**y_axis)


def decision_boundary_figure(
    params: Mapping[str, np.ndarray],
    hidden_activation: str,
    X_train: np.ndarray,
    Y_train: np.ndarray,
    X_dev: np.ndarray | None = None,
    Y_dev: np.ndarray | None = None,
    labels: Mapping[str, str] | None = None,
    resolution: int = 60,
    show_misclassified: bool = True,
    extra_points: tuple[np.ndarray, np.ndarray, str | None] | None = None,
    title: str | None = None,
    compact_height: int | None = None,
) -> go.Figure:
    """P(y=1|x) heatmap with the ŷ = 0.5 boundary, train (●) and dev (◆) points by class.

    Traces in order: heatmap (``z`` = ``probability_grid``), 0.5 contour, train class 0/1,
    [dev class 0/1], [extra class 0/1], [misclassified ✕ over train+dev points]. Each trace's
    ``meta`` names its role. The §1.1 train/dev picture; ``extra_points=(X_aug, Y_aug, name)``
    shows §1.8 data augmentation. NaN parameters give gaps and a note, never an exception.
    ``compact_height``: the compact form ``side_by_side`` draws. The layout is written in one
    piece: most pages redraw this figure on every slider move.
    """
    L = _labels(labels)
    sets = [X_train, X_dev] + ([extra_points[0]] if extra_points is not None else [])
    xs, ys, _ = decision_grid(sets, resolution)
    z = probability_grid(params, hidden_activation, xs, ys)
    compact = compact_height is not None
    traces = _grid_traces(z, xs, ys, L, z_contour=z.astype(np.float32), showscale=False if compact else None)
    traces += _point_traces(X_train, Y_train, "train", L, "circle", {"color": "white", "width": 0.8}, 8)
    if X_dev is not None and Y_dev is not None:
        traces += _point_traces(X_dev, Y_dev, "dev", L, "diamond", {"color": "#000000", "width": 1}, 8)
    if extra_points is not None:
        X_aug, Y_aug, name = extra_points
        traces += _point_traces(X_aug, Y_aug, "augmented", L, "circle-open", {"width": 1.5}, 7,
                                opacity=0.7, name=name or L["augmented"])
    if show_misclassified:
        bad_x, bad_y = [], []
        for X, Y in ((X_train, Y_train), (X_dev, Y_dev)):
            if X is None or Y is None:
                continue
            mask = _misclassified(params, hidden_activation, X, Y)
            bad_x.append(np.asarray(X, dtype=float)[0, mask])
            bad_y.append(np.asarray(X, dtype=float)[1, mask])
        traces.append({
            "type": "scatter", "x": np.concatenate(bad_x), "y": np.concatenate(bad_y), "mode": "markers",
            "name": L["misclassified"], "meta": {"role": "misclassified"}, "hoverinfo": "skip",
            "marker": {"symbol": "x-thin", "size": 12, "line": {"color": "#000000", "width": 2}},
        })
    x_axis, y_axis = _point_axes(xs, ys, L)
    layout = base_layout(title or L["decision_boundary_title"], 520, BOUNDARY_MARGIN)
    layout.update(xaxis=x_axis, yaxis=y_axis)
    if compact:  # no legend, no colour bar, the plot fills its column
        layout.update(showlegend=False, height=compact_height, margin=COMPACT_MARGIN)
        layout["title"]["font"] = {"size": 14}
        y_axis.pop("scaleanchor", None)
    if np.isnan(z).any():
        layout["annotations"] = [{
            "text": L["non_finite_probs"], "xref": "paper", "yref": "paper", "x": 0.5, "y": 1.0,
            "yanchor": "bottom", "showarrow": False, "font": {"color": DEV_COLOR},
        }]
    return go.Figure(traces, layout)


def side_by_side(title: str, *args, height: int = 320, **kwargs) -> go.Figure:
    """``decision_boundary_figure(*args, **kwargs)`` made compact for a row of two or three: no
    legend, no colour bar, and the plot fills its column (no equal-aspect constraint)."""
    return decision_boundary_figure(*args, title=title, compact_height=height, **kwargs)


# --------------------------------------------------------------------------- learning curves


def hline(y: float, line: dict, text: str, position: str = "top left", col: int = 1) -> tuple[dict, dict]:
    """A horizontal line across panel ``col`` at ``y`` and its label: the shape and annotation that
    plotly's ``add_hline`` makes (``position`` "top left" or "bottom right"), as dicts that go into a
    layout in one piece."""
    if position not in ("top left", "bottom right"):
        raise ValueError(f"position must be 'top left' or 'bottom right'; got {position!r}")
    x, y_ref = (f"{a}{col if col > 1 else ''}" for a in "xy")
    right = position == "bottom right"
    shape = {
        "line": line, "type": "line", "x0": 0, "x1": 1, "xref": f"{x} domain",
        "y0": y, "y1": y, "yref": y_ref,
    }
    label = {
        "showarrow": False, "text": text, "x": 1 if right else 0, "xanchor": "right" if right else "left",
        "xref": f"{x} domain", "y": y, "yanchor": "top" if right else "bottom", "yref": y_ref,
    }
    return shape, label


def subplot_row(n: int, spacing: float | None = None, secondary_y: bool = False) -> list[dict]:
    """One row of ``n`` panels laid out as plotly's make_subplots lays it out (its default spacing,
    and room on the right for second y axes), written out so that a figure a slider redraws is built
    in one piece (make_subplots and per-panel updates are most of such a figure's time).

    Panel i (from 1): {"x", "y", "y2": axis names for traces ("y2" None without secondary_y),
    "axes": {layout key: axis dict (domain, anchor, overlaying)}, "title": a subplot-title
    annotation to fill in}. Axis dicts may be updated before they go into the layout.
    """
    if spacing is None:
        spacing = (0.4 if secondary_y else 0.2) / n
    width = ((0.94 if secondary_y else 1.0) - spacing * (n - 1)) / n
    panels, k = [], 0
    for i in range(1, n + 1):
        start = sum([width] * (i - 1)) + (i - 1) * spacing
        end = start + width
        k += 1
        x, y = f"x{i if i > 1 else ''}", f"y{k if k > 1 else ''}"
        axes = {
            f"xaxis{i if i > 1 else ''}": {"anchor": y, "domain": [start, end]},
            f"yaxis{k if k > 1 else ''}": {"anchor": x, "domain": [0.0, 1.0]},
        }
        y2 = None
        if secondary_y:
            k += 1
            y2 = f"y{k}"
            axes[f"yaxis{k}"] = {"anchor": x, "overlaying": y, "side": "right"}
        title = {
            "font": {"size": 16}, "showarrow": False, "x": (start + end) / 2, "xanchor": "center",
            "xref": "paper", "y": 1.0, "yanchor": "bottom", "yref": "paper",
        }
        panels.append({"x": x, "y": y, "y2": y2, "axes": axes, "title": title})
    return panels


def learning_curves_figure(
    history: pd.DataFrame,
    labels: Mapping[str, str] | None = None,
    metrics: Sequence[str] = ("cost", "error"),
    mark_iteration: int | None = None,
    log_y: bool = False,
    mark_label: str | None = None,
    title: str | None = None,
) -> go.Figure:
    """Cost (left) and error (right) against iteration — §1.1 bias/variance, §1.8 early stopping.

    Cost: ``cost`` (J with penalty, §1.4), ``cost_no_penalty`` when it differs, ``dev_cost``
    when present; error: ``train_error``, ``dev_error``. ``log_y`` applies to the cost axis.
    ``mark_iteration`` draws a dashed vertical line on every subplot (label ``mark_label`` or
    labels["best_dev_iteration"]). ±inf become gaps.
    """
    L = _labels(labels)
    metrics = tuple(metrics)
    if not metrics or any(m not in ("cost", "error") for m in metrics):
        raise ValueError(f"metrics must be a non-empty subset of ('cost', 'error'); got {metrics}")
    panels = subplot_row(len(metrics), spacing=0.12)
    x = history["iteration"].to_numpy() if "iteration" in history else np.arange(len(history))

    def col(name):
        return _finite_or_nan(history[name].to_numpy(dtype=float)) if name in history else None

    titles = [{**panel["title"], "text": L[f"{m}_title"]} for panel, m in zip(panels, metrics, strict=True)]
    traces, layout = [], {"annotations": titles}
    for panel, metric in zip(panels, metrics, strict=True):
        series = []
        if metric == "cost":
            cost, no_pen, dev = col("cost"), col("cost_no_penalty"), col("dev_cost")
            if cost is not None:
                series.append(("cost", cost, TRAIN_COLOR, "solid"))
            if no_pen is not None and (cost is None or not np.allclose(cost, no_pen, equal_nan=True)):
                series.append(("cost_no_penalty", no_pen, TRAIN_COLOR, "dot"))
            if dev is not None and np.isfinite(dev).any():
                series.append(("dev_cost", dev, DEV_COLOR, "solid"))
        else:
            for name, color in (("train_error", TRAIN_COLOR), ("dev_error", DEV_COLOR)):
                values = col(name)
                if values is not None:
                    series.append((name, values, color, "solid"))
        for name, y, color, dash in series:
            traces.append({
                "type": "scatter", "x": x, "y": y, "mode": "lines", "name": L[name], "meta": {"column": name},
                "line": {"color": color, "dash": dash, "width": 2},
                "hovertemplate": f"{L['iteration']} %{{x}}<br>{L[name]} = %{{y:.4g}}<extra></extra>",
                "xaxis": panel["x"], "yaxis": panel["y"],
            })
        x_axis, y_axis = panel["axes"].values()
        x_axis["title"] = {"text": L["iteration"]}
        if metric == "cost":
            scale = "log" if log_y else "linear"
            y_axis.update(title={"text": L["cost_axis"]}, type=scale, exponentformat="power")
        else:
            y_axis.update(title={"text": L["error_axis"]}, tickformat=".0%", rangemode="tozero")
        layout.update(panel["axes"])
    if mark_iteration is not None:
        layout["shapes"] = [
            {"line": {"color": MARK_COLOR, "dash": "dash", "width": 1.5}, "type": "line",
             "x0": mark_iteration, "x1": mark_iteration, "xref": panel["x"], "y0": 0, "y1": 1,
             "yref": f"{panel['y']} domain"}
            for panel in panels
        ]
        layout["annotations"].append({
            "font": {"color": MARK_COLOR, "size": 11}, "showarrow": False,
            "text": f"{mark_label or L['best_dev_iteration']} ({mark_iteration})",
            "x": mark_iteration, "xref": "x", "y": 1.0, "yanchor": "bottom", "yref": "y domain",
        })
    fig = _style(go.Figure(traces, layout), title, 380)
    if title:  # a figure title above the subplot titles needs room of its own
        fig.update_layout(margin={"t": 90})
    return fig


# --------------------------------------------------------------------------- per-layer charts


def _as_series(values_by_layer) -> dict[str, np.ndarray]:
    if isinstance(values_by_layer, pd.DataFrame):
        return {str(c): values_by_layer[c].to_numpy(dtype=float) for c in values_by_layer.columns}
    return {str(k): np.asarray(v, dtype=float).ravel() for k, v in values_by_layer.items()}


def per_layer_figure(
    values_by_layer: Mapping[str, Sequence[float]] | pd.DataFrame,
    labels: Mapping[str, str] | None = None,
    log_y: bool = True,
    kind: str = "bar",
    title: str | None = None,
    y_title: str | None = None,
) -> go.Figure:
    """One value per layer l = 1..L for each series (a mapping name → values, or a DataFrame
    with one row per layer and one column per series) — §1.10 vanishing/exploding values.

    Values a log axis cannot show (0 from underflow, ±inf from overflow, NaN, negatives) are
    gaps in ``y`` and get an annotation at their layer (labels["underflow"], ["overflow"],
    ["nan"], ["non_positive"]); on a linear axis only non-finite values are gaps.
    """
    if kind not in ("bar", "line"):
        raise ValueError(f"kind must be 'bar' or 'line'; got {kind!r}")
    L = _labels(labels)
    series = _as_series(values_by_layer)
    fig = go.Figure()
    notes: dict[int, list[str]] = {}
    n_layers = max((len(v) for v in series.values()), default=0)
    for i, (name, v) in enumerate(series.items()):
        x = np.arange(1, len(v) + 1)
        reasons = np.full(len(v), "", dtype=object)
        reasons[np.isnan(v)] = "nan"
        reasons[np.isinf(v)] = "overflow"
        if log_y:
            reasons[v == 0] = "underflow"
            reasons[v < 0] = "non_positive"
        y = v.copy()
        y[reasons != ""] = np.nan
        color = _series_color(i, len(series))
        common = {"x": x, "y": y, "name": name, "meta": {"series": name},
                  "hovertemplate": f"{L['layer']} = %{{x}}<br>%{{y:.3g}}<extra>{name}</extra>"}
        if kind == "bar":
            fig.add_trace(go.Bar(marker_color=color, **common))
        else:
            fig.add_trace(go.Scatter(mode="lines+markers", line={"color": color, "width": 2},
                                     marker={"size": 6}, **common))
        for layer, reason in zip(x, reasons, strict=True):
            if reason:
                text = L[reason] if len(series) == 1 else f"{name}: {L[reason]}"
                notes.setdefault(int(layer), [])
                if text not in notes[int(layer)]:
                    notes[int(layer)].append(text)
    for layer, texts in notes.items():
        fig.add_annotation(x=layer, xref="x", y=0.0, yref="paper", yanchor="bottom", showarrow=False,
                           text="<br>".join(texts), textangle=-90 if n_layers > 8 else 0,
                           bgcolor="rgba(255,255,255,0.85)", font={"size": 11, "color": DEV_COLOR})
    fig.update_xaxes(title_text=L["layer"], tickmode="linear" if n_layers <= 30 else "auto", dtick=1)
    fig.update_yaxes(title_text=y_title or L["value"], type="log" if log_y else "linear",
                     exponentformat="power")
    fig.update_layout(barmode="group")
    return _style(fig, title, 380)


def gradient_magnitude_by_layer_figure(
    grad_norms_by_series: Mapping[str, Sequence[float]] | pd.DataFrame,
    labels: Mapping[str, str] | None = None,
    title: str | None = None,
) -> go.Figure:
    """§1.10 gradient magnitude by layer: ‖dW[l]‖_F per layer on a log axis, one line per series."""
    L = _labels(labels)
    return per_layer_figure(grad_norms_by_series, labels=L, log_y=True, kind="line",
                            title=title or L["grad_by_layer_title"], y_title=L["grad_norm_axis"])


def norms_over_iterations_figure(
    history: pd.DataFrame,
    prefix: str = "W",
    labels: Mapping[str, str] | None = None,
    log_y: bool = True,
    title: str | None = None,
) -> go.Figure:
    """‖W[l]‖_F (prefix "W") or ‖dW[l]‖_F (prefix "dW") of every layer over iterations, from
    the history columns ``{prefix}{l}_norm`` — §1.4 weight decay, §1.10 vanishing/exploding."""
    L = _labels(labels)
    pattern = re.compile(rf"^{re.escape(prefix)}(\d+)_norm$")
    layers = sorted(int(m.group(1)) for c in history.columns if (m := pattern.match(str(c))))
    x = history["iteration"].to_numpy() if "iteration" in history else np.arange(len(history))
    fig = go.Figure()
    for i, l in enumerate(layers):
        col = f"{prefix}{l}_norm"
        name = L["norm_series"].format(prefix=prefix, l=l)
        fig.add_trace(go.Scatter(
            x=x, y=_finite_or_nan(history[col].to_numpy(dtype=float)), mode="lines", name=name,
            meta={"column": col, "layer": l}, line={"color": _series_color(i, len(layers)), "width": 2},
            hovertemplate=f"{L['iteration']} %{{x}}<br>{name} = %{{y:.3g}}<extra></extra>",
        ))
    fig.update_xaxes(title_text=L["iteration"])
    fig.update_yaxes(title_text=L["norm_axis"].format(prefix=prefix), type="log" if log_y else "linear",
                     exponentformat="power")
    return _style(fig, title or L["norms_title"].format(prefix=prefix), 380)


# --------------------------------------------------------------------------- training replay


def subsample_indices(n: int, max_frames: int) -> list[int]:
    """≤ max_frames evenly spaced indices into range(n), always keeping the first and last."""
    if n <= 0:
        return []
    if n <= max_frames:
        return list(range(n))
    if max_frames < 2:
        raise ValueError(f"max_frames must be at least 2; got {max_frames}")
    return sorted({int(round(v)) for v in np.linspace(0, n - 1, max_frames)})


def _replay_title(iteration: int, train_error: float, history: pd.DataFrame | None, L) -> str:
    """Exact J from the history row of this iteration; between recorded rows J is interpolated
    (labels["replay_title_approx"], "J ≈"); the train error is always the snapshot's own."""
    if history is not None and {"iteration", "cost"} <= set(history.columns) and len(history):
        it = history["iteration"].to_numpy(dtype=float)
        cost = history["cost"].to_numpy(dtype=float)
        exact = np.flatnonzero(it == iteration)
        if exact.size:
            return L["replay_title_stats"].format(iteration=iteration, cost=float(cost[exact[-1]]),
                                                  train_error=train_error)
        ok = np.isfinite(cost)
        if ok.sum() >= 2 and it[ok][0] <= iteration <= it[ok][-1]:
            return L["replay_title_approx"].format(iteration=iteration, train_error=train_error,
                                                   cost=float(np.interp(iteration, it[ok], cost[ok])))
    return L["replay_title"].format(iteration=iteration, train_error=train_error)


def replay_figure(
    snapshots: Sequence[tuple[int, Mapping[str, np.ndarray]]],
    hidden_activation: str,
    X_train: np.ndarray,
    Y_train: np.ndarray,
    X_dev: np.ndarray | None = None,
    Y_dev: np.ndarray | None = None,
    history: pd.DataFrame | None = None,
    labels: Mapping[str, str] | None = None,
    resolution: int = 40,
    max_frames: int = 40,
    frame_duration_ms: int = 150,
) -> go.Figure:
    """Training replay as a client-side Plotly animation (no server round-trips).

    One frame per snapshot (evenly subsampled to ≤ max_frames, first and last kept), each
    updating the heatmap and the 0.5 contour (traces 0 and 1) and the title: iteration and the
    snapshot's train error, plus J from ``history`` (interpolated, "≈", between its rows). ``z`` is
    rounded to 3 decimals and sent as float32. Play/pause ``updatemenus`` plus an iteration
    ``sliders``. Frame names are the iterations as strings. Raises ValueError without snapshots.
    """
    if not snapshots:
        raise ValueError("replay_figure needs at least one (iteration, params) snapshot")
    L = _labels(labels)
    picked = [snapshots[i] for i in subsample_indices(len(snapshots), max_frames)]
    xs, ys, _ = decision_grid([X_train, X_dev], resolution)

    def z_of(params):
        return np.round(probability_grid(params, hidden_activation, xs, ys), 3).astype(np.float32)

    zs = [z_of(p) for _, p in picked]
    titles = [_replay_title(int(it), _error(p, hidden_activation, X_train, Y_train), history, L)
              for it, p in picked]
    fig = go.Figure(_grid_traces(zs[0], xs, ys, L))
    fig.add_traces(_point_traces(X_train, Y_train, "train", L, "circle", {"color": "white", "width": 0.8}, 7))
    if X_dev is not None and Y_dev is not None:
        fig.add_traces(_point_traces(X_dev, Y_dev, "dev", L, "diamond", {"color": "#000000", "width": 1}, 7))
    fig.frames = [
        go.Frame(name=str(int(it)), traces=[0, 1], data=[go.Heatmap(z=z), go.Contour(z=z)],
                 layout={"title": {"text": t}})
        for (it, _), z, t in zip(picked, zs, titles, strict=True)
    ]
    still = {"mode": "immediate", "frame": {"duration": 0, "redraw": True}, "transition": {"duration": 0}}
    play = {"frame": {"duration": frame_duration_ms, "redraw": True}, "fromcurrent": True,
            "transition": {"duration": 0}, "mode": "immediate"}
    pause = {"frame": {"duration": 0, "redraw": False}, "mode": "immediate", "transition": {"duration": 0}}
    fig.update_layout(
        updatemenus=[{
            "type": "buttons", "direction": "left", "showactive": False,
            "x": 0.0, "xanchor": "left", "y": -0.12, "yanchor": "top", "pad": {"r": 8, "t": 0},
            "buttons": [{"label": L["play"], "method": "animate", "args": [None, play]},
                        {"label": L["pause"], "method": "animate", "args": [[None], pause]}],
        }],
        sliders=[{
            "active": 0, "x": 0.22, "len": 0.78, "y": -0.08, "yanchor": "top", "pad": {"t": 0},
            "currentvalue": {"prefix": L["slider_prefix"], "font": {"size": 12}},
            "steps": [{"label": f.name, "method": "animate", "args": [[f.name], still]} for f in fig.frames],
        }],
    )
    _style(fig, titles[0], 580)
    fig.update_layout(legend={"y": -0.3}, margin={**_MARGIN, "b": 130})
    _axes_for_points(fig, xs, ys, L)
    return fig


# --------------------------------------------------------------------------- hyperparameters


def _log_positions(values: np.ndarray, extra: Sequence[float]) -> tuple[np.ndarray, float | None]:
    """Map values onto a log axis; 0 goes one grid step (at least 3×) left of the smallest
    positive value, or to 1 when nothing is positive."""
    everything = np.concatenate([values, np.asarray(extra, dtype=float)])
    if (everything[np.isfinite(everything)] < 0).any():
        raise ValueError("log_x needs values ≥ 0; use log_x=False for negative values")
    pos = np.unique(everything[everything > 0])
    zero_x = None
    if (everything == 0).any():
        if pos.size == 0:
            zero_x = 1.0
        else:
            step = (pos[-1] / pos[0]) ** (1.0 / (pos.size - 1)) if pos.size >= 2 else 10.0
            zero_x = float(pos[0] / max(step, 3.0))
    return np.where(values == 0, zero_x if zero_x is not None else 0.0, values), zero_x


def validation_curve_figure(
    values: Sequence[float],
    train_errors: Sequence[float],
    dev_errors: Sequence[float],
    current: float | None = None,
    best: float | None = None,
    labels: Mapping[str, str] | None = None,
    log_x: bool = True,
    x_title: str | None = None,
    title: str | None = None,
) -> go.Figure:
    """Train and dev error against a hyperparameter grid (λ §1.4, keep_prob §1.6).

    ``current`` is a dashed vertical line; ``best`` (default: the grid value with the lowest
    dev error) is a star on the dev curve. With ``log_x`` a value of 0 (λ = 0) cannot sit on a
    log axis, so it is drawn one grid step (≥ 3×) left of the smallest positive value, with an
    explicit tick labelled labels["zero_tick"] ("0"); ``customdata`` always holds the true
    values. Points are sorted by value; NaN errors are gaps.
    """
    L = _labels(labels)
    vals = np.asarray(values, dtype=float).ravel()
    tr, dv = _finite_or_nan(train_errors).ravel(), _finite_or_nan(dev_errors).ravel()
    if not len(vals) == len(tr) == len(dv):
        raise ValueError(f"values, train_errors and dev_errors must have equal lengths; "
                         f"got {len(vals)}, {len(tr)}, {len(dv)}")
    order = np.argsort(vals, kind="stable")
    vals, tr, dv = vals[order], tr[order], dv[order]
    if best is None and np.isfinite(dv).any():
        best = float(vals[int(np.nanargmin(dv))])
    extra = [v for v in (current, best) if v is not None]
    zero_x = None
    xpos = vals
    if log_x:
        xpos, zero_x = _log_positions(vals, extra)

    def place(v: float) -> float:
        return zero_x if (log_x and v == 0) else float(v)

    x_name = x_title or L["hyperparameter"]
    fig = go.Figure()
    for name, y, color in (("train_error", tr, TRAIN_COLOR), ("dev_error", dv, DEV_COLOR)):
        fig.add_trace(go.Scatter(
            x=xpos, y=y, customdata=vals, mode="lines+markers", name=L[name], meta={"column": name},
            line={"color": color, "width": 2}, marker={"size": 7},
            hovertemplate=f"{x_name} = %{{customdata:.4g}}<br>{L[name]} = %{{y:.1%}}<extra></extra>",
        ))
    if best is not None and len(vals):
        idx = int(np.argmin(np.abs(vals - best)))
        fig.add_trace(go.Scatter(
            x=[xpos[idx]], y=[dv[idx]], customdata=[vals[idx]], mode="markers", name=L["best"],
            meta={"role": "best"},
            marker={"symbol": "star", "size": 18, "color": PALETTE[6],
                    "line": {"color": "#000000", "width": 1}},
            hovertemplate=f"{L['best']}: {x_name} = %{{customdata:.4g}}<br>%{{y:.1%}}<extra></extra>",
        ))
    if current is not None:
        xc = place(current)
        fig.add_shape(type="line", xref="x", yref="y domain", x0=xc, x1=xc, y0=0, y1=1,
                      line={"color": MARK_COLOR, "dash": "dash", "width": 1.5})
        fig.add_annotation(x=np.log10(xc) if log_x else xc, xref="x", yref="y domain", y=1.0,
                           yanchor="bottom", showarrow=False, text=L["current"],
                           font={"size": 11, "color": MARK_COLOR})
    if log_x:
        ticks = np.unique(np.concatenate([xpos, [place(v) for v in extra]]))
        if ticks.size <= 12:
            tickvals = ticks
        else:
            pos = ticks[ticks > 0] if zero_x is None else ticks[ticks > zero_x]
            decades = 10.0 ** np.arange(np.floor(np.log10(pos.min())), np.ceil(np.log10(pos.max())) + 1)
            tickvals = np.concatenate([[zero_x] if zero_x is not None else [], decades])
        ticktext = [L["zero_tick"] if zero_x is not None and t == zero_x else f"{t:g}" for t in tickvals]
        fig.update_xaxes(type="log", tickmode="array", tickvals=list(tickvals), ticktext=ticktext)
    fig.update_xaxes(title_text=x_name)
    fig.update_yaxes(title_text=L["error_axis"], tickformat=".0%", rangemode="tozero")
    return _style(fig, title or L["validation_title"], 380)


# --------------------------------------------------------------------------- distributions, A/B


def histogram_figure(
    series: Mapping[str, np.ndarray],
    labels: Mapping[str, str] | None = None,
    bins: int = 60,
    title: str | None = None,
    x_title: str | None = None,
    log_y: bool = False,
) -> go.Figure:
    """Overlaid, semi-transparent histograms on shared bin edges — §1.4 L1 vs L2 weights,
    §1.10 activation distributions.

    Binned here with NumPy, so the JSON holds ``bins`` bars per series, not the raw values:
    each trace is a Bar with ``x`` = bin centres, ``y`` = counts, ``width`` = bin widths.
    Non-finite values are dropped and counted in a note (labels["non_finite_omitted"]).
    """
    L = _labels(labels)
    data = {str(k): np.asarray(v, dtype=float).ravel() for k, v in series.items()}
    finite = {k: v[np.isfinite(v)] for k, v in data.items()}
    n_bad = sum(v.size - finite[k].size for k, v in data.items())
    pooled = np.concatenate(list(finite.values())) if finite else np.array([])
    fig = go.Figure()
    if pooled.size:
        edges = np.histogram_bin_edges(pooled, bins=bins)
        centres, widths = (edges[:-1] + edges[1:]) / 2, np.diff(edges)
        for i, (name, v) in enumerate(finite.items()):
            counts, _ = np.histogram(v, bins=edges)
            fig.add_trace(go.Bar(
                x=centres, y=counts, width=widths, name=name, meta={"series": name, "n": int(v.size)},
                marker={"color": _series_color(i, len(finite)), "line": {"width": 0}}, opacity=0.55,
                hovertemplate=f"%{{x:.3g}}<br>{L['count']} = %{{y}}<extra>{name}</extra>",
            ))
    if n_bad:
        fig.add_annotation(text=L["non_finite_omitted"].format(n=n_bad), xref="paper", yref="paper",
                           x=1.0, y=1.0, xanchor="right", yanchor="bottom", showarrow=False,
                           font={"size": 11, "color": DEV_COLOR})
    fig.update_layout(barmode="overlay", bargap=0)
    fig.update_xaxes(title_text=x_title or L["value"])
    fig.update_yaxes(title_text=L["count"], type="log" if log_y else "linear")
    return _style(fig, title, 360)


def ab_compare_bars(
    a: Mapping[str, float],
    b: Mapping[str, float],
    labels: Mapping[str, str] | None = None,
    keys: Sequence[str] | None = None,
    name_a: str | None = None,
    name_b: str | None = None,
    title: str | None = None,
) -> go.Figure:
    """Grouped bars of train and dev error for configuration A and B (§1.1 comparing models).

    ``a``/``b`` map metric keys (e.g. "train_error", "dev_error") to error fractions; the
    categories are ``keys`` (default: the keys of ``a`` then new keys of ``b``), shown as
    labels[key] (or the key itself). Missing values are NaN (no bar).
    """
    L = _labels(labels)
    if keys is None:
        keys = list(dict.fromkeys([*a.keys(), *b.keys()]))
    cats = [L.get(k, k) for k in keys]
    fig = go.Figure()
    for cfg, name, color in ((a, name_a or L["config_a"], SERIES_COLORS[0]),
                             (b, name_b or L["config_b"], SERIES_COLORS[1])):
        y = _finite_or_nan([cfg.get(k, np.nan) for k in keys])
        fig.add_trace(go.Bar(x=cats, y=y, name=name, marker_color=color, texttemplate="%{y:.1%}",
                             textposition="outside", cliponaxis=False,
                             hovertemplate=f"{name}<br>%{{x}} = %{{y:.2%}}<extra></extra>"))
    fig.update_layout(barmode="group")
    fig.update_yaxes(title_text=L["error_axis"], tickformat=".0%", rangemode="tozero")
    return _style(fig, title or L["ab_title"], 360)
