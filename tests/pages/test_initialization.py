"""§1.11 weight-initialization page: both languages, extremes (init scale 100 and 0.01), zeros keeping
every hidden unit identical, the variance table with the usual pairing, the lazy tabs below the
violins (only the open one runs), and the A/B comparison."""

import inspect

import numpy as np
import pytest

from core.network import initialize_parameters
from tests.pages import harness
from tests.pages.harness import chart_keys, chart_specs, english_leaks, widget
from tests.pages.test_normalization import at_extremes, figure, metric, open_page, values
from ui.i18n import text

PAGE = "lectures/11_initialization.py"
SLUG = "initialization"
VIEW_KEY = "initialization_view"  # lectures/11_initialization.py: the open tab (only it runs)
ALWAYS = ["violins"]  # shown whichever tab is open
TAB_CHARTS = {  # the charts of each tab, in order; "spread" is open by default
    "spread": ["spread"],
    "grads": ["gradients"],
    "training": ["curves", "boundary"],
    "units": ["units"],
}


def page(monkeypatch, query=None, lang="en"):
    return open_page(monkeypatch, query=query, lang=lang, page=PAGE)


def open_tab(at, tab: str, lang: str = "en", half: str = ""):
    """Open the tab ``tab`` (of the A/B half ``half`` in a comparison), as a click on it does."""
    return harness.open_tab(at, f"{half}{VIEW_KEY}", f"initialization.tab.{tab}", lang)


def violin_spreads(at):
    """Standard deviation of the plotted a[l] values, per hidden layer."""
    spec = next(s for s in chart_specs(at) if s["data"] and s["data"][0]["type"] == "violin")
    return np.array([np.std(values(d["y"]).astype(float)) for d in spec["data"]])


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_defaults_in_both_languages(monkeypatch, lang):
    at = page(monkeypatch, lang=lang)
    assert chart_keys(at) == ALWAYS + TAB_CHARTS["spread"]
    assert ("初始化" in at.title[0].value) if lang == "zh" else ("initialization" in at.title[0].value)
    if lang == "zh":
        assert english_leaks(at) == []
    harness.assert_every_tab(at, VIEW_KEY, f"{SLUG}.tab.", TAB_CHARTS, ALWAYS, lang)


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("which", [0, 1], ids=["min", "max"])
def test_every_control_at_its_extremes(monkeypatch, lang, which):
    at = at_extremes(monkeypatch, SLUG, PAGE, which, lang)
    harness.assert_every_tab(at, VIEW_KEY, f"{SLUG}.tab.", TAB_CHARTS, ALWAYS, lang)


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
    at = open_tab(page(monkeypatch, query={"init_scheme": "zeros", "init_iters": "300"}), "units")
    assert any("Symmetry is not broken" in w.value for w in at.warning)
    units = values(figure(at, "Hidden layer 1")["data"][0]["z"])
    assert np.all(units == units[0])  # every row (unit) the same
    assert float(metric(at, "Train error").rstrip("%")) > 30  # a constant prediction
    widget(at, "init_scheme").set_value("he").run()
    units = values(figure(at, "Hidden layer 1")["data"][0]["z"])
    assert len({tuple(np.round(row, 6)) for row in units}) > 1
    assert not any("Symmetry is not broken" in w.value for w in at.warning)


def test_a_training_control_changes_the_figure_data(monkeypatch):
    at = open_tab(page(monkeypatch), "grads")
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
    # each half: its violins and its open tab (the spread by default), then the A/B bars
    assert chart_keys(at) == ["Aviolins", "Aspread", "Bviolins", "Bspread", "ab_bars"]
    assert any("Symmetry is not broken" in w.value for w in at.warning)  # B only
    assert [s.value for s in at.subheader][:2] == ["Configuration A", "Configuration B"]
    deltas = [m for m in at.get("metric") if "(B − A)" in m.label]
    assert len(deltas) == 2
    open_tab(at, "units", half="B")  # each half has its own tabs: A keeps the spread open
    assert chart_keys(at) == ["Aviolins", "Aspread", "Bviolins", "Bunits", "ab_bars"]
    units = values(chart_specs(at)[3]["data"][0]["z"])
    assert np.all(units == units[0])  # B: zeros never break the symmetry
    assert len([m for m in at.get("metric") if "(B − A)" in m.label]) == 2


def test_code_expander_shows_initialize_parameters(monkeypatch):
    at = page(monkeypatch)
    assert inspect.getsource(initialize_parameters).strip() in [c.value.strip() for c in at.code]


def test_only_the_open_tab_is_sent_and_it_stays_open_across_a_move(monkeypatch):
    at = page(monkeypatch)
    assert chart_keys(at) == ["violins", "spread"]  # a move redraws 2 charts, not 6
    open_tab(at, "training")
    assert chart_keys(at) == ["violins", "curves", "boundary"]
    curves = values(chart_specs(at)[1]["data"][0]["y"])
    widget(at, "init_scale").set_value(0.5).run()
    assert not at.exception
    assert at.session_state[VIEW_KEY] == text("initialization.tab.training", "en")
    assert chart_keys(at) == ["violins", "curves", "boundary"]
    assert not np.array_equal(curves, values(chart_specs(at)[1]["data"][0]["y"]))  # redrawn for s = 0.5
    assert figure(at, "Decision boundary")


def test_every_tab_in_chinese_has_no_english_prose(monkeypatch):
    at = page(monkeypatch, lang="zh")
    harness.assert_every_tab(at, VIEW_KEY, f"{SLUG}.tab.", TAB_CHARTS, ALWAYS, "zh")
