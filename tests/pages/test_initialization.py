"""§1.11 weight-initialization page: both languages, extremes (init scale 100 and 0.01), zeros keeping
every hidden unit identical, the variance table with the usual pairing, and the A/B comparison."""

import inspect

import numpy as np
import pytest

from core.network import initialize_parameters
from tests.pages.harness import chart_specs, english_leaks, widget
from tests.pages.test_normalization import at_extremes, figure, metric, open_page, values

PAGE = "lectures/11_initialization.py"
SLUG = "initialization"


def page(monkeypatch, query=None, lang="en"):
    return open_page(monkeypatch, query=query, lang=lang, page=PAGE)


def violin_spreads(at):
    """Standard deviation of the plotted a[l] values, per hidden layer."""
    spec = next(s for s in chart_specs(at) if s["data"] and s["data"][0]["type"] == "violin")
    return np.array([np.std(values(d["y"]).astype(float)) for d in spec["data"]])


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_defaults_in_both_languages(monkeypatch, lang):
    at = page(monkeypatch, lang=lang)
    assert len(chart_specs(at)) >= 6
    assert ("初始化" in at.title[0].value) if lang == "zh" else ("initialization" in at.title[0].value)
    if lang == "zh":
        assert english_leaks(at) == []


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("which", [0, 1], ids=["min", "max"])
def test_every_control_at_its_extremes(monkeypatch, lang, which):
    at = at_extremes(monkeypatch, SLUG, PAGE, which, lang)
    assert len(chart_specs(at)) >= 6


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("act", ["relu", "tanh"])
def test_init_scale_100_runs(monkeypatch, lang, act):
    at = page(monkeypatch, query={"init_scale": "100", "init_act": act, "init_depth": "10"}, lang=lang)
    spreads = violin_spreads(at)
    if act == "relu":  # ×≈100 per layer, and the run diverges: shown as a result
        assert spreads[-1] > 1e15 * spreads[0]
        assert at.error
    else:  # tanh saturates at ±1 instead
        assert np.all(spreads[1:] > 0.9)
    if lang == "zh":
        assert english_leaks(at) == []


def test_he_keeps_the_spread_while_scale_001_collapses_it(monkeypatch):
    at = page(monkeypatch, query={"init_depth": "10", "init_width": "40"})
    he = violin_spreads(at)
    assert 0.2 < he[-1] / he[0] < 5
    widget(at, "init_scale").set_value(0.01).run()
    small = violin_spreads(at)
    assert small[-1] / small[0] < 1e-12
    spread = figure(at, "Spread of a[l]")
    assert spread["layout"]["yaxis"]["type"] == "log"


def test_zeros_leave_every_hidden_unit_identical(monkeypatch):
    at = page(monkeypatch, query={"init_scheme": "zeros", "init_iters": "300"})
    assert any("Symmetry is not broken" in w.value for w in at.warning)
    units = values(figure(at, "Hidden layer 1")["data"][0]["z"])
    assert np.all(units == units[0])  # every row (unit) the same
    assert float(metric(at, "Train error").rstrip("%")) > 30  # a constant prediction
    widget(at, "init_scheme").set_value("he").run()
    units = values(figure(at, "Hidden layer 1")["data"][0]["z"])
    assert len({tuple(np.round(row, 6)) for row in units}) > 1
    assert not any("Symmetry is not broken" in w.value for w in at.warning)


def test_a_training_control_changes_the_figure_data(monkeypatch):
    at = page(monkeypatch)
    before = violin_spreads(at)
    gradients = values(figure(at, "Gradient magnitude")["data"][0]["y"])
    widget(at, "init_scheme").set_value("xavier").run()
    assert not np.allclose(before, violin_spreads(at))
    assert not np.allclose(gradients, values(figure(at, "Gradient magnitude")["data"][0]["y"]))


def test_variance_table_and_pairing_hint(monkeypatch):
    at = page(monkeypatch, query={"init_act": "relu", "init_scheme": "xavier"})
    table = next(m.value for m in at.markdown if "usually used with" in m.value)
    rows = {line.split("|")[1].strip(): line for line in table.splitlines()[2:]}
    assert "relu" in rows["He √(2/n)"] and "tanh" in rows["**Xavier √(1/n)**"]
    assert r"\frac{2}{n^{[l-1]}}" in rows["He √(2/n)"]
    assert any("usual pairing is relu with He" in i.value for i in at.info)
    widget(at, "init_act").set_value("tanh").run()
    assert not any("usual pairing" in i.value for i in at.info)


def test_ab_compare_renders_both_configurations(monkeypatch):
    at = page(monkeypatch, query={"init_iters": "200"})
    widget(at, "compare").set_value(True).run()
    widget(at, "b_init_scheme").set_value("zeros").run()
    assert widget(at, "init_scheme").value == "he" and widget(at, "b_init_iters").value == 600
    assert len(chart_specs(at)) == 2 * 6 + 1  # A and B, then the A/B bars
    assert any("Symmetry is not broken" in w.value for w in at.warning)  # B only
    assert [s.value for s in at.subheader][:2] == ["Configuration A", "Configuration B"]
    deltas = [m for m in at.get("metric") if "(B − A)" in m.label]
    assert len(deltas) == 2


def test_code_expander_shows_initialize_parameters(monkeypatch):
    at = page(monkeypatch)
    assert inspect.getsource(initialize_parameters).strip() in [c.value.strip() for c in at.code]
