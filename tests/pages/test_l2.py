"""§1.4 L2 page: both languages, every control at its extremes, the overfitting preset and what λ does to it,
the cost with and without the penalty, weight decay, L1 vs L2, the batched validation curve, and A/B."""

from __future__ import annotations

import inspect

import numpy as np
import pandas as pd
import pytest

import ui.i18n
from core.sweep import train_sweep
from core.train import train
from tests.pages import harness
from tests.pages.harness import arr, assert_ok, chart_keys, chart_specs, english_leaks, run_page, widget
from ui import charts, deferred, training
from ui.controls import extremes
from ui.figures import l2 as figures
from ui.specs import controls_of
from ui.specs import l2 as spec

SCRIPT = "lectures/04_l2_regularization.py"
VIEW_KEY = "l2_view"  # the page's lazy tabs below the boundary; only the open one runs
ALWAYS = ["l2_boundary"]  # the decision boundary, above the tabs
TABS = {  # tab -> its charts
    "decay": ["l2_norms"],
    "cost": ["l2_errors", "l2_cost"],
    "l1": ["l2_weights"],
    "curve": ["l2_validation"],
}


def open_page(monkeypatch, query=None, lang="en", budgets: bool = False):
    """Run the page; without ``budgets`` the time budgets are lifted so that a loaded machine cannot cut
    training short (the numbers below are then exactly those of the configuration)."""
    # AppTest formats selectbox options outside the script run, where the session language is unknown.
    monkeypatch.setattr(ui.i18n, "DEFAULT_LANG", lang)
    if not budgets:
        monkeypatch.setattr(training, "TIME_BUDGET_S", 600.0)
        monkeypatch.setattr(spec, "SWEEP_TIME_BUDGET_S", 600.0)
    at = run_page(SCRIPT, query=query, lang=lang)
    assert_ok(at)
    return at


def open_tab(at, tab: str, lang: str = "en"):
    at = harness.open_tab(at, VIEW_KEY, f"l2.tab.{tab}", lang)
    assert_ok(at)
    return at


def figure(at, title: str, exact: bool = False) -> dict:
    """The chart whose title contains ``title`` (or equals it)."""
    found = [
        s
        for s in chart_specs(at)
        if (s["layout"].get("title", {}).get("text", "") == title)
        or (not exact and title in s["layout"].get("title", {}).get("text", ""))
    ]
    assert found, [s["layout"].get("title", {}).get("text") for s in chart_specs(at)]
    return found[0]


def trace(fig: dict, **meta) -> dict:
    found = [tr for tr in fig["data"] if all((tr.get("meta") or {}).get(k) == v for k, v in meta.items())]
    assert found, [tr.get("meta") for tr in fig["data"]]
    return found[0]


def metric(at, label_part: str) -> float:
    found = [m for m in at.get("metric") if label_part in m.label]
    assert found, [m.label for m in at.get("metric")]
    text = found[0].value.replace("%", "")
    return float(text) / (100 if "%" in found[0].value else 1)


# --------------------------------------------------------------------------- the preset (core level)


def test_preset_overfits_and_moderate_lambda_helps():
    """Must show: at λ = 0 dev error is far above train error; moderate λ lowers the dev error and the gap."""
    X, Y, Xd, Yd = spec.preset_splits()
    results = {}
    for lam in (0.0, 0.5, 1.0, 2.0):
        h = train(
            X, Y, spec.train_config({**spec.defaults(), "lambd": lam}, seed=0), X_dev=Xd, Y_dev=Yd
        ).history
        results[lam] = (h["train_error"].iloc[-1], h["dev_error"].iloc[-1])
    train0, dev0 = results[0.0]
    assert dev0 - train0 >= 0.15, results  # clear overfitting
    for lam in (0.5, 1.0, 2.0):
        tr, dv = results[lam]
        assert dv < dev0 - 0.03, (lam, results)
        assert dv - tr < (dev0 - train0) / 2, (lam, results)


