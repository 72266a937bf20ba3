"""The real app in headless Chromium: every page of the navigation renders, sliders redraw charts,
the language switches, a shared URL reopens the same state and the training replay plays.

Pages are discovered from the registry (``ui.specs.available_pages``) and checked against the
sidebar navigation, so the suite grows as the lecture pages land. Screenshots of every page go to
``artifacts/screenshots/``.
"""

from __future__ import annotations

import re
import time
from urllib.parse import parse_qs, urlsplit

import pytest

from tests.e2e import kit
from ui.specs import controls_of

pytestmark = [pytest.mark.e2e, pytest.mark.xdist_group("browser")]

PAGES = kit.page_paths()
CJK = re.compile(r"[\u4e00-\u9fff]")
SLIDER_KINDS = ("int", "float", "log")


def slider_controls(slug: str) -> list[str]:
    return [c.key for c in controls_of(slug) if c.kind in SLIDER_KINDS]


def same_number(a: str | None, b: str | None) -> bool:
    """'1.1' and '1.10' (the slider's own formatting) are the same value."""
    try:
        return float(a) == float(b)
    except (TypeError, ValueError):
        return a == b


def assert_clean(page) -> None:
    """No exception element, no "page not found" dialog, no uncaught JavaScript error."""
    assert kit.exceptions(page) == []
    dialogs = [d.inner_text()[:200] for d in page.query_selector_all("[role=dialog]")]
    assert not any("not found" in d.lower() for d in dialogs), dialogs
    assert page.js_errors == []


def test_navigation_lists_every_page(app_server, page):
    kit.open_page(page, app_server.url + "/", charts=1)
    expected = [path for _, path in PAGES]
    listed = kit.nav_paths(page)
    if len(expected) == 1:  # Streamlit hides the navigation while there is only the home page
        assert listed in ([], [""])
    else:
        assert listed == expected


@pytest.mark.xdist_group("pages")  # its own group: the per-page tests balance against the others
@pytest.mark.parametrize(("slug", "path"), PAGES, ids=[slug for slug, _ in PAGES])
def test_page_renders_and_a_slider_redraws_a_chart(app_server, page, slug, path):
    kit.open_page(page, f"{app_server.url}/{path}", charts=1)
    assert_clean(page)
    assert kit.rendered_charts(page) >= 1
    if slug != "home":
        assert page.locator("h1").first.inner_text().startswith("§")
    kit.screenshot(page, slug)
    keys = slider_controls(slug)
    if not keys:
        return
    found = kit.find_redrawing_slider(page, keys)
    assert found is not None, f"no slider of {slug} ({', '.join(keys)}) redraws a chart"
    key, move = found
    assert_clean(page)
    (in_url,) = parse_qs(urlsplit(page.url).query).get(key, [None])
    assert same_number(in_url, move.value), f"the URL says {key}={in_url}, the slider {move.value}"


def test_validation_curve_fills_in_without_a_reload(app_server, page):
    """ui.deferred on a real server: the tab is up first, the batched λ curve arrives by itself."""
    kit.open_page(page, f"{app_server.url}/l2?seed=4321", charts=1)  # a seed no other test trained
    page.get_by_role("tab", name="Choosing λ").click()  # the curve's tab: only an open tab runs
    page.wait_for_function(
        """() => Array.from(document.querySelectorAll('.js-plotly-plot'))
             .some(gd => (gd.layout?.title?.text || '') === 'Train and dev error')""",
        timeout=120_000,
    )
    kit.wait_run_after(page, kit.runs_done(page) - 1)
    assert_clean(page)
    assert page.get_by_text("in the background").count() == 0


def test_keyboard_slider_move_redraws_the_chart(app_server, page):
    kit.open_page(page, f"{app_server.url}/?iterations=300", charts=2)
    before = kit.fingerprints(page)
    assert kit.slider_state(page, "hidden")["value"] == "8"
    called_at = page.evaluate("() => performance.now()")
    wall = time.perf_counter()
    move = kit.timed_move(page, "hidden", "ArrowRight")
    wall = time.perf_counter() - wall
    assert move.changed and move.value == "9"
    after = kit.fingerprints(page)
    assert after[0] != before[0], "the decision boundary was not redrawn"
    # The move is timed from the arrow's keydown on the thumb, which the page saw once.
    keys = page.evaluate("() => window.__dlp.keyTimes")
    assert len([k for k in keys if k > called_at]) == 1, keys
    assert 0 < move.seconds < wall
    assert_clean(page)


