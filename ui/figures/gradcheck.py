"""§1.13–§1.14 figures: the verdict scale, differences by block and by component, demo cases, cost.

Pure Plotly builders. Every visible string comes from ``labels`` (the page passes
``i18n.labels("gradcheck.chart.", lang)``); missing keys fall back to DEFAULT_LABELS (English).
Traces carry ``meta`` so tests can find them; the "look here" arrows are annotations whose ``x``
is the block they point at. Shapes and annotations are collected as plain dicts and set in one
layout update (Plotly validates the whole layout on every add_shape/add_annotation call).
On a log axis, shapes take data values but annotations take log10 of the position.
"""

from __future__ import annotations

from collections import ChainMap
from collections.abc import Mapping, Sequence

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from core.gradcheck import BUG_THRESHOLD, OK_THRESHOLD
from core.gradcheck_demos import CheckCost, Localization
from ui.charts import LEGEND_BELOW, MARK_COLOR
from ui.figures.numerical_grad import LIGHT_TEMPLATE

VERDICT_COLORS = {"ok": "#009E73", "check": "#E69F00", "bug": "#D55E00"}
ANALYTIC_COLOR, NUMERIC_COLOR, NEUTRAL = "#0072B2", "#000000", "#7F7F7F"
SCALE_RANGE = (1e-13, 1.0)
FLOOR = 1e-18  # where 0 is drawn on a log axis

DEFAULT_LABELS: dict[str, str] = {
    "scale_title": "Where this check lands",
    "band_ok": "fine",
    "band_check": "look closer",
    "band_bug": "likely a bug",
    "this_check": "this check",
    "difference": "relative difference",
    "blocks_title": "Relative difference by block",
    "block": "block of θ",
    "threshold_ok": "10⁻⁷",
    "threshold_bug": "10⁻³",
    "look_here": "look here",
    "verdict_ok": "fine",
    "verdict_check": "look closer",
    "verdict_bug": "likely a bug",
    "params_title": "Every component of θ: backprop against the numerical estimate",
    "analytic": "dθ (backprop)",
    "numeric": "dθ_approx (two-sided)",
    "gap": "|dθ_approx − dθ|",
    "component": "component i of θ",
    "value": "value",
    "exact": "0 (identical) drawn at the bottom",
    "cases_title": "Relative difference per case",
    "cost_title": "Wall time on this machine",
    "ms": "milliseconds (log scale)",
    "step": "one training step",
    "loop": "one check, loop",
    "batched": "one check, batched",
}


def _labels(labels: Mapping[str, str] | None) -> ChainMap:
    return ChainMap(dict(labels or {}), DEFAULT_LABELS)


def _figure(data: list, title: str, height: int, legend: bool = True, **layout) -> go.Figure:
    """One Figure built with its whole layout at once (one validation pass)."""
    base = {
        "template": LIGHT_TEMPLATE,
        "title": {"text": title, "x": 0.02, "xanchor": "left"},
        "height": height,
        "margin": {"l": 72, "r": 20, "t": 60, "b": 56},  # room for log-axis tick labels: laid out once
        "showlegend": legend,
        "legend": dict(LEGEND_BELOW),
    }
    return go.Figure(data=data, layout={**base, **layout})


def _on_log(values) -> np.ndarray:
    """Values for a log axis: 0 → FLOOR, NaN/inf → 1 (a non-finite difference is a failed check)."""
    v = np.array(values, dtype=float)
    v[~np.isfinite(v)] = 1.0
    return np.maximum(v, FLOOR)


def _verdicts(differences: Sequence[float]) -> list[str]:
    return ["ok" if d < OK_THRESHOLD else "check" if d < BUG_THRESHOLD else "bug" for d in differences]


