"""§1.5 page: both languages, extremes, z over the tanh curve, the near-linear share growing with λ, the
boundary getting shorter (simpler) as λ grows, the zone control not retraining, only the open tab running,
A/B compare, and the figure helpers."""

from __future__ import annotations

import inspect

import numpy as np
import pytest

import ui.i18n
from core.sweep import train_sweep
from core.train import train
from tests.pages import harness
from tests.pages.harness import arr, assert_ok, chart_keys, chart_specs, english_leaks, run_page, widget
from ui import deferred, training
from ui.controls import extremes
from ui.figures import why_reg as figures
from ui.specs import controls_of
from ui.specs import l2 as l2_spec
from ui.specs import why_reg as spec

SCRIPT = "lectures/05_why_regularization.py"
VIEW_KEY = "why_reg_view"  # the page's lazy tabs below the z figure; only the open one runs
ALWAYS = ["why_z"]  # z over the tanh curve, above the tabs
TABS = {  # tab -> its charts
    "boundary": ["why_boundary"],
    "multiples": ["why_boundaries"],
    "trend": ["why_share", "why_length"],
}


def open_page(monkeypatch, query=None, lang="en"):
    """Run the page with the time budgets lifted (a loaded machine must not change the numbers)."""
    monkeypatch.setattr(ui.i18n, "DEFAULT_LANG", lang)
    monkeypatch.setattr(l2_spec, "SWEEP_TIME_BUDGET_S", 600.0)
    at = run_page(SCRIPT, query=query, lang=lang)
    assert_ok(at)
    return at


def open_tab(at, tab: str, lang: str = "en"):
    at = harness.open_tab(at, VIEW_KEY, f"why_reg.tab.{tab}", lang)
    assert_ok(at)
    return at


def figure(at, title: str) -> dict:
    found = [s for s in chart_specs(at) if title in s["layout"].get("title", {}).get("text", "")]
    assert found, [s["layout"].get("title", {}).get("text") for s in chart_specs(at)]
    return found[0]


def traces(fig: dict, **meta) -> list[dict]:
    return [tr for tr in fig["data"] if all((tr.get("meta") or {}).get(k) == v for k, v in meta.items())]


def metric(at, label_part: str) -> float:
    found = [m for m in at.get("metric") if label_part in m.label]
    assert found, [m.label for m in at.get("metric")]
    return float(found[0].value.rstrip("%")) / 100


# --------------------------------------------------------------------------- figure helpers


def test_pre_activations_and_linear_share():
    params = {
        "W1": np.array([[1.0, 0.0], [0.0, 3.0]]),
        "b1": np.zeros((2, 1)),
        "W2": np.ones((1, 2)),
        "b2": np.zeros((1, 1)),
    }
    X = np.array([[0.1, -0.2, 1.0], [0.1, 0.1, 0.1]])
    (z1,) = figures.pre_activations(params, X)
    np.testing.assert_allclose(z1, params["W1"] @ X)
    assert figures.linear_share(z1, 0.5) == pytest.approx(5 / 6)
    assert figures.linear_share(np.array([np.nan, 0.1]), 0.5) == 0.5
    shares = figures.linear_shares([params, {**params, "W1": 10 * params["W1"]}], X, 0.5)
    assert shares.shape == (2, 1) and shares[1, 0] < shares[0, 0]


def test_boundary_length_of_a_straight_line():
    # ŷ > 0.5 ⇔ x1 > 0: a vertical line across the square [-1, 1]², length 2.
    params = {"W1": np.array([[5.0, 0.0]]), "b1": np.zeros((1, 1))}
    xs = ys = np.linspace(-1, 1, 41)
    assert figures.boundary_length(params, "tanh", xs, ys) == pytest.approx(2.0, rel=0.03)
    constant = {"W1": np.zeros((1, 2)), "b1": np.ones((1, 1))}
    assert figures.boundary_length(constant, "tanh", xs, ys) == 0.0


