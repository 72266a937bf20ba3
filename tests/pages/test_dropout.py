"""§1.6–1.7 dropout page: both languages, every control at its extremes, the figures follow keep_prob,
the boundary is the test-time network, the curve is the batched sweep, the hint, the lazy tabs
(only the open one runs), and A/B compare."""

from __future__ import annotations

import inspect

import numpy as np
import pytest
from streamlit.testing.v1 import AppTest

from core.datasets import make_dataset, split
from core.dropout_demo import mean_activations
from core.sweep import train_sweep
from core.train import TrainConfig, train
from tests.pages import harness
from tests.pages.harness import (
    ROOT,
    SENT_RTOL,
    TIMEOUT,
    arr,
    assert_ok,
    chart_keys,
    chart_specs,
    english_leaks,
    run_page,
    widget,
)
from ui.charts import probability_grid
from ui.controls import extremes
from ui.i18n import text
from ui.plotly_wire import read_spec
from ui.specs import controls_of
from ui.specs import dropout as preset

PAGE = "lectures/06_dropout.py"
SLUG = "dropout"
VIEW_KEY = "dropout_view"  # lectures/06_dropout.py: the open tab below the training section
ALWAYS = ["boundary", "boundary_plain", "cost"]  # the training section, above the tabs
# Each tab's charts, in tab order; the first (masks) is open by default.
TAB_CHARTS = {"masks": ["means"], "where": ["params"], "curve": ["curve"]}


# --------------------------------------------------------------------------- helpers (shared by §1.8 tests)


def open_page(
    page: str = PAGE, query: dict | None = None, lang: str = "en", view: str | None = None
) -> AppTest:
    """A fresh session on ``page`` opened with a link's query, as a browser opening a shared URL,
    then (``view``) with that tab of the dropout page open.

    The page runs as the main script (app.py's init_session would set the language from ?lang=).
    Not through harness.run_page: there the home page runs first and, in AppTest, a control key
    that home shares (dataset, iterations, compare) then shows the link's value while the page
    computes with the widget's default — the values these tests check would not be the link's.
    """
    at = AppTest.from_file(str(ROOT / page), default_timeout=TIMEOUT)
    at.session_state["lang"] = lang
    at.query_params["lang"] = lang
    for key, value in (query or {}).items():
        at.query_params[key] = value
    at.run()
    assert_ok(at)
    if view is not None:
        open_tab(at, view, lang)
    return at


def open_tab(at: AppTest, view: str, lang: str = "en", key: str = VIEW_KEY) -> AppTest:
    """Open the dropout page's tab ``view`` (a TAB_CHARTS name), as a click on it does; only it runs."""
    harness.open_tab(at, key, f"dropout.tab.{view}", lang)
    assert_ok(at)
    return at


def in_the_app(page: str, lang: str) -> AppTest:
    """The page reached through the app's navigation (harness.run_page): it renders, in ``lang``."""
    at = run_page(page, lang=lang)
    assert_ok(at)
    assert len(chart_specs(at)) >= 4
    if lang == "zh":
        assert english_leaks(at) == []
    return at


def spec_of(at, key: str) -> dict:
    """The Plotly JSON of the chart drawn with ``key``."""
    found = [read_spec(c.proto.spec) for c in at.get("plotly_chart") if c.key == key]
    assert found, [c.key for c in at.get("plotly_chart")]
    return found[0]


def trace(spec: dict, **meta) -> dict:
    """The first trace whose ``meta`` has these items."""
    return next(d for d in spec["data"] if all((d.get("meta") or {}).get(k) == v for k, v in meta.items()))


def at_extremes(slug: str, page: str, which: int, lang: str = "en", min_charts: int = 4):
    """Every control of ``slug`` at its minimum (0) or maximum (1), sent through the URL: no notice,
    every control at that value, at least ``min_charts`` charts, no English in Chinese."""
    controls = controls_of(slug)
    setting = extremes(controls)[which]
    at = open_page(page, {c.key: c.to_url(setting[c.key]) for c in controls}, lang)
    notices = [w.value for w in at.warning if "link set" in w.value or "链接中" in w.value]
    assert not notices, notices
    for c in controls:
        assert widget(at, c.key).value == setting[c.key], c.key
    assert len(chart_specs(at)) >= min_charts
    if lang == "zh":
        assert english_leaks(at) == []
    return at


def page_data():
    """The page's default data (moons, seed 0), as ui.training builds it."""
    d = make_dataset("moons", m=preset.M, seed=0, noise_rate=preset.NOISE, jitter=0.2)
    parts = split(d.X, d.Y, preset.RATIOS, seed=0)
    return (*parts["train"], *parts["dev"])


def page_config(iterations: int, kps=(0.8, 0.5, 0.8), kp0: float = 1.0) -> TrainConfig:
    return preset.train_config(iterations, kps, kp0, seed=0)


