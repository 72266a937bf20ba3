"""Latency budget in a real browser: slider released -> chart redrawn, for every page.

For each page of the navigation (home and the lecture pages that exist), one headless Chromium
session on a fresh app server: the first slider control whose move redraws a chart is the probe.
Each round moves the sidebar seed one step (untimed: a fresh seed means a fresh cache entry),
then times the probe slider one step right ("new": a value this seed never trained) and back
left to its default ("seen": cached). Timed in the page's clock from the arrow's keydown on the
thumb (where a keyboard move commits the slider's value) to the last chart redraw or the end of
the rerun, whichever comes later, with a chart's data changed (tests/e2e/kit.py MOVE_DONE_JS). A
redraw is a render with new data: Streamlit renders each new chart a second time with a copy of
the same figure, 30–60 ms later, which changes nothing on the screen and is not counted.
``server`` is the part until the last websocket message of the rerun arrived (Python, training,
figure JSON, transfer); the rest is the browser (Plotly parsing and drawing).

Targets on this machine: p50 ≤ 0.3 s and p95 ≤ 1 s per page (over ≥ 10 moves at defaults).
Run: ``python -m bench.bench_browser [--rounds 6] [--pages l2,dropout]`` (``make bench-browser``).
"""

from __future__ import annotations

import argparse
import json
import sys
import time

from tests.e2e import kit
from ui.specs import controls_of

P50_TARGET, P95_TARGET = 0.3, 1.0
SLIDERS = ("int", "float", "log")


class FrameClock:
    """When the page last received a websocket frame (the rerun's messages), and how many bytes."""

    def __init__(self, page) -> None:
        self.last, self.bytes = 0.0, 0
        page.on("websocket", lambda ws: ws.on("framereceived", self._tick))

    def _tick(self, payload) -> None:
        self.last = time.perf_counter()
        self.bytes += len(payload)


def measure_page(browser, url: str, slug: str, rounds: int) -> dict:
    """Timed moves of the page's probe slider; a row of the table."""
    page = kit.new_page(browser)
    clock = FrameClock(page)
    row = {"page": slug, "slider": None, "new": [], "seen": [], "server": [], "kb": [], "error": None}
    try:
        kit.open_page(page, url, charts=1, timeout=180)
        keys = [c.key for c in controls_of(slug) if c.kind in SLIDERS]
        start_index = {k: kit.slider_state(page, k)["index"] for k in kit.slider_keys(page, keys)}
        found = kit.find_redrawing_slider(page, keys)
        if found is None:
            row["error"] = "no slider redraws a chart" if keys else "no slider"
            return row
        key, _ = found
        row["slider"] = key
        back = "ArrowLeft" if kit.slider_state(page, key)["index"] > start_index[key] else "ArrowRight"
        ahead = kit.OPPOSITE[back]
        kit.timed_move(page, key, back)  # back to the default
        for _ in range(rounds):
            kit.timed_move(page, "seed", "ArrowRight")
            for bucket, direction in (("new", ahead), ("seen", back)):
                start, received = time.perf_counter(), clock.bytes
                move = kit.timed_move(page, key, direction, timeout=120)
                row["kb"].append((clock.bytes - received) / 1024)
                if not move.changed:
                    row["error"] = f"a move of {key} redrew no chart"
                    continue
                row[bucket].append(move.seconds)
                row["server"].append(max(0.0, min(clock.last - start, move.seconds)))
        if kit.exceptions(page):
            row["error"] = "exception on the page"
    except Exception as error:  # noqa: BLE001 - a page that breaks the bench is a row with an error
        row["error"] = f"{type(error).__name__}: {str(error)[:120]}"
    finally:
        page.context.close()
    return row


def summarize(row: dict) -> dict:
    moves = row["new"] + row["seen"]
    p = {q: kit.percentile(moves, q) for q in (50, 95)}
    ok = bool(moves) and p[50] <= P50_TARGET and p[95] <= P95_TARGET and not row["error"]
    return {
        **row,
        "n": len(moves),
        "p50": p[50],
        "p95": p[95],
        "new_p50": kit.percentile(row["new"], 50),
        "seen_p50": kit.percentile(row["seen"], 50),
        "server_p50": kit.percentile(row["server"], 50),
        "kb_p50": kit.percentile(row["kb"], 50),
        "ok": ok,
    }


def print_table(rows: list[dict]) -> None:
    head = (
        f"{'page':<16}{'slider':<14}{'n':>3}{'p50':>8}{'p95':>8}{'new p50':>9}{'seen p50':>9}{'server':>8}"
        f"{'KB':>7}  verdict"
    )
    print(head)
    print("-" * len(head))
    for r in rows:
        verdict = "ok" if r["ok"] else "MISS" + (f" ({r['error']})" if r["error"] else "")
        print(
            f"{r['page']:<16}{str(r['slider']):<14}{r['n']:>3}{r['p50']:>8.3f}{r['p95']:>8.3f}"
            f"{r['new_p50']:>9.3f}{r['seen_p50']:>9.3f}{r['server_p50']:>8.3f}{r['kb_p50']:>7.0f}  {verdict}"
        )
    print(
        f"seconds; targets p50 ≤ {P50_TARGET} s, p95 ≤ {P95_TARGET} s;"
        " server = until the rerun's last websocket message; KB = websocket bytes per move"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Slider -> chart latency per page in headless Chromium.")
    parser.add_argument("--rounds", type=int, default=6, help="rounds of (new, seen) moves per page")
    parser.add_argument("--pages", default="", help="comma-separated slugs (default: every page)")
    args = parser.parse_args(argv if argv is not None else [])
    reason = kit.chromium_missing()
    if reason:
        print(f"bench_browser skipped: {reason}")
        return 0
    wanted = {s for s in args.pages.split(",") if s}
    pages = [(slug, path) for slug, path in kit.page_paths() if not wanted or slug in wanted]
    from playwright.sync_api import sync_playwright

    with kit.AppServer(name="bench") as server, sync_playwright() as playwright:
        server.warm_up()
        browser = kit.launch_browser(playwright)
        try:
            rows = [
                summarize(measure_page(browser, f"{server.url}/{path}", slug, args.rounds))
                for slug, path in pages
            ]
        finally:
            browser.close()
    print_table(rows)
    out = kit.ARTIFACTS / "bench_browser.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(rows, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