def test_validation_grid_and_sweep_equal_train_on_the_preset():
    X, Y, Xd, Yd = spec.preset_splits()
    grid = spec.lambda_grid()
    assert len(grid) >= 12 and grid[0] == 0.0 and grid[1] == 1e-4 and grid[-1] == 10.0
    config = spec.train_config(spec.defaults(), seed=0)
    sweep = train_sweep(X, Y, config, "lambd", grid[::4], Xd, Yd)
    for k, lam in enumerate(grid[::4]):
        ref = train(X, Y, spec.train_config({**spec.defaults(), "lambd": lam}, seed=0), X_dev=Xd, Y_dev=Yd)
        for key, value in ref.params.items():
            assert np.max(np.abs(sweep.params[k][key] - value)) <= 1e-10


def test_preset_splits_are_the_pages_data():
    """The bench and the tests train on exactly the data the page loads through ui.training."""
    settings = spec.data_settings(spec.defaults())
    assert settings["m"] == 60 + spec.DEV_SIZE
    page_data = training._splits(training.DataSpec(name="moons", seed=0, **settings))
    for ours, theirs in zip(
        spec.preset_splits(),
        (page_data.X_train, page_data.Y_train, page_data.X_dev, page_data.Y_dev),
        strict=True,
    ):
        np.testing.assert_array_equal(ours, theirs)
    assert page_data.X_train.shape == (2, 60) and page_data.X_dev.shape == (2, spec.DEV_SIZE)


# --------------------------------------------------------------------------- figure helpers


def test_figure_helpers():
    assert figures.decay_factor(0.5, 0.3, 60) == pytest.approx(1 - 0.5 * 0.3 / 60)
    np.testing.assert_array_equal(figures.rises([3.0, 2.0, 2.5, 1.0, 1.0, 1.2]), [2, 5])
    assert figures.rises([1.0]).size == 0
    params = {
        "W1": np.array([[0.0, 0.001], [0.5, -2.0]]),
        "b1": np.ones((2, 1)),
        "W2": np.array([[np.nan, 0.0]]),
    }
    assert figures.all_weights(params).size == 6  # biases excluded
    assert figures.near_zero_share(params, 0.01) == pytest.approx(3 / 6)
    history = pd.DataFrame(
        {"iteration": [0, 10, 20], "cost": [2.0, 1.5, 1.6], "cost_no_penalty": [1.0, 0.9, 0.8]}
    )
    fig = figures.cost_terms_figure(history)
    by_role = {tr.meta["role"]: tr for tr in fig.data}
    np.testing.assert_allclose(by_role["penalty"].y, [1.0, 0.6, 0.8])
    np.testing.assert_array_equal(by_role["rise"].x, [20])
    hist = figures.weights_histogram_figure(np.array([0.0, 0.5]), np.array([0.0, 0.0]), 0.01)
    assert [tr.name for tr in hist.data] == ["L2", "L1"]


# --------------------------------------------------------------------------- the page


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_defaults_in_both_languages(monkeypatch, lang):
    at = open_page(monkeypatch, lang=lang)
    assert chart_keys(at) == ["l2_boundary", *TABS["decay"]]
    assert ("正则化" in at.title[0].value) if lang == "zh" else ("L2" in at.title[0].value)
    if lang == "zh":
        assert english_leaks(at) == []
    # The preset overfits: the dev error sits far above the train error.
    assert (
        metric(at, "验证集误差" if lang == "zh" else "Dev error")
        - metric(at, "训练集误差" if lang == "zh" else "Train error")
        >= 0.15
    )
    harness.assert_every_tab(at, VIEW_KEY, "l2.tab.", TABS, ALWAYS, lang)


