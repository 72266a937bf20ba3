"""Real-browser kit shared by the e2e tests and the browser benchmarks (no pytest in here).

- ``AppServer``: ``streamlit run app.py`` on a free loopback port, waited on ``/_stcore/health``,
  stopped (SIGTERM, then SIGKILL) with bounded timeouts.
- ``launch_browser``: Debian's headless Chromium through Playwright, with the flags this machine needs.
- Helpers that wait for a Streamlit run to finish, fingerprint the drawn Plotly charts, find a
  page's sliders and time "slider released → chart redrawn".
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "artifacts"
HOST = "127.0.0.1"
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
EXCEPTION = "[data-testid=stException]"
VIEWPORT = {"width": 1400, "height": 1000}

# Counts finished script runs: the stApp attribute flips to "running" and back to "notRunning".
RUN_COUNTER_JS = """
(() => {
  if (window.__dlp) return;
  window.__dlp = {done: 0, starts: [], finishes: [], drawTimes: [], keyTimes: []};
  // The moment an arrow key reaches a slider's thumb: a keyboard move of the slider is committed
  // (and its rerun requested) on this keydown, so this is the "release" a move is timed from.
  document.addEventListener('keydown', (e) => {
    if ((e.key === 'ArrowLeft' || e.key === 'ArrowRight') && e.target?.matches?.('input[type=range]')) {
      window.__dlp.keyTimes.push(e.timeStamp || performance.now());
    }
  }, true);
  // A chart is redrawn when Streamlit hands Plotly new data: note when, once per frame. Streamlit
  // renders each new chart twice (the second time with a copy of the same figure); that second,
  // identical render changes nothing on the screen and is not a redraw. (Cheap enough to leave
  // on: a copy is compared once; hashing the charts' data happens once per move, at the end.)
  // Animation frames can be throttled (many sessions in one browser): each wait scans too.
  const drawn = new WeakSet();
  const shown = new WeakMap();  // chart element -> the data it drew last
  const same = (a, b) => {
    if (a === b) return true;
    if (typeof a === 'number' && typeof b === 'number') return Number.isNaN(a) && Number.isNaN(b);
    if (!a || !b || typeof a !== 'object' || typeof b !== 'object') return false;
    const listA = Array.isArray(a) || ArrayBuffer.isView(a);
    if (listA !== (Array.isArray(b) || ArrayBuffer.isView(b))) return false;
    if (listA) {
      if (a.length !== b.length) return false;
      for (let i = 0; i < a.length; i++) if (!same(a[i], b[i])) return false;
      return true;
    }
    const keys = Object.keys(a);
    if (keys.length !== Object.keys(b).length) return false;
    return keys.every((k) => Object.prototype.hasOwnProperty.call(b, k) && same(a[k], b[k]));
  };
  window.__dlpScan = () => {
    for (const gd of document.querySelectorAll('.js-plotly-plot')) {
      if (gd.data && !drawn.has(gd.data)) {
        drawn.add(gd.data);
        const before = shown.get(gd);
        shown.set(gd, gd.data);
        if (before && same(before, gd.data)) continue;  // drawn again as it already was
        window.__dlp.drawTimes.push(performance.now());
      }
    }
  };
  // Scan in the frame after the page's DOM changed (a chart is drawn into new nodes), not in
  // every frame: a loop of animation frames keeps the browser drawing 60 frames a second for
  // the whole move, CPU that the app server on the same two cores would then not have.
  let scanPending = false;
  const scanNextFrame = () => {
    if (scanPending) return;
    scanPending = true;
    requestAnimationFrame(() => { scanPending = false; window.__dlpScan(); });
  };
  new MutationObserver(scanNextFrame).observe(document, {childList: true, subtree: true});
  new MutationObserver((records) => {
    for (const r of records) {
      const state = r.target.getAttribute('data-test-script-state');
      if (state === 'running') {
        window.__dlp.starts.push(performance.now());
      }
      if (state === 'notRunning' && r.oldValue && r.oldValue !== 'notRunning') {
        window.__dlp.done += 1;
        window.__dlp.finishes.push(performance.now());
      }
    }
  }).observe(document, {attributes: true, attributeOldValue: true, subtree: true,
                        attributeFilter: ['data-test-script-state']});
})();
"""

# One short hash per rendered Plotly chart, over its data (what a redraw changes).
FINGERPRINTS_JS = """
(root) => Array.from((root || document).querySelectorAll('.js-plotly-plot'))
  .filter(gd => gd._fullLayout && gd.data)
  .map(gd => {
    const text = JSON.stringify(gd.data, (k, v) => (ArrayBuffer.isView(v) ? Array.from(v) : v));
    let h = 2166136261;
    for (let i = 0; i < text.length; i++) { h ^= text.charCodeAt(i); h = Math.imul(h, 16777619); }
    return (h >>> 0).toString(16) + ':' + text.length;
  })
