"""Figures and figure data of the §1.4 L2 regularization page (pure: no Streamlit; labels come in)."""

from __future__ import annotations

from collections import ChainMap
from collections.abc import Mapping

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from ui import charts
from ui.charts import DEV_COLOR, MARK_COLOR, TRAIN_COLOR, base_layout

DEFAULT_LABELS = {
    "cost_terms_title": "Cost J with and without the penalty",
    "cost_full": "J = cross-entropy + penalty",
    "cost_ce": "cross-entropy alone",
    "cost_penalty": "penalty λ/(2m)·Σ‖W[l]‖²_F",
    "cost_penalty_l1": "penalty λ/m·Σ|w|",
    "cost_rise": "J went up",
    "iteration": "iteration",
    "cost_axis": "cost",
    "weights_title": "All weights w of W[1], W[2], W[3] at the current λ",
    "weights_axis": "weight w",
    "near_zero_band": "|w| ≤ αλ/m",
    "series_l2": "L2",
    "series_l1": "L1",
}


def _labels(labels: Mapping[str, str] | None) -> ChainMap:
    return ChainMap(dict(labels or {}), DEFAULT_LABELS)


def _finite_or_nan(values) -> np.ndarray:
    arr = np.array(values, dtype=float, copy=True)
    arr[~np.isfinite(arr)] = np.nan
    return arr


def _style(fig: go.Figure, title: str, height: int = 380) -> go.Figure:
    return fig.update_layout(**base_layout(title, height, {"l": 55, "r": 20, "t": 60, "b": 45}))


# --------------------------------------------------------------------------- figure data


def decay_factor(learning_rate: float, lambd: float, m: int) -> float:
    """§1.4 weight decay: one L2 step multiplies W[l] by (1 − αλ/m) before the data gradient step."""
    return 1.0 - learning_rate * lambd / m


def rises(values: np.ndarray, rtol: float = 1e-12) -> np.ndarray:
    """Indices i where values[i] > values[i−1] (beyond rounding): where a cost curve went up."""
    v = np.asarray(values, dtype=float)
    if v.size < 2:
        return np.array([], dtype=int)
    up = v[1:] > v[:-1] + rtol * np.abs(v[:-1])
    return np.flatnonzero(up) + 1


def all_weights(params: Mapping[str, np.ndarray]) -> np.ndarray:
    """Every entry of W[1] … W[L] (biases are not penalized, §1.4), flattened."""
    keys = sorted((k for k in params if k.startswith("W")), key=lambda k: int(k[1:]))
    return np.concatenate([np.ravel(params[k]) for k in keys])


def near_zero_share(params: Mapping[str, np.ndarray], tolerance: float) -> float:
    """Share of weights with |w| ≤ tolerance (non-finite weights count as not near zero)."""
    w = all_weights(params)
    return float(np.mean(np.abs(w) <= tolerance)) if w.size else 0.0


def frobenius_total(params: Mapping[str, np.ndarray]) -> float:
    """√(Σ_l ‖W[l]‖²_F): the size of all weights together."""
    return float(np.sqrt(np.sum(np.square(all_weights(params)))))


# --------------------------------------------------------------------------- figures


def cost_terms_figure(history: pd.DataFrame, penalty: str = "l2", labels: Mapping[str, str] | None = None):
    """§1.4 the full J, the cross-entropy and the penalty term (J − cross-entropy) against iteration.

    Iterations where the recorded J rose are marked (there should be none with a suitable α).
    """
    L = _labels(labels)
    x = history["iteration"].to_numpy()
    full = _finite_or_nan(history["cost"].to_numpy(dtype=float))
    ce = _finite_or_nan(history["cost_no_penalty"].to_numpy(dtype=float))
    pen_label = L["cost_penalty"] if penalty == "l2" else L["cost_penalty_l1"]
    fig = go.Figure()
    for name, y, color, dash, role in (
        (L["cost_full"], full, TRAIN_COLOR, "solid", "cost"),
        (L["cost_ce"], ce, TRAIN_COLOR, "dot", "cost_no_penalty"),
        (pen_label, full - ce, DEV_COLOR, "dash", "penalty"),
    ):
        fig.add_trace(
            go.Scatter(
                x=x,
                y=y,
                mode="lines",
                name=name,
                meta={"role": role},
                line={"color": color, "dash": dash, "width": 2},
                hovertemplate=f"{L['iteration']} %{{x}}<br>{name} = %{{y:.4g}}<extra></extra>",
            )
        )
    up = rises(full)
    if up.size:
        fig.add_trace(
            go.Scatter(
                x=x[up],
                y=full[up],
                mode="markers",
                name=L["cost_rise"],
                meta={"role": "rise"},
                marker={"symbol": "x", "size": 9, "color": "#000000"},
                hoverinfo="skip",
            )
        )
    fig.update_xaxes(title_text=L["iteration"])
    fig.update_yaxes(title_text=L["cost_axis"], type="log", dtick="D2")  # a zero penalty (λ = 0) is not drawn
    return _style(fig, L["cost_terms_title"])


def weights_histogram_figure(
    weights_l2: np.ndarray, weights_l1: np.ndarray, tolerance: float, labels: Mapping[str, str] | None = None
) -> go.Figure:
    """§1.4 L1 against L2: histograms of every weight (shared bins, log counts), band |w| ≤ tolerance."""
    L = _labels(labels)
    fig = charts.histogram_figure(
        {L["series_l2"]: weights_l2, L["series_l1"]: weights_l1},
        labels=labels,
        bins=80,
        title=L["weights_title"],
        x_title=L["weights_axis"],
        log_y=True,
    )
    if tolerance > 0:
        fig.add_vrect(
            x0=-tolerance,
            x1=tolerance,
            fillcolor=MARK_COLOR,
            opacity=0.15,
            line_width=0,
            annotation_text=L["near_zero_band"],
            annotation_position="top left",
        )
    return fig