# --------------------------------------------------------------------------- languages and extremes


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_defaults_in_both_languages(lang):
    in_the_app(PAGE, lang)
    at = open_page(lang=lang)
    assert chart_keys(at) == ALWAYS + TAB_CHARTS["masks"]
    assert "Dropout" in at.title[0].value
    assert ("训练" in at.markdown[0].value) if lang == "zh" else ("training" in at.markdown[0].value)
    if lang == "zh":
        assert english_leaks(at) == []
    assert len(at.latex) >= 1


@pytest.mark.parametrize("which", [0, 1])
def test_every_control_at_its_extremes(which):
    lang = "zh" if which else "en"
    at = at_extremes(SLUG, PAGE, which, lang=lang)
    iterations = arr(trace(spec_of(at, "cost"), run="with_dropout")["x"])
    assert iterations[-1] == extremes(controls_of(SLUG))[which]["iterations"]
    harness.assert_every_tab(at, VIEW_KEY, f"{SLUG}.tab.", TAB_CHARTS, ALWAYS, lang)


# --------------------------------------------------------------------------- the figures follow keep_prob


def test_figure_data_changes_with_keep_prob():
    at = open_page(query={"iterations": "400"})
    before = {k: spec_of(at, k) for k in ("boundary", "means", "cost", "boundary_plain")}
    before["curve"] = spec_of(open_tab(at, "curve"), "curve")
    widget(at, "kp2").set_value(0.9).run()
    assert_ok(at)
    after = {"curve": spec_of(at, "curve")}  # the curve's tab stays open across the move
    open_tab(at, "masks")
    after |= {k: spec_of(at, k) for k in before if k != "curve"}
    z = [arr(s["data"][0]["z"]) for s in (before["boundary"], after["boundary"])]
    assert not np.allclose(*z)
    assert before["means"]["data"] != after["means"]["data"]
    assert before["cost"]["data"][0] != after["cost"]["data"][0]
    # Neither the no-dropout run nor the curve (one keep_prob for every layer) depends on kp2.
    assert before["boundary_plain"]["data"] == after["boundary_plain"]["data"]
    assert before["curve"]["data"] == after["curve"]["data"]


def test_boundary_and_errors_are_the_network_without_dropout():
    """§1.6: the boundary of the dropout-trained model is its prediction with every unit on."""
    at = open_page(query={"iterations": "400"})
    X, Y, Xd, Yd = page_data()
    res = train(X, Y, page_config(400), X_dev=Xd, Y_dev=Yd)
    heat = spec_of(at, "boundary")["data"][0]
    xs, ys, z = arr(heat["x"]), arr(heat["y"]), arr(heat["z"])
    # The grid's x and y arrive rounded too (ui.plotly_wire), so P moves by up to ~1e-6 more.
    np.testing.assert_allclose(z, probability_grid(res.params, "tanh", xs, ys), rtol=SENT_RTOL, atol=1e-5)
    shown = [m.value for m in at.get("metric")][:2]
    assert shown == [f"{res.history['train_error'].iloc[-1]:.1%}", f"{res.history['dev_error'].iloc[-1]:.1%}"]


def test_cost_is_noisy_with_dropout_and_smooth_without():
    at = open_page()
    spec = spec_of(at, "cost")
    noisy = np.diff(arr(trace(spec, run="with_dropout")["y"]))
    smooth = np.diff(arr(trace(spec, run="without_dropout")["y"]))
    assert np.mean(noisy > 0) > 0.3
    assert np.mean(smooth > 0) < 0.05
    assert np.mean(np.abs(noisy)) > 3 * np.mean(np.abs(smooth))


def test_inverted_dropout_bars():
    """The division by keep_prob keeps each layer's size; without it layer 2 (keep_prob 0.5) halves."""
    at = open_page(query={"iterations": "400"})
    spec = spec_of(at, "means")
    clean, inverted, raw = (arr(trace(spec, column=c)["y"]) for c in ("no_dropout", "inverted", "not_scaled"))
    np.testing.assert_allclose(inverted[:3], clean[:3], rtol=0.1)
    assert raw[1] < 0.6 * clean[1]
    assert np.all(raw < inverted)
    # The bars are mean_activations of the trained model, over the page's 40 mask draws.
    X, Y, Xd, Yd = page_data()
    res = train(X, Y, page_config(400), X_dev=Xd, Y_dev=Yd)
    df = mean_activations(res.params, X, (0.8, 0.5, 0.8), "tanh", 1.0, 40, 0)
    np.testing.assert_allclose(inverted, df["inverted"].to_numpy(), rtol=SENT_RTOL)