"""


def free_port() -> int:
    """A TCP port that is free on the loopback interface right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


def browser_required() -> bool:
    """CI sets REQUIRE_BROWSER=1: a missing browser or nginx is then a failure, not a skip."""
    return os.environ.get("REQUIRE_BROWSER", "").strip().lower() in ("1", "true", "yes")


def chromium_missing() -> str | None:
    """Why the browser cannot run here (None when it can)."""
    if not (Path(CHROMIUM).is_file() or shutil.which(CHROMIUM)):
        return f"no Chromium at {CHROMIUM} (apt-get install chromium)"
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "Playwright for Python is not installed"
    return None


def http_get(url: str, timeout: float = 5.0, headers: dict | None = None):
    """(status, headers (an email.message.Message: ``get_all`` for repeated ones), body) of a GET;
    HTTP errors are returned, not raised."""
    request = urllib.request.Request(url, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310 (loopback only)
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


class AppServer:
    """``streamlit run app.py`` as a child process on a free loopback port.

    ``python`` and ``cwd`` choose the interpreter and the project copy (the image test runs a
    fresh venv on a copy of the build context); ``command`` replaces the whole command line.
    """

    def __init__(
        self,
        port: int | None = None,
        cwd: Path = ROOT,
        python: str = sys.executable,
        command: Sequence[str] | None = None,
        env: dict[str, str] | None = None,
        name: str = "app",
    ) -> None:
        self.port = port or free_port()
        self.cwd = Path(cwd)
        self.python = python
        self.custom = list(command) if command else None
        # A real server defers heavy analyses (ui/deferred.py), even when the page tests' sync mode is set.
        inherited = {k: v for k, v in os.environ.items() if k != "DLP_DEFERRED"}
        self.env = {**inherited, "PYTHONUNBUFFERED": "1", **(env or {})}
        self.log_path = Path(tempfile.mkstemp(prefix=f"dlp-{name}-", suffix=".log")[1])
        self.process: subprocess.Popen | None = None

    @property
    def command(self) -> list[str]:
        return self.custom or [
            self.python, "-m", "streamlit", "run", "app.py",
            "--server.headless", "true",
            "--server.port", str(self.port),
            "--server.address", HOST,
            "--browser.gatherUsageStats", "false",
            "--server.fileWatcherType", "none",
        ]  # fmt: skip

    @property
    def url(self) -> str:
        return f"http://{HOST}:{self.port}"

    def start(self, timeout: float = 90.0, attempts: int = 3) -> AppServer:
        """Start and wait for health; a port taken meanwhile by someone else is replaced (own command)."""
        for attempt in range(attempts):
            with open(self.log_path, "wb") as log:
                self.process = subprocess.Popen(
                    self.command,
                    cwd=self.cwd,
                    env=self.env,
                    stdout=log,
                    stderr=subprocess.STDOUT,
                    stdin=subprocess.DEVNULL,
                    start_new_session=True,  # its own process group: stop() ends it and its children only
                )
            try:
                self.wait_healthy(timeout)
                return self
            except RuntimeError:
                taken = "already in use" in self.log_tail().lower()
                self.stop(keep_log=True)
                if not (taken and self.custom is None and attempt + 1 < attempts):
                    raise
                self.port = free_port()
            except BaseException:
                self.stop(keep_log=True)
                raise
        raise AssertionError("unreachable")

    def warm_up(self, timeout: float = 180.0, pages: str = "all") -> None:
        """Run ``deploy/warmup.py`` (as the deployment does): every page once (imports, cached trainings)."""
        result = subprocess.run(
            [
                self.python,
                "deploy/warmup.py",
                "--port",
                str(self.port),
                "--timeout",
                str(timeout),
                "--pages",
                pages,
            ],
            cwd=self.cwd,
            env=self.env,
            capture_output=True,
            text=True,
            timeout=timeout + 30,
        )
        if result.returncode != 0:
            raise RuntimeError(f"warm-up failed: {result.stdout}{result.stderr}\n{self.log_tail()}")

    def wait_healthy(self, timeout: float) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"server exited with {self.process.returncode}:\n{self.log_tail()}")
            with contextlib.suppress(OSError):
                status, _, body = http_get(f"{self.url}/_stcore/health", timeout=2)
                if status == 200 and body.strip() == b"ok":
                    return
            time.sleep(0.2)
        raise TimeoutError(f"no /_stcore/health within {timeout:.0f} s:\n{self.log_tail()}")

    def log_tail(self, lines: int = 40) -> str:
        with contextlib.suppress(OSError):
            return "\n".join(self.log_path.read_text(errors="replace").splitlines()[-lines:])
        return ""

    def stop(self, timeout: float = 10.0, keep_log: bool = False) -> None:
        """SIGTERM to the server's own process group (children too), SIGKILL after ``timeout`` s."""
        process, self.process = self.process, None
        if process is not None:
            for sig, wait in ((signal.SIGTERM, timeout), (signal.SIGKILL, 5.0)):
                with contextlib.suppress(ProcessLookupError, PermissionError):
                    os.killpg(process.pid, sig)
                try:
                    process.wait(wait)
                    break
                except subprocess.TimeoutExpired:
                    continue
        if not keep_log and not os.environ.get("DLP_KEEP_LOGS"):
            self.log_path.unlink(missing_ok=True)

    def __enter__(self) -> AppServer:
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()


