"""Figures of the §1.3 basic recipe page (pure Plotly; every label comes in through ``labels``)."""

from __future__ import annotations

from collections import ChainMap
from collections.abc import Mapping, Sequence

import numpy as np
import plotly.graph_objects as go

from ui.charts import DEV_COLOR, MARK_COLOR, TEMPLATE, TRAIN_COLOR, base_layout, hline

ACTIVE_FILL, ACTIVE_LINE = "#FFF3CD", "#D55E00"
IDLE_FILL, IDLE_LINE, DONE_FILL = "#F4F6F8", "#9AA5B1", "#D4EDDA"
# Node centres and half sizes in a 10 × 10 box: question nodes on the left, remedies on the right.
NODES = {
    "start": (2.5, 9.3, 2.0, 0.45),
    "bias_q": (2.5, 7.3, 2.1, 0.75),
    "bias_fix": (7.5, 7.3, 2.1, 1.05),
    "variance_q": (2.5, 4.3, 2.1, 0.75),
    "variance_fix": (7.5, 4.3, 2.1, 0.9),
    "done": (2.5, 1.4, 2.1, 0.55),
}
ACTIVE_NODES = {
    "bias": ("bias_q", "bias_fix"),
    "variance": ("bias_q", "variance_q", "variance_fix"),
    "done": ("bias_q", "variance_q", "done"),
}

DEFAULT_LABELS = {
    "flow_title": "The basic recipe — where this run stands",
    "start": "Train a first network",
    "bias_q": "High bias?<br><i>(train error vs optimal)</i>",
    "variance_q": "High variance?<br><i>(dev error vs train)</i>",
    "done": "Done: low bias and low variance",
    "yes": "yes",
    "no": "no",
    "retrain": "retrain, check again",
    "beyond": "(not in this lab)",
    "next": "next",
    "trail_title": "The diagnosis, step by step",
    "step_axis": "step",
    "error_axis": "error rate",
    "train_error": "train error",
    "dev_error": "dev error",
    "optimal": "optimal error",
    "step.bigger_network": "Bigger network",
    "step.train_longer": "Train longer",
    "step.better_optimizer": "Better optimizer",
    "step.new_architecture": "Another architecture",
    "step.more_data": "More data",
    "step.regularization": "Regularization",
    "step.start": "start",
    "step.manual": "manual change",
}


def _labels(labels: Mapping[str, str] | None) -> ChainMap:
    return ChainMap(dict(labels or {}), DEFAULT_LABELS)


class _Drawing:
    """The flow chart's shapes and annotations, collected and then set on the layout in one go
    (plotly.py's ``add_annotation`` validates every annotation again on each call)."""

    def __init__(self) -> None:
        self.shapes: list[dict] = []
        self.annotations: list[dict] = []

    def add_shape(self, **shape) -> None:
        self.shapes.append(shape)

    def add_annotation(self, **annotation) -> None:
        self.annotations.append(annotation)


def _box(fig: _Drawing, node: str, text: str, active: bool, done: bool = False) -> None:
    x, y, w, h = NODES[node]
    fill = DONE_FILL if (done and active) else ACTIVE_FILL if active else IDLE_FILL
    fig.add_shape(
        type="rect",
        x0=x - w,
        x1=x + w,
        y0=y - h,
        y1=y + h,
        fillcolor=fill,
        layer="below",
        line={"color": ACTIVE_LINE if active else IDLE_LINE, "width": 3 if active else 1.5},
        name=node,
    )
    fig.add_annotation(x=x, y=y, text=text, showarrow=False, font={"size": 13}, align="center")


