"""Figures and figure data of §1.5 why regularization reduces overfitting (pure: no Streamlit).

tanh(z) ≈ z for small |z|: the share of pre-activations z[l] = W[l]a[l−1] + b[l] in that nearly
linear zone, the distribution of z over the tanh curve, and how long (how wiggly) the decision
boundary is, for the λ grid of a batched sweep.
"""

from __future__ import annotations

from collections import ChainMap
from collections.abc import Mapping, Sequence

import numpy as np
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from core.network import forward_propagation
from ui import charts
from ui.charts import CLASS_COLORS, LEGEND_BELOW, MARK_COLOR, PROBABILITY_COLORSCALE, SERIES_COLORS

DEFAULT_LABELS = {
    "z_title": "Pre-activations z over the tanh curve",
    "z_layer": "hidden layer {l}: {share:.0%} with |z| < {threshold:g}",
    "z_axis": "z",
    "z_share_axis": "share of z values",
    "tanh": "tanh(z)",
    "linear": "z (the straight line)",
    "z_hist": "z[{l}] over units × examples",
    "clipped": "{n} values beyond ±{r:g}:<br>in the end bins",
    "share_title": "Share of z in the near-linear zone |z| < {threshold:g}",
    "share_axis": "share of z values",
    "share_series": "hidden layer {l}",
    "length_title": "Length of the decision boundary",
    "length_axis": "boundary length (in units of x)",
    "length_series": "boundary length",
    "lambda_axis": "λ",
    "current": "current",
    "zero_tick": "0",
    "boundaries_title": "Decision boundaries as λ grows",
    "panel": "λ = {value}",
}


def _labels(labels: Mapping[str, str] | None) -> ChainMap:
    return ChainMap(dict(labels or {}), DEFAULT_LABELS)


def _style(fig: go.Figure, title: str, height: int = 380) -> go.Figure:
    fig.update_layout(
        template=charts.TEMPLATE,
        title={"text": title, "x": 0.02, "xanchor": "left"},
        height=height,
        margin={"l": 55, "r": 20, "t": 70, "b": 45},
        legend=dict(LEGEND_BELOW),
    )
    return fig


# --------------------------------------------------------------------------- figure data


def pre_activations(params: Mapping[str, np.ndarray], X: np.ndarray, act: str = "tanh") -> list[np.ndarray]:
    """z[l] = W[l]a[l−1] + b[l] of every hidden layer l = 1 … L−1 (shape (n[l], m)), no dropout (§1.5)."""
    with np.errstate(all="ignore"):
        _, caches = forward_propagation(X, params, act)
    return [cache[2] for cache in caches[:-1]]


def linear_share(z: np.ndarray, threshold: float) -> float:
    """Share of the values of z with |z| < threshold (where tanh(z) ≈ z); non-finite values are outside."""
    z = np.asarray(z, dtype=float)
    return float(np.mean(np.abs(z) < threshold)) if z.size else 0.0


def linear_shares(
    params_list: Sequence[Mapping[str, np.ndarray]], X: np.ndarray, threshold: float, act: str = "tanh"
) -> np.ndarray:
    """(K, L−1): for each model, the near-linear share of every hidden layer's z on the examples X."""
    return np.array([[linear_share(z, threshold) for z in pre_activations(p, X, act)] for p in params_list])


def boundary_length(params: Mapping[str, np.ndarray], act: str, xs: np.ndarray, ys: np.ndarray) -> float:
    """Approximate length of the ŷ = 0.5 boundary on the grid xs × ys: neighbouring cells whose predicted
    class differs, each counted with the cell's side (a wiggly boundary with islands is long)."""
    P = charts.probability_grid(params, act, xs, ys)
    labels = np.where(np.isfinite(P), P > 0.5, False)
    dx, dy = float(xs[1] - xs[0]), float(ys[1] - ys[0])
    across_x = np.count_nonzero(labels[:, 1:] != labels[:, :-1]) * dy
    across_y = np.count_nonzero(labels[1:, :] != labels[:-1, :]) * dx
    return float(across_x + across_y)