def _thresholds(L: Mapping[str, str], axis: str = "y") -> tuple[list[dict], list[dict]]:
    """Dashed lines at 10⁻⁷ and 10⁻³ across the (log) value axis, with their labels: (shapes, annotations)."""
    shapes, notes = [], []
    for value, key in ((OK_THRESHOLD, "threshold_ok"), (BUG_THRESHOLD, "threshold_bug")):
        line = {"color": MARK_COLOR, "dash": "dash", "width": 1}
        note = {"showarrow": False, "text": L[key], "font": {"size": 11, "color": MARK_COLOR}}
        if axis == "y":
            shapes.append(
                {
                    "type": "line",
                    "xref": "paper",
                    "x0": 0,
                    "x1": 1,
                    "yref": "y",
                    "y0": value,
                    "y1": value,
                    "line": line,
                }
            )
            notes.append(
                {
                    **note,
                    "x": 1.0,
                    "xref": "paper",
                    "xanchor": "right",
                    "y": np.log10(value),
                    "yref": "y",
                    "yanchor": "bottom",
                }
            )
        else:
            shapes.append(
                {
                    "type": "line",
                    "yref": "paper",
                    "y0": 0,
                    "y1": 1,
                    "xref": "x",
                    "x0": value,
                    "x1": value,
                    "line": line,
                }
            )
            notes.append(
                {**note, "x": np.log10(value), "xref": "x", "y": 1.0, "yref": "paper", "yanchor": "bottom"}
            )
    return shapes, notes


def _band(x0: float, x1: float, color: str, opacity: float) -> dict:
    return {
        "type": "rect",
        "xref": "x",
        "yref": "paper",
        "x0": x0,
        "x1": x1,
        "y0": 0,
        "y1": 1,
        "fillcolor": color,
        "opacity": opacity,
        "line": {"width": 0},
        "layer": "below",
    }


def difference_scale_figure(difference: float, labels: Mapping[str, str] | None = None) -> go.Figure:
    """§1.13 the lecture's scale (fine < 10⁻⁷ ≤ look closer < 10⁻³ ≤ likely a bug), this check marked."""
    L = _labels(labels)
    lo, hi = SCALE_RANGE
    bands = (("ok", lo, OK_THRESHOLD), ("check", OK_THRESHOLD, BUG_THRESHOLD), ("bug", BUG_THRESHOLD, hi))
    shapes = [_band(x0, x1, VERDICT_COLORS[v], 0.25) for v, x0, x1 in bands]
    notes = [
        {
            "x": np.log10(np.sqrt(x0 * x1)),
            "y": 0.85,
            "yref": "paper",
            "showarrow": False,
            "text": L[f"band_{v}"],
            "font": {"size": 13, "color": VERDICT_COLORS[v]},
        }
        for v, x0, x1 in bands
    ]
    x = float(np.clip(_on_log([difference])[0], lo, hi))
    verdict = _verdicts([difference if np.isfinite(difference) else 1.0])[0]
    marker = go.Scatter(
        x=[x],
        y=[0.35],
        mode="markers+text",
        text=[f"{difference:.1e}"],
        textposition="bottom center",
        name=L["this_check"],
        meta={"role": "this_check", "difference": difference, "verdict": verdict},
        marker={
            "size": 20,
            "symbol": "triangle-down",
            "color": VERDICT_COLORS[verdict],
            "line": {"color": "#000000", "width": 1},
        },
        hovertemplate=f"{L['difference']} = {difference:.3e}<extra></extra>",
    )
    return _figure(
        [marker],
        L["scale_title"],
        190,
        legend=False,
        shapes=shapes,
        annotations=notes,
        xaxis={
            "type": "log",
            "range": [np.log10(lo), np.log10(hi)],
            "title": {"text": L["difference"]},
            "exponentformat": "power",
            "dtick": 1,
        },
        yaxis={"visible": False, "range": [0, 1]},
    )