def _arrow(
    fig: _Drawing, start: tuple[float, float], end: tuple[float, float], active: bool, text: str = ""
) -> None:
    color = ACTIVE_LINE if active else IDLE_LINE
    fig.add_annotation(
        x=end[0],
        y=end[1],
        ax=start[0],
        ay=start[1],
        xref="x",
        yref="y",
        axref="x",
        ayref="y",
        showarrow=True,
        arrowhead=2,
        arrowsize=1.1,
        arrowwidth=3 if active else 1.5,
        arrowcolor=color,
        text="",
    )
    if text:
        fig.add_annotation(
            x=(start[0] + end[0]) / 2,
            y=(start[1] + end[1]) / 2,
            text=f"<b>{text}</b>",
            showarrow=False,
            font={"color": color, "size": 12},
            bgcolor="#FFFFFF",
            yshift=10 if start[1] == end[1] else 0,
            xshift=0 if start[1] == end[1] else 18,
        )


def _loop(
    fig: _Drawing, points: Sequence[tuple[float, float]], active: bool, text: str, yshift: int
) -> None:
    """An elbow line through ``points`` whose last segment is an arrow, labelled along that segment."""
    color = ACTIVE_LINE if active else IDLE_LINE
    path = "M " + " L ".join(f"{x},{y}" for x, y in points[:-1])
    fig.add_shape(type="path", path=path, line={"color": color, "width": 3 if active else 1.5})
    (x0, y0), (x1, y1) = points[-2], points[-1]
    fig.add_annotation(
        x=x1,
        y=y1,
        ax=x0,
        ay=y0,
        xref="x",
        yref="y",
        axref="x",
        ayref="y",
        showarrow=True,
        arrowhead=2,
        arrowsize=1.1,
        arrowwidth=3 if active else 1.5,
        arrowcolor=color,
        text="",
    )
    fig.add_annotation(
        x=(x0 + x1) / 2,
        y=y1,
        yshift=yshift,
        text=f"<b>{text}</b>",
        showarrow=False,
        font={"color": color, "size": 12},
    )


def _steps_text(steps: Sequence[str], available: set[str], next_step: str | None, L) -> str:
    lines = []
    for step in steps:
        name = L[f"step.{step}"]
        if step == next_step:
            lines.append(f"<b>▶ {name}</b> ({L['next']})")
        elif step in available:
            lines.append(name)
        else:
            lines.append(f"<span style='color:{MARK_COLOR}'>{name} {L['beyond']}</span>")
    return "<br>".join(lines)


def flow_figure(
    stage: str,
    steps: Mapping[str, Sequence[str]],
    available: Sequence[str],
    next_step: str | None = None,
    labels: Mapping[str, str] | None = None,
) -> go.Figure:
    """§1.3 the recipe as a flow chart with the current run's stage highlighted.

    ``stage`` is "bias", "variance" or "done" (``core.diagnosis.recipe_stage``); ``steps`` is
    ``core.diagnosis.RECIPE_STEPS``; steps not in ``available`` are greyed as beyond this lab;
    ``next_step`` is marked ▶. Step names come from labels["step.<key>"]. The layout's ``meta``
    holds the stage, the highlighted nodes and the next step.
    """
    if stage not in ACTIVE_NODES:
        raise ValueError(f"stage must be one of {', '.join(ACTIVE_NODES)}; got {stage!r}")
    L = _labels(labels)
    active = set(ACTIVE_NODES[stage]) | {"start"}
    avail = set(available)
    fig = _Drawing()
    texts = {
        "start": L["start"],
        "bias_q": L["bias_q"],
        "variance_q": L["variance_q"],
        "done": L["done"],
        "bias_fix": _steps_text(steps["bias"], avail, next_step if stage == "bias" else None, L),
        "variance_fix": _steps_text(steps["variance"], avail, next_step if stage == "variance" else None, L),
    }
    for node, text in texts.items():
        _box(fig, node, text, node in active, done=(node == "done"))

    def edge(node: str, side: str) -> tuple[float, float]:
        x, y, w, h = NODES[node]
        return {"top": (x, y + h), "bottom": (x, y - h), "left": (x - w, y), "right": (x + w, y)}[side]

    _arrow(fig, edge("start", "bottom"), edge("bias_q", "top"), True)
    _arrow(fig, edge("bias_q", "right"), edge("bias_fix", "left"), stage == "bias", L["yes"])
    _arrow(fig, edge("bias_q", "bottom"), edge("variance_q", "top"), stage != "bias", L["no"])
    _arrow(fig, edge("variance_q", "right"), edge("variance_fix", "left"), stage == "variance", L["yes"])
    _arrow(fig, edge("variance_q", "bottom"), edge("done", "top"), stage == "done", L["no"])
    # the loops: after a remedy, retrain and ask the bias question again
    start_right = edge("start", "right")[0]
    top = edge("bias_fix", "top")
    _loop(fig, [top, (top[0], 9.1), (start_right, 9.1)], stage == "bias", L["retrain"], -12)
    side = edge("variance_fix", "right")
    _loop(
        fig, [side, (9.95, side[1]), (9.95, 9.55), (start_right, 9.55)], stage == "variance", L["retrain"], 12
    )
    drawing, fig = fig, go.Figure()
    fig.update_xaxes(visible=False, range=[0, 10.15], fixedrange=True)
    fig.update_yaxes(visible=False, range=[0.7, 10.05], fixedrange=True)
    fig.update_layout(
        shapes=drawing.shapes,
        annotations=drawing.annotations,
        template=TEMPLATE,
        title={"text": L["flow_title"], "x": 0.02, "xanchor": "left"},
        height=520,
        margin={"l": 10, "r": 10, "t": 50, "b": 10},
        showlegend=False,
        meta={"stage": stage, "active": sorted(active), "next_step": next_step},
    )
    return fig