def test_only_the_open_tab_runs_and_stays_open_when_a_slider_moves(monkeypatch):
    at = open_page(monkeypatch, query={"seed": "4323"})  # a sweep no other test ran
    sweeps = deferred.STARTED["train_sweep"]
    widget(at, "lambd").set_value(0.5).run()  # the λ curve's tab is closed: no sweep starts
    assert deferred.STARTED["train_sweep"] == sweeps and chart_keys(at) == ["l2_boundary", "l2_norms"]
    open_tab(at, "curve")
    assert deferred.STARTED["train_sweep"] == sweeps + 1
    widget(at, "lambd").set_value(1.0).run()
    assert_ok(at)
    assert at.session_state[VIEW_KEY] == "Choosing λ"
    assert chart_keys(at) == ["l2_boundary", "l2_validation"]


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("which", [0, 1], ids=["min", "max"])
def test_every_control_at_its_extremes(monkeypatch, lang, which):
    setting = extremes(controls_of("l2"))[which]
    query = {c.key: c.to_url(setting[c.key]) for c in controls_of("l2")}
    at = open_page(monkeypatch, query=query, lang=lang)
    # The harness opens the home page first; its own ``dataset`` widget takes that URL parameter with it
    # when the page changes, so the data set is set through its widget (the others came from the URL).
    if widget(at, "dataset").value != setting["dataset"]:
        widget(at, "dataset").set_value(setting["dataset"]).run()
        assert_ok(at)
    for c in controls_of("l2"):
        assert widget(at, c.key).value == setting[c.key]
    if setting["dataset"] == "own":  # no upload in this session: the page says so and uses the moons
        assert any(i.value == ui.i18n.text("data.own_missing", lang) for i in at.info)
    harness.assert_every_tab(at, VIEW_KEY, "l2.tab.", TABS, ALWAYS, lang)


def test_raising_lambda_lowers_dev_error_and_gap_in_the_page(monkeypatch):
    at = open_page(monkeypatch)
    dev0, gap0 = metric(at, "Dev error"), metric(at, "gap")
    widget(at, "lambd").set_value(0.5).run()
    assert_ok(at)
    assert metric(at, "Dev error") < dev0 - 0.03
    assert metric(at, "gap") < gap0 / 2


def test_figure_data_changes_with_lambda(monkeypatch):
    at = open_page(monkeypatch)
    before = {t: figure(at, t) for t in ("Decision boundary", "‖W[l]‖_F")}
    before["with and without"] = figure(open_tab(at, "cost"), "with and without")
    widget(at, "lambd").set_value(1.0).run()
    assert_ok(at)
    z0, z1 = (
        arr(trace(f, role="probability")["z"])
        for f in (before["Decision boundary"], figure(at, "Decision boundary"))
    )
    assert not np.allclose(z0, z1, equal_nan=True)
    norms0 = arr(before["‖W[l]‖_F"]["data"][1]["y"])
    norms1 = arr(figure(open_tab(at, "decay"), "‖W[l]‖_F")["data"][1]["y"])
    assert norms1[-1] < norms0[-1]  # λ keeps ‖W[2]‖_F smaller
    pen0 = arr(trace(before["with and without"], role="penalty")["y"])
    pen1 = arr(trace(figure(open_tab(at, "cost"), "with and without"), role="penalty")["y"])
    assert np.allclose(pen0, 0) and (pen1 > 0).all()


def test_a_slider_moved_back_sends_the_kept_charts_without_building_them(monkeypatch):
    """ui.shell.chart(inputs=...): the boundary of a run is built once; back at a value, it is resent."""
    built = []
    original = charts.decision_boundary_figure
    monkeypatch.setattr(
        charts, "decision_boundary_figure", lambda *a, **k: built.append(1) or original(*a, **k)
    )
    at = open_page(monkeypatch, query={"seed": "4321"})  # a seed no other test trains
    first, start, opened = figure(at, "Decision boundary"), widget(at, "lambd").value, len(built)
    widget(at, "lambd").set_value(1.0).run()
    assert figure(at, "Decision boundary") != first and len(built) == opened + 1
    widget(at, "lambd").set_value(start).run()
    assert_ok(at)
    assert figure(at, "Decision boundary") == first and len(built) == opened + 1


def test_the_charts_of_a_run_cut_short_are_not_kept_for_the_full_run(monkeypatch):
    """A run stopped by the time budget is trained again later; its boundary must not be reused."""
    monkeypatch.setattr(ui.i18n, "DEFAULT_LANG", "en")
    monkeypatch.setattr(training, "TIME_BUDGET_S", 1e-9)
    monkeypatch.setattr(spec, "SWEEP_TIME_BUDGET_S", 600.0)
    at = run_page(SCRIPT, query={"seed": "4322"})
    assert any("Training stopped" in w.value for w in at.warning), [w.value for w in at.warning]
    cut = figure(at, "Decision boundary")
    monkeypatch.setattr(training, "TIME_BUDGET_S", 600.0)
    at.run()
    assert_ok(at)
    assert figure(at, "Decision boundary") != cut