def test_hint_points_at_the_layer_with_the_most_parameters():
    at = open_page(query={"iterations": "300"}, view="where")
    assert at.success and "Layer 2" in at.success[0].value  # the default already drops it most
    assert arr(spec_of(at, "params")["data"][0]["y"]).argmax() == 1
    widget(at, "kp2").set_value(0.95).run()
    hints = [i.value for i in at.info if "Layer 2" in i.value]
    assert hints and "lowest" in hints[0]


def test_keep_prob_curve_is_the_batched_sweep():
    at = open_page(query={"iterations": "300", "kp1": "0.7", "kp2": "0.7", "kp3": "0.7"}, view="curve")
    spec = spec_of(at, "curve")
    dev = trace(spec, column="dev_error")
    values = arr(dev["customdata"])
    X, Y, Xd, Yd = page_data()
    curve = train_sweep(X, Y, preset.curve_config(page_config(300)), "keep_prob", values, Xd, Yd)
    np.testing.assert_array_equal(arr(dev["y"]), curve.dev_errors)
    np.testing.assert_array_equal(arr(trace(spec, column="train_error")["y"]), curve.train_errors)
    assert len(values) >= 8 and values[-1] == 1.0
    # All hidden layers share 0.7, so the current value is marked on the curve.
    assert any(s.get("x0") == 0.7 for s in spec["layout"].get("shapes", []))


# --------------------------------------------------------------------------- lazy tabs


def test_only_the_open_tab_runs_and_stays_open_across_a_move():
    """The training section is always drawn; below it only the open tab computes and sends its charts."""
    at = open_page(query={"iterations": "300"})
    assert at.session_state[VIEW_KEY] == text("dropout.tab.masks", "en")
    assert chart_keys(at) == ALWAYS + TAB_CHARTS["masks"]
    assert not at.success and not at.info  # the where-to-drop hint is not shown
    assert not any("keep_prob =" in c.value for c in at.caption)  # nor the curve's best point
    open_tab(at, "curve")
    assert chart_keys(at) == ALWAYS + TAB_CHARTS["curve"]
    widget(at, "kp1").set_value(0.6).run()
    assert_ok(at)
    assert at.session_state[VIEW_KEY] == text("dropout.tab.curve", "en")
    assert chart_keys(at) == ALWAYS + TAB_CHARTS["curve"]
    assert widget(at, "kp1").value == 0.6
    # In Chinese every tab has its charts and no English prose; the open tab survives the switch.
    at.session_state["lang"] = "zh"
    at.run()
    assert_ok(at)
    assert at.session_state[VIEW_KEY] == text("dropout.tab.curve", "zh")
    assert chart_keys(at) == ALWAYS + TAB_CHARTS["curve"]
    harness.assert_every_tab(at, VIEW_KEY, f"{SLUG}.tab.", TAB_CHARTS, ALWAYS, "zh")


# --------------------------------------------------------------------------- shell behaviour


def test_the_linked_iterations_are_what_the_page_trains_with():
    """?iterations=700 (a key other pages share) is the length of this page's runs."""
    at = open_page(query={"iterations": "700"})
    assert widget(at, "iterations").value == 700
    assert arr(trace(spec_of(at, "cost"), run="with_dropout")["x"])[-1] == 700


def test_ab_compare_renders_both_configurations():
    at = open_page(query={"iterations": "300", "compare": "1", "b_kp2": "1", "b_kp1": "1"})
    keys = chart_keys(at)
    assert keys == [f"A{k}" for k in ALWAYS + TAB_CHARTS["masks"]] + [
        f"B{k}" for k in ALWAYS + TAB_CHARTS["masks"]
    ] + ["ab_bars"]
    a, b = (arr(spec_of(at, f"{s}boundary")["data"][0]["z"]) for s in "AB")
    assert not np.allclose(a, b)
    assert widget(at, "b_kp2").value == 1.0 and widget(at, "kp2").value == 0.5
    bars = spec_of(at, "ab_bars")
    # Each half has its own tabs: B shows its curve while A keeps its bars, and the errors compared
    # below (the training runs) do not depend on which tab is open.
    open_tab(at, "curve", key="B" + VIEW_KEY)
    assert chart_keys(at) == [f"A{k}" for k in ALWAYS + TAB_CHARTS["masks"]] + [
        f"B{k}" for k in ALWAYS + TAB_CHARTS["curve"]
    ] + ["ab_bars"]
    assert spec_of(at, "ab_bars")["data"] == bars["data"]
    open_tab(at, "curve", key="A" + VIEW_KEY)  # both curves, each half's own
    assert chart_keys(at) == [f"{s}{k}" for s in "AB" for k in ALWAYS + TAB_CHARTS["curve"]] + ["ab_bars"]


def test_code_expander_shows_the_real_sources():
    at = open_page(query={"iterations": "300"})
    sources = [c.value.strip() for c in at.code]
    for fn in (mean_activations, train_sweep):
        assert inspect.getsource(fn).strip() in sources
