"""The shell and the home page: both languages, URL round trip, clamping, caching, show-the-code."""

import pytest

from tests.pages.harness import assert_ok, chart_specs, english_leaks, open_app, run_page, widget
from ui import plotly_wire, training
from ui.specs import controls_of

HOME = "lectures/home.py"


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_home_runs_in_both_languages(lang):
    at = run_page(HOME, lang=lang)
    assert_ok(at)
    assert len(chart_specs(at)) >= 2
    title = at.title[0].value
    assert ("实验室" in title) if lang == "zh" else ("Lab" in title)
    if lang == "zh":
        assert english_leaks(at) == []


def test_english_leak_detector_sees_english():
    at = run_page(HOME, lang="en")
    assert english_leaks(at), "the leak detector must flag English prose"


def test_language_from_browser_locale_when_no_url_param():
    at = open_app()
    del at.query_params["lang"]
    at.run()
    assert_ok(at)
    assert at.session_state["lang"] in ("en", "zh")


def test_url_round_trip_sets_every_control():
    query = {"dataset": "circles", "hidden": "13", "iterations": "700", "replay": "1", "seed": "42"}
    at = run_page(HOME, query=query)
    assert_ok(at)
    assert not at.warning
    for control in controls_of("home"):
        assert widget(at, control.key).value == control.clamp(query[control.key])[0]
    assert at.session_state["seed"] == 42
    # The share link carries the same state back.
    code = [c.value for c in at.code if "?" in c.value][0]
    for key, value in query.items():
        assert f"{key}={value}" in code


def test_garbage_url_values_are_clamped_with_a_notice():
    at = run_page(HOME, query={"hidden": "-5", "dataset": "<script>", "iterations": "1e99", "seed": "x"})
    assert_ok(at)
    notices = " ".join(w.value for w in at.warning)
    for key in ("hidden", "dataset", "iterations", "seed"):
        assert f"{key}=" in notices
    assert widget(at, "hidden").value == 1
    assert widget(at, "dataset").value == "moons"


def test_rerun_without_training_change_does_not_retrain():
    at = run_page(HOME, query={"hidden": "7", "iterations": "300"})
    assert_ok(at)
    calls = training.CALLS["train"]
    widget(at, "hidden").set_value(7).run()  # a rerun that changes no training control
    assert_ok(at)
    assert training.CALLS["train"] == calls, "a rerun with unchanged training controls retrained"
    widget(at, "hidden").set_value(9).run()
    assert training.CALLS["train"] == calls + 1


def test_changing_a_control_changes_the_figure():
    at = run_page(HOME, query={"iterations": "300"})
    before = chart_specs(at)[0]["data"][0]["z"]
    widget(at, "dataset").set_value("circles").run()
    assert_ok(at)
    after = chart_specs(at)[0]["data"][0]["z"]
    assert before != after


def test_code_expander_shows_real_source():
    import inspect

    from core.train import train

    at = run_page(HOME)
    sources = [c.value.strip() for c in at.code]
    assert inspect.getsource(train).strip() in sources


def test_presenter_mode_hides_sidebar_and_chosen_controls():
    at = run_page(HOME, query={"present": "1", "hide": "hidden,iterations"})
    assert_ok(at)
    keys = {w.key for w in at.slider} | {w.key for w in at.selectbox}
    assert "hidden" not in keys and "iterations" not in keys and "dataset" in keys
    assert any("stSidebar" in m.value for m in at.markdown)
    assert len(chart_specs(at)) >= 2


def test_ab_compare_shows_two_configurations_and_their_difference():
    query = {
        "compare": "1",
        "hidden": "2",
        "b_hidden": "20",
        "iterations": "800",
        "replay": "1",
        "b_replay": "1",
    }
    at = run_page(HOME, query=query)
    assert_ok(at)
    assert widget(at, "hidden").value == 2 and widget(at, "b_hidden").value == 20
    specs = chart_specs(at)
    assert len(specs) == 2 * 3 + 1  # A and B (boundary, curves, replay) and the A/B bars
    bars = specs[-1]["data"]
    assert len(bars) == 2  # one trace per configuration
    deltas = [m for m in at.get("metric") if "B − A" in m.label]
    assert len(deltas) == 2
    # B has more capacity: its boundary differs from A's.
    assert specs[0]["data"][0]["z"] != specs[3]["data"][0]["z"]


def test_history_download_offers_the_runs_csv():
    at = run_page(HOME, query={"iterations": "300"})
    from ui.i18n import text

    labels = [b.proto.label for b in at.get("download_button")]
    assert labels.count(text("upload.download_history", "en")) == 1


def test_more_iterations_go_on_from_the_shorter_run_and_draw_what_a_fresh_run_draws():
    query = {"hidden": "5", "iterations": "300", "seed": "4404"}  # a run no other test trains
    at = run_page(HOME, query=query)
    calls = dict(training.CALLS)
    widget(at, "iterations").set_value(500).run()
    assert_ok(at)
    assert {**calls, "extend": calls["extend"] + 1} == training.CALLS, "500 iterations started over"
    extended = chart_specs(at)
    training._run.clear()
    training._FINISHED.clear()
    plotly_wire._KEPT.clear()  # the fresh run's figures must be built, not resent
    fresh = run_page(HOME, query={**query, "iterations": "500"})
    assert training.CALLS["train"] == calls["train"] + 1
    assert chart_specs(fresh) == extended


def test_a_run_cut_short_by_the_time_budget_is_not_cached(monkeypatch):
    from core.train import TrainConfig

    monkeypatch.setattr(training, "TIME_BUDGET_S", 1e-9)
    spec = training.DataSpec(name="moons", m=200, seed=3)
    config = TrainConfig(layer_dims=(2, 4, 1), num_iterations=3000, record_every=1, seed=3)
    calls = training.CALLS["train"]
    first, _ = training.run(spec, config)
    assert first.stop_reason == "time_budget"
    training.run(spec, config)
    assert training.CALLS["train"] == calls + 2, "a time-budget run was served from the cache"


def test_replay_is_built_only_on_request():
    at = run_page(HOME, query={"iterations": "300"})
    assert not any(spec["layout"].get("sliders") for spec in chart_specs(at))
    at = run_page(HOME, query={"iterations": "300", "replay": "1"})
    replays = [spec for spec in chart_specs(at) if spec["layout"].get("sliders")]
    assert len(replays) == 1 and len(replays[0]["frames"]) >= 2