def blocks_figure(
    blocks: pd.DataFrame, where: Localization, labels: Mapping[str, str] | None = None
) -> go.Figure:
    """Relative difference per block (dW1, db1, …), log axis, verdict colours, arrows at the suspects."""
    L = _labels(labels)
    names = list(blocks["block"])
    diffs = blocks["difference"].to_numpy(dtype=float)
    verdicts = list(blocks["verdict"])
    bars = go.Bar(
        x=names,
        y=_on_log(diffs),
        marker_color=[VERDICT_COLORS[v] for v in verdicts],
        customdata=np.stack([diffs, blocks["n"].to_numpy(dtype=float)], axis=1),
        text=[L[f"verdict_{v}"] for v in verdicts],
        textposition="outside",
        name=L["difference"],
        meta={"role": "blocks"},
        hovertemplate="%{x}: %{customdata[0]:.2e} (%{customdata[1]:.0f})<extra></extra>",
    )
    shapes, notes = _thresholds(L)
    for block in where.blocks:
        top = np.log10(_on_log([diffs[names.index(block)]])[0])
        notes.append(
            {
                "x": block,
                "y": top,
                "text": L["look_here"],
                "showarrow": True,
                "arrowhead": 2,
                "arrowsize": 1.3,
                "arrowwidth": 2,
                "arrowcolor": VERDICT_COLORS["bug"],
                "ax": 0,
                "ay": -55,
                "yshift": 16,
                "font": {"size": 13, "color": VERDICT_COLORS["bug"]},
            }
        )
    high = max(1.0, float(np.nanmax(_on_log(diffs))) * 30)
    low = min(1e-12, float(np.nanmin(_on_log(diffs))) / 10)
    return _figure(
        [bars],
        L["blocks_title"],
        400,
        legend=False,
        shapes=shapes,
        annotations=notes,
        yaxis={
            "type": "log",
            "title": {"text": L["difference"]},
            "exponentformat": "power",
            "range": [np.log10(low), np.log10(high) + 0.8],
        },
        xaxis={"title": {"text": L["block"]}, "type": "category"},
    )


def parameters_figure(
    table: pd.DataFrame, where: Localization, labels: Mapping[str, str] | None = None
) -> go.Figure:
    """Top: dθ and dθ_approx for every component. Bottom: their gap on a log axis. Blocks are shaded bands."""
    L = _labels(labels)
    i = np.arange(len(table))
    names = table["name"].to_numpy()
    gap = table["abs_diff"].to_numpy(dtype=float)
    block_of = table["block"].to_numpy()
    suspects = set(where.blocks) | set(where.lower)
    data = [
        go.Bar(
            x=i,
            y=table["analytic"].to_numpy(dtype=float),
            name=L["analytic"],
            marker_color=ANALYTIC_COLOR,
            opacity=0.6,
            customdata=names,
            meta={"role": "analytic"},
            xaxis="x",
            yaxis="y",
            hovertemplate="%{customdata}: %{y:.6e}<extra>dθ</extra>",
        ),
        go.Scatter(
            x=i,
            y=table["numeric"].to_numpy(dtype=float),
            mode="markers",
            name=L["numeric"],
            marker={
                "color": NUMERIC_COLOR,
                "size": 5,
                "symbol": "x-thin",
                "line": {"width": 1.5, "color": NUMERIC_COLOR},
            },
            customdata=names,
            meta={"role": "numeric"},
            xaxis="x",
            yaxis="y",
            hovertemplate="%{customdata}: %{y:.6e}<extra>dθ_approx</extra>",
        ),
        go.Scatter(
            x=i,
            y=_on_log(gap),
            mode="markers",
            name=L["gap"],
            customdata=names,
            marker={
                "color": [VERDICT_COLORS["bug"] if b in suspects else NEUTRAL for b in block_of],
                "size": 6,
            },
            meta={"role": "gap"},
            xaxis="x",
            yaxis="y2",
            hovertemplate="%{customdata}: %{y:.2e}<extra></extra>",
        ),
    ]
    shapes, notes = _block_bands(block_of, where)
    if np.any(gap == 0):
        notes.append(
            {
                "x": 0,
                "xref": "paper",
                "y": 0,
                "yref": "paper",
                "xanchor": "left",
                "yanchor": "bottom",
                "showarrow": False,
                "text": L["exact"],
                "font": {"size": 11, "color": MARK_COLOR},
            }
        )
    return _figure(
        data,
        L["params_title"],
        520,
        shapes=shapes,
        annotations=notes,
        xaxis={"anchor": "y2", "title": {"text": L["component"]}},
        yaxis={"domain": [0.54, 1.0], "title": {"text": L["value"]}},
        yaxis2={"domain": [0.0, 0.46], "type": "log", "title": {"text": L["gap"]}, "exponentformat": "power"},
    )


