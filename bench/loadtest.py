"""Classroom load test: N concurrent browser sessions move sliders for D seconds (``make loadtest``).

One headless Chromium, one context per student (own cookies, own Streamlit session), all on one
app server started here on a free loopback port. Session i opens the home page with its own
seed and hidden-unit count, then walks the "hidden" slider with the keyboard (right, then back)
until the time is up. After every move it checks that it still sees its own settings: the slider
shows the value this session set, the seed is its own, the URL carries both, and no exception is
on the page. Any timeout, exception, JavaScript error or foreign value counts as an error.

Latency = key press -> the rerun finished and the charts were redrawn with new data, measured
in the page's clock (tests/e2e/kit.py MOVE_DONE_JS). Note that here the browsers share the
machine's cores with the server; in a classroom they run on the students' laptops, so these
numbers are pessimistic.

Run: ``python -m bench.loadtest [--sessions 10] [--duration 60] [--json artifacts/loadtest.json]``.
Prints a summary; exits 1 when there were errors or leaks.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import statistics
import sys
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

from tests.e2e import kit
from ui.specs import controls_of

KEY = "hidden"
DEFAULT = next(c.default for c in controls_of("home") if c.key == KEY)
LOW, HIGH, WALK = 1, 50, 6  # the walk: start, start+1 … start+WALK, back down, and again


@dataclass
class SessionReport:
    index: int
    seed: int
    start: int
    moves: int = 0
    latencies: list[float] = field(default_factory=list)
    server: list[float] = field(default_factory=list)  # key press -> the rerun's last websocket message
    errors: list[str] = field(default_factory=list)
    leaks: list[str] = field(default_factory=list)


async def own_state(page) -> dict:
    """What the page shows now: the slider's and the seed's values, the URL's, any exceptions."""
    shown = await page.evaluate(
        """(key) => ({
             value: document.querySelector(`.st-key-${key} input[type=range]`)
                      ?.getAttribute('aria-valuetext'),
             seed: document.querySelector('.st-key-seed input[type=range]')?.getAttribute('aria-valuetext'),
             exceptions: document.querySelectorAll('[data-testid=stException]').length,
             notFound: Array.from(document.querySelectorAll('[role=dialog]'))
                             .some(d => /not found/i.test(d.innerText)),
           })""",
        KEY,
    )
    query = parse_qs(urlsplit(page.url).query)
    shown["url_value"] = (query.get(KEY) or [None])[0]
    shown["url_seed"] = (query.get("seed") or [None])[0]
    return shown


async def what_the_page_shows(page) -> str:
    """For an error message: the script state, runs counted, the slider and the connection status."""
    try:
        shown = await page.evaluate(
            """(key) => ({
                 state: document.querySelector('[data-testid=stApp]')?.getAttribute('data-test-script-state'),
                 runs: window.__dlp ? window.__dlp.done : null,
                 value: document.querySelector(`.st-key-${key} input[type=range]`)
                          ?.getAttribute('aria-valuetext'),
                 status: document.querySelector('[data-testid=stStatusWidget]')?.innerText ?? '',
               })""",
            KEY,
        )
    except Exception as error:  # noqa: BLE001 - the page itself may be gone
        return f"page unreadable: {type(error).__name__}"
    return ", ".join(f"{k}={v!r}" for k, v in shown.items())


def check(report: SessionReport, shown: dict, expected: int) -> None:
    """Record a leak when the page shows another session's settings, an error for exceptions.

    The URL leaves out a value equal to the control's default (Streamlit's query binding).
    """
    if shown["url_value"] is None and expected == DEFAULT:
        shown["url_value"] = str(DEFAULT)
    mine = {
        "value": str(expected),
        "seed": str(report.seed),
        "url_value": str(expected),
        "url_seed": str(report.seed),
    }
    foreign = {k: shown[k] for k in mine if shown[k] != mine[k]}
    if foreign:
        report.leaks.append(f"session {report.index} expected {mine}, saw {foreign}")
    if shown["exceptions"] or shown["notFound"]:
        report.errors.append(f"session {report.index}: exception element or 'page not found' on the page")


class Start:
    """The moment every session has its page up: the slider phase of all sessions starts then."""

    def __init__(self, sessions: int, duration: float) -> None:
        self.waiting, self.duration = sessions, duration
        self.event, self.deadline = asyncio.Event(), 0.0

    def arrive(self) -> None:
        self.waiting -= 1
        if self.waiting == 0:
            self.deadline = time.monotonic() + self.duration
            self.event.set()

    async def wait(self) -> float:
        await self.event.wait()
        return self.deadline


