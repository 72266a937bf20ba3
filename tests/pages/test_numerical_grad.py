"""§1.12 page: both languages, extremes, secants, the log-log slopes and the round-off regime."""

import inspect

import numpy as np
import pytest

from core.gradcheck import two_sided_difference
from tests.pages.harness import arr, assert_ok, chart_specs, english_leaks, run_page, widget
from ui.controls import extremes
from ui.specs import controls_of

SCRIPT = "lectures/12_numerical_gradients.py"


@pytest.fixture
def page():
    """Open the page the way a shared link does: run_page(SCRIPT, query, lang)."""

    def open_page(query=None, lang="en"):
        return run_page(SCRIPT, query=query, lang=lang)

    return open_page


def trace(spec: dict, role: str, panel: str | None = None) -> dict:
    for tr in spec["data"]:
        meta = tr.get("meta") or {}
        if meta.get("role") == role and (panel is None or meta.get("panel") == panel):
            return tr
    raise KeyError(role)


def loglog(at) -> dict:
    return [
        s
        for s in chart_specs(at)
        if any((tr.get("meta") or {}).get("role") == "two_error" for tr in s["data"])
    ][0]


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_defaults_show_the_lecture_numbers(page, lang):
    at = page(lang=lang)
    assert_ok(at)
    assert len(chart_specs(at)) == 2
    values = [m.value for m in at.metric]
    assert values[:3] == ["3", "3.0301", "3.0001"]  # f′(1) = 3; the lecture's one- and two-sided quotients
    if lang == "zh":
        assert english_leaks(at) == []
        assert "双边" in " ".join(m.value for m in at.markdown)


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("which", [0, 1], ids=["min", "max"])
def test_every_control_at_its_extremes(page, lang, which):
    controls = controls_of("numerical_grad")
    setting = extremes(controls)[which]
    at = page({c.key: c.to_url(setting[c.key]) for c in controls}, lang=lang)
    assert_ok(at)
    assert not at.warning or all("θ" in w.value for w in at.warning)
    assert chart_specs(at), "at least the log-log plot is drawn"
    if lang == "zh":
        assert english_leaks(at) == []


def test_changing_theta_and_function_changes_the_figures(page):
    at = page()
    before = arr(trace(chart_specs(at)[0], "one_sided", "curve")["y"])
    widget(at, "theta").set_value(1.5).run()
    assert_ok(at)
    after = arr(trace(chart_specs(at)[0], "one_sided", "curve")["y"])
    assert not np.allclose(before, after)
    widget(at, "func").set_value("sin").run()
    assert_ok(at)
    assert at.metric[0].value == f"{np.cos(1.5):.6g}"


def test_residual_panel_turns_slope_errors_into_slopes(page):
    at = page({"theta": "1", "epsilon": "0.1"})
    spec = chart_specs(at)[0]
    for role, error in (("one_sided", 0.31), ("two_sided", 0.01)):  # f = θ³ at θ = 1, ε = 0.1
        tr = trace(spec, role, "residual")
        u, y = arr(tr["x"]), arr(tr["y"])
        slope_per_unit_x = np.polyfit(u * 0.1, y, 1)[0]
        assert slope_per_unit_x == pytest.approx(error, rel=1e-6)


def test_loglog_shows_both_orders_and_annotates_them(page):
    at = page()
    spec = loglog(at)
    eps = arr(trace(spec, "one_error")["x"])
    big = (eps >= 1e-3 / 1.0001) & (eps <= 1e-1 * 1.0001)
    for role, order in (("one_error", 1.0), ("two_error", 2.0)):
        err = arr(trace(spec, role)["y"])
        assert np.polyfit(np.log10(eps[big]), np.log10(err[big]), 1)[0] == pytest.approx(order, abs=0.05)
    texts = [a["text"] for a in spec["layout"]["annotations"]]
    assert "slope 1: O(ε)" in texts and "slope 2: O(ε²)" in texts
    assert "round-off takes over" in texts
    assert eps.min() == pytest.approx(1e-12) and eps.max() == pytest.approx(1e-1)


@pytest.mark.parametrize("func,theta", [("cube", "1"), ("exp", "0.5"), ("sin", "1"), ("sigmoid", "-1")])
def test_roundoff_regime_is_visible_below_1e_10(page, func, theta):
    at = page({"func": func, "theta": theta})
    assert_ok(at)
    spec = loglog(at)
    eps = arr(trace(spec, "two_error")["x"])
    err = arr(trace(spec, "two_error")["y"])
    small = eps <= 1e-10 * (1 + 1e-9)
    assert small.sum() >= 8
    best = np.nanmin(err)
    # far above the curve's minimum, and far above the O(ε²) truncation extrapolated from ε = 1e-2
    assert np.all(err[small] >= 100 * best)
    at_1e2 = err[np.argmin(np.abs(np.log10(eps) + 2))]
    assert np.all(err[small] >= 1e6 * at_1e2 * (eps[small] / 1e-2) ** 2)
    # and growing as ε shrinks (round-off ∝ 1/ε)
    assert np.polyfit(np.log10(eps[small]), np.log10(err[small]), 1)[0] < -0.5
    text = " ".join(m.value for m in at.markdown)
    assert "Round-off takes over" in text


def test_no_roundoff_where_f_is_zero_is_explained(page):
    at = page({"func": "tanh", "theta": "0"})
    assert_ok(at)
    assert "round-off hardly shows" in " ".join(m.value for m in at.markdown)


def test_outside_the_domain_is_a_message_not_a_traceback(page):
    at = page({"func": "log", "theta": "-1"})
    assert_ok(at)
    assert len(at.warning) == 2  # no secants, no error curve
    at = page({"func": "log", "theta": "0.1", "epsilon": "0.5"})
    assert_ok(at)
    assert at.warning and at.info  # secants impossible; the curve starts below ε = 0.1
    assert len(chart_specs(at)) == 1


def test_garbage_url_is_clamped_with_a_notice(page):
    at = page({"theta": "99", "epsilon": "-3", "func": "cosh"})
    assert_ok(at)
    notices = " ".join(w.value for w in at.warning)
    assert "theta=" in notices and "epsilon=" in notices and "func=" in notices
    assert widget(at, "theta").value == 2.0 and widget(at, "func").value == "cube"


def test_code_expander_shows_the_quotient_that_ran(page):
    at = page()
    assert inspect.getsource(two_sided_difference).strip() in [c.value.strip() for c in at.code]
