"""§1.6–1.7 dropout page: both languages, every control at its extremes, the figures follow keep_prob,
the boundary is the test-time network, the curve is the batched sweep, the hint, and A/B compare."""

from __future__ import annotations

import inspect

import numpy as np
import pytest
from streamlit.testing.v1 import AppTest

from core.datasets import make_dataset, split
from core.dropout_demo import mean_activations
from core.sweep import train_sweep
from core.train import TrainConfig, train
from tests.pages.harness import (
    ROOT,
    SENT_RTOL,
    TIMEOUT,
    arr,
    assert_ok,
    chart_specs,
    english_leaks,
    run_page,
    widget,
)
from ui.charts import probability_grid
from ui.controls import extremes
from ui.plotly_wire import read_spec
from ui.specs import controls_of
from ui.specs import dropout as preset

PAGE = "lectures/06_dropout.py"
SLUG = "dropout"


# --------------------------------------------------------------------------- helpers (shared by §1.8 tests)


def open_page(page: str = PAGE, query: dict | None = None, lang: str = "en") -> AppTest:
    """A fresh session on ``page`` opened with a link's query, as a browser opening a shared URL.

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


def at_extremes(slug: str, page: str, which: int, lang: str = "en"):
    """Every control of ``slug`` at its minimum (0) or maximum (1), sent through the URL."""
    controls = controls_of(slug)
    setting = extremes(controls)[which]
    at = open_page(page, {c.key: c.to_url(setting[c.key]) for c in controls}, lang)
    notices = [w.value for w in at.warning if "link set" in w.value or "链接中" in w.value]
    assert not notices, notices
    for c in controls:
        assert widget(at, c.key).value == setting[c.key], c.key
    assert len(chart_specs(at)) >= 4
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
    keys = [c.key for c in at.get("plotly_chart")]
    assert keys == ["boundary", "boundary_plain", "cost", "means", "params", "curve"]
    assert "Dropout" in at.title[0].value
    assert ("训练" in at.markdown[0].value) if lang == "zh" else ("training" in at.markdown[0].value)
    if lang == "zh":
        assert english_leaks(at) == []
    assert len(at.latex) >= 1


@pytest.mark.parametrize("which", [0, 1])
def test_every_control_at_its_extremes(which):
    at = at_extremes(SLUG, PAGE, which, lang="zh" if which else "en")
    iterations = arr(trace(spec_of(at, "cost"), run="with_dropout")["x"])
    assert iterations[-1] == extremes(controls_of(SLUG))[which]["iterations"]


# --------------------------------------------------------------------------- the figures follow keep_prob


def test_figure_data_changes_with_keep_prob():
    at = open_page(query={"iterations": "400"})
    before = {k: spec_of(at, k) for k in ("boundary", "means", "cost", "curve", "boundary_plain")}
    widget(at, "kp2").set_value(0.9).run()
    assert_ok(at)
    after = {k: spec_of(at, k) for k in before}
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
    at = open_page(query={"iterations": "300"})
    assert at.success and "Layer 2" in at.success[0].value  # the default already drops it most
    assert arr(spec_of(at, "params")["data"][0]["y"]).argmax() == 1
    widget(at, "kp2").set_value(0.95).run()
    hints = [i.value for i in at.info if "Layer 2" in i.value]
    assert hints and "lowest" in hints[0]


def test_keep_prob_curve_is_the_batched_sweep():
    at = open_page(query={"iterations": "300", "kp1": "0.7", "kp2": "0.7", "kp3": "0.7"})
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


# --------------------------------------------------------------------------- shell behaviour


def test_the_linked_iterations_are_what_the_page_trains_with():
    """?iterations=700 (a key other pages share) is the length of this page's runs."""
    at = open_page(query={"iterations": "700"})
    assert widget(at, "iterations").value == 700
    assert arr(trace(spec_of(at, "cost"), run="with_dropout")["x"])[-1] == 700


def test_ab_compare_renders_both_configurations():
    at = open_page(query={"iterations": "300", "compare": "1", "b_kp2": "1", "b_kp1": "1"})
    keys = [c.key for c in at.get("plotly_chart")]
    for part in ("boundary", "cost", "curve"):
        assert f"A{part}" in keys and f"B{part}" in keys
    assert "ab_bars" in keys
    a, b = (arr(spec_of(at, f"{s}boundary")["data"][0]["z"]) for s in "AB")
    assert not np.allclose(a, b)
    assert widget(at, "b_kp2").value == 1.0 and widget(at, "kp2").value == 0.5


def test_code_expander_shows_the_real_sources():
    at = open_page(query={"iterations": "300"})
    sources = [c.value.strip() for c in at.code]
    for fn in (mean_activations, train_sweep):
        assert inspect.getsource(fn).strip() in sources