def wait_for(predicate, timeout: float, describe=lambda: "", interval: float = 0.5) -> None:
    """Poll ``predicate()`` until it is true; TimeoutError (with ``describe()``) after ``timeout`` s."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return
        time.sleep(interval)
    raise TimeoutError(f"not true within {timeout:.0f} s\n{describe()}")


def launch_browser(playwright):
    """Debian's Chromium, headless, with the flags this sandbox needs."""
    return playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)


INIT_JS = RUN_COUNTER_JS + f"\nwindow.__dlpFingerprints = () => ({FINGERPRINTS_JS})();\n"


def new_page(browser, **context_options):
    """A page in a fresh browser context (own cookies, own Streamlit session), run counter installed."""
    options = {"viewport": VIEWPORT, "locale": "en-US", **context_options}
    context = browser.new_context(**options)
    context.set_default_timeout(60_000)  # clicks and waits on a busy 2-core machine
    context.add_init_script(INIT_JS)
    return context.new_page()


# --------------------------------------------------------------------------- waiting


def runs_done(page) -> int:
    return int(page.evaluate("() => (window.__dlp ? window.__dlp.done : 0)"))


def wait_run_after(page, done_before: int, timeout: float = 60.0, unseen_ms: float | None = None) -> None:
    """Until a script run that started after ``done_before`` runs had finished has finished too.

    A fast rerun whose start and end reach the browser together never shows "running", so it is
    not counted; with ``unseen_ms``, the app being idle that long (no run seen) also ends the wait.
    """
    page.wait_for_function(
        """([n, unseenMs, since]) => {
             const idle = document.querySelector('[data-testid=stApp]')
               ?.getAttribute('data-test-script-state') === 'notRunning';
             const d = window.__dlp;
             if (!d || !idle) return false;
             if (d.done > n) return true;
             const last = Math.max(since, ...d.starts, ...d.finishes);
             return unseenMs !== null && performance.now() - last > unseenMs;
           }""",
        arg=[done_before, unseen_ms, page.evaluate("() => performance.now()")],
        timeout=timeout * 1000,
    )


def open_page(page, url: str, timeout: float = 90.0, charts: int = 0) -> None:
    """Go to ``url`` and wait until the first run finished (and ``charts`` charts are drawn)."""
    page.goto(url, wait_until="domcontentloaded", timeout=timeout * 1000)
    page.wait_for_selector("[data-testid=stApp]", timeout=timeout * 1000)
    wait_run_after(page, 0, timeout)
    if charts:
        wait_charts(page, charts, timeout)


def wait_charts(page, count: int = 1, timeout: float = 30.0) -> None:
    page.wait_for_function(
        """([n]) => Array.from(document.querySelectorAll('.js-plotly-plot'))
             .filter(gd => gd._fullLayout && gd.data).length >= n""",
        arg=[count],
        timeout=timeout * 1000,
    )