async def run_session(browser, url: str, report: SessionReport, start: Start, iterations: int) -> None:
    context = await browser.new_context(viewport=kit.VIEWPORT, locale="en-US")
    await context.add_init_script(kit.INIT_JS)
    page = await context.new_page()
    page.on("pageerror", lambda error: report.errors.append(f"session {report.index}: JS error {error}"))
    last_frame = [0.0]
    page.on(
        "websocket",
        lambda ws: ws.on("framereceived", lambda _: last_frame.__setitem__(0, time.perf_counter())),
    )
    arrived = False
    try:
        await asyncio.sleep(0.3 * report.index)  # students click the shared link within a few seconds
        await page.goto(
            f"{url}/?seed={report.seed}&{KEY}={report.start}&iterations={iterations}",
            wait_until="domcontentloaded",
            timeout=120_000,
        )
        await page.wait_for_function("() => window.__dlp && window.__dlp.done > 0", timeout=180_000)
        await page.wait_for_function("() => window.__dlpFingerprints().length > 0", timeout=180_000)
        expected, step = report.start, 1
        check(report, await own_state(page), expected)
        start.arrive()
        arrived = True
        deadline = await start.wait()
        while time.monotonic() < deadline:
            if not (LOW <= expected + step <= HIGH) or abs(expected + step - report.start) > WALK:
                step = -step
            before = await page.evaluate("() => window.__dlpFingerprints()")
            thumb = page.locator(f".st-key-{KEY} input[type=range]").first
            await thumb.focus()
            pressed_at = await page.evaluate("() => performance.now()")
            started = time.perf_counter()
            await page.keyboard.press("ArrowRight" if step > 0 else "ArrowLeft")
            handle = await page.wait_for_function(
                kit.MOVE_DONE_JS, arg=[before, 2000, pressed_at, kit.QUIET_MS], timeout=120_000
            )
            result = await handle.json_value()
            elapsed = time.perf_counter() - started
            if result["latencyMs"] is not None:
                elapsed = result["latencyMs"] / 1000
            expected += step
            report.moves += 1
            if not result["changed"]:
                report.errors.append(f"session {report.index}: move to {expected} redrew no chart")
            else:
                report.latencies.append(elapsed)
                report.server.append(min(max(0.0, last_frame[0] - started), elapsed))
            check(report, await own_state(page), expected)
    except Exception as error:  # noqa: BLE001 - every failure of a session is an error of the test
        seen = await what_the_page_shows(page)
        report.errors.append(f"session {report.index}: {type(error).__name__}: {str(error)[:300]} ({seen})")
    finally:
        if not arrived:
            start.arrive()
        await context.close()


async def run(url: str, sessions: int, duration: float, iterations: int) -> list[SessionReport]:
    from playwright.async_api import async_playwright

    reports = [SessionReport(i, seed=101 + i * 17, start=4 + (i * 3) % 40) for i in range(sessions)]
    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(
            executable_path=kit.CHROMIUM, args=kit.CHROMIUM_ARGS, headless=True
        )
        try:
            # Everybody opens the page at once (the lecturer says "open the link now"); the
            # slider phase starts when every page is up and lasts ``duration`` for all.
            start = Start(sessions, duration)
            await asyncio.gather(*(run_session(browser, url, r, start, iterations) for r in reports))
        finally:
            await browser.close()
    return reports


def summary(reports: list[SessionReport], duration: float, wall: float) -> dict:
    latencies = [x for r in reports for x in r.latencies]
    server = [x for r in reports for x in r.server]
    return {
        "sessions": len(reports),
        "duration_s": duration,
        "wall_s": round(wall, 1),
        "moves": sum(r.moves for r in reports),
        "moves_per_session": [r.moves for r in reports],
        "errors": [e for r in reports for e in r.errors],
        "leaks": [leak for r in reports for leak in r.leaks],
        "latency_s": {
            "p50": round(kit.percentile(latencies, 50), 3),
            "p95": round(kit.percentile(latencies, 95), 3),
            "max": round(max(latencies), 3) if latencies else None,
            "mean": round(statistics.fmean(latencies), 3) if latencies else None,
        },
        "server_s": {
            "p50": round(kit.percentile(server, 50), 3),
            "p95": round(kit.percentile(server, 95), 3),
        },
        "cpus": os.cpu_count(),
        "sessions_detail": [
            asdict(r)
            | {"latencies": [round(x, 3) for x in r.latencies], "server": [round(x, 3) for x in r.server]}
            for r in reports
        ],
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Concurrent browser sessions moving sliders.")
    parser.add_argument("--sessions", type=int, default=10)
    parser.add_argument("--duration", type=float, default=60.0, help="seconds of slider moves")
    parser.add_argument("--iterations", type=int, default=500, help="the home demo's iterations")
    parser.add_argument("--url", help="an app that is already running (default: start one here)")
    parser.add_argument("--json", type=Path, default=kit.ARTIFACTS / "loadtest.json")
    args = parser.parse_args(argv)
    reason = kit.chromium_missing()
    if reason:
        print(f"loadtest: {reason}", file=sys.stderr)
        return 2
    started = time.monotonic()
    if args.url:
        reports = asyncio.run(run(args.url.rstrip("/"), args.sessions, args.duration, args.iterations))
    else:
        with kit.AppServer(name="loadtest") as server:
            server.warm_up(pages="home")
            reports = asyncio.run(run(server.url, args.sessions, args.duration, args.iterations))
    result = summary(reports, args.duration, time.monotonic() - started)
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(result, indent=2))
    lat = result["latency_s"]
    print(f"load test: {result['sessions']} sessions × {args.duration:.0f} s on {result['cpus']} CPUs")
    print(f"  moves {result['moves']} (per session {result['moves_per_session']})")
    print(f"  latency p50 {lat['p50']:.2f} s  p95 {lat['p95']:.2f} s  max {lat['max']} s")
    server = result["server_s"]
    print(
        f"  of which server (until the rerun's last websocket message)"
        f" p50 {server['p50']:.2f} s  p95 {server['p95']:.2f} s"
    )
    print(f"  errors {len(result['errors'])}  leaks {len(result['leaks'])}  report {args.json}")
    for line in (result["errors"] + result["leaks"])[:10]:
        print("  !", line)
    return 0 if not result["errors"] and not result["leaks"] else 1


if __name__ == "__main__":
    sys.exit(main())
