"""Figures of the §1.9 normalizing-inputs page (pure Plotly; every label comes in through ``labels``)."""

from __future__ import annotations

from collections import ChainMap
from collections.abc import Mapping, Sequence

import numpy as np
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from ui.charts import (
    CLASS_COLORS,
    COLORBAR_MARGIN,
    DEV_COLOR,
    MARK_COLOR,
    SERIES_COLORS,
    TRAIN_COLOR,
    base_layout,
)

DEFAULT_LABELS = {
    "class_0": "class 0",
    "class_1": "class 1",
    "x1": "x₁",
    "x2": "x₂",
    "data_title": "The training set before and after normalization",
    "raw": "raw inputs",
    "normalized": "normalized inputs",
    "mean": "mean μ",
    "spread": "μ ± σ",
    "w1": "w₁",
    "w2": "w₂",
    "contour_title": "Cost J(w₁, w₂) and the gradient-descent path",
    "gap": "J − J*",
    "path": "gradient descent",
    "start": "start w = 0",
    "minimum": "minimum w*",
    "off_picture": "the path leaves the picture: gradient descent is diverging",
    "magnified": "w₁ axis magnified ×{factor}",
    "curves_title": "Cost J per iteration",
    "iteration": "iteration",
    "cost": "cost J",
    "target": "target J* + δ",
    "run": "your run",
    "best_run": "{case}, best α = {alpha}",
    "sweep_title": "J after {n} iterations, for every learning rate",
    "alpha": "learning rate α",
    "stable": "largest stable α ({case})",
    "current": "your α",
    "pitfall_title": "Dev batch in the normalized space",
    "train": "train",
    "dev": "dev",
    "misclassified": "misclassified",
    "boundary": "decision boundary",
}


def _labels(labels: Mapping[str, str] | None) -> ChainMap:
    return ChainMap(dict(labels or {}), DEFAULT_LABELS)


def _style(fig: go.Figure, title: str, height: int = 400) -> go.Figure:
    return fig.update_layout(**base_layout(title, height, {"l": 60, "r": 20, "t": 60, "b": 45}))


def _fmt(value: float) -> str:
    return f"{value:.3g}"


def _class_traces(
    X,
    Y,
    L,
    name: str | None = None,
    size: int = 6,
    symbol: str = "circle",
    opacity=0.8,
    showlegend: bool = True,
    group: str = "",
) -> list[go.Scatter]:
    is1 = np.asarray(Y).ravel() > 0.5
    traces = []
    for c, mask in ((0, ~is1), (1, is1)):
        label = L[f"class_{c}"] if name is None else f"{name} · {L[f'class_{c}']}"
        traces.append(
            go.Scatter(
                x=X[0, mask],
                y=X[1, mask],
                mode="markers",
                name=label,
                legendgroup=f"{group}{c}",
                showlegend=showlegend,
                meta={"role": group or "points", "class": c},
                marker={
                    "color": CLASS_COLORS[c],
                    "size": size,
                    "symbol": symbol,
                    "line": {"color": "white", "width": 0.5},
                }
                | ({} if opacity == 1.0 else {"opacity": opacity}),  # none is cheaper than 1: ui.charts
                hovertemplate="(%{x:.3g}, %{y:.3g})<extra>" + label + "</extra>",
            )
        )
    return traces