def boundary_lengths(params_list, act: str, points: Sequence[np.ndarray], resolution: int = 60) -> np.ndarray:
    """``boundary_length`` of each model on one grid covering ``points`` (the train and dev sets)."""
    xs, ys, _ = charts.decision_grid(list(points), resolution)
    return np.array([boundary_length(p, act, xs, ys) for p in params_list])


# --------------------------------------------------------------------------- figures


def _step_histogram(edges: np.ndarray, shares: np.ndarray, name: str, share_axis: str) -> dict:
    """A histogram as one filled step outline: bin k spans edges[k]..edges[k+1] at height shares[k]
    (the last share repeated to close the last bin). It looks like touching bars, and plotly.js
    draws one path instead of a path per bin (~9 ms less per redraw of the §1.5 figure)."""
    centers = (edges[:-1] + edges[1:]) / 2
    return {
        "type": "scatter",
        "mode": "lines",
        "x": edges,
        "y": np.append(shares, shares[-1:]),
        "customdata": np.append(centers, centers[-1:]),
        "line": {"shape": "hv", "width": 0, "color": SERIES_COLORS[0]},
        "fill": "tozeroy",
        "fillcolor": SERIES_COLORS[0],
        "opacity": 0.6,
        "name": name,
        "showlegend": False,
        "hovertemplate": f"z ≈ %{{customdata:.2f}}<br>{share_axis} = %{{y:.1%}}<extra></extra>",
    }


def z_over_tanh_figure(
    z_by_layer: Sequence[np.ndarray],
    threshold: float,
    labels: Mapping[str, str] | None = None,
    bins: int = 60,
) -> go.Figure:
    """§1.5 one panel per hidden layer: the histogram of z (share per bin) under the tanh curve, with the
    straight line z and the near-linear zone |z| < threshold shaded. Values beyond ±r (r = max(3, the 99th
    percentile of |z|)) go to the end bins, with a note.

    Panel l draws on axes x{l}, y{2l−1} (shares) and y{2l} (tanh, on the right); the layout is
    written in one piece (``charts.subplot_row``): a slider move redraws this figure.
    """
    L = _labels(labels)
    finite = [np.asarray(z, dtype=float).ravel() for z in z_by_layer]
    finite = [z[np.isfinite(z)] for z in finite]
    n = max(len(finite), 1)
    panels = charts.subplot_row(n, secondary_y=True)
    layout: dict = {"annotations": [], "shapes": []}
    traces, notes = [], []
    for l, z in enumerate(finite, start=1):
        panel = panels[l - 1]
        x_axis, y_axis, y2_axis = panel["axes"].values()
        xref, yref, y2ref = panel["x"], panel["y"], panel["y2"]
        r = float(max(3.0, np.quantile(np.abs(z), 0.99))) if z.size else 3.0
        edges = np.linspace(-r, r, bins + 1)
        counts, _ = np.histogram(np.clip(z, -r, r), bins=edges)
        grid = np.linspace(-r, r, 241)
        near = grid[np.abs(grid) <= 1.2]
        traces += [  # trace dicts: the figure validates them once
            _step_histogram(edges, counts / max(z.size, 1), L["z_hist"].format(l=l), L["z_share_axis"])
            | {"meta": {"role": "z_hist", "layer": l}, "xaxis": xref, "yaxis": yref},
            {
                "type": "scatter", "x": grid, "y": np.tanh(grid), "mode": "lines", "name": L["tanh"],
                "meta": {"role": "tanh", "layer": l}, "line": {"color": SERIES_COLORS[1], "width": 2.5},
                "showlegend": l == 1, "hoverinfo": "skip", "xaxis": xref, "yaxis": y2ref,
            },
            {
                "type": "scatter", "x": near, "y": near, "mode": "lines", "name": L["linear"],
                "meta": {"role": "linear", "layer": l},
                "line": {"color": MARK_COLOR, "width": 1.5, "dash": "dash"}, "showlegend": l == 1,
                "hoverinfo": "skip", "xaxis": xref, "yaxis": y2ref,
            },
        ]
        title = L["z_layer"].format(l=l, share=linear_share(z, threshold), threshold=threshold)
        layout["annotations"].append({**panel["title"], "text": title})
        layout["shapes"].append(
            {
                "fillcolor": SERIES_COLORS[2], "line": {"width": 0}, "opacity": 0.15, "type": "rect",
                "x0": -threshold, "x1": threshold, "xref": xref, "y0": 0, "y1": 1, "yref": f"{yref} domain",
            }
        )
        clipped = int(np.count_nonzero(np.abs(z) > r))
        if clipped:  # in headroom above the bars, top left, where tanh ≈ −1 leaves room
            y_axis["range"] = [0.0, 1.3 * float(counts.max()) / max(z.size, 1)]
            notes.append(
                {
                    "text": L["clipped"].format(n=clipped, r=round(r, 1)), "xref": f"{xref} domain",
                    "yref": f"{yref} domain", "x": 0.02, "y": 0.98, "xanchor": "left", "yanchor": "top",
                    "align": "left", "showarrow": False, "font": {"size": 11, "color": MARK_COLOR},
                }
            )
        x_axis.update(title={"text": L["z_axis"]}, range=[-r, r])
        y_axis.update(title={"text": L["z_share_axis"]}, tickformat=".0%")
        y2_axis.update(range=[-1.15, 1.15], tickmode="array", tickvals=[-1, -0.5, 0, 0.5, 1], showgrid=False)
        if l == n:
            y2_axis["title"] = {"text": L["tanh"]}
    for panel in panels:
        layout.update(panel["axes"])
    layout["annotations"] += notes  # after the panel titles
    return _style(go.Figure(traces, layout), L["z_title"], 400)


