"""Fixtures for the real-browser tests: the app server and Debian's headless Chromium.

Under pytest-xdist each worker has its own session fixtures, so every server picks a free
loopback port; ``make test`` runs ``--dist loadgroup`` so each test module (one ``xdist_group``)
stays on one worker and starts its servers once. A missing Chromium skips these tests locally
and fails them when ``REQUIRE_BROWSER=1`` (CI).
"""

from __future__ import annotations

import pytest

from tests.e2e import kit


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(config, items) -> None:
    """Make ``--dist loadgroup`` group by ``xdist_group`` again under pytest 9.

    pytest-xdist 3.8 appends "@<group>" to ``item._nodeid``; pytest 9.2 derives ``nodeid`` from
    ``item._id`` instead, so the suffix is lost and the groups are spread over the workers
    (every worker would then start its own servers and virtual environment).
    """
    if not getattr(config.option, "loadgroup", False):  # set in xdist workers under --dist loadgroup
        return
    try:
        from _pytest.nodeid import NodeId
    except ImportError:  # an older pytest: xdist's own suffix works
        return
    for item in items:
        mark = item.get_closest_marker("xdist_group")
        if mark is None or "@" in item.nodeid or not hasattr(item, "_id"):
            continue
        name = mark.args[0] if mark.args else mark.kwargs.get("name", "default")
        item._id = NodeId.parse(f"{item.nodeid}@{name}")


def require(reason: str | None) -> None:
    """Skip (locally) or fail (REQUIRE_BROWSER=1) when ``reason`` says something is missing."""
    if reason is None:
        return
    if kit.browser_required():
        pytest.fail(f"REQUIRE_BROWSER=1 but {reason}", pytrace=False)
    pytest.skip(reason)


@pytest.fixture(scope="session")
def playwright_instance():
    require(kit.chromium_missing())
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        yield playwright


@pytest.fixture(scope="session")
def browser(playwright_instance):
    """One headless Chromium per worker; every test opens its own context (own session, cookies)."""
    browser = kit.launch_browser(playwright_instance)
    try:
        yield browser
    finally:
        browser.close()


@pytest.fixture(scope="session")
def app_server(playwright_instance):
    """``streamlit run app.py`` on a free loopback port for the whole session (stopped at the end)."""
    server = kit.AppServer(name="e2e")
    server.start()
    try:
        server.warm_up(pages="home")  # imports and the home demo; each page test opens its page cold
        yield server
    finally:
        server.stop()


@pytest.fixture
def page(browser):
    """A fresh browser context and page; page errors (uncaught JS exceptions) are collected."""
    page = kit.new_page(browser)
    page.js_errors = []
    page.on("pageerror", lambda error: page.js_errors.append(str(error)))
    try:
        yield page
    finally:
        page.context.close()
