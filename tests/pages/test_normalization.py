"""§1.9 normalizing inputs page: both languages, every control at its extremes, contours elongated vs
round, the learning-rate story, and the dev-statistics pitfall."""

import inspect

import pytest

import ui.i18n
from core import normalization_demo as nd
from tests.pages.harness import arr as values
from tests.pages.harness import assert_ok, chart_specs, english_leaks, run_page, widget
from ui.controls import extremes
from ui.specs import controls_of

PAGE = "lectures/09_normalizing_inputs.py"
SLUG = "normalization"


def open_page(monkeypatch, query=None, lang="en", page=PAGE):
    """Run ``page`` with a URL query; shared by the §1.9–1.11 page tests."""
    # AppTest formats selectbox options in the test process, outside the script run, where the
    # session's language is unknown; use the page's language there too (test-only).
    monkeypatch.setattr(ui.i18n, "DEFAULT_LANG", lang)
    at = run_page(page, query=query, lang=lang)
    assert_ok(at)
    return at


def figure(at, title_part):
    """The chart whose title contains ``title_part``."""
    found = [s for s in chart_specs(at) if title_part in s["layout"].get("title", {}).get("text", "")]
    assert found, [s["layout"].get("title", {}).get("text") for s in chart_specs(at)]
    return found[0]


def metric(at, label_part):
    """The value of the metric whose label contains ``label_part``."""
    found = [m for m in at.get("metric") if label_part in m.label]
    assert found, [m.label for m in at.get("metric")]
    return found[0].value


def trace(spec, **meta):
    """The first trace whose ``meta`` has these items."""
    return next(d for d in spec["data"] if all(d.get("meta", {}).get(k) == v for k, v in meta.items()))


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_defaults_in_both_languages(monkeypatch, lang):
    at = open_page(monkeypatch, lang=lang)
    assert len(chart_specs(at)) >= 5
    assert ("归一化" in at.title[0].value) if lang == "zh" else ("Normalizing" in at.title[0].value)
    if lang == "zh":
        assert english_leaks(at) == []
    assert at.success, "the normalized default run reaches its target"


def at_extremes(monkeypatch, slug, page, which, lang):
    """Open ``page`` with every control of ``slug`` at its minimum (0) or maximum (1) via the URL."""
    controls = controls_of(slug)
    setting = extremes(controls)[which]
    query = {c.key: c.to_url(setting[c.key]) for c in controls}
    at = open_page(monkeypatch, query=query, lang=lang, page=page)
    clamped = [w.value for w in at.warning if "link set" in w.value or "链接中" in w.value]
    assert not clamped, clamped
    for c in controls:
        assert widget(at, c.key).value == setting[c.key], c.key
    if lang == "zh":
        assert english_leaks(at) == []
    return at


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("which", [0, 1], ids=["min", "max"])
def test_every_control_at_its_extremes(monkeypatch, lang, which):
    at = at_extremes(monkeypatch, SLUG, PAGE, which, lang)
    assert len(chart_specs(at)) >= 5


def test_contours_long_and_narrow_without_normalization_round_with_it(monkeypatch):
    at = open_page(monkeypatch, query={"normalize": "1"})
    kappa_norm = float(metric(at, "Condition number"))
    assert kappa_norm < 10
    assert len([s for s in chart_specs(at) if s["data"][0]["type"] == "contour"]) == 1
    widget(at, "normalize").set_value(False).run()
    assert_ok(at)
    kappa_raw = float(metric(at, "Condition number"))
    assert kappa_raw > 1e5 and kappa_raw / kappa_norm > 1e4
    contours = [s for s in chart_specs(at) if s["data"][0]["type"] == "contour"]
    assert len(contours) == 2, "raw inputs get a to-scale view and a magnified one"
    to_scale = next(s for s in contours if s["layout"]["yaxis"].get("scaleratio") == 1.0)
    assert "drawn to scale" in to_scale["layout"]["title"]["text"]
    # the to-scale box is square in weight units: the valley is the thin feature, not the box
    x_range, y_range = to_scale["layout"]["xaxis"]["range"], to_scale["layout"]["yaxis"]["range"]
    assert x_range[1] - x_range[0] == pytest.approx(y_range[1] - y_range[0])


def test_raw_inputs_diverge_at_a_rate_the_normalized_ones_handle(monkeypatch):
    at = open_page(monkeypatch, query={"normalize": "0", "gd_alpha": "1"})
    assert at.error and "diverges" in at.error[0].value
    notes = [a["text"] for a in figure(at, "drawn to scale")["layout"].get("annotations", [])]
    assert any(n.startswith("the path leaves the picture") for n in notes), notes
    widget(at, "gd_alpha").set_value(1e-5).run()
    assert_ok(at)
    assert not at.error and at.info  # stable now, but far from the target in 100 iterations


def test_a_training_control_changes_the_figure_data(monkeypatch):
    at = open_page(monkeypatch)
    before = values(trace(figure(at, "drawn to scale"), role="path")["x"])
    widget(at, "gd_alpha").set_value(0.1).run()
    assert_ok(at)
    after = values(trace(figure(at, "drawn to scale"), role="path")["x"])
    assert len(before) == len(after) and not (before == after).all()


def test_a_new_learning_rate_draws_its_path_on_kept_cost_surfaces(monkeypatch):
    """The cost surface does not depend on α: moving it runs gradient descent only."""
    surfaces = []
    real = nd.cost_surface
    monkeypatch.setattr(nd, "cost_surface", lambda *a: surfaces.append(1) or real(*a))
    at = open_page(monkeypatch, query={"seed": "4242"})  # a seed no other test draws: nothing kept yet
    drawn = len(surfaces)
    assert drawn >= 1
    before = figure(at, "drawn to scale")
    widget(at, "gd_alpha").set_value(0.1).run()
    assert_ok(at)
    after = figure(at, "drawn to scale")
    assert len(surfaces) == drawn
    assert trace(after, role="path")["x"] != trace(before, role="path")["x"]
    assert after["data"][0]["z"] == before["data"][0]["z"]
    widget(at, "gd_m").set_value(widget(at, "gd_m").value // 2).run()
    assert len(surfaces) > drawn  # other data: other surfaces


def test_the_pitfall_raises_dev_error(monkeypatch):
    at = open_page(monkeypatch, query={"dev_share": "0.8"})
    right = float(metric(at, "Dev error").rstrip("%"))
    widget(at, "own_stats").set_value(True).run()
    assert_ok(at)
    wrong = float(metric(at, "Dev error").rstrip("%"))
    assert wrong > right + 5, (right, wrong)
    assert "its own" in figure(at, "dev batch")["layout"]["title"]["text"]


def test_tables_and_code(monkeypatch):
    at = open_page(monkeypatch)
    text = " ".join(m.value for m in at.markdown)
    assert "Condition number κ" in text and "Largest stable α" in text
    sources = [c.value.strip() for c in at.code]
    assert inspect.getsource(nd.gradient_descent).strip() in sources
    assert inspect.getsource(nd.pitfall).strip() in sources
