"""Property-based fuzzing: the whole control space and random URL query strings through AppTest,
plus many more cases of the pure URL-value parsing (``Control.clamp``, language and option labels).

Every page (home and each lecture page that exists) gets ``ceil(FUZZ_CASES / pages)`` AppTest runs,
so the total stays at FUZZ_CASES (default 500) as pages land. A case opens the app at the page
with a query string whose keys are the page's controls (values from the control's own range, or
garbage), the shell's keys (lang, seed, present, hide, compare) and random keys. Zero exceptions,
and every control ends up with a valid value. Runs derandomized (reproducible in CI);
``FUZZ_RANDOM=1`` explores new cases.
"""

from __future__ import annotations

import math
import os

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from streamlit.testing.v1 import AppTest
from streamlit.util import calc_hash

from tests.pages.harness import APP, TIMEOUT
from ui.controls import Control
from ui.i18n import LANG_NAMES, LANGS, normalize_lang, strings, text
from ui.specs import HOME, PAGES, PageSpec, available_pages, controls_of
from ui.widgets import option_from_label

FUZZ_CASES = int(os.environ.get("FUZZ_CASES", "500"))
SPECS = (HOME, *available_pages())
PER_PAGE = max(1, math.ceil(FUZZ_CASES / len(SPECS)))
ALL_CONTROLS = [c for slug in [HOME.slug] + [p.slug for p in PAGES] for c in controls_of(slug)]
APP_SETTINGS = settings(
    max_examples=PER_PAGE,
    deadline=None,
    derandomize=os.environ.get("FUZZ_RANDOM") != "1",
    database=None,
    suppress_health_check=list(HealthCheck),
)
PURE_SETTINGS = settings(
    max_examples=3000, deadline=None, derandomize=os.environ.get("FUZZ_RANDOM") != "1", database=None
)

# Garbage a URL can carry: junk text, numbers of every size, non-finite words, markup, unicode.
GARBAGE = st.one_of(
    st.text(max_size=30),
    st.sampled_from(
        ["", " ", "nan", "-inf", "inf", "1e309", "-0", "0x10", "1_000", "<script>", "中文", "真"]
    ),
    st.floats(allow_nan=True, allow_infinity=True).map(repr),
    st.integers(min_value=-(10**30), max_value=10**30).map(str),
)


def valid_values(control: Control) -> st.SearchStrategy:
    """Any value the control allows (on its step grid)."""
    if control.kind in ("choice", "log"):
        return st.sampled_from(control.choices())
    if control.kind == "bool":
        return st.booleans()
    if control.step:
        steps = int(round((control.high - control.low) / control.step))
        return st.integers(0, steps).map(lambda k: min(control.high, control.low + k * control.step))
    return st.floats(control.low, control.high, allow_nan=False)


def url_value(control: Control) -> st.SearchStrategy:
    """Mostly a valid value as the URL writes it (or as its shown label), sometimes garbage."""
    valid = valid_values(control).map(control.to_url)
    if control.kind == "choice":
        labels = [
            text(f"opt.{o}", lang) for o in control.options if f"opt.{o}" in strings() for lang in LANGS
        ]
        valid = st.one_of(valid, st.sampled_from(labels)) if labels else valid
    return st.one_of(valid, valid, valid, GARBAGE)


@st.composite
def query_strings(draw, slug: str) -> dict[str, str]:
    """A query string for page ``slug``: its controls, the shell's keys and random keys, each maybe."""
    query = {}
    for control in controls_of(slug):
        if draw(st.integers(0, 4)):  # most keys are present
            query[control.key] = draw(url_value(control))
        if draw(st.integers(0, 9)) == 0:  # configuration B of the A/B comparison
            query[f"b_{control.key}"] = draw(url_value(control))
    shell = {
        "lang": st.sampled_from(["en", "zh", "zh-CN", "", "fr", *LANG_NAMES.values()]) | GARBAGE,
        "seed": st.integers(-5, 10_050).map(str) | GARBAGE,
        "present": st.sampled_from(["0", "1", "yes", "x"]),
        "hide": st.lists(st.sampled_from([c.key for c in controls_of(slug)] or ["x"])).map(",".join),
        "compare": st.sampled_from(["0", "1", "true", "maybe"]),
    }
    for key, strategy in shell.items():
        if draw(st.integers(0, 3 if key in ("lang", "seed") else 6)) == 0 or key == "lang":
            query[key] = draw(strategy)
    for _ in range(draw(st.integers(0, 2))):
        query[draw(st.text(min_size=1, max_size=12))] = draw(GARBAGE)
    return query


def open_at(spec: PageSpec, query: dict[str, str]) -> AppTest:
    """The app opened at ``/<slug>?<query>``: the first run of a session, as a shared deep link does.

    A browser asks for the page by its url path; AppTest's ``switch_page`` cannot name a page with
    a custom url path before the first run, so the first run gets the path's hash directly.
    """
    at = AppTest.from_file(APP, default_timeout=TIMEOUT)
    for key, value in query.items():
        at.query_params[key] = value
    if spec is not HOME:
        at._page_hash = calc_hash(spec.slug)  # the url path app.py gives the page
    at.run()
    title = at.title[0].value if at.title else ""
    assert title.startswith(f"§{spec.sections} ") or spec is HOME, f"opened {title!r}, not {spec.slug}"
    return at


@pytest.mark.parametrize("spec", SPECS, ids=[s.slug for s in SPECS])
def test_random_urls_over_the_control_space_never_raise(spec):
    @APP_SETTINGS
    @given(query=query_strings(spec.slug))
    def case(query):
        at = open_at(spec, query)
        assert not at.exception, (query, [e.value for e in at.exception])
        for control in controls_of(spec.slug):
            if control.key in at.session_state:
                value = at.session_state[control.key]
                assert control.is_valid(value), (query, control.key, value)

    case()


# --------------------------------------------------------------------------- pure parsing


@PURE_SETTINGS
@given(control=st.sampled_from(ALL_CONTROLS), raw=st.one_of(GARBAGE, st.text()))
def test_clamp_always_returns_an_allowed_value(control, raw):
    value, problem = control.clamp(raw)
    assert problem in (None, "invalid", "clamped")
    assert control.is_valid(value), (control.key, raw, value)
    if problem is None and control.kind in ("int", "float"):
        assert math.isclose(float(raw), value, rel_tol=1e-9, abs_tol=1e-12)


@PURE_SETTINGS
@given(data=st.data(), control=st.sampled_from(ALL_CONTROLS))
def test_every_allowed_value_round_trips_through_the_url(data, control):
    value = data.draw(valid_values(control))
    parsed, problem = control.clamp(control.to_url(value))
    assert problem is None, (control.key, value)
    assert parsed == value or math.isclose(parsed, value, rel_tol=1e-9)


@PURE_SETTINGS
@given(raw=st.one_of(GARBAGE, st.text()))
def test_language_parsing_is_total(raw):
    assert normalize_lang(raw) in (None, *LANGS)


@pytest.mark.parametrize("control", [c for c in ALL_CONTROLS if c.kind == "choice"], ids=lambda c: c.key)
def test_choice_labels_in_either_language_map_back_to_the_option(control):
    for option in control.options:
        assert option_from_label(control, option) == option
        key = f"opt.{option}"
        for lang in LANGS if key in strings() else ():
            assert option_from_label(control, text(key, lang)) == option
    assert option_from_label(control, "no such option") == "no such option"