def test_full_cost_falls_at_every_step_with_a_larger_lambda(monkeypatch):
    at = open_tab(open_page(monkeypatch, query={"lambd": "2"}), "cost")
    cost = arr(trace(figure(at, "with and without"), role="cost")["y"])
    assert np.all(np.diff(cost) <= 0)
    assert any("fell at every recorded step" in s.value for s in at.success)


def test_weight_decay_factor_shown_for_current_settings(monkeypatch):
    at = open_page(monkeypatch, query={"lambd": "0.5", "learning_rate": "0.2", "m_train": "80"})
    assert metric(at, "Decay factor") == pytest.approx(1 - 0.2 * 0.5 / 80, abs=1e-6)
    assert any("0.2\\cdot0.5" in latex.value and "{80}" in latex.value for latex in at.latex)


def test_l1_gives_many_more_near_zero_weights_than_l2(monkeypatch):
    at = open_tab(open_page(monkeypatch, query={"lambd": "0.1"}), "l1")
    assert metric(at, "L1: weights") > metric(at, "L2: weights") + 0.3
    fig = figure(at, "Every weight")
    names = {tr["name"] for tr in fig["data"]}
    assert {"L1", "L2"} <= names
    # Switching the page's penalty to L1 trains the same two networks, swapped.
    widget(at, "penalty").set_value("l1").run()
    assert_ok(at)
    assert metric(at, "L1: weights") > metric(at, "L2: weights") + 0.3
    assert any("sign" in latex.value for latex in open_tab(at, "decay").latex)  # the L1 update rule


def test_validation_curve_marks_current_and_best_and_matches_the_run(monkeypatch):
    at = open_tab(open_page(monkeypatch, query={"lambd": "0.01"}), "curve")
    fig = figure(at, "Train and dev error", exact=True)
    dev = trace(fig, column="dev_error")
    values = arr(dev["customdata"])
    assert len(values) == len(spec.lambda_grid()) >= 12
    best = trace(fig, role="best")
    dev_errors = arr(dev["y"])
    assert arr(best["customdata"])[0] == values[int(np.nanargmin(dev_errors))]
    assert any(shape.get("type") == "line" and shape["x0"] == 0.01 for shape in fig["layout"]["shapes"])
    # The curve's point at the current λ is the network shown above (batched sweep = train).
    k = int(np.flatnonzero(values == 0.01)[0])
    assert dev_errors[k] == pytest.approx(metric(at, "Dev error"), abs=5e-4)
    assert arr(trace(fig, column="train_error")["y"])[k] == pytest.approx(metric(at, "Train error"), abs=5e-4)
    # The suggestion button moves the slider to the best λ.
    button = [b for b in at.button if "Use λ" in b.label]
    assert button
    button[0].click().run()
    assert_ok(at)
    assert widget(at, "lambd").value == arr(best["customdata"])[0]
    assert any("already has the lowest dev error" in s.value for s in at.success)


def test_rerun_without_a_training_change_does_not_retrain(monkeypatch):
    at = open_tab(open_page(monkeypatch, query={"n_iter": "400"}), "curve")
    calls, sweeps = dict(training.CALLS), deferred.STARTED["train_sweep"]
    widget(at, "n_iter").set_value(400).run()
    assert calls == training.CALLS and deferred.STARTED["train_sweep"] == sweeps
    widget(at, "width").set_value(20).run()
    assert deferred.STARTED["train_sweep"] == sweeps + 1


def test_divergence_is_shown_as_a_result(monkeypatch):
    # No setting of the page's controls diverges; huge initial weights do (a test-only change of the preset).
    monkeypatch.setattr(spec, "INIT_SCALE", 30.0)
    at = open_page(monkeypatch, query={"learning_rate": "2", "n_iter": "300"})
    assert any("diverged" in e.value for e in at.error)
    assert chart_keys(at) == ["l2_boundary", "l2_norms"]
    open_tab(at, "curve")
    assert any("diverged" in w.value for w in at.warning)  # the validation curve says so too
    assert chart_keys(at) == ["l2_boundary", "l2_validation"]


