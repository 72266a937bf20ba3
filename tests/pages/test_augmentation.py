"""§1.8 data-augmentation page: both languages, every control at its extremes, the label-preserving
copies drawn as extra points, dev error with and without augmentation, the harmful transform marked
and hurting."""

from __future__ import annotations

import numpy as np
import pytest

from core.augmentation_demo import train_augmented
from core.datasets import augment, make_dataset, split, valid_transforms
from tests.pages.harness import SENT_RTOL, assert_ok, english_leaks, widget
from tests.pages.test_dropout import arr, at_extremes, in_the_app, open_page, spec_of
from ui.specs import augmentation as preset

PAGE = "lectures/07_data_augmentation.py"
SLUG = "augmentation"
RUNS = ("boundary_none", "boundary_valid", "boundary_chosen")


def augmented_points(spec: dict) -> int:
    """How many added copies a boundary figure draws (its 'augmented' traces)."""
    return sum(len(arr(d["x"])) for d in spec["data"] if (d.get("meta") or {}).get("role") == "augmented")


def dev_errors(at) -> np.ndarray:
    bars = spec_of(at, "errors")
    return arr(next(d for d in bars["data"] if d["meta"]["column"] == "dev_error")["y"])


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_defaults_in_both_languages(lang):
    in_the_app(PAGE, lang)
    at = open_page(PAGE, lang=lang)
    assert [c.key for c in at.get("plotly_chart")] == [*RUNS, "errors"]
    assert ("数据扩增" in at.title[0].value) if lang == "zh" else ("augmentation" in at.title[0].value)
    table = next(m.value for m in at.markdown if m.value.startswith("|"))
    assert table.count("✗") == 3 and table.count("✓") == 4  # XOR: three transforms change labels
    if lang == "zh":
        assert english_leaks(at) == []


@pytest.mark.parametrize("which", [0, 1])
def test_every_control_at_its_extremes(which):
    at_extremes(SLUG, PAGE, which, lang="zh" if which else "en")


def test_label_preserving_copies_are_drawn_and_lower_dev_error():
    at = open_page(PAGE)
    m, k = 10, len(valid_transforms("xor"))
    assert augmented_points(spec_of(at, "boundary_none")) == 0
    assert augmented_points(spec_of(at, "boundary_valid")) == k * m
    assert augmented_points(spec_of(at, "boundary_chosen")) == m
    # The copies drawn are exactly core.datasets.augment of the training points.
    d = make_dataset("xor", m=m + preset.M_DEV, seed=0, noise_rate=0.0, jitter=preset.DATA_JITTER)
    parts = split(d.X, d.Y, preset.ratios(m), seed=0)
    (X, Y), (Xd, Yd) = parts["train"], parts["dev"]
    X_new, _ = augment(X, Y, valid_transforms("xor"), seed=0, jitter=preset.JITTER)
    drawn = [
        d for d in spec_of(at, "boundary_valid")["data"] if (d.get("meta") or {}).get("role") == "augmented"
    ]
    xs = np.sort(np.concatenate([arr(t["x"]) for t in drawn]))
    np.testing.assert_allclose(xs, np.sort(X_new[0]), rtol=SENT_RTOL)
    none, valid, chosen = dev_errors(at)
    assert valid < none and chosen > none + 0.1
    # The bars are the core runs.
    run = train_augmented(
        X, Y, Xd, Yd, preset.train_config(0), valid_transforms("xor"), seed=0, jitter=preset.JITTER
    )
    assert valid == pytest.approx(run.dev_error, rel=SENT_RTOL)


def test_the_harmful_transform_is_marked_and_a_good_one_is_not():
    at = open_page(PAGE)
    assert at.error and "does not keep the labels" in at.error[0].value
    assert "✗" in spec_of(at, "boundary_chosen")["layout"]["title"]["text"]
    bars = spec_of(at, "errors")
    assert bars["data"][1]["marker"]["pattern"]["shape"] == ["", "", "/"]
    widget(at, "transform").set_value("rotate_180").run()
    assert_ok(at)
    assert not at.error and at.success and "keeps the labels" in at.success[0].value
    assert "✓" in spec_of(at, "boundary_chosen")["layout"]["title"]["text"]
    none, _, chosen = dev_errors(at)
    assert chosen <= none


def test_figures_change_with_the_controls():
    at = open_page(PAGE)
    before = spec_of(at, "boundary_none")["data"][0]["z"]
    widget(at, "m").set_value(30).run()
    assert_ok(at)
    assert spec_of(at, "boundary_none")["data"][0]["z"] != before
    widget(at, "dataset").set_value("circles").run()
    assert_ok(at)
    assert at.info and any("Circles" in i.value for i in at.info)  # every transform preserves circles
    assert not at.error
