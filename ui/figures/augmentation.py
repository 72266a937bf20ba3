"""Figures of the §1.8 data-augmentation page (pure Plotly; every label comes in through ``labels``)."""

from __future__ import annotations

from collections import ChainMap
from collections.abc import Mapping, Sequence

import numpy as np
import plotly.graph_objects as go

from ui.charts import DEV_COLOR, LEGEND_BELOW, TEMPLATE, TRAIN_COLOR

DEFAULT_LABELS = {
    "errors_title": "Train and dev error of the three models",
    "train_error": "train error",
    "dev_error": "dev error",
    "error_axis": "error rate",
}


def errors_figure(
    names: Sequence[str],
    train_errors: Sequence[float],
    dev_errors: Sequence[float],
    harmful: Sequence[bool],
    labels: Mapping[str, str] | None = None,
) -> go.Figure:
    """§1.8 grouped bars of train and dev error per training set; a set built with a transform that
    changes labels (``harmful``) gets hatched bars with a red outline."""
    L = ChainMap(dict(labels or {}), DEFAULT_LABELS)
    if not len(names) == len(train_errors) == len(dev_errors) == len(harmful):
        raise ValueError("names, train_errors, dev_errors and harmful must have equal lengths")
    bad = np.asarray(harmful, dtype=bool)
    fig = go.Figure()
    for key, values, color in (
        ("train_error", train_errors, TRAIN_COLOR),
        ("dev_error", dev_errors, DEV_COLOR),
    ):
        fig.add_trace(
            go.Bar(
                x=list(names),
                y=np.asarray(values, dtype=float),
                name=L[key],
                meta={"column": key},
                marker={
                    "color": color,
                    "pattern": {"shape": ["/" if b else "" for b in bad]},
                    "line": {"color": ["#B00020" if b else color for b in bad], "width": 2},
                },
                texttemplate="%{y:.1%}",
                textposition="outside",
                cliponaxis=False,
                hovertemplate=f"%{{x}}<br>{L[key]} = %{{y:.1%}}<extra></extra>",
            )
        )
    fig.update_layout(
        barmode="group",
        template=TEMPLATE,
        height=360,
        title={"text": L["errors_title"], "x": 0.02, "xanchor": "left"},
        margin={"l": 55, "r": 20, "t": 60, "b": 45},
        legend=dict(LEGEND_BELOW),
    )
    fig.update_yaxes(title_text=L["error_axis"], tickformat=".0%", rangemode="tozero")
    return fig