def test_sweep_time_budget_is_a_notice_not_an_error(monkeypatch):
    at = open_tab(open_page(monkeypatch, query={"n_iter": "2900", "width": "45"}), "curve")
    monkeypatch.setattr(spec, "SWEEP_TIME_BUDGET_S", 1e-9)
    widget(at, "n_iter").set_value(3000).run()
    assert_ok(at)
    assert any("validation curve stopped" in w.value for w in at.warning)
    assert chart_keys(at) == ["l2_boundary", "l2_validation"]


def test_ab_compare_renders_both_configurations(monkeypatch):
    at = open_page(monkeypatch, query={"n_iter": "600"})
    harness.compare_with(at, "lambd", 0.5)
    assert widget(at, "b_lambd").value == 0.5 and widget(at, "lambd").value == 0.0
    assert chart_keys(at) == ["Al2_boundary", "Al2_norms", "Bl2_boundary", "Bl2_norms", "ab_bars"]
    at.session_state["B" + VIEW_KEY] = "L1 vs L2"  # each half has its own tabs
    at.run()
    assert_ok(at)
    assert chart_keys(at) == ["Al2_boundary", "Al2_norms", "Bl2_boundary", "Bl2_weights", "ab_bars"]
    headers = [h.value for h in at.subheader]
    assert "Configuration A" in headers and "Configuration B" in headers
    dev_metrics = [m.value for m in at.get("metric") if m.label == "Dev error"]
    assert len(dev_metrics) == 2 and dev_metrics[0] != dev_metrics[1]


def test_uploaded_data_trains_with_its_own_m(monkeypatch):
    from core.datasets import make_dataset

    d = make_dataset("circles", m=24, seed=5, noise_rate=0.1)
    monkeypatch.setattr(ui.i18n, "DEFAULT_LANG", "en")
    at = run_page(SCRIPT, query={"lambd": "10", "learning_rate": "2", "n_iter": "300"})
    at.session_state["_own_data"] = (d.X, d.Y, "digest-circles-24")
    widget(at, "dataset").set_value("own").run()
    assert_ok(at)
    assert not any(i.value == ui.i18n.text("data.own_missing", "en") for i in at.info)
    # 24 examples split 60 : 180 → 6 train: αλ/m = 2·10/6 > 1, which the page flags instead of failing.
    assert any("overshoots zero" in w.value for w in at.warning)
    assert metric(at, "Decay factor") < 0


def test_code_expander_shows_the_functions_that_ran(monkeypatch):
    at = open_page(monkeypatch)
    sources = [c.value.strip() for c in at.code]
    assert inspect.getsource(train_sweep).strip() in sources


def test_the_open_tab_is_in_the_link_and_a_link_opens_it(monkeypatch):
    at = open_tab(open_page(monkeypatch, query={"lambd": "0.01"}), "l1")
    assert at.query_params[VIEW_KEY] == "l1"
    link = [c.value for c in at.code if "?" in c.value][0]
    assert f"{VIEW_KEY}=l1" in link and "lambd=0.01" in link
    opened = open_page(monkeypatch, query={"lambd": "0.01", VIEW_KEY: "curve"})
    assert chart_keys(opened) == ["l2_boundary", "l2_validation"]
    open_tab(opened, "decay")  # back on the first tab, the URL drops the parameter
    assert VIEW_KEY not in opened.query_params
    assert not [c.value for c in opened.code if f"{VIEW_KEY}=" in c.value]


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_an_unknown_tab_in_the_link_is_a_notice_and_the_first_tab(monkeypatch, lang):
    at = open_page(monkeypatch, query={VIEW_KEY: "<script>"}, lang=lang)
    assert chart_keys(at) == ["l2_boundary", "l2_norms"]
    assert any(f"?{VIEW_KEY}=<script>" in w.value for w in at.warning)
    if lang == "zh":
        assert english_leaks(at) == []