COPY_CHART_JS = """
(change) => {
  const gd = document.querySelector('.js-plotly-plot');
  const copy = JSON.parse(JSON.stringify(gd.data, (k, v) => (ArrayBuffer.isView(v) ? Array.from(v) : v)));
  if (change) copy[0].name = `${copy[0].name || ''} (changed)`;
  gd.data = copy;
}
"""


def test_the_move_clock_counts_new_data_not_a_copy_of_the_drawn_one(app_server, page):
    """Streamlit renders every new chart twice, the second time with a copy of the same figure:
    the kit's clock (``__dlpScan``) ends a move at the render that changes a chart's data."""
    kit.open_page(page, f"{app_server.url}/?iterations=300", charts=2)
    draws = "() => (window.__dlpScan(), window.__dlp.drawTimes.length)"
    seen = page.evaluate(draws)
    page.evaluate(COPY_CHART_JS, False)
    assert page.evaluate(draws) == seen, "a copy of the data already drawn counted as a redraw"
    page.evaluate(COPY_CHART_JS, True)
    assert page.evaluate(draws) == seen + 1, "new data did not count as a redraw"


def alerts(page) -> list[str]:
    return [a.inner_text() for a in page.query_selector_all("[data-testid=stAlert]")]


def test_language_switch_shows_chinese_and_the_link_keeps_it(app_server, browser, page):
    kit.open_page(page, f"{app_server.url}/", charts=1)
    title = page.locator("h1").first
    assert not CJK.search(title.inner_text())
    kit.choose(page, "lang", "中文")
    page.wait_for_function("() => /[\\u4e00-\\u9fff]/.test(document.querySelector('h1')?.innerText || '')")
    assert CJK.search(title.inner_text())
    assert "语言" in page.locator("[data-testid=stSidebar]").inner_text()
    assert_clean(page)
    kit.screenshot(page, "home.zh")
    other = kit.new_page(browser)  # the address bar's URL, opened by someone else, is Chinese too
    try:
        kit.open_page(other, page.url, charts=1)
        assert CJK.search(other.locator("h1").first.inner_text())
        assert alerts(other) == [], "reopening the link complained about it"
    finally:
        other.context.close()


def test_shared_url_reopens_the_same_state(app_server, browser, page):
    kit.open_page(page, f"{app_server.url}/?iterations=300", charts=2)
    kit.timed_move(page, "hidden", "ArrowRight")
    kit.timed_move(page, "hidden", "ArrowRight")
    kit.timed_move(page, "seed", "ArrowRight")
    kit.choose(page, "dataset", "Circles")
    kit.wait_charts(page, 2)
    state = {key: kit.slider_state(page, key)["value"] for key in ("hidden", "iterations", "seed")}
    assert state == {"hidden": "10", "iterations": "300", "seed": "1"}
    charts = kit.fingerprints(page)
    # The sidebar's share link carries the same state. The last move was inside the page's fragment,
    # which does not rerun the sidebar: opening the popover reruns the page and writes the link.
    done = kit.runs_done(page)
    page.locator("[data-testid=stSidebar] [data-testid=stPopover] button").first.click()
    kit.wait_run_after(page, done, unseen_ms=3000)
    link = page.locator("[data-testid=stPopoverBody] code").first.inner_text()
    assert all(f"{k}={v}" in link for k, v in {**state, "dataset": "circles"}.items()), link

    for shared in (page.url, link):  # the address bar's URL and the share link
        other = kit.new_page(browser)
        try:
            kit.open_page(other, shared, charts=len(charts))
            assert {key: kit.slider_state(other, key)["value"] for key in state} == state
            assert other.locator(".st-key-dataset input").first.input_value() == "Circles"
            assert kit.fingerprints(other) == charts, f"{shared} drew different figures"
            assert alerts(other) == [], f"reopening {shared} complained about it"
            assert kit.exceptions(other) == []
        finally:
            other.context.close()


