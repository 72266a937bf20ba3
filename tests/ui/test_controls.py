"""The control registry: every declared control at min, max and invalid values; caps."""

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ui.controls import MAX_WORK, Control, cap_iterations, extremes, format_number, log_grid
from ui.i18n import strings
from ui.specs import HOME, PAGES, controls_of

ALL_PAGES = [HOME.slug] + [p.slug for p in PAGES]
ALL_CONTROLS = [(slug, c) for slug in ALL_PAGES for c in controls_of(slug)]
IDS = [f"{slug}.{c.key}" for slug, c in ALL_CONTROLS]


def test_log_grid_is_1_2_5():
    assert log_grid(1e-4, 10) == (
        1e-4,
        2e-4,
        5e-4,
        1e-3,
        2e-3,
        5e-3,
        0.01,
        0.02,
        0.05,
        0.1,
        0.2,
        0.5,
        1.0,
        2.0,
        5.0,
        10.0,
    )


@pytest.mark.parametrize(("slug", "control"), ALL_CONTROLS, ids=IDS)
def test_control_declaration(slug, control):
    assert control.is_valid(control.default) or control.kind == "bool"
    assert control.label in strings(), f"{control.label} has no i18n entry"
    if control.kind == "choice":
        for option in control.options:
            assert f"opt.{option}" in strings(), f"option {option} of {control.key} has no label"


@pytest.mark.parametrize(("slug", "control"), ALL_CONTROLS, ids=IDS)
def test_min_max_and_url_round_trip(slug, control):
    for value in (control.minimum, control.maximum, control.default):
        parsed, problem = control.clamp(control.to_url(value))
        assert problem is None, (control.key, value)
        assert parsed == value or math.isclose(parsed, value, rel_tol=1e-9)


@pytest.mark.parametrize(("slug", "control"), ALL_CONTROLS, ids=IDS)
def test_invalid_url_values(slug, control):
    for raw in ("garbage", "nan", "inf", "", "1e999", "<script>"):
        value, problem = control.clamp(raw)
        assert problem in ("invalid", "clamped") or control.kind == "choice" and raw in control.options
        assert control.is_valid(value) or control.kind == "bool"
    if control.kind in ("int", "float"):
        assert control.clamp(str(control.high * 10 + 1)) == (control.high, "clamped")
        assert control.clamp(str(control.low - 10**6)) == (control.low, "clamped")


def test_log_control_snaps_to_grid():
    c = Control("lambd", "log", 0.0, low=1e-4, high=10, zero=True)
    assert c.clamp("0.0012") == (1e-3, "clamped")
    assert c.clamp("-3") == (0.0, "clamped")
    assert c.clamp("0") == (0.0, None)
    assert c.clamp("500") == (10.0, "clamped")
    assert c.clamp("0.05") == (0.05, None)


@given(st.text(max_size=30))
@settings(max_examples=300, deadline=None)
def test_clamp_never_raises(raw):
    for _, control in ALL_CONTROLS:
        value, _ = control.clamp(raw)
        assert control.is_valid(value) or control.kind == "bool"


def test_bad_declarations_rejected():
    with pytest.raises(ValueError, match="kind"):
        Control("x", "slider", 1)
    with pytest.raises(ValueError, match="outside its range"):
        Control("x", "int", 50, low=0, high=10)


def test_cap_iterations_bounds_work():
    assert cap_iterations(300, 100, 1000) == 1000
    capped = cap_iterations(10**6, 5000, 10**5)
    assert capped * 10**6 * 5000 <= MAX_WORK
    assert cap_iterations(10**9, 10**9, 10) == 0


def test_extremes_and_format():
    c = Control("n", "int", 5, low=1, high=9)
    assert extremes([c]) == [{"n": 1}, {"n": 9}]
    assert format_number(0.001) == "0.001" and format_number(1e-5) == "1e-05" and format_number(3) == "3"
