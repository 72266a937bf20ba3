"""core.mismatch: §1.1 a dev set predicts test error only when both share a distribution."""

import numpy as np
import pytest

from core.mismatch import (
    CANDIDATES,
    MAX_EVAL,
    MAX_TRAIN,
    DemoSpec,
    run_demo,
    scenario_selection,
    select,
    train_candidates,
)


def test_select_picks_on_dev_and_scores_on_test():
    s = select([0.3, 0.1, 0.2], [0.25, 0.4, 0.2])
    assert (s.pick, s.best_on_test) == (1, 2)
    assert s.dev_error == 0.1 and s.test_error == 0.4
    assert s.gap == pytest.approx(0.3) and s.regret == pytest.approx(0.2)
    assert select([0.1, 0.1], [0.3, 0.2]).pick == 0  # ties: the first (smallest) candidate
    with pytest.raises(ValueError, match="dev_errors"):
        select([0.1, 0.2], [0.1])


def test_sizes_are_capped_for_training_but_not_below_a_few_examples():
    s = DemoSpec(m_train=980_000, m_dev=1, m_test=2_500).capped()
    assert (s.m_train, s.m_dev, s.m_test) == (MAX_TRAIN, 4, MAX_EVAL)


@pytest.fixture(scope="module")
def demo():
    return run_demo(DemoSpec("moons", "noise", 0.5, 500, 2000, 2000, seed=0))


def test_demo_shapes(demo):
    assert demo.candidates == CANDIDATES and len(demo.params) == len(CANDIDATES)
    assert set(demo.errors) == {
        ("train", "web"),
        ("dev", "web"),
        ("dev", "phone"),
        ("test", "web"),
        ("test", "phone"),
    }
    for errors in demo.errors.values():
        assert errors.shape == (len(CANDIDATES),) and np.all((errors >= 0) & (errors <= 1))
    assert demo.sets[("dev", "phone")][0].shape == (2, 2000)
    # same draws, shifted or not: the labels agree
    np.testing.assert_array_equal(demo.sets[("dev", "web")][1], demo.sets[("dev", "phone")][1])


def test_shared_distribution_predicts_the_test_error(demo):
    for scenario in ("same", "dev_test_shifted"):
        assert abs(scenario_selection(demo, scenario).gap) < 0.02
    for scenario in ("test_shifted", "dev_shifted"):
        assert abs(scenario_selection(demo, scenario).gap) > 0.05
    # the phone pictures are harder for every network trained on the web
    assert np.all(demo.errors[("test", "phone")] > demo.errors[("test", "web")])
    with pytest.raises(ValueError, match="scenario"):
        scenario_selection(demo, "phone_only")


def test_mismatch_can_pick_the_wrong_model():
    """With a zoomed spiral, the network that is best on web data is among the worst on phones."""
    demo = run_demo(DemoSpec("spiral", "scale", 0.5, 500, 2000, 2000, seed=0))
    aligned = scenario_selection(demo, "dev_test_shifted")
    misaligned = scenario_selection(demo, "test_shifted")
    assert aligned.regret < 0.02
    assert misaligned.regret > 0.05


def test_the_candidates_depend_on_the_training_set_only(demo):
    """Other dev/test sizes and another shift measure the same trained candidates (the page keeps
    them by dataset, m_train and seed); run_demo given them is the demo it trains itself."""
    trained = train_candidates("moons", 500, 0)
    for got, want in zip(trained, demo.params, strict=True):
        assert got.keys() == want.keys() and all(np.array_equal(got[k], want[k]) for k in got)
    other = DemoSpec("moons", "rotate", 0.9, 500, 300, 40, seed=0)
    given, own = run_demo(other, params=trained), run_demo(other)
    assert given.errors.keys() == own.errors.keys()
    assert all(np.array_equal(given.errors[k], own.errors[k]) for k in own.errors)
    assert all(np.array_equal(a[k], b[k]) for a, b in zip(given.params, own.params) for k in a)
    assert train_candidates("moons", 500, 1)[0]["W1"].tolist() != trained[0]["W1"].tolist()
    with pytest.raises(ValueError, match="candidates"):
        run_demo(other, params=trained[:2])
