"""§1.1 page: both languages, extremes, counts and intervals of the lecture's splits, the mismatch demo
and the train/dev-only case."""

import inspect

import numpy as np
import pytest

import ui.i18n
from core.estimates import wilson_interval
from tests.pages.harness import arr, assert_ok, chart_specs, english_leaks, run_page, widget
from ui.controls import extremes
from ui.specs import controls_of

SCRIPT = "lectures/01_data_splits.py"


@pytest.fixture
def page(monkeypatch):
    """run_page with the test thread's language pinned to the page's (see test_bias_variance)."""

    def open_page(query=None, lang="en"):
        monkeypatch.setattr(ui.i18n, "current_lang", lambda: lang)
        return run_page(SCRIPT, query=query, lang=lang)

    return open_page


def counts_of(at) -> dict:
    spec = [s for s in chart_specs(at) if s["data"] and (s["data"][0].get("meta") or {}).get("set")][0]
    return {tr["meta"]["set"]: tr["meta"]["count"] for tr in spec["data"]}


def candidates(at) -> dict:
    return [s for s in chart_specs(at) if "pick" in (s["layout"].get("meta") or {})][0]


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_defaults_run_in_both_languages(page, lang):
    at = page(lang=lang)
    assert_ok(at)
    assert len(chart_specs(at)) == 4
    # the lecture's big-data split: 1,000,000 examples at 98/1/1
    assert counts_of(at) == {"train": 980_000, "dev": 10_000, "test": 10_000}
    assert [m.value for m in at.metric] == ["980,000", "10,000", "10,000"]
    text = " ".join(m.value for m in at.markdown)
    assert "±0.43" in text  # a 5% error on 10,000 dev examples
    if lang == "zh":
        assert english_leaks(at) == []
        assert "验证集" in text


@pytest.mark.parametrize("which", [0, 1], ids=["min", "max"])
def test_every_control_at_its_extremes(page, which):
    controls = controls_of("data_splits")
    setting = extremes(controls)[which]
    at = page({c.key: c.to_url(setting[c.key]) for c in controls})
    assert_ok(at)
    assert len(chart_specs(at)) == 4
    custom = setting["split"] == "custom_split"  # the custom shares are drawn only for a custom split
    for control in controls:
        if custom or control.key not in ("dev_pct", "test_pct"):
            assert at.session_state[control.key] == setting[control.key]


@pytest.mark.parametrize(
    "split,counts",
    [
        ("70_30", {"train": 700_000, "dev": 300_000}),
        ("60_20_20", {"train": 600_000, "dev": 200_000, "test": 200_000}),
        ("98_1_1", {"train": 980_000, "dev": 10_000, "test": 10_000}),
        ("99.5_0.25_0.25", {"train": 995_000, "dev": 2_500, "test": 2_500}),
    ],
)
def test_lecture_splits_give_the_lecture_counts(page, split, counts):
    at = page({"split": split})
    assert_ok(at)
    assert counts_of(at) == counts


def test_precision_markers_are_wilson_half_widths(page):
    at = page({"m_total": "10000", "split": "60_20_20", "p_error": "0.1"})
    spec = [s for s in chart_specs(at) if any((tr.get("meta") or {}).get("method") for tr in s["data"])][0]
    marks = {tr["meta"]["set"]: tr for tr in spec["data"] if "set" in (tr.get("meta") or {})}
    low, high = wilson_interval(0.1, 2000)
    assert arr(marks["dev"]["y"])[0] == pytest.approx(100 * float(high - low) / 2)
    assert arr(marks["dev"]["x"])[0] == 2000


def test_small_data_warns_that_the_dev_set_is_too_small(page):
    at = page({"m_total": "100", "split": "70_30"})
    assert_ok(at)
    assert counts_of(at) == {"train": 70, "dev": 30}
    assert any("30 dev examples" in w.value for w in at.warning)


