"""§1.8 early-stopping page: both languages, every control at its extremes, the dev minimum marked
where the dev curve is lowest, ‖W‖_F growing, three models side by side, the orthogonalization note.
Below the error curves the page has lazy tabs (growing weights, three models): only the open one runs."""

from __future__ import annotations

import numpy as np
import pytest

from core.datasets import make_dataset, split
from core.early_stopping import patience_stop, weight_norm
from core.train import train
from tests.pages import harness
from tests.pages.harness import arr, assert_ok, chart_keys, english_leaks, run_page, widget
from tests.pages.test_dropout import at_extremes, open_page, spec_of, trace
from ui.i18n import text
from ui.specs import early_stopping as preset

PAGE = "lectures/08_early_stopping.py"
SLUG = "early_stopping"
VIEW_KEY = "early_stopping_view"  # the lazy tabs below the error curves; only the open one runs
ALWAYS = ["curves"]  # the train/dev curves with the dev minimum and the patience stop, above the tabs
TABS = {  # tab -> its charts; the first is open by default
    "weights": ["norms"],
    "models": ["boundary_early", "boundary_full", "boundary_l2", "models"],
}


def open_tab(at, tab: str, lang: str = "en"):
    """Open the tab ``tab`` (a key of TABS), as a click on it does; the page reruns with only it."""
    at = harness.open_tab(at, VIEW_KEY, f"{SLUG}.tab.{tab}", lang)
    assert_ok(at)
    return at


def page_run(iterations: int, lambd: float = 0.0):
    d = make_dataset("moons", m=preset.M, seed=0, noise_rate=preset.NOISE, jitter=0.2)
    parts = split(d.X, d.Y, preset.RATIOS, seed=0)
    (X, Y), (Xd, Yd) = parts["train"], parts["dev"]
    return train(X, Y, preset.train_config(iterations, lambd=lambd), X_dev=Xd, Y_dev=Yd)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_defaults_in_both_languages(lang):
    app = run_page(PAGE, lang=lang)  # reached through the app's navigation
    assert_ok(app)
    assert chart_keys(app) == [*ALWAYS, *TABS["weights"]]
    if lang == "zh":
        assert english_leaks(app) == []
    at = open_page(PAGE, lang=lang)
    assert chart_keys(at) == [*ALWAYS, *TABS["weights"]]
    assert ("提前停止" in at.title[0].value) if lang == "zh" else ("Early stopping" in at.title[0].value)
    heads = " ".join(s.value for s in at.subheader)
    assert ("正交化" in heads) if lang == "zh" else ("Orthogonalization" in heads)
    note = at.markdown[-1].value  # the orthogonalization note closes the page
    assert ("代价函数 J" in note) if lang == "zh" else ("cost J" in note and "overfitting" in note)
    if lang == "zh":
        assert english_leaks(at) == []
    harness.assert_every_tab(at, VIEW_KEY, f"{SLUG}.tab.", TABS, ALWAYS, lang)
    assert at.markdown[-1].value == note  # the note stays below the tabs, whichever is open


@pytest.mark.parametrize("which", [0, 1])
def test_every_control_at_its_extremes(which):
    lang = "en" if which else "zh"
    at = at_extremes(SLUG, PAGE, which, lang, min_charts=len(ALWAYS) + len(TABS["weights"]))
    assert chart_keys(at) == [*ALWAYS, *TABS["weights"]]
    harness.assert_every_tab(at, VIEW_KEY, f"{SLUG}.tab.", TABS, ALWAYS, lang)


def test_only_the_open_tab_is_sent_and_it_stays_open_when_a_slider_moves():
    at = open_page(PAGE, query={"iterations": "1000"})
    assert at.session_state[VIEW_KEY] == text("early_stopping.tab.weights", "en")  # the default tab
    widget(at, "patience").set_value(100).run()
    assert_ok(at)
    assert chart_keys(at) == [*ALWAYS, *TABS["weights"]]  # a move redraws 2 charts, not 6
    open_tab(at, "models")
    widget(at, "lambd").set_value(5.0).run()
    assert_ok(at)
    assert at.session_state[VIEW_KEY] == "Three models"
    assert chart_keys(at) == [*ALWAYS, *TABS["models"]]
    assert "λ = 5" in spec_of(at, "boundary_l2")["layout"]["title"]["text"]  # the L2 model of the new λ
    at.session_state["lang"] = "zh"  # renamed tabs: the open one stays open
    at.run()
    assert_ok(at)
    assert at.session_state[VIEW_KEY] == text("early_stopping.tab.models", "zh")
    assert chart_keys(at) == [*ALWAYS, *TABS["models"]]
    harness.assert_every_tab(at, VIEW_KEY, f"{SLUG}.tab.", TABS, ALWAYS, "zh")


