"""The sent charts in plotly.js itself (headless Chromium, the plotly.js that plotly.py ships):

- re-reacting a fresh JSON copy of a sent spec does not redraw it — what Streamlit does right
  after mounting every changed chart, so each chart is drawn once per move (ui/plotly_wire.py);
- the sent spec looks like the figure as plotly.py made it (template folded in by hand).

Streamlit bundles its own plotly.js build; its ``react`` diff is the same code.
"""

from __future__ import annotations

import json
from pathlib import Path

import plotly
import plotly.graph_objects as go
import pytest

import ui.plotly_wire as wire
from bench.figure_set import figure_builders
from tests.pages.harness import run_page

pytestmark = [pytest.mark.e2e, pytest.mark.xdist_group("wire")]

PLOTLY_JS = Path(plotly.__file__).parent / "package_data" / "plotly.min.js"
PAGES = (
    "lectures/04_l2_regularization.py",
    "lectures/11_initialization.py",
    "lectures/13_gradient_checking.py",
)

# Draw, then react with a JSON copy (as Streamlit does); true when plotly.js replotted.
REDRAWS_JS = """async ([spec]) => {
  const gd = document.createElement('div'); document.body.appendChild(gd);
  const first = JSON.parse(JSON.stringify(spec));
  first.layout.width = 640;
  await Plotly.newPlot(gd, first.data, first.layout);
  let replotted = false;
  gd.on('plotly_beforeplot', () => { replotted = true; });
  const again = JSON.parse(JSON.stringify(first));
  await Plotly.react(gd, again.data, again.layout);
  Plotly.purge(gd); gd.remove();
  return replotted;
}"""

# What plotly.js made of a spec: the look the template gives.
LOOK_JS = """async ([spec]) => {
  const gd = document.createElement('div'); document.body.appendChild(gd);
  const f = JSON.parse(JSON.stringify(spec));
  f.layout.width = 640;
  await Plotly.newPlot(gd, f.data, f.layout);
  const L = gd._fullLayout;
  const axes = Object.keys(L).filter(k => /^[xy]axis\\d*$/.test(k)).sort();
  const look = {
    paper: L.paper_bgcolor, plot: L.plot_bgcolor, colorway: L.colorway, font: L.font.color,
    hover: L.hoverlabel.align, hovermode: L.hovermode,
    // (a colour counts where it is drawn: plotly.js keeps template values of hidden lines too)
    axes: axes.map(k => [k, L[k].showgrid && L[k].gridcolor, L[k].showline && L[k].linecolor,
                         L[k].zeroline && L[k].zerolinecolor, L[k].ticks]),
    traces: gd._fullData.map(t => [t.type, t.line && t.line.color, t.marker && t.marker.color]),
  };
  Plotly.purge(gd); gd.remove();
  return JSON.parse(JSON.stringify(look));
}"""


# Draw at the main column's width; the margins plotly.js ended with, and the sent ones.
MARGINS_JS = """async ([spec]) => {
  const gd = document.createElement('div'); document.body.appendChild(gd);
  const f = JSON.parse(JSON.stringify(spec));
  f.layout.width = 700;
  await Plotly.newPlot(gd, f.data, f.layout);
  const s = gd._fullLayout._size, m = f.layout.margin || {};
  const out = {final: {l: s.l, r: s.r, t: s.t, b: s.b}, sent: {l: m.l, r: m.r, t: m.t, b: m.b}};
  Plotly.purge(gd); gd.remove();
  return out;
}"""


def figures():
    """(name, plotly.py figure) pairs: the kit's builders, then every chart of a few pages."""
    for name, build in figure_builders():
        yield name, build()
    for script in PAGES:
        drawn = []

        def capture(build, same=None, send=wire.sendable, drawn=drawn):
            fig = build()
            drawn.append(go.Figure(fig))  # a copy: the page may change its figure afterwards
            return send(lambda: fig)

        with pytest.MonkeyPatch.context() as patch:
            patch.setattr(wire, "sendable", capture)  # ui.shell.chart looks it up on each call
            run_page(script)
        assert drawn, script
        for i, fig in enumerate(drawn):
            yield f"{Path(script).stem}[{i}]", fig


@pytest.fixture(scope="module")
def plotly_page(browser):
    context = browser.new_context()
    page = context.new_page()
    page.set_content("<html><body></body></html>")
    page.add_script_tag(path=str(PLOTLY_JS))
    try:
        yield page
    finally:
        context.close()


@pytest.fixture(scope="module")
def sent():
    """(name, figure, sent spec) for every figure."""
    return [(name, fig, wire.wire_spec(fig)) for name, fig in figures()]


def test_a_sent_chart_is_not_redrawn_by_a_second_react(plotly_page, sent):
    redrawn = [name for name, _, spec in sent if plotly_page.evaluate(REDRAWS_JS, [spec])]
    assert redrawn == []
    # The check can fail: the figure as plotly.py sends it (base64 arrays, template) is redrawn.
    name, fig, _ = sent[0]
    assert plotly_page.evaluate(REDRAWS_JS, [json.loads(fig.to_json())]), name


def test_the_sent_chart_looks_like_the_figure(plotly_page, sent):
    for name, fig, spec in sent:
        as_made = plotly_page.evaluate(LOOK_JS, [json.loads(fig.to_json())])
        as_sent = plotly_page.evaluate(LOOK_JS, [spec])
        assert as_sent == as_made, name


def test_a_sent_chart_is_laid_out_once(plotly_page, sent):
    """plotly.js widens a margin that a legend, colour bar or tick labels do not fit in, and then lays
    the whole chart out again. The sent margins already fit them (ui.plotly_wire reserves a legend's
    room below the plot; colour bars and log axes have theirs), so no chart is laid out twice."""
    widened = {}
    for name, _, spec in sent:
        m = plotly_page.evaluate(MARGINS_JS, [spec])
        if m["final"] != m["sent"]:
            widened[name] = m
    assert widened == {}
    # The check can fail: without the reserved room, a boundary's legend and colour bar widen it.
    name, fig, _ = sent[0]
    assert name == "decision_boundary"
    bare = wire.fold_template(wire.plain_arrays(fig.to_dict()))
    bare["layout"]["margin"] = {"l": 55, "r": 20, "t": 60, "b": 45}
    m = plotly_page.evaluate(MARGINS_JS, [bare])
    assert m["final"]["r"] > 20 and m["final"]["b"] > 45, m