def test_z_figure_shares_and_tanh_curve():
    z = [np.array([0.1, -0.2, 2.0, 5.0]), np.linspace(-0.4, 0.4, 10)]
    fig = figures.z_over_tanh_figure(z, 0.5)
    bars = [tr for tr in fig.data if tr.meta["role"] == "z_hist"]  # step outlines over the bin edges
    assert len(bars) == 2 and all(np.isclose(np.sum(tr.y[:-1]), 1.0) and tr.y[-1] == tr.y[-2] for tr in bars)
    assert all(len(tr.x) == len(tr.y) == 61 and tr.line.shape == "hv" for tr in bars)
    edges = np.asarray(bars[0].x)  # bin k: edges[k] ≤ z < edges[k+1], at height y[k]; beyond ±r: end bins
    counts, _ = np.histogram(np.clip(z[0], edges[0], edges[-1]), bins=edges)
    np.testing.assert_allclose(bars[0].y[:-1], counts / z[0].size)
    curve = [tr for tr in fig.data if tr.meta["role"] == "tanh"][0]
    np.testing.assert_allclose(curve.y, np.tanh(curve.x))
    titles = [a.text for a in fig.layout.annotations]
    assert any("50%" in t for t in titles) and any("100%" in t for t in titles)


@pytest.mark.parametrize("n", [1, 2, 3])
def test_z_figure_panels_each_have_their_own_axes_and_zone(n):
    """Panel l: bars on x{l}/y{2l−1}, the tanh curve and the line z on y{2l} (right, over y{2l−1}), the
    zone |z| < threshold shaded on that panel; panels side by side, left to right, without overlap."""
    rng = np.random.default_rng(1)
    fig = figures.z_over_tanh_figure([rng.standard_normal(200) * (l + 1) for l in range(n)], 0.3)
    layout = fig.layout
    ends = []
    for l in range(1, n + 1):
        x, y, y2 = (f"{a}{k if k > 1 else ''}" for a, k in (("x", l), ("y", 2 * l - 1), ("y", 2 * l)))
        on = {tr.meta["role"]: (tr.xaxis, tr.yaxis) for tr in fig.data if tr.meta["layer"] == l}
        assert on == {"z_hist": (x, y), "tanh": (x, y2), "linear": (x, y2)}
        second = layout[f"yaxis{2 * l}"]
        assert (second.overlaying, second.side, second.anchor) == (y, "right", x)
        ends.append(tuple(layout[f"xaxis{l if l > 1 else ''}"].domain))
        zone = [sh for sh in layout.shapes if sh.xref == x]
        assert len(zone) == 1 and (zone[0].x0, zone[0].x1, zone[0].yref) == (-0.3, 0.3, f"{y} domain")
    assert all(a[1] < b[0] for a, b in zip(ends, ends[1:])) and ends[0][0] == 0
    assert ends[-1][1] == pytest.approx(0.94)  # room on the right for the last tanh axis
    titles = [a.text.split(":")[0] for a in layout.annotations[:n]]
    assert titles == [f"hidden layer {l}" for l in range(1, n + 1)]


# --------------------------------------------------------------------------- the page


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_defaults_in_both_languages(monkeypatch, lang):
    at = open_page(monkeypatch, lang=lang)
    assert chart_keys(at) == [*ALWAYS, *TABS["boundary"]]
    assert ("正则化" in at.title[0].value) if lang == "zh" else ("regularization" in at.title[0].value)
    if lang == "zh":
        assert english_leaks(at) == []
    # every tab, in that language, with only its own charts below z
    harness.assert_every_tab(at, VIEW_KEY, "why_reg.tab.", TABS, ALWAYS, lang)


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("which", [0, 1], ids=["min", "max"])
def test_every_control_at_its_extremes(monkeypatch, lang, which):
    setting = extremes(controls_of("why_reg"))[which]
    query = {c.key: c.to_url(setting[c.key]) for c in controls_of("why_reg")}
    at = open_page(monkeypatch, query=query, lang=lang)
    # The harness opens the home page first; its own ``dataset`` widget takes that URL parameter with it
    # when the page changes, so the data set is set through its widget (the others came from the URL).
    if widget(at, "dataset").value != setting["dataset"]:
        widget(at, "dataset").set_value(setting["dataset"]).run()
        assert_ok(at)
    for c in controls_of("why_reg"):
        assert widget(at, c.key).value == setting[c.key]
    if setting["dataset"] == "own":  # no upload in this session: the page says so and uses the moons
        assert any(i.value == ui.i18n.text("data.own_missing", lang) for i in at.info)
    harness.assert_every_tab(at, VIEW_KEY, "why_reg.tab.", TABS, ALWAYS, lang)


