"""ui.plotly_wire: what a chart sends is the figure, in a form plotly.js can re-react without redrawing."""

from __future__ import annotations

import json

import numpy as np
import plotly.graph_objects as go
import pytest
from hypothesis import given
from hypothesis import strategies as st
from plotly.subplots import make_subplots

from bench.figure_set import figure_builders
from ui import charts
from ui.plotly_wire import DATAREVISION, SENT_RTOL, read_spec, rounded, sendable, wire_spec

FIGURES = figure_builders()


def all_values(node):
    """Every leaf of a nested dict/list."""
    if isinstance(node, dict):
        for value in node.values():
            yield from all_values(value)
    elif isinstance(node, list):
        for value in node:
            yield from all_values(value)
    else:
        yield node


@pytest.mark.parametrize(("name", "build"), FIGURES, ids=[n for n, _ in FIGURES])
def test_sent_spec_has_plain_arrays_a_revision_no_template_and_text_meta(name, build):
    spec = wire_spec(build())
    text = json.dumps(spec)
    assert '"bdata"' not in text
    assert "template" not in spec["layout"]
    assert spec["layout"]["datarevision"] == DATAREVISION
    for item in (spec["layout"], *spec["data"]):
        assert not isinstance(item.get("meta"), (dict, list))
    assert all(isinstance(v, (str, int, float, bool, type(None))) for v in all_values(spec))


@pytest.mark.parametrize(("name", "build"), FIGURES, ids=[n for n, _ in FIGURES])
def test_read_spec_gives_back_the_figure(name, build):
    """Same traces, same meta, same numbers (to the sent precision)."""
    fig = build()
    back = read_spec(json.dumps(sendable(lambda: fig).to_dict()))
    assert len(back["data"]) == len(fig.data)
    for sent, trace in zip(back["data"], fig.data, strict=True):
        assert sent.get("meta") == trace.meta
        for axis in ("x", "y", "z"):
            value = getattr(trace, axis, None)
            if isinstance(value, np.ndarray) and value.dtype.kind == "f":
                got = np.array(sent[axis], dtype=float)
                np.testing.assert_allclose(got, value, rtol=SENT_RTOL, atol=0)


def test_the_template_is_folded_into_every_axis_and_the_layout():
    fig = make_subplots(rows=1, cols=2)
    fig.add_trace(go.Scatter(x=[1, 2], y=[3, 4]), row=1, col=1)
    fig.add_trace(go.Scatter(x=[1, 2], y=[3, 4]), row=1, col=2)
    fig.update_layout(template=charts.TEMPLATE, xaxis2={"gridcolor": "red"})
    layout = wire_spec(fig)["layout"]
    template = fig.layout.template.layout
    assert layout["paper_bgcolor"] == template.paper_bgcolor
    assert layout["colorway"] == list(template.colorway)
    assert layout["xaxis"]["gridcolor"] == template.xaxis.gridcolor
    assert layout["xaxis2"]["gridcolor"] == "red"  # the figure's own setting wins
    assert layout["yaxis2"]["linecolor"] == template.yaxis.linecolor
    assert layout["xaxis2"]["domain"] == list(fig.layout.xaxis2.domain)


def test_trace_defaults_of_a_template_apply_in_turn():
    template = go.layout.Template(data={"bar": [{"opacity": 0.5}, {"opacity": 0.7}]})
    fig = go.Figure([go.Bar(y=[1]), go.Bar(y=[2]), go.Bar(y=[3], opacity=1.0)], layout={"template": template})
    opacities = [trace.get("opacity") for trace in wire_spec(fig)["data"]]
    assert opacities == [0.5, 0.7, 1.0]


def test_a_figure_without_traces_can_be_sent():
    """Streamlit refuses a dict without traces; the sent figure is a Figure, so it is not asked."""
    fig = go.Figure(layout={"shapes": [{"type": "rect", "x0": 0, "x1": 1, "y0": 0, "y1": 1}]})
    assert sendable(lambda: fig).to_dict()["data"] == []


def test_non_finite_values_travel_as_they_are():
    spec = wire_spec(go.Figure(go.Scatter(x=np.arange(4.0), y=np.array([np.nan, np.inf, -np.inf, 0.0]))))
    y = spec["data"][0]["y"]
    assert np.isnan(y[0]) and y[1] == np.inf and y[2] == -np.inf and y[3] == 0.0


@given(st.floats(allow_nan=False, allow_infinity=False))
def test_rounding_keeps_seven_significant_digits(x):
    r = float(rounded(np.array([x]))[0])
    assert abs(r - x) <= SENT_RTOL * abs(x)
    digits = repr(r).replace("-", "").split("e")[0].replace(".", "").strip("0")
    assert len(digits) <= 7  # a short text on the wire


def test_a_kept_spec_is_sent_again_without_building():
    built = []

    def build():
        built.append(1)
        return go.Figure(go.Scatter(x=[1, 2], y=[3, 4]))

    first = sendable(build, ("test-kept", 1)).to_dict()
    again = sendable(build, ("test-kept", 1)).to_dict()
    other = sendable(build, ("test-kept", 2)).to_dict()
    assert len(built) == 2 and again is first and other == first
    sendable(build).to_dict()  # no key: always built
    assert len(built) == 3


def test_the_kept_specs_are_bounded(monkeypatch):
    from ui import plotly_wire

    monkeypatch.setattr(plotly_wire, "MAX_KEPT", 3)
    for i in range(10):
        sendable(lambda: go.Figure(), ("test-bounded", i))
    assert len(plotly_wire._KEPT) <= 3
    assert ("test-bounded", 9) in plotly_wire._KEPT and ("test-bounded", 0) not in plotly_wire._KEPT


def _legend_figure(names, showlegend=None, b=45, mode="lines"):
    fig = go.Figure([go.Scatter(x=[0.0, 1.0], y=[0.0, 1.0], name=n, mode=mode) for n in names])
    fig.update_layout(height=380, margin={"l": 55, "r": 20, "t": 60, "b": b})
    fig.update_layout(legend=dict(charts.LEGEND_BELOW))
    if showlegend is not None:
        fig.update_layout(showlegend=showlegend)
    return fig


def test_a_legend_below_gets_its_rows_reserved_in_the_bottom_margin():
    one_row = wire_spec(_legend_figure(["train", "dev"]))["layout"]["margin"]
    many = [f"a rather long legend entry {i}" for i in range(8)]
    lines = wire_spec(_legend_figure(many))["layout"]["margin"]
    points = wire_spec(_legend_figure(many, mode="markers"))["layout"]["margin"]
    assert 45 < one_row["b"] < lines["b"] < points["b"]  # more rows, and taller rows for symbols
    assert {k: one_row[k] for k in "ltr"} == {"l": 55, "t": 60, "r": 20}
    # Measured in plotly.js (tests/e2e/test_wire.py): one row of a 380 px chart widens b to 95.
    assert one_row["b"] == 95
    # No legend drawn (hidden, or one unnamed trace), or a margin already wider: left as it is.
    assert wire_spec(_legend_figure(many, showlegend=False))["layout"]["margin"]["b"] == 45
    assert wire_spec(_legend_figure(["only"]))["layout"]["margin"]["b"] == 45
    assert wire_spec(_legend_figure(["train", "dev"], b=200))["layout"]["margin"]["b"] == 200