def _block_bands(block_of: np.ndarray, where: Localization) -> tuple[list[dict], list[dict]]:
    """Alternating shaded bands behind each block with its name on top; suspects in the bug colour."""
    starts = [0] + [k for k in range(1, len(block_of)) if block_of[k] != block_of[k - 1]]
    ends = starts[1:] + [len(block_of)]
    shapes, notes = [], []
    for n, (s, e) in enumerate(zip(starts, ends, strict=True)):
        block = str(block_of[s])
        suspect = block in where.blocks
        color = VERDICT_COLORS["bug"] if suspect else ("#E8E8E8" if n % 2 == 0 else "#F6F6F6")
        shapes.append(_band(s - 0.5, e - 0.5, color, 0.25 if suspect else 0.6))
        notes.append(
            {
                "x": (s + e - 1) / 2,
                "xref": "x",
                "y": 1.0,
                "yref": "paper",
                "yanchor": "bottom",
                "showarrow": False,
                "text": f"<b>{block}</b>" if suspect else block,
                "font": {"size": 11, "color": VERDICT_COLORS["bug"] if suspect else MARK_COLOR},
            }
        )
    return shapes, notes


def cases_figure(
    case_names: Sequence[str],
    differences: Sequence[float],
    labels: Mapping[str, str] | None = None,
    title: str | None = None,
) -> go.Figure:
    """§1.14 one horizontal bar per demonstrated case, relative difference on a log axis, verdict colours."""
    L = _labels(labels)
    diffs = np.array(differences, dtype=float)
    verdicts = _verdicts(np.where(np.isfinite(diffs), diffs, 1.0))
    bars = go.Bar(
        y=list(case_names),
        x=_on_log(diffs),
        orientation="h",
        marker_color=[VERDICT_COLORS[v] for v in verdicts],
        text=[f"{d:.1e} · {L['verdict_' + v]}" for d, v in zip(diffs, verdicts, strict=True)],
        textposition="auto",
        cliponaxis=False,
        customdata=diffs,
        name=L["difference"],
        meta={"role": "cases", "verdicts": verdicts},
        hovertemplate="%{y}: %{customdata:.3e}<extra></extra>",
    )
    shapes, notes = _thresholds(L, axis="x")
    return _figure(
        [bars],
        title or L["cases_title"],
        110 + 55 * len(diffs),
        legend=False,
        shapes=shapes,
        annotations=notes,
        xaxis={
            "type": "log",
            "title": {"text": L["difference"]},
            "exponentformat": "power",
            "range": [-13, 2.8],
        },
        yaxis={"autorange": "reversed"},
    )


def cost_figure(cost: CheckCost, labels: Mapping[str, str] | None = None) -> go.Figure:
    """§1.14 measured wall time of one training step, one batched check and one loop check (log axis)."""
    L = _labels(labels)
    keys = ("step", "batched", "loop")
    seconds = np.array([cost.step_s, cost.check_batched_s, cost.check_loop_s])
    bars = go.Bar(
        y=[L[k] for k in keys],
        x=seconds * 1e3,
        orientation="h",
        marker_color=[VERDICT_COLORS["ok"], ANALYTIC_COLOR, VERDICT_COLORS["bug"]],
        text=[f"{s * 1e3:.2f} ms · ×{s / cost.step_s:.0f}" for s in seconds],
        textposition="outside",
        meta={"role": "cost", "keys": list(keys)},
        hovertemplate="%{y}: %{x:.3f} ms<extra></extra>",
    )
    span = [np.log10(seconds.min() * 1e3) - 0.5, np.log10(seconds.max() * 1e3) + 0.9]
    return _figure(
        [bars],
        L["cost_title"],
        260,
        legend=False,
        xaxis={"type": "log", "title": {"text": L["ms"]}, "exponentformat": "power", "range": span},
        yaxis={"autorange": "reversed"},
    )