def test_units_move_into_the_linear_zone_as_lambda_grows(monkeypatch):
    at = open_page(monkeypatch)
    shares0 = [metric(at, "Layer 1"), metric(at, "Layer 2")]
    z0 = figure(at, "tanh curve")
    widget(at, "lambd").set_value(1.0).run()
    assert_ok(at)
    shares1 = [metric(at, "Layer 1"), metric(at, "Layer 2")]
    assert all(b > a + 0.3 for a, b in zip(shares0, shares1, strict=True)), (shares0, shares1)
    z1 = figure(at, "tanh curve")
    # The z histograms are different data, and more of the mass sits in the zone.
    for layer in (1, 2):
        bar0, bar1 = traces(z0, role="z_hist", layer=layer)[0], traces(z1, role="z_hist", layer=layer)[0]
        assert not np.array_equal(arr(bar0["y"]), arr(bar1["y"]))
    # The share curve over the λ grid rises from λ = 0 to λ = 10 in every layer.
    fig = figure(open_tab(at, "trend"), "near-linear zone")
    for tr in fig["data"]:
        x, y = arr(tr["customdata"]), arr(tr["y"])
        assert len(x) == len(l2_spec.lambda_grid())
        assert y[-1] > y[0] + 0.5 and y[-1] >= 0.95


def test_boundary_gets_simpler_as_lambda_grows(monkeypatch):
    at = open_tab(open_page(monkeypatch), "trend")
    fig = figure(at, "Length of the decision boundary")
    lam, length = arr(fig["data"][0]["customdata"]), arr(fig["data"][0]["y"])
    at_lam = dict(zip(lam, length, strict=True))
    assert at_lam[0.5] < 0.7 * at_lam[0.0]
    assert at_lam[2.0] < 0.7 * at_lam[0.0]
    panels = figure(open_tab(at, "multiples"), "Decision boundaries as λ grows")
    assert len(traces(panels, role="probability")) == len(spec.SHOWN_LAMBDAS)
    boundary = figure(open_tab(at, "boundary"), "Decision boundary")
    widget(at, "lambd").set_value(2.0).run()
    assert_ok(at)
    z0 = arr(traces(boundary, role="probability")[0]["z"])
    z1 = arr(traces(figure(at, "Decision boundary"), role="probability")[0]["z"])
    assert not np.allclose(z0, z1, equal_nan=True)


def test_only_the_open_tab_runs_and_stays_open_when_a_slider_moves(monkeypatch):
    at = open_page(monkeypatch, query={"seed": "4321"})  # a seed no other test trained: its sweep is not kept
    sweeps = deferred.STARTED["train_sweep"]
    assert chart_keys(at) == [*ALWAYS, *TABS["boundary"]]
    widget(at, "lambd").set_value(0.5).run()  # the sweep's tabs are closed: no sweep starts
    assert_ok(at)
    assert deferred.STARTED["train_sweep"] == sweeps
    assert chart_keys(at) == [*ALWAYS, *TABS["boundary"]]
    open_tab(at, "trend")
    assert deferred.STARTED["train_sweep"] == sweeps + 1
    widget(at, "lambd").set_value(1.0).run()
    assert_ok(at)
    assert at.session_state[VIEW_KEY] == "Trends over λ"
    assert chart_keys(at) == [*ALWAYS, *TABS["trend"]]
    assert deferred.STARTED["train_sweep"] == sweeps + 1  # λ is the sweep's own axis: no retraining
    at.session_state["lang"] = "zh"  # the open tab stays open in the other language, and speaks it
    at.run()
    assert_ok(at)
    assert at.session_state[VIEW_KEY] == ui.i18n.text("why_reg.tab.trend", "zh")
    assert chart_keys(at) == [*ALWAYS, *TABS["trend"]]
    harness.assert_every_tab(at, VIEW_KEY, "why_reg.tab.", TABS, ALWAYS, "zh")