def data_figure(
    X_raw: np.ndarray, X_norm: np.ndarray, Y: np.ndarray, labels: Mapping[str, str] | None = None
) -> go.Figure:
    """§1.9 the training set in raw units (left) and normalized, zero mean and unit variance (right).

    Each panel marks the mean μ and the box μ ± σ of its own inputs.
    """
    L = _labels(labels)
    fig = make_subplots(rows=1, cols=2, subplot_titles=(L["raw"], L["normalized"]), horizontal_spacing=0.1)
    for col, X in ((1, X_raw), (2, X_norm)):
        for trace in _class_traces(X, Y, L, showlegend=col == 1):
            fig.add_trace(trace, row=1, col=col)
        mu, sd = X.mean(axis=1), X.std(axis=1)
        fig.add_trace(
            go.Scatter(
                x=[mu[0]],
                y=[mu[1]],
                mode="markers",
                name=L["mean"],
                showlegend=col == 1,
                legendgroup="mu",
                marker={"symbol": "x", "size": 12, "color": "#000000"},
                meta={"role": "mean", "panel": col},
                hovertemplate=f"{L['mean']}: (%{{x:.3g}}, %{{y:.3g}})<extra></extra>",
            ),
            row=1,
            col=col,
        )
        fig.add_trace(
            go.Scatter(
                x=[mu[0] - sd[0], mu[0] + sd[0], mu[0] + sd[0], mu[0] - sd[0], mu[0] - sd[0]],
                y=[mu[1] - sd[1], mu[1] - sd[1], mu[1] + sd[1], mu[1] + sd[1], mu[1] - sd[1]],
                mode="lines",
                name=L["spread"],
                showlegend=col == 1,
                legendgroup="sd",
                hoverinfo="skip",
                line={"color": "#000000", "dash": "dash", "width": 1.5},
                meta={"role": "spread", "panel": col},
            ),
            row=1,
            col=col,
        )
        fig.update_xaxes(title_text=L["x1"], row=1, col=col)
        fig.update_yaxes(title_text=L["x2"], row=1, col=col)
    return _style(fig, L["data_title"], 420)


def contour_path_figure(
    w1s: np.ndarray,
    w2s: np.ndarray,
    J: np.ndarray,
    J_star: float,
    path: np.ndarray,
    w_star: np.ndarray,
    labels: Mapping[str, str] | None = None,
    title: str | None = None,
    magnify: float = 1.0,
) -> go.Figure:
    """§1.9 contours of J(w1, w2) (grid ``J`` of shape (len(w2s), len(w1s))) with the descent path.

    Filled bands and lines follow log10(J − J*), so the narrow valley and the round bowl are drawn
    with the same levels (bands, not a smoothed heatmap: half the drawing time in the browser); the
    colour bar is labelled in J − J*. Both axes use the same scale (one unit
    of w1 is as long as one unit of w2): that is the geometry a gradient step sees — unless
    ``magnify`` > 1, which draws a unit of w1 that many times longer (said in the default title).
    ``path`` is (n+1, 2); points outside the box are clipped and noted.
    """
    L = _labels(labels)
    gap = np.log10(np.maximum(np.asarray(J, dtype=float) - J_star, 0.0) + 1e-4)
    top = float(np.nanmax(gap)) if np.isfinite(gap).any() else 1.0
    ticks = [v for v in (0.001, 0.01, 0.1, 1, 10, 100, 1000, 1e4, 1e5) if np.log10(v) <= top + 0.5]
    fig = go.Figure(
        go.Contour(
            x=w1s,
            y=w2s,
            z=gap.astype(np.float32),
            name=L["gap"],
            meta={"role": "cost"},
            contours={"start": -3.0, "end": max(top, -2.0), "size": 0.25, "coloring": "fill"},
            colorscale="Blues",
            reversescale=True,
            line={"width": 0.6, "color": "rgba(40,40,40,0.5)"},
            colorbar={
                "title": {"text": L["gap"], "side": "right"},
                "tickvals": np.log10(ticks),
                "ticktext": [f"{v:g}" for v in ticks],
                "thickness": 12,
                "len": 0.8,
                "x": 1.0,  # a fixed width right of the plot, reserved below (laid out once)
                "xanchor": "left",
            },
            hovertemplate=f"{L['w1']}=%{{x:.4g}}<br>{L['w2']}=%{{y:.4g}}<extra></extra>",
        )
    )
    path = np.asarray(path, dtype=float)
    fig.add_trace(
        go.Scatter(
            x=path[:, 0],
            y=path[:, 1],
            mode="lines+markers",
            name=L["path"],
            meta={"role": "path"},
            line={"color": DEV_COLOR, "width": 2},
            marker={"size": 4, "color": DEV_COLOR},
            hovertemplate=f"{L['iteration']} %{{pointNumber}}<br>{L['w1']}=%{{x:.4g}}<br>"
            f"{L['w2']}=%{{y:.4g}}<extra></extra>",
        )
    )
    fig.add_trace(
        go.Scatter(
            x=[path[0, 0]],
            y=[path[0, 1]],
            mode="markers",
            name=L["start"],
            meta={"role": "start"},
            marker={"symbol": "circle", "size": 11, "color": "#000000"},
        )
    )
    fig.add_trace(
        go.Scatter(
            x=[w_star[0]],
            y=[w_star[1]],
            mode="markers",
            name=L["minimum"],
            meta={"role": "minimum"},
            marker={
                "symbol": "star",
                "size": 16,
                "color": "#F0E442",
                "line": {"color": "#000000", "width": 1},
            },
        )
    )
    box = (w1s[0], w1s[-1], w2s[0], w2s[-1])
    inside = (path[:, 0] >= box[0]) & (path[:, 0] <= box[1]) & (path[:, 1] >= box[2]) & (path[:, 1] <= box[3])
    if not inside.all():
        fig.add_annotation(
            text=L["off_picture"],
            xref="paper",
            yref="paper",
            x=0.5,
            y=1.0,
            yanchor="bottom",
            showarrow=False,
            font={"color": DEV_COLOR, "size": 12},
        )
    fig.update_xaxes(range=[box[0], box[1]], title_text=L["w1"], constrain="domain", showgrid=False)
    fig.update_yaxes(
        range=[box[2], box[3]],
        title_text=L["w2"],
        constrain="domain",
        showgrid=False,
        scaleanchor="x",
        scaleratio=1.0 / magnify,
    )
    if title is None:
        title = L["contour_title"] + (
            "" if magnify == 1.0 else f" — {L['magnified'].format(factor=f'{magnify:g}')}"
        )
    return _style(fig, title, 520).update_layout(margin={"r": COLORBAR_MARGIN})