def fingerprints(page) -> list[str]:
    """One hash per drawn chart (its data), in page order."""
    return page.evaluate("() => window.__dlpFingerprints()")


def exceptions(page) -> list[str]:
    return [e.inner_text()[:500] for e in page.query_selector_all(EXCEPTION)]


def rendered_charts(page) -> int:
    return len(fingerprints(page))


# --------------------------------------------------------------------------- sliders


def slider_input(page, key: str):
    """The range input (the thumb, role slider) of the slider bound to control ``key``."""
    return page.locator(f".st-key-{key} input[type=range]").first


def slider_state(page, key: str) -> dict:
    """{'value': str, 'index': float, 'min': float, 'max': float} of a slider (select sliders too)."""
    handle = slider_input(page, key)
    return handle.evaluate(
        """el => ({value: el.getAttribute('aria-valuetext') ?? el.value, index: parseFloat(el.value),
                   min: parseFloat(el.min), max: parseFloat(el.max)})"""
    )


OPPOSITE = {"ArrowRight": "ArrowLeft", "ArrowLeft": "ArrowRight"}


def press_direction(page, key: str) -> str:
    """ArrowRight, or ArrowLeft when the slider is at its maximum."""
    state = slider_state(page, key)
    return "ArrowLeft" if state["index"] >= state["max"] else "ArrowRight"


def press_slider(page, key: str, direction: str | None = None) -> str:
    """Focus the thumb of slider ``key`` and press an arrow key (away from an end); returns the key."""
    direction = direction or press_direction(page, key)
    handle = slider_input(page, key)
    handle.focus()
    page.keyboard.press(direction)
    return direction


def choose(page, key: str, label: str, timeout: float = 60.0) -> None:
    """Pick ``label`` in the select box bound to control ``key`` and wait for the rerun."""
    done = runs_done(page)
    page.locator(f".st-key-{key} input").first.click()
    if not page.locator("[role=listbox]").count():
        page.keyboard.press("ArrowDown")
    page.get_by_role("option", name=label, exact=True).click()
    wait_run_after(page, done, timeout, unseen_ms=3000)


@dataclass
class Move:
    """One timed slider move."""

    seconds: float
    changed: bool
    value: str


# A move is the first script run after the key press that redraws a chart (a run of a polling
# fragment, ui/deferred.py, may come first and redraws nothing), and the redraws that follow it
# until the next run starts: done when the script is not running and no chart has been redrawn
# for ``quietMs``. Latency = the arrow's keydown on the slider's thumb (the slider commits its
# value there; the test driver's focus and dispatch before it are not the app's time, and
# ``calledAt`` is only the fallback) -> the later of that run's end and its last redraw (in the
# page's own clock); ``changed`` says whether the charts' data differ from ``before``. Analyses
# that fill in later (deferred) are not part of the move. Without any redraw the move settles
# ``settleMs`` after the last run finished; a rerun whose start and end reach the browser
# together never shows "running" and is not counted: then its redraws alone time the move, and
# without those the move settles 30 s after the key press (a rerun can take that long to start
# on a saturated server).
MOVE_DONE_JS = """
([before, settleMs, calledAt, quietMs]) => {
  const app = document.querySelector('[data-testid=stApp]');
  const d = window.__dlp;
  if (!d || app?.getAttribute('data-test-script-state') !== 'notRunning') return false;
  const pressedAt = d.keyTimes.find(t => t > calledAt) ?? calledAt;
  window.__dlpScan();
  const now = performance.now();
  const finishes = d.finishes.filter(t => t > pressedAt);
  for (const end of finishes) {
    const next = d.starts.find(t => t > end) ?? Infinity;
    const draws = d.drawTimes.filter(t => t > pressedAt && t < next);
    if (!draws.length) continue;
    const last = Math.max(end, ...draws);
    if (next === Infinity && now - last < quietMs) return false;
    const changed = JSON.stringify(window.__dlpFingerprints()) !== JSON.stringify(before);
    return {changed, latencyMs: last - pressedAt};
  }
  const draws = d.drawTimes.filter(t => t > pressedAt);
  if (!finishes.length && draws.length) {
    // A run whose start and end reached a busy browser together never shows "running".
    const last = Math.max(...draws);
    if (now - last < quietMs) return false;
    if (JSON.stringify(window.__dlpFingerprints()) !== JSON.stringify(before)) {
      return {changed: true, latencyMs: last - pressedAt};
    }
  }
  const quietSince = finishes.length
    ? finishes[finishes.length - 1]
    : pressedAt + Math.max(0, 30000 - settleMs);
  if (now - quietSince <= settleMs) return false;
  const changed = JSON.stringify(window.__dlpFingerprints()) !== JSON.stringify(before);
  return {changed, latencyMs: changed && finishes.length ? quietSince - pressedAt : null};
}
"""
QUIET_MS = 400  # charts of one rerun drawn in turn (and any re-render after Plotly's update) are one redraw


