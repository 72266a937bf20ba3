"""§1.10 vanishing/exploding page: both languages, extremes (depth 150 with a = 1.5, float32 overflow),
the deep linear network against a^l, and gradients by layer of a real deep network."""

import inspect

import numpy as np
import pytest

from core import deep_nets as dn
from tests.pages.harness import SENT_RTOL, chart_specs, english_leaks, widget
from tests.pages.test_normalization import at_extremes, figure, metric, open_page, trace, values

PAGE = "lectures/10_vanishing_exploding.py"
SLUG = "vanishing"


def page(monkeypatch, query=None, lang="en"):
    return open_page(monkeypatch, query=query, lang=lang, page=PAGE)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_defaults_in_both_languages(monkeypatch, lang):
    at = page(monkeypatch, lang=lang)
    assert len(chart_specs(at)) >= 5
    assert ("梯度消失" in at.title[0].value) if lang == "zh" else ("Vanishing" in at.title[0].value)
    if lang == "zh":
        assert english_leaks(at) == []


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("which", [0, 1], ids=["min", "max"])
def test_every_control_at_its_extremes(monkeypatch, lang, which):
    at = at_extremes(monkeypatch, SLUG, PAGE, which, lang)
    assert len(chart_specs(at)) >= 5
    if which == 1:  # a = 2, L = 150 in float32: overflow at layer 128, shown as a result
        assert any(("128" in e.value) for e in at.error), [e.value for e in at.error]


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_depth_150_with_a_1_5(monkeypatch, lang):
    at = page(monkeypatch, query={"lin_a": "1.5", "lin_depth": "150"}, lang=lang)
    assert float(metric(at, "ŷ₁")) == pytest.approx(1.5**149, rel=1e-3)
    assert at.success  # float64 holds 1.5^149 ≈ 1.7e26
    spec = chart_specs(at)[0]
    computed = values(trace(spec, series="computed")["y"])
    np.testing.assert_allclose(computed, dn.deep_linear_theory(1.5, 150), rtol=SENT_RTOL)
    assert not spec["layout"].get("annotations")  # nothing out of range
    if lang == "zh":
        assert english_leaks(at) == []


def test_float32_underflow_and_overflow_are_annotated_not_raised(monkeypatch):
    at = page(monkeypatch, query={"lin_a": "0.2", "lin_depth": "150", "lin_float32": "1"})
    assert at.warning and "Underflow" in at.warning[0].value
    first_zero = dn.first_layer_out_of_range(dn.deep_linear_forward(0.2, 150, dtype="float32"))[1]
    notes = [a["text"] for a in chart_specs(at)[0]["layout"]["annotations"]]
    assert notes == [f"underflow (0): layers {first_zero}–150"]
    widget(at, "lin_a").set_value(2.0).run()
    notes = [a["text"] for a in chart_specs(at)[0]["layout"]["annotations"]]
    assert notes == ["overflow (inf): layers 128–128", "NaN: layers 129–150"]
    assert any("Overflow" in e.value for e in at.error)


def test_gain_moves_gradients_from_vanishing_to_exploding(monkeypatch):
    at = page(monkeypatch, query={"net_gain": "0.5", "net_iters": "100"})
    assert any("Vanishing gradients" in w.value for w in at.warning)
    small = values(figure(at, "Gradient magnitude")["data"][0]["y"])
    widget(at, "net_gain").set_value(2.5).run()
    assert any("Exploding gradients" in e.value for e in at.error)
    large = values(figure(at, "Gradient magnitude")["data"][0]["y"])
    assert np.nanmin(large) > 1e6 * np.nanmax(small)
    widget(at, "net_gain").set_value(1.4).run()
    assert any("workable size" in i.value for i in at.info)


def test_gradient_chart_shows_init_and_after_training(monkeypatch):
    at = page(monkeypatch, query={"net_gain": "1.4", "net_iters": "200"})
    spec = figure(at, "Gradient magnitude")
    names = [d["name"] for d in spec["data"]]
    assert names == ["at initialization", "after 200 iterations"]
    assert len(values(trace(spec, series="at initialization")["y"])) == 20
    assert spec["layout"]["yaxis"]["type"] == "log"


def test_a_training_control_changes_the_figure_data(monkeypatch):
    at = page(monkeypatch)
    before = values(figure(at, "Gradient magnitude")["data"][0]["y"])
    widget(at, "net_act").set_value("tanh").run()
    after = values(figure(at, "Gradient magnitude")["data"][0]["y"])
    assert not np.allclose(before, after)


def test_code_expander_shows_the_functions_that_ran(monkeypatch):
    at = page(monkeypatch)
    sources = [c.value.strip() for c in at.code]
    assert inspect.getsource(dn.deep_linear_forward).strip() in sources
    assert inspect.getsource(dn.backward_signals).strip() in sources
