"""Tests for core.diagnosis: the §1.2 cases and the §1.3 recipe."""

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from core.diagnosis import (
    RECIPE_STAGES,
    RECIPE_STEPS,
    VERDICTS,
    Diagnosis,
    default_tolerance,
    diagnose,
    next_steps,
    recipe_stage,
)


@pytest.mark.parametrize(
    "train,dev,optimal,verdict,stage",
    [
        (0.01, 0.11, 0.0, "high_variance", "variance"),
        (0.15, 0.16, 0.0, "high_bias", "bias"),
        (0.15, 0.30, 0.0, "both", "bias"),
        (0.005, 0.01, 0.0, "fine", "done"),
        (0.15, 0.16, 0.15, "fine", "done"),
    ],
)
def test_lecture_cases(train, dev, optimal, verdict, stage):
    d = diagnose(train, dev, optimal)
    assert d.verdict == verdict
    assert recipe_stage(d) == stage
    assert d.next_steps == next_steps(d) == RECIPE_STEPS[stage]
    assert d.avoidable_bias == pytest.approx(train - optimal)
    assert d.variance == pytest.approx(dev - train)


def test_fields_and_recipe():
    d = diagnose(0.01, 0.11)
    assert isinstance(d, Diagnosis)
    assert (d.train_error, d.dev_error, d.optimal_error) == (0.01, 0.11, 0.0)
    assert d.high_variance and not d.high_bias and d.tolerance == 0.02
    with pytest.raises(AttributeError):
        d.verdict = "fine"  # frozen
    assert RECIPE_STEPS["bias"][:2] == ("bigger_network", "train_longer")
    assert "new_architecture" in RECIPE_STEPS["bias"]
    assert RECIPE_STEPS["variance"] == ("more_data", "regularization", "new_architecture")
    assert set(RECIPE_STEPS) == set(RECIPE_STAGES)
    # more data is not a bias remedy (§1.3, first point)
    assert "more_data" not in RECIPE_STEPS["bias"]


def test_tolerance():
    assert default_tolerance(0.0) == 0.02
    assert default_tolerance(0.4) == pytest.approx(0.1)
    assert diagnose(0.08, 0.10, 0.07).verdict == "fine"  # a 2-point gap ties τ: not high
    assert diagnose(0.08, 0.101, 0.07).verdict == "high_variance"
    assert diagnose(0.15, 0.16, tolerance=0.005).verdict == "both"
    assert diagnose(0.01, 0.11, tolerance=0.2).verdict == "fine"
    assert diagnose(0.0, 0.0).verdict == "fine"
    # train below the optimal error (noise) is not a bias problem
    lucky = diagnose(0.10, 0.11, 0.15)
    assert lucky.avoidable_bias < 0 and lucky.verdict == "fine"


@pytest.mark.parametrize(
    "kwargs,name",
    [
        ({"train_error": float("nan")}, "train_error"),
        ({"dev_error": 1.5}, "dev_error"),
        ({"dev_error": -0.1}, "dev_error"),
        ({"optimal_error": "x"}, "optimal_error"),
        ({"optimal_error": float("nan")}, "optimal_error"),
        ({"train_error": True}, "train_error"),
        ({"tolerance": -0.01}, "tolerance"),
        ({"tolerance": float("nan")}, "tolerance"),
    ],
)
def test_validation(kwargs, name):
    args = {"train_error": 0.1, "dev_error": 0.2, **kwargs}
    with pytest.raises(ValueError, match=name):
        diagnose(**args)


def test_recipe_stage_validates():
    with pytest.raises(ValueError, match="diagnosis"):
        recipe_stage("high_bias")


fractions = st.floats(0.0, 1.0)


@settings(deadline=None, max_examples=200)
@given(fractions, fractions, fractions, st.one_of(st.none(), fractions))
def test_property_consistency(train, dev, optimal, tolerance):
    d = diagnose(train, dev, optimal, tolerance)
    assert math.isclose(d.avoidable_bias + d.variance, dev - optimal, abs_tol=1e-12)
    assert d.verdict in VERDICTS
    expected = {(True, True): "both", (True, False): "high_bias",
                (False, True): "high_variance", (False, False): "fine"}
    assert d.verdict == expected[(d.high_bias, d.high_variance)]
    assert d.high_bias == (d.avoidable_bias > d.tolerance + 1e-12)
    assert d.high_variance == (d.variance > d.tolerance + 1e-12)
    assert recipe_stage(d) in RECIPE_STAGES
    assert (recipe_stage(d) == "done") == (d.verdict == "fine")
    assert d.next_steps == RECIPE_STEPS[recipe_stage(d)]


@settings(deadline=None, max_examples=100)
@given(fractions, fractions, fractions, st.floats(0.0, 0.5))
def test_property_worse_dev_error_never_hides_variance(train, dev, optimal, extra):
    worse = min(1.0, dev + extra)
    if diagnose(train, dev, optimal).high_variance:
        assert diagnose(train, worse, optimal).high_variance