def cost_curves_figure(
    curves: Sequence[tuple[str, np.ndarray]],
    target: float | None = None,
    labels: Mapping[str, str] | None = None,
) -> go.Figure:
    """J per iteration (log axis) for a few runs ``(name, costs)``; the target as a dashed line."""
    L = _labels(labels)
    fig = go.Figure()
    for i, (name, costs) in enumerate(curves):
        y = np.asarray(costs, dtype=float)
        fig.add_trace(
            go.Scatter(
                x=np.arange(len(y)),
                y=np.where(np.isfinite(y), y, np.nan),
                mode="lines",
                name=name,
                meta={"series": name},
                line={"color": SERIES_COLORS[i % len(SERIES_COLORS)], "width": 2.5 - 0.5 * i},
                hovertemplate=f"{L['iteration']} %{{x}}<br>J = %{{y:.4g}}<extra>{name}</extra>",
            )
        )
    if target is not None:
        fig.add_hline(
            y=target,
            line={"color": MARK_COLOR, "dash": "dash", "width": 1.5},
            annotation_text=L["target"],
            annotation_position="top right",
        )
    fig.update_xaxes(title_text=L["iteration"])
    fig.update_yaxes(title_text=L["cost"], type="log", exponentformat="power")
    return _style(fig, L["curves_title"], 380)