def test_ab_compare_has_its_own_tabs_in_each_half():
    at = open_page(PAGE, query={"iterations": "1000"})
    widget(at, "compare").set_value(True).run()
    assert_ok(at)
    widget(at, "b_lambd").set_value(0.1).run()
    assert_ok(at)
    ab = ["ab_bars"]
    assert chart_keys(at) == ["Acurves", "Anorms", "Bcurves", "Bnorms", *ab]
    differences = [m.value for m in at.get("metric") if "(B − A)" in m.label]
    at.session_state["B" + VIEW_KEY] = text("early_stopping.tab.models", "en")
    at.run()
    assert_ok(at)
    b_models = ["B" + k for k in TABS["models"]]
    assert chart_keys(at) == ["Acurves", "Anorms", "Bcurves", *b_models, *ab]
    # The compared errors are the early-stopped model's, whichever tab is open.
    assert [m.value for m in at.get("metric") if "(B − A)" in m.label] == differences
    assert len(differences) == 2


def test_dev_minimum_is_marked_where_the_dev_curve_is_lowest():
    at = open_page(PAGE, query={"iterations": "1500", "patience": "200"})
    spec = spec_of(at, "curves")
    dev = trace(spec, column="dev_error")
    x, y = arr(dev["x"]), arr(dev["y"])
    best = spec["layout"]["meta"]["best_iteration"]
    assert best == x[int(np.argmin(y))]  # the first minimum of the plotted dev curve
    dashed = [s["x0"] for s in spec["layout"]["shapes"] if s["line"]["dash"] == "dash"]
    assert dashed and all(v == best for v in dashed)
    # The patience stop is replayed from the same history and drawn dotted.
    res = page_run(1500)
    assert res.best_iteration == best
    stop, kept = patience_stop(res.history, 200)
    assert spec["layout"]["meta"]["stop_iteration"] == stop
    assert f"iteration {stop}" in " ".join(c.value for c in at.caption)


def test_weights_grow_and_the_three_models():
    at = open_page(PAGE, query={"iterations": "1500", "lambd": "1"})
    total = arr(trace(spec_of(at, "norms"), role="total")["y"])
    assert total[0] < total[len(total) // 2] < total[-1]
    res, l2 = page_run(1500), page_run(1500, lambd=1.0)
    norm_note = [c.value for c in at.caption if "‖W‖_F is" in c.value]  # with the L2 model's final norm
    assert norm_note and f"ends at {weight_norm(l2.params):.2f}" in norm_note[0]
    open_tab(at, "models")
    stats = [c.value for c in at.caption if "‖W‖_F" in c.value and "·" in c.value]
    assert len(stats) == 3
    for stat, params in zip(stats, (res.best_params, res.final_params, l2.params), strict=True):
        assert f"‖W‖_F {weight_norm(params):.2f}" in stat
    # Early-stopped and L2 models beat the fully trained one on the dev set.
    bars = spec_of(at, "models")
    dev = arr(trace(bars, column="dev_error")["y"])
    assert dev[0] < dev[1] and dev[2] < dev[1]
    # Three different boundaries.
    zs = [arr(spec_of(at, k)["data"][0]["z"]) for k in ("boundary_early", "boundary_full", "boundary_l2")]
    assert not np.allclose(zs[0], zs[1]) and not np.allclose(zs[1], zs[2])


def test_figures_change_with_the_controls():
    at = open_tab(open_page(PAGE, query={"iterations": "1000"}), "models")
    l2_before = spec_of(at, "boundary_l2")["data"][0]["z"]
    curves_before = spec_of(at, "curves")["data"]
    widget(at, "lambd").set_value(5.0).run()
    assert_ok(at)
    assert spec_of(at, "boundary_l2")["data"][0]["z"] != l2_before
    assert spec_of(at, "curves")["data"] == curves_before  # the plain run does not depend on λ
    widget(at, "dataset").set_value("circles").run()
    assert_ok(at)
    assert spec_of(at, "curves")["data"] != curves_before