def _x_positions(values: np.ndarray) -> tuple[np.ndarray, float | None]:
    """Values on a log axis; 0 goes 3× left of the smallest positive value (or to 1 if none is positive)."""
    pos = values[values > 0]
    if not (values == 0).any():
        return values.astype(float), None
    zero_x = float(pos.min() / 3) if pos.size else 1.0
    return np.where(values == 0, zero_x, values).astype(float), zero_x


def over_lambda_figure(
    lambdas: Sequence[float],
    series: Mapping[str, Sequence[float]],
    current: float | None,
    title: str,
    y_title: str,
    percent: bool = False,
    labels: Mapping[str, str] | None = None,
) -> go.Figure:
    """Lines against λ on a log axis (λ = 0 left of the smallest positive λ, tick "0"); current λ dashed."""
    L = _labels(labels)
    vals = np.asarray(lambdas, dtype=float)
    order = np.argsort(vals, kind="stable")
    vals = vals[order]
    x, zero_x = _x_positions(vals)
    fig = go.Figure()
    for i, (name, y) in enumerate(series.items()):
        y = np.asarray(y, dtype=float)[order]
        fig.add_trace(
            go.Scatter(
                x=x,
                y=y,
                customdata=vals,
                mode="lines+markers",
                name=name,
                meta={"series": name},
                line={"color": SERIES_COLORS[i % len(SERIES_COLORS)], "width": 2},
                marker={"size": 6},
                hovertemplate=f"{L['lambda_axis']} = %{{customdata:.4g}}<br>{name} = "
                + ("%{y:.1%}" if percent else "%{y:.3g}")
                + "<extra></extra>",
            )
        )
    if current is not None:
        xc = zero_x if (current == 0 and zero_x is not None) else float(current)
        fig.add_shape(
            type="line",
            xref="x",
            yref="y domain",
            x0=xc,
            x1=xc,
            y0=0,
            y1=1,
            line={"color": MARK_COLOR, "dash": "dash", "width": 1.5},
        )
        fig.add_annotation(
            x=np.log10(xc),
            xref="x",
            yref="y domain",
            y=1.0,
            yanchor="bottom",
            showarrow=False,
            text=L["current"],
            font={"size": 11, "color": MARK_COLOR},
        )
    decades = 10.0 ** np.arange(np.floor(np.log10(x.min())), np.ceil(np.log10(x.max())) + 1)
    ticks = sorted(set(decades[(decades >= x.min() * 0.999) & (decades <= x.max() * 1.001)]))
    ticktext = [f"{v:g}" for v in ticks]
    if zero_x is not None:
        ticks, ticktext = [zero_x, *ticks], [L["zero_tick"], *ticktext]
    fig.update_xaxes(
        type="log", tickmode="array", tickvals=ticks, ticktext=ticktext, title_text=L["lambda_axis"]
    )
    fig.update_yaxes(title_text=y_title, rangemode="tozero", tickformat=".0%" if percent else None)
    return _style(fig, title)