def timed_move(
    page, key: str, direction: str | None = None, timeout: float = 60.0, settle: float = 2.0
) -> Move:
    """Press an arrow on slider ``key``; time until the rerun finished and the charts were redrawn.

    ``seconds`` is measured in the page (the arrow's keydown on the thumb -> last redraw or the
    run's end, whichever is later). When no chart's data changed (``settle`` s after the rerun
    finished), ``changed`` is False.
    """
    before = fingerprints(page)
    pressed_at = page.evaluate("() => performance.now()")
    start = time.perf_counter()
    press_slider(page, key, direction)
    handle = page.wait_for_function(
        MOVE_DONE_JS,
        arg=[before, settle * 1000, pressed_at, QUIET_MS],
        timeout=timeout * 1000,
        polling=50,
    )
    result = handle.json_value()
    latency = result["latencyMs"]
    seconds = latency / 1000 if latency is not None else time.perf_counter() - start
    return Move(seconds, bool(result["changed"]), slider_state(page, key)["value"])


def slider_keys(page, keys: Sequence[str]) -> list[str]:
    """The control keys among ``keys`` that are drawn as sliders on the page right now."""
    return [k for k in keys if page.locator(f".st-key-{k} input[type=range]").count()]


def find_redrawing_slider(page, keys: Sequence[str], timeout: float = 60.0) -> tuple[str, Move] | None:
    """The first slider among ``keys`` whose move redraws a chart, with that move (it stays moved).

    Sliders that redraw nothing are moved back to where they were.
    """
    for key in slider_keys(page, keys):
        direction = press_direction(page, key)
        move = timed_move(page, key, direction, timeout=timeout)
        if move.changed:
            return key, move
        timed_move(page, key, OPPOSITE[direction], timeout=timeout)
    return None


def percentile(values: Sequence[float], q: float) -> float:
    """The q-th percentile (0–100) with linear interpolation."""
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    rank = (len(ordered) - 1) * q / 100
    low = int(rank)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (rank - low)


def page_paths() -> list[tuple[str, str]]:
    """(slug, url path) of every page the app's navigation should list: home (the default page,
    served at "/"), then the lecture pages."""
    from ui.specs import HOME, available_pages

    return [(HOME.slug, "")] + [(spec.slug, spec.slug) for spec in available_pages()]


def nav_paths(page) -> list[str]:
    """The url paths listed in the sidebar navigation (expanding "View more" when collapsed)."""
    more = page.locator("[data-testid=stSidebarNavViewButton]")
    if more.count() and "more" in more.first.inner_text().lower():
        more.first.click()
    hrefs = page.eval_on_selector_all(
        "[data-testid=stSidebarNav] a[href]", "els => els.map(e => new URL(e.href).pathname)"
    )
    return [h.strip("/").split("/")[-1] for h in hrefs]


def screenshot(page, name: str, max_height: int = 6000) -> Path:
    """A screenshot of the whole main column into artifacts/screenshots/<name>.png."""
    folder = ARTIFACTS / "screenshots"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{name}.png"
    height = page.evaluate(
        "() => Math.max(document.querySelector('[data-testid=stMain]')?.scrollHeight || 0, innerHeight)"
    )
    size = page.viewport_size
    page.set_viewport_size({"width": size["width"], "height": min(int(height) + 40, max_height)})
    page.wait_for_timeout(400)  # Plotly relayouts to the new size
    page.screenshot(path=str(path), full_page=True)
    page.set_viewport_size(size)
    return path


@contextlib.contextmanager
def servers(*items: AppServer) -> Iterator[tuple[AppServer, ...]]:
    """Start several servers; stop all of them on exit (also when one fails to start)."""
    started = []
    try:
        for server in items:
            started.append(server.start())
        yield tuple(started)
    finally:
        for server in started:
            server.stop()