def test_custom_split_and_no_test_set(page):
    at = page({"split": "custom_split", "dev_pct": "0.4", "test_pct": "0.1"})
    assert_ok(at)
    assert counts_of(at) == {"train": 995_000, "dev": 4_000, "test": 1_000}
    widget(at, "test_pct").set_value(0.0).run()
    assert_ok(at)
    assert counts_of(at) == {"train": 996_000, "dev": 4_000}
    assert "none" in at.metric[2].value


def test_changing_a_training_control_changes_the_figures(page):
    at = page()
    before = chart_specs(at)
    widget(at, "mm_dataset").set_value("circles").run()
    assert_ok(at)
    after = chart_specs(at)
    assert not np.array_equal(arr(before[2]["data"][0]["y"]), arr(after[2]["data"][0]["y"]))  # dev errors
    assert before[3]["data"][0]["z"] != after[3]["data"][0]["z"]  # the picked network's boundary
    widget(at, "m_total").set_value(1000.0).run()
    assert counts_of(at) == {"train": 980, "dev": 10, "test": 10}


def test_candidates_are_trained_again_only_when_their_training_set_changes(page, monkeypatch):
    """The candidates depend on the data set, the capped training size and the seed only: the
    total (above the cap), the dev/test shares and the shift measure them again, no retraining."""
    import core.mismatch

    calls = []
    real = core.mismatch.train_candidates
    monkeypatch.setattr(core.mismatch, "train_candidates", lambda *a: calls.append(a) or real(*a))
    at = page({"seed": "4242"})  # a seed no other test trains: nothing cached yet
    assert calls == [("moons", 500, 4242)]
    before = chart_specs(at)
    for key, value in (("m_total", 500_000.0), ("split", "60_20_20"), ("mm_amount", 0.9)):
        widget(at, key).set_value(value).run()
        assert_ok(at)
    assert calls == [("moons", 500, 4242)]
    assert chart_specs(at)[2] != before[2]  # measured on other sets: other errors
    widget(at, "m_total").set_value(200.0).run()
    assert calls[1:] == [("moons", counts_of(at)["train"], 4242)] and counts_of(at)["train"] < 500


def test_dev_predicts_test_only_when_they_share_a_distribution(page):
    at = page({"mm_scenario": "dev_test_phone"})
    assert_ok(at)
    assert at.success and not at.error  # "the dev set predicted the test error to within … points"
    meta = candidates(at)["layout"]["meta"]
    dev, test = (arr(tr["y"]) for tr in candidates(at)["data"])
    assert abs(dev[meta["pick"]] - test[meta["pick"]]) < 0.02
    at = page({"mm_scenario": "test_phone_only"})
    assert_ok(at)
    assert at.error
    meta = candidates(at)["layout"]["meta"]
    dev, test = (arr(tr["y"]) for tr in candidates(at)["data"])
    assert test[meta["pick"]] - dev[meta["pick"]] > 0.05


def test_without_a_test_set_the_kept_model_is_judged_on_new_data(page):
    # 30 dev examples pick among five spirals: the kept model's dev error flatters it by a few points
    at = page(
        {"split": "70_30", "m_total": "100", "mm_dataset": "spiral", "mm_scenario": "no_shift", "seed": "1"}
    )
    assert_ok(at)
    assert "none" in at.metric[2].value
    warning = [w.value for w in at.warning if "no test set" in w.value]
    assert warning and "too optimistic" in warning[0], [w.value for w in at.warning]
    spec = candidates(at)
    assert spec["data"][1]["name"].startswith("error on new examples")
    meta = spec["layout"]["meta"]
    dev, fresh = (arr(tr["y"]) for tr in spec["data"])
    assert fresh[meta["pick"]] - dev[meta["pick"]] >= 0.01
    # when the two happen to agree the page says so, and that only a test set could have told
    at = page({"split": "70_30", "m_total": "200", "mm_scenario": "no_shift"})
    warning = [w.value for w in at.warning if "no test set" in w.value]
    assert warning and "could not have known" in warning[0]


def test_code_expander_shows_the_real_functions(page):
    at = page()
    sources = [c.value.strip() for c in at.code]
    assert inspect.getsource(wilson_interval).strip() in sources
