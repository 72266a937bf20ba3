"""Figures of the §1.2 bias and variance page (pure Plotly; every label comes in through ``labels``)."""

from __future__ import annotations

from collections import ChainMap
from collections.abc import Mapping

import plotly.graph_objects as go

from ui.charts import DEV_COLOR, MARK_COLOR, TEMPLATE, TRAIN_COLOR, decision_boundary_figure, hline

SHOWN_TRAIN = 1000  # training points drawn on the boundary (all are used for the errors)
SHOWN_DEV = 150  # dev points drawn on the boundary (a sample: the errors use all of them)
HIGH_COLOR, LOW_COLOR, OPTIMAL_COLOR = "#C0392B", "#1E8449", "#9E9E9E"

DEFAULT_LABELS = {
    "errors_title": "Train and dev error against the optimal error",
    "optimal": "optimal (Bayes)",
    "train": "train",
    "dev": "dev",
    "error_axis": "error rate",
    "bias_gap": "avoidable bias {value:+.1f} pts",
    "variance_gap": "variance {value:+.1f} pts",
    "high": "high",
    "low": "low",
    "interval_note": "bars: 95% interval of each measured error",
    "optimal_line": "optimal error {value:.0%}",
}


def experiment_boundary_figure(exp, labels: Mapping[str, str], title: str) -> go.Figure:
    """§1.2–1.3 the decision boundary of an experiment's run (``core.recipe.Experiment``), with at
    most SHOWN_TRAIN training and SHOWN_DEV dev points drawn."""
    result = exp.result
    return decision_boundary_figure(
        result.params,
        result.config.hidden_activation,
        exp.X_train[:, :SHOWN_TRAIN],
        exp.Y_train[:, :SHOWN_TRAIN],
        exp.X_dev[:, :SHOWN_DEV],
        exp.Y_dev[:, :SHOWN_DEV],
        labels=labels,
        title=title,
    )


def _labels(labels: Mapping[str, str] | None) -> ChainMap:
    return ChainMap(dict(labels or {}), DEFAULT_LABELS)


def _gap(fig: go.Figure, x: float, y0: float, y1: float, text: str, high: bool) -> None:
    """A vertical arrow from y0 to y1 at x with its label: red when the gap is high, green otherwise."""
    color = HIGH_COLOR if high else LOW_COLOR
    fig.add_annotation(
        x=x,
        y=y1,
        ax=x,
        ay=y0,
        xref="x",
        yref="y",
        axref="x",
        ayref="y",
        showarrow=True,
        arrowhead=2,
        arrowsize=1.2,
        arrowwidth=2.5,
        arrowcolor=color,
        text="",
    )
    fig.add_annotation(
        x=x,
        y=max(y0, y1),
        yshift=14,
        text=f"<b>{text}</b>",
        showarrow=False,
        font={"color": color, "size": 12},
        bgcolor="rgba(255,255,255,0.8)",
    )


def errors_figure(
    train_error: float,
    dev_error: float,
    optimal_error: float,
    high_bias: bool,
    high_variance: bool,
    intervals: Mapping[str, tuple[float, float]] | None = None,
    verdict: str = "",
    labels: Mapping[str, str] | None = None,
) -> go.Figure:
    """§1.2 bars of optimal, train and dev error; arrows for avoidable bias (optimal → train) and
    variance (train → dev), red when ``core.diagnosis`` calls them high.

    ``intervals`` maps "train"/"dev" to the (low, high) 95% interval of the measured error.
    The layout's ``meta`` carries the three errors and the verdict (for tests and exports).
    """
    L = _labels(labels)
    values = {"optimal": optimal_error, "train": train_error, "dev": dev_error}
    colors = {"optimal": OPTIMAL_COLOR, "train": TRAIN_COLOR, "dev": DEV_COLOR}
    fig = go.Figure()
    for i, (key, value) in enumerate(values.items()):
        error_y = None
        if intervals and key in intervals:
            low, high = intervals[key]
            error_y = {
                "type": "data",
                "symmetric": False,
                "array": [max(high - value, 0.0)],
                "arrayminus": [max(value - low, 0.0)],
                "color": "#333",
                "thickness": 1.5,
                "width": 8,
            }
        fig.add_trace(
            go.Bar(
                x=[i],
                y=[value],
                name=L[key],
                marker_color=colors[key],
                error_y=error_y,
                width=0.55,
                meta={"role": key},
                hovertemplate=f"{L[key]}: %{{y:.2%}}<extra></extra>",
                showlegend=False,
            )
        )
    bias, variance = train_error - optimal_error, dev_error - train_error
    _gap(fig, 0.5, optimal_error, train_error, L["bias_gap"].format(value=100 * bias), high_bias)
    _gap(fig, 1.5, train_error, dev_error, L["variance_gap"].format(value=100 * variance), high_variance)
    top = max(values.values())
    ticks = [f"{L[k]}<br><b>{v:.1%}</b>" for k, v in values.items()]
    fig.update_xaxes(tickmode="array", tickvals=[0, 1, 2], ticktext=ticks, range=[-0.5, 2.5])
    fig.update_yaxes(title_text=L["error_axis"], tickformat=".0%", range=[0, max(top * 1.3, 0.05)])
    if intervals:
        fig.add_annotation(
            text=L["interval_note"],
            xref="paper",
            yref="paper",
            x=1.0,
            y=1.0,
            xanchor="right",
            yanchor="bottom",
            showarrow=False,
            font={"size": 11, "color": MARK_COLOR},
        )
    fig.update_layout(
        template=TEMPLATE,
        title={"text": L["errors_title"], "x": 0.02, "xanchor": "left"},
        height=380,
        margin={"l": 55, "r": 20, "t": 60, "b": 40},
        bargap=0.3,
        meta={
            "train_error": train_error,
            "dev_error": dev_error,
            "optimal_error": optimal_error,
            "verdict": verdict,
        },
    )
    return fig


def add_optimal_line(
    fig: go.Figure,
    optimal_error: float,
    labels: Mapping[str, str] | None = None,
    row: int | None = None,
    col: int | None = None,
) -> go.Figure:
    """Draw the optimal (Bayes) error as a dashed horizontal line on an error chart (in place)."""
    L = _labels(labels)
    line = {"color": OPTIMAL_COLOR, "dash": "dash", "width": 2}
    text = L["optimal_line"].format(value=optimal_error)
    shape, label = hline(optimal_error, line, text, "top left", col=col or 1)  # one row of panels
    fig.add_shape(shape)
    fig.add_annotation(label)
    return fig