def boundaries_figure(
    params_list: Sequence[Mapping[str, np.ndarray]],
    lambdas: Sequence[float],
    act: str,
    X: np.ndarray,
    Y: np.ndarray,
    labels: Mapping[str, str] | None = None,
    resolution: int = 40,
    cols: int = 3,
    panel_names: Sequence[str] | None = None,
) -> go.Figure:
    """§1.5 small multiples: P(y=1|x) and the ŷ = 0.5 boundary for each λ, training points on top."""
    L = _labels(labels)
    n = len(params_list)
    rows = int(np.ceil(n / cols))
    names = panel_names or [L["panel"].format(value=f"{v:g}") for v in lambdas]
    fig = make_subplots(
        rows=rows, cols=cols, subplot_titles=names, horizontal_spacing=0.04, vertical_spacing=0.1
    )
    xs, ys, _ = charts.decision_grid([X], resolution)
    is1 = np.asarray(Y).ravel() > 0.5
    for i, params in enumerate(params_list):
        r, c = i // cols + 1, i % cols + 1
        z = np.round(charts.probability_grid(params, act, xs, ys), 3)
        fig.add_trace(
            go.Heatmap(
                x=xs,
                y=ys,
                z=z,
                zmin=0,
                zmax=1,
                zsmooth="fast",  # the browser scales the grid smoothly (cheap)
                colorscale=PROBABILITY_COLORSCALE,
                showscale=False,
                opacity=0.65,
                meta={"role": "probability", "panel": i},
                hoverinfo="skip",
            ),
            row=r,
            col=c,
        )
        fig.add_trace(
            go.Contour(
                x=xs,
                y=ys,
                z=z,
                contours={"start": 0.5, "end": 0.5, "size": 1, "coloring": "none"},
                line={"color": "#222222", "width": 1.5},
                showscale=False,
                showlegend=False,
                hoverinfo="skip",
                meta={"role": "boundary", "panel": i},
            ),
            row=r,
            col=c,
        )
        for cls, mask in ((0, ~is1), (1, is1)):
            fig.add_trace(
                go.Scatter(
                    x=X[0, mask],
                    y=X[1, mask],
                    mode="markers",
                    showlegend=False,
                    hoverinfo="skip",
                    marker={"size": 4, "color": CLASS_COLORS[cls], "line": {"color": "white", "width": 0.5}},
                    meta={"role": "train", "class": cls, "panel": i},
                ),
                row=r,
                col=c,
            )
        fig.update_xaxes(
            range=[xs[0], xs[-1]], showticklabels=False, showgrid=False, zeroline=False, row=r, col=c
        )
        fig.update_yaxes(
            range=[ys[0], ys[-1]], showticklabels=False, showgrid=False, zeroline=False, row=r, col=c
        )
    return _style(fig, L["boundaries_title"], 300 * rows + 60)
