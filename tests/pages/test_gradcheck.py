"""§1.13–§1.14 page: both languages, extremes, planted bugs found, correct backprop passes, §1.14 demos."""

import inspect

import numpy as np
import pytest

import core.gradcheck as gc
from core.gradcheck_demos import NetSpec, build_problem, expected_blocks
from core.network import ACTIVATIONS
from tests.pages import harness
from tests.pages.harness import arr, assert_ok, chart_keys, chart_specs, english_leaks, run_page, widget
from ui.controls import extremes
from ui.i18n import text
from ui.specs import controls_of

VIEW_KEY = "gradcheck_view"  # lectures/13_gradient_checking.py
TABS = {  # tab -> its charts; the first is open by default
    "check": ["scale", "blocks", "parameters"],
    "notes": ["cost", "regularization", "dropout", "init_trained"],
}

SCRIPT = "lectures/13_gradient_checking.py"
DEFAULT = NetSpec()  # the page's defaults: [2, 4, 4, 1], relu, λ = 0.1, m = 32, seed 0


@pytest.fixture
def page():
    """Open the page the way a shared link does: run_page(SCRIPT, query, lang)."""

    def open_page(query=None, lang="en", view="check"):
        at = run_page(SCRIPT, query=query, lang=lang)
        return at if view == "check" else open_tab(at, view, lang)

    return open_page


def open_tab(at, view: str, lang: str = "en"):
    """Switch to the tab ``view`` ("check" or "notes"), as a click on it does; only it runs."""
    return harness.open_tab(at, VIEW_KEY, f"gradcheck.tab.{view}", lang)


def figure(at, role: str) -> dict:
    """The chart holding a trace with meta.role == role."""
    for spec in chart_specs(at):
        for tr in spec["data"]:
            if (tr.get("meta") or {}).get("role") == role:
                return spec
    raise KeyError(role)


def role_trace(spec: dict, role: str) -> dict:
    return next(tr for tr in spec["data"] if (tr.get("meta") or {}).get("role") == role)


def pointed_at(at) -> list[str]:
    """The blocks the "look here" arrows of the per-block chart point at."""
    spec = figure(at, "blocks")
    return [a["x"] for a in spec["layout"].get("annotations", []) if a.get("text") == "look here"]


def checked_difference(at) -> float:
    return role_trace(figure(at, "this_check"), "this_check")["meta"]["difference"]


def case_verdicts(at, key: str) -> list[str]:
    spec = chart_specs(at)[chart_keys(at).index(key)]
    return role_trace(spec, "cases")["meta"]["verdicts"]


# --- defaults and extremes ----------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_defaults_run_in_both_languages(page, lang):
    at = page(lang=lang)
    assert_ok(at)
    assert chart_keys(at) == ["scale", "blocks", "parameters"]
    n = sum(v.size for v in build_problem(DEFAULT)[0].values())
    assert [m.value for m in at.metric][:2] == [str(n), str(2 * n)]
    assert len(at.success) == 1 and not at.error
    if lang == "zh":
        assert english_leaks(at) == []
        assert "没问题" in at.success[0].value
    open_tab(at, "notes", lang)
    assert_ok(at)
    assert chart_keys(at) == ["cost", "regularization", "dropout", "init_trained"]
    if lang == "zh":
        assert english_leaks(at) == []


def test_only_the_open_tab_runs_and_it_stays_open_across_a_language_switch(page):
    at = page(view="notes")
    assert "scale" not in chart_keys(at)
    at.session_state["lang"] = "zh"
    at.run()
    assert_ok(at)
    assert at.session_state[VIEW_KEY] == text("gradcheck.tab.notes", "zh")
    assert "cost" in chart_keys(at)
    open_tab(at, "check", "zh")
    assert chart_keys(at) == ["scale", "blocks", "parameters"]


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("which", [0, 1], ids=["min", "max"])
def test_every_control_at_its_extremes(page, lang, which):
    controls = controls_of("gradcheck")
    setting = extremes(controls)[which]
    at = page({c.key: c.to_url(setting[c.key]) for c in controls}, lang=lang)
    harness.assert_every_tab(at, VIEW_KEY, "gradcheck.tab.", TABS, lang=lang)


def test_changing_the_network_changes_the_figures(page):
    at = page()
    before = arr(role_trace(figure(at, "analytic"), "analytic")["y"])
    widget(at, "units").set_value(6).run()
    assert_ok(at)
    after = arr(role_trace(figure(at, "analytic"), "analytic")["y"])
    assert len(after) == 2 * 6 + 6 + 6 * 6 + 6 + 6 + 1 != len(before)
    widget(at, "activation").set_value("tanh").run()
    assert_ok(at)
    assert not np.allclose(arr(role_trace(figure(at, "analytic"), "analytic")["y"]), after)


# --- §1.13: correct backprop passes, planted bugs are found ---------------------------------------


@pytest.mark.parametrize("activation", ACTIVATIONS)
def test_correct_backprop_passes_for_every_activation(page, activation):
    at = page({"activation": activation})
    assert_ok(at)
    assert checked_difference(at) < gc.OK_THRESHOLD
    assert len(at.success) == 1 and "below 10⁻⁷" in at.success[0].value
    assert pointed_at(at) == []