def rate_sweep_figure(
    sweeps: Sequence[tuple[str, np.ndarray, np.ndarray, float]],
    current: float,
    num_iterations: int,
    labels: Mapping[str, str] | None = None,
) -> go.Figure:
    """J after n iterations against α on log–log axes, one line per case ``(name, alphas, J, stable α)``.

    A dashed vertical line marks each case's largest stable α; a grey one the learner's α. The
    bottom of each curve is the best that n iterations can do; right of the dashed line J blows up.
    """
    L = _labels(labels)
    fig = go.Figure()
    for i, (name, alphas, final, stable) in enumerate(sweeps):
        color = (TRAIN_COLOR, DEV_COLOR)[i % 2]
        fig.add_trace(
            go.Scatter(
                x=alphas,
                y=np.where(np.isfinite(final), final, np.nan),
                mode="lines+markers",
                name=name,
                meta={"series": name},
                line={"color": color, "width": 2},
                marker={"size": 6},
                hovertemplate=f"α = %{{x:.3g}}<br>J = %{{y:.4g}}<extra>{name}</extra>",
            )
        )
        fig.add_vline(x=stable, line={"color": color, "dash": "dash", "width": 1.5})
        fig.add_annotation(
            x=np.log10(stable),
            y=1.0,
            xref="x",
            yref="paper",
            yanchor="bottom",
            text=L["stable"].format(case=name) + f": {_fmt(stable)}",
            showarrow=False,
            font={"size": 11, "color": color},
            yshift=4 + 14 * i,
        )
    fig.add_vline(x=current, line={"color": MARK_COLOR, "dash": "dot", "width": 2})
    fig.add_annotation(
        x=np.log10(current),
        y=0.0,
        xref="x",
        yref="paper",
        yanchor="bottom",
        showarrow=False,
        text=L["current"],
        font={"size": 11, "color": MARK_COLOR},
    )
    fig.update_xaxes(title_text=L["alpha"], type="log", exponentformat="power")
    fig.update_yaxes(title_text=L["cost"], type="log", exponentformat="power")
    fig = _style(fig, L["sweep_title"].format(n=num_iterations), 420)
    fig.update_layout(margin={"l": 60, "r": 20, "t": 90, "b": 45})
    return fig


def pitfall_figure(
    X_train: np.ndarray,
    Y_train: np.ndarray,
    X_dev: np.ndarray,
    Y_dev: np.ndarray,
    w: np.ndarray,
    labels: Mapping[str, str] | None = None,
    title: str | None = None,
) -> go.Figure:
    """§1.9 pitfall: training points (faint) and a dev batch in the normalized space, the boundary
    w·x = 0 of the classifier fitted on the training set, and the dev points it gets wrong."""
    L = _labels(labels)
    fig = go.Figure()
    fig.add_traces(_class_traces(X_train, Y_train, L, name=L["train"], size=5, opacity=0.25, group="train"))
    fig.add_traces(
        _class_traces(X_dev, Y_dev, L, name=L["dev"], size=10, symbol="diamond", opacity=1.0, group="dev")
    )
    wrong = ((w @ X_dev) > 0) != (np.asarray(Y_dev).ravel() > 0.5)
    fig.add_trace(
        go.Scatter(
            x=X_dev[0, wrong],
            y=X_dev[1, wrong],
            mode="markers",
            name=L["misclassified"],
            meta={"role": "misclassified"},
            hoverinfo="skip",
            marker={"symbol": "x-thin", "size": 14, "line": {"color": "#000000", "width": 2}},
        )
    )
    pts = np.hstack([X_train, X_dev])
    lo, hi = pts.min(axis=1) - 0.3, pts.max(axis=1) + 0.3
    if abs(w[1]) > 1e-12:
        xs = np.array([lo[0], hi[0]])
        ys = -w[0] * xs / w[1]
    else:
        xs, ys = np.zeros(2), np.array([lo[1], hi[1]])
    fig.add_trace(
        go.Scatter(
            x=xs,
            y=ys,
            mode="lines",
            name=L["boundary"],
            meta={"role": "boundary"},
            line={"color": "#222222", "width": 2},
            hoverinfo="skip",
        )
    )
    fig.update_xaxes(range=[lo[0], hi[0]], title_text=L["x1"], constrain="domain")
    fig.update_yaxes(
        range=[lo[1], hi[1]], title_text=L["x2"], scaleanchor="x", scaleratio=1.0, constrain="domain"
    )
    return _style(fig, title or L["pitfall_title"], 460)