def trail_figure(
    entries: Sequence[Mapping], optimal_error: float | None = None, labels: Mapping[str, str] | None = None
) -> go.Figure:
    """§1.3 train and dev error of each run along the recipe (one point per step taken).

    ``entries``: dicts with "step" (a step key or "start"/"manual", shown via labels["step.<key>"]),
    "train_error", "dev_error" and "verdict" (shown via labels["verdict.<key>"]).
    """
    L = _labels(labels)
    x = np.arange(len(entries))
    ticks = [f"{i} · {L.get('step.' + str(e['step']), str(e['step']))}" for i, e in enumerate(entries)]
    verdicts = [L.get("verdict." + str(e["verdict"]), str(e["verdict"])) for e in entries]
    traces = [  # trace dicts and one layout: the figure is validated once (it changes on every run)
        {
            "type": "scatter", "x": x, "y": np.array([float(e[key]) for e in entries]),
            "mode": "lines+markers", "name": L[key], "line": {"color": color, "width": 2},
            "marker": {"size": 9},
            "customdata": verdicts, "meta": {"column": key},
            "hovertemplate": f"{L[key]} %{{y:.1%}}<br>%{{customdata}}<extra></extra>",
        }
        for key, color in (("train_error", TRAIN_COLOR), ("dev_error", DEV_COLOR))
    ]
    if len(entries):
        traces.append({
            "type": "scatter", "x": x, "y": [float(e["dev_error"]) for e in entries], "mode": "text",
            "text": verdicts, "textposition": "top center", "showlegend": False, "hoverinfo": "skip",
            "meta": {"role": "verdicts"}, "textfont": {"size": 11, "color": MARK_COLOR},
        })
    layout = {
        **base_layout(L["trail_title"], 380, {"l": 55, "r": 20, "t": 60, "b": 60}),
        "legend": {"orientation": "h", "yanchor": "top", "y": -0.3, "xanchor": "left", "x": 0},
        "xaxis": {
            "tickmode": "array", "tickvals": list(x), "ticktext": ticks, "title": {"text": L["step_axis"]},
        },
        "yaxis": {"title": {"text": L["error_axis"]}, "tickformat": ".0%", "rangemode": "tozero"},
    }
    if optimal_error is not None:
        line = {"color": "#9E9E9E", "dash": "dash"}
        shape, label = hline(optimal_error, line, L["optimal"], "bottom right")
        layout.update(shapes=[shape], annotations=[label])
    return go.Figure(traces, layout)
