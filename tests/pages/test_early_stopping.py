"""§1.8 early-stopping page: both languages, every control at its extremes, the dev minimum marked
where the dev curve is lowest, ‖W‖_F growing, three models side by side, the orthogonalization note."""

from __future__ import annotations

import numpy as np
import pytest

from core.datasets import make_dataset, split
from core.early_stopping import patience_stop, weight_norm
from core.train import train
from tests.pages.harness import assert_ok, english_leaks, widget
from tests.pages.test_dropout import arr, at_extremes, in_the_app, open_page, spec_of, trace
from ui.specs import early_stopping as preset

PAGE = "lectures/08_early_stopping.py"
SLUG = "early_stopping"


def page_run(iterations: int, lambd: float = 0.0):
    d = make_dataset("moons", m=preset.M, seed=0, noise_rate=preset.NOISE, jitter=0.2)
    parts = split(d.X, d.Y, preset.RATIOS, seed=0)
    (X, Y), (Xd, Yd) = parts["train"], parts["dev"]
    return train(X, Y, preset.train_config(iterations, lambd=lambd), X_dev=Xd, Y_dev=Yd)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_defaults_in_both_languages(lang):
    in_the_app(PAGE, lang)
    at = open_page(PAGE, lang=lang)
    keys = [c.key for c in at.get("plotly_chart")]
    assert keys == ["curves", "norms", "boundary_early", "boundary_full", "boundary_l2", "models"]
    assert ("提前停止" in at.title[0].value) if lang == "zh" else ("Early stopping" in at.title[0].value)
    heads = " ".join(s.value for s in at.subheader)
    assert ("正交化" in heads) if lang == "zh" else ("Orthogonalization" in heads)
    note = at.markdown[-1].value  # the orthogonalization note closes the page
    assert ("代价函数 J" in note) if lang == "zh" else ("cost J" in note and "overfitting" in note)
    if lang == "zh":
        assert english_leaks(at) == []


@pytest.mark.parametrize("which", [0, 1])
def test_every_control_at_its_extremes(which):
    at_extremes(SLUG, PAGE, which, lang="en" if which else "zh")


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
    stats = [c.value for c in at.caption if "‖W‖_F" in c.value and "·" in c.value]
    assert len(stats) == 3
    for text, params in zip(stats, (res.best_params, res.final_params, l2.params), strict=True):
        assert f"‖W‖_F {weight_norm(params):.2f}" in text
    # Early-stopped and L2 models beat the fully trained one on the dev set.
    bars = spec_of(at, "models")
    dev = arr(trace(bars, column="dev_error")["y"])
    assert dev[0] < dev[1] and dev[2] < dev[1]
    # Three different boundaries.
    zs = [arr(spec_of(at, k)["data"][0]["z"]) for k in ("boundary_early", "boundary_full", "boundary_l2")]
    assert not np.allclose(zs[0], zs[1]) and not np.allclose(zs[1], zs[2])


def test_figures_change_with_the_controls():
    at = open_page(PAGE, query={"iterations": "1000"})
    l2_before = spec_of(at, "boundary_l2")["data"][0]["z"]
    curves_before = spec_of(at, "curves")["data"]
    widget(at, "lambd").set_value(5.0).run()
    assert_ok(at)
    assert spec_of(at, "boundary_l2")["data"][0]["z"] != l2_before
    assert spec_of(at, "curves")["data"] == curves_before  # the plain run does not depend on λ
    widget(at, "dataset").set_value("circles").run()
    assert_ok(at)
    assert spec_of(at, "curves")["data"] != curves_before