def test_ab_compare_has_tabs_per_half_and_errors_whatever_tab_is_open(monkeypatch):
    at = open_page(monkeypatch)
    harness.compare_with(at, "lambd", 0.5)
    assert widget(at, "b_lambd").value == 0.5 and widget(at, "lambd").value == 0.0
    assert chart_keys(at) == ["Awhy_z", "Awhy_boundary", "Bwhy_z", "Bwhy_boundary", "ab_bars"]
    dev = [m.value for m in at.get("metric") if m.label == "Dev error"]
    at.session_state["B" + VIEW_KEY] = ui.i18n.text("why_reg.tab.trend", "en")  # each half has its own tabs
    at.run()
    assert_ok(at)
    assert chart_keys(at) == ["Awhy_z", "Awhy_boundary", "Bwhy_z", "Bwhy_share", "Bwhy_length", "ab_bars"]
    assert [m.value for m in at.get("metric") if m.label == "Dev error"] == dev
    assert len(dev) == 2 and dev[0] != dev[1]
    headers = [h.value for h in at.subheader]
    assert "Configuration A" in headers and "Configuration B" in headers


def test_regularization_lowers_dev_error_and_gap_with_tanh(monkeypatch):
    at = open_page(monkeypatch)
    dev0 = metric(at, "Dev error")
    gap0 = dev0 - metric(at, "Train error")
    widget(at, "lambd").set_value(0.5).run()
    dev1 = metric(at, "Dev error")
    assert dev1 < dev0 and dev1 - metric(at, "Train error") < gap0


def test_zone_control_redraws_without_retraining(monkeypatch):
    at = open_tab(open_page(monkeypatch), "trend")  # the tab of the λ sweep: it runs
    calls, sweeps = dict(training.CALLS), deferred.STARTED["train_sweep"]
    share = metric(at, "Layer 1")
    widget(at, "linear_zone").set_value(1.0).run()
    assert_ok(at)
    assert calls == training.CALLS and deferred.STARTED["train_sweep"] == sweeps
    assert metric(at, "Layer 1") > share
    widget(at, "width").set_value(20).run()
    assert deferred.STARTED["train_sweep"] == sweeps + 1


def test_the_page_model_is_the_one_train_gives(monkeypatch):
    at = open_page(monkeypatch, query={"lambd": "0.2"})
    X, Y, Xd, Yd = l2_spec.preset_splits()
    ref = train(X, Y, spec.train_config({**spec.defaults(), "lambd": 0.2}, seed=0), X_dev=Xd, Y_dev=Yd)
    assert metric(at, "Dev error") == pytest.approx(ref.history["dev_error"].iloc[-1], abs=5e-4)
    assert metric(at, "Train error") == pytest.approx(ref.history["train_error"].iloc[-1], abs=5e-4)
    z = figures.pre_activations(ref.params, X)
    assert metric(at, "Layer 2") == pytest.approx(figures.linear_share(z[1], 0.5), abs=5e-3)


def test_code_expander_shows_the_functions_that_ran(monkeypatch):
    at = open_page(monkeypatch)
    sources = [c.value.strip() for c in at.code]
    assert inspect.getsource(train_sweep).strip() in sources
    assert inspect.getsource(figures.linear_shares).strip() in sources