def test_a_move_inside_the_fragment_updates_what_depends_on_it(app_server, page):
    """Controls and body rerun as one fragment (ui.compare.page_body): §1.2's lecture case still moves
    its sliders, §1.3's next step moves its own, and §1.11's formula table below the body still
    follows the chosen scheme."""
    paths = dict(PAGES)
    kit.open_page(page, f"{app_server.url}/{paths['bias_variance']}", charts=1)
    assert kit.slider_state(page, "bv_hidden")["value"] == "16"
    kit.choose(page, "bv_preset", "High bias (15% / 16%)")
    assert kit.slider_state(page, "bv_hidden")["value"] == "2"
    assert kit.slider_state(page, "bv_m")["value"] == "5000"

    # §1.3's lab is a fragment of its own: its next-step button moves its sliders.
    kit.open_page(page, f"{app_server.url}/{paths['recipe']}", charts=1)
    keys = slider_controls("recipe")
    before = {k: kit.slider_state(page, k)["value"] for k in keys}
    done = kit.runs_done(page)
    page.locator(".st-key-recipe_apply button").first.click()
    kit.wait_run_after(page, done, unseen_ms=3000)
    kit.wait_for(
        lambda: {k: kit.slider_state(page, k)["value"] for k in keys} != before,
        timeout=30,
        describe=lambda: f"the next step moved no slider of {keys}",
    )
    assert_clean(page)

    kit.open_page(page, f"{app_server.url}/{paths['initialization']}", charts=1)
    bold = page.locator("[data-testid=stMarkdownContainer] table strong").first
    assert bold.inner_text() == "He √(2/n)"
    kit.choose(page, "init_scheme", "Xavier √(1/n)")
    assert bold.inner_text() == "Xavier √(1/n)"
    assert_clean(page)


def test_the_comparison_opens_and_its_b_controls_redraw(app_server, page):
    """The A/B toggle lives in the page's fragment too: it opens both halves, and a move of a B
    control redraws a chart and lands in the URL as ``b_<key>``."""
    kit.open_page(page, f"{app_server.url}/{dict(PAGES)['l2']}", charts=1)
    alone = kit.rendered_charts(page)
    done = kit.runs_done(page)
    page.locator(".st-key-compare label").first.click()
    kit.wait_run_after(page, done, unseen_ms=3000)
    kit.wait_charts(page, 2 * alone + 1)  # A's, B's and the differences
    move = kit.timed_move(page, "b_lambd", "ArrowRight")
    assert move.changed
    assert parse_qs(urlsplit(page.url).query).get("b_lambd") == [move.value]
    assert_clean(page)


REPLAY_JS = """
() => {
  const gd = Array.from(document.querySelectorAll('.js-plotly-plot'))
    .find(g => g._fullLayout && (g._fullLayout.updatemenus || []).length
               && (g._fullLayout.sliders || []).length);
  if (!gd) return null;
  return {active: gd._fullLayout.sliders[0].active,
          title: (gd._fullLayout.title && gd._fullLayout.title.text) || '',
          frames: (gd._transitionData && gd._transitionData._frames || []).length};
}
"""


def test_training_replay_plays(app_server, page):
    kit.open_page(page, f"{app_server.url}/?replay=1", charts=3)
    expander = page.locator("[data-testid=stPlotlyChart]").filter(has=page.locator(".updatemenu-button"))
    before = page.evaluate(REPLAY_JS)
    assert before is not None and before["frames"] >= 2 and before["active"] == 0
    expander.locator(".updatemenu-button").first.click()  # ▶ Play
    page.wait_for_function(
        "([js, title]) => { const s = eval(js)(); return s && s.active > 0 && s.title !== title; }",
        arg=[REPLAY_JS, before["title"]],
        timeout=15_000,
    )
    after = page.evaluate(REPLAY_JS)
    assert after["active"] > 0 and after["title"] != before["title"]
    kit.screenshot(page, "home.replay")
    assert_clean(page)
