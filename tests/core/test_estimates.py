"""core.estimates: §1.1 intervals of a measured error against published values and by simulation."""

import numpy as np
import pytest

from core.estimates import (
    half_width,
    interval,
    normal_interval,
    required_size,
    wilson_interval,
    z_value,
)


def test_z_values():
    assert z_value(0.95) == pytest.approx(1.959964, abs=1e-6)
    assert z_value(0.99) == pytest.approx(2.575829, abs=1e-6)
    assert z_value(0.90) == pytest.approx(1.644854, abs=1e-6)


# Newcombe, "Two-sided confidence intervals for the single proportion: comparison of seven methods",
# Statistics in Medicine 17 (1998) 857–872, Table II: method 1 (Wald) and method 3 (Wilson score).
NEWCOMBE = [
    # successes, n, Wald (low, high), Wilson (low, high)
    (81, 263, (0.2522, 0.3638), (0.2553, 0.3662)),
    (15, 148, (0.0527, 0.1500), (0.0624, 0.1605)),
    (0, 20, (0.0, 0.0), (0.0, 0.1611)),
    (1, 29, (0.0, 0.1009), (0.0061, 0.1718)),  # Wald's lower limit −0.0319 is clipped to 0
]


@pytest.mark.parametrize("x,n,wald,wilson", NEWCOMBE)
def test_against_newcombe_1998(x, n, wald, wilson):
    assert [float(v) for v in normal_interval(x / n, n)] == pytest.approx(wald, abs=5e-5)
    assert [float(v) for v in wilson_interval(x / n, n)] == pytest.approx(wilson, abs=5e-5)


def test_textbook_normal_formula_and_lecture_numbers():
    # p ± 1.96·√(p(1−p)/n) written out by hand
    p, n = 0.05, 10_000
    low, high = normal_interval(p, n)
    expected = 1.959964 * np.sqrt(p * (1 - p) / n)
    assert float(high - p) == pytest.approx(expected, rel=1e-6)
    assert float(p - low) == pytest.approx(expected, rel=1e-6)
    # §1.1: 10,000 dev examples measure a 5 % error to about ±0.43 points; 30 examples to about ±8
    assert float(half_width(p, n)) == pytest.approx(0.0043, abs=1e-4)
    assert float(half_width(p, 30)) > 0.07
    # Wilson and normal agree for large n
    assert float(half_width(p, n)) == pytest.approx(float(half_width(p, n, method="normal")), rel=0.01)


def test_shrinks_like_one_over_root_n():
    n = np.array([100, 10_000, 1_000_000])
    hw = half_width(0.1, n, method="normal")
    assert hw[0] / hw[1] == pytest.approx(10.0)
    assert hw[1] / hw[2] == pytest.approx(10.0)
    assert np.all(np.diff(half_width(0.1, n)) < 0)


def test_classic_sample_sizes():
    # the survey numbers: ±3 points at 50 % needs 1,068 people, ±5 points 385
    assert required_size(0.5, 0.03) == 1068
    assert required_size(0.5, 0.05) == 385
    assert required_size(0.05, 0.01) == 1825
    assert required_size(0.0, 0.01) == 1
    n = required_size(0.2, 0.004)
    assert (
        float(half_width(0.2, n, method="normal")) <= 0.004 < float(half_width(0.2, n - 1, method="normal"))
    )


def test_wilson_stays_in_range_and_contains_the_estimate():
    p = np.linspace(0, 1, 21)
    for n in (1, 5, 50, 5000):
        low, high = wilson_interval(p, n)
        assert np.all((low >= 0) & (low <= p + 1e-12) & (p - 1e-12 <= high) & (high <= 1))
        assert np.all(high > low)  # never zero width, unlike the normal approximation at 0 and 1
    low, high = normal_interval(0.0, 50)
    assert float(low) == float(high) == 0.0


def test_wilson_coverage_by_simulation():
    """About 95 % of Wilson intervals computed from simulated dev sets contain the true error."""
    rng = np.random.default_rng(0)
    for p, n in ((0.05, 200), (0.2, 1000), (0.01, 500)):
        errors = rng.binomial(n, p, size=20_000) / n
        low, high = interval(errors, n)
        coverage = np.mean((low <= p) & (p <= high))
        assert 0.93 < coverage < 0.975, (p, n, coverage)


@pytest.mark.parametrize(
    "call,name",
    [
        (lambda: half_width(1.2, 10), "error"),
        (lambda: half_width(-0.1, 10), "error"),
        (lambda: half_width(float("nan"), 10), "error"),
        (lambda: half_width(0.1, 0), "n"),
        (lambda: half_width(0.1, [10, float("inf")]), "n"),
        (lambda: z_value(1.0), "confidence"),
        (lambda: z_value(True), "confidence"),
        (lambda: interval(0.1, 10, method="exact"), "method"),
        (lambda: required_size(0.1, 0.0), "margin"),
    ],
)
def test_validation(call, name):
    with pytest.raises(ValueError, match=name):
        call()