def default_bug_cases():
    params = build_problem(DEFAULT)[0]
    return [(bug, layer) for bug in gc.BUGS for layer in gc.bug_layers(bug, params, "relu", DEFAULT.lambd)]


@pytest.mark.parametrize("bug,layer", default_bug_cases())
def test_every_planted_bug_is_localized_to_its_block(page, bug, layer):
    at = page({"bug": bug, "bug_layer": str(layer)})
    assert_ok(at)
    assert checked_difference(at) >= gc.BUG_THRESHOLD
    expected = expected_blocks(bug, layer)
    pointed = pointed_at(at)
    if bug == "missing_activation_derivative":  # dZ[l] is wrong: dW[l] and db[l] both carry it
        assert pointed and set(pointed) <= set(expected)
    else:
        assert pointed == list(expected)
    assert any("Found" in s.value for s in at.success)


@pytest.mark.parametrize("bug", list(gc.BUGS))
def test_planted_bugs_are_found_with_tanh_units_too(page, bug):
    layer = 2  # W2 is square in [2, 4, 4, 1], so every bug fits there
    at = page({"bug": bug, "bug_layer": "2", "activation": "tanh"})
    assert_ok(at)
    assert set(pointed_at(at)) <= set(expected_blocks(bug, layer)) and pointed_at(at)


def test_a_bug_that_cannot_live_in_the_layer_moves_or_explains(page):
    at = page({"bug": "transposed_product", "bug_layer": "1"})
    assert_ok(at)
    assert "went into layer 2" in at.info[0].value
    assert pointed_at(at) == ["dW2"]
    at = page({"bug": "l2_missing_in_dw", "lambd": "0"})
    assert_ok(at)
    assert any("λ > 0" in w.value for w in at.warning)
    assert checked_difference(at) < gc.OK_THRESHOLD  # nothing planted: the correct backprop ran


def test_narrow_relu_net_passes_thanks_to_small_biases(page):
    at = page({"units": "1", "hidden_layers": "3"})  # with b = 0 this net sits on ReLU kinks
    assert_ok(at)
    assert checked_difference(at) < gc.OK_THRESHOLD
    assert not any("kink" in w.value for w in at.warning)


@pytest.mark.parametrize("eps,words", [("0.01", "truncation error"), ("1e-10", "rounding error")])
def test_a_correct_check_off_the_lectures_epsilon_is_explained(page, eps, words):
    at = page({"eps": eps})
    assert_ok(at)
    assert checked_difference(at) >= gc.OK_THRESHOLD  # ε too large or too small: not "fine" any more
    assert any(words in c.value for c in at.caption)


def test_garbage_url_is_clamped_with_a_notice(page):
    at = page({"bug": "rm -rf", "units": "1000", "eps": "0"})
    assert_ok(at)
    notices = " ".join(w.value for w in at.warning)
    assert "bug=" in notices and "units=" in notices and "eps=" in notices
    assert widget(at, "units").value == 12


def test_code_expander_shows_the_check_and_the_planted_bug(page):
    at = page({"bug": "dw_factor"})
    sources = [c.value.strip() for c in at.code]
    assert inspect.getsource(gc.gradient_check).strip() in sources
    assert inspect.getsource(gc._buggy_backward).strip() in sources


# --- §1.14 live demonstrations ---------------------------------------------------------------------


def test_regularization_must_be_in_both_J_and_dtheta(page):
    at = page(view="notes")
    assert case_verdicts(at, "regularization") == ["ok", "bug", "bug"]
    at = page({"lambd": "0"}, view="notes")  # the demo falls back to λ = 1 and says so
    assert case_verdicts(at, "regularization") == ["ok", "bug", "bug"]
    assert any("λ = 1" in c.value for c in at.caption)


def test_dropout_fails_unless_keep_prob_is_1_or_the_mask_is_fixed(page):
    at = page({"keep_prob": "0.8"}, view="notes")
    assert case_verdicts(at, "dropout") == ["bug", "ok", "ok"]
    widget(at, "keep_prob").set_value(1.0).run()
    assert_ok(at)
    assert case_verdicts(at, "dropout") == ["ok", "ok", "ok"]


def test_check_at_initialization_and_again_after_training(page):
    at = page(view="notes")
    verdicts = case_verdicts(at, "init_trained")
    # rows: init·correct, init·stale W, trained·correct, trained·stale W
    assert verdicts[0] == verdicts[1] == "ok"  # at initialization the stale copy is still exact
    assert verdicts[2] != "bug" and verdicts[3] == "bug"
    before = arr(role_trace(chart_specs(at)[-1], "cases")["x"])
    widget(at, "train_iterations").set_value(200).run()
    assert_ok(at)
    assert not np.allclose(arr(role_trace(chart_specs(at)[-1], "cases")["x"]), before)


def test_cost_of_a_check_is_measured_next_to_a_training_step(page):
    at = page(view="notes")
    spec = figure(at, "cost")
    ms = arr(role_trace(spec, "cost")["x"])  # step, batched check, loop check
    assert ms[0] < ms[1] < ms[2]
    n = sum(v.size for v in build_problem(DEFAULT)[0].values())
    assert any(f"{2 * n} cost evaluations" in m.value for m in at.markdown)
