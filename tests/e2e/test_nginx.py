"""The classroom proxy for real: two app processes behind Debian's nginx on loopback, with the
site configuration rendered from deploy/nginx.conf (only its upstream and listen lines change).

Checks cookie affinity (a new browser gets a route cookie; every request carrying it, websocket
included, reaches the same app process; different browsers spread over both), the websocket
upgrade (a real browser session through nginx: the page renders and a slider redraws a chart),
and failover to the other replica when one is down.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import urllib.request
from collections import Counter
from http.cookies import SimpleCookie
from pathlib import Path

import pytest

from deploy import warmup
from tests.e2e import kit
from tests.e2e.conftest import require

pytestmark = [pytest.mark.e2e, pytest.mark.xdist_group("nginx")]

TEMPLATE = kit.ROOT / "deploy" / "nginx.conf"
COOKIE = "dlp_route"
HOSTNAME = "dl-lab.test"  # mapped to 127.0.0.1 inside the browser only
SECRET = {"STREAMLIT_SERVER_COOKIE_SECRET": "test-shared-secret-for-all-replicas"}
LOG_FORMAT = "$upstream_addr|$status|$request_method|$request_uri|$cookie_dlp_route|$dlp_route|$http_upgrade"


def nginx_binary() -> str | None:
    return shutil.which("nginx") or next((p for p in ("/usr/sbin/nginx",) if Path(p).exists()), None)


def render_site(upstreams: list[int], listen: int) -> str:
    """deploy/nginx.conf with loopback upstreams and listen address (the marked lines only)."""
    out, marks = [], Counter()
    for line in TEMPLATE.read_text().splitlines():
        if "# @upstreams" in line:
            marks["upstreams"] += 1
            assert "app:8501" in line
            out += [line.replace("app:8501", f"{kit.HOST}:{port}") for port in upstreams]
        elif "# @listen" in line:
            marks["listen"] += 1
            out.append(re.sub(r"listen\s+\S+;", f"listen {kit.HOST}:{listen};", line))
        else:
            out.append(line)
    assert marks == {"upstreams": 1, "listen": 1}, marks
    return "\n".join(out) + "\n"


class Nginx:
    """Debian's nginx in the foreground with everything (pid, logs, temp files) in ``folder``."""

    def __init__(self, folder: Path, upstreams: list[int]) -> None:
        self.folder = folder
        self.port = kit.free_port()
        self.url = f"http://{kit.HOST}:{self.port}"
        (folder / "site.conf").write_text(render_site(upstreams, self.port))
        user = "user root;" if os.geteuid() == 0 else ""
        temp = "\n".join(
            f"    {kind}_temp_path {folder}/{kind};"
            for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
        )
        (folder / "nginx.conf").write_text(
            f"""{user}
daemon off;
worker_processes 1;
pid {folder}/nginx.pid;
error_log {folder}/error.log warn;
events {{ worker_connections 512; }}
http {{
{temp}
    include {folder}/site.conf;
    log_format dlp '{LOG_FORMAT}';
    access_log {folder}/access.log dlp;
}}
"""
        )
        self.command = [
            nginx_binary(),
            "-e",
            f"{folder}/error.log",
            "-p",
            str(folder),
            "-c",
            f"{folder}/nginx.conf",
        ]
        self.process: subprocess.Popen | None = None

    def check(self) -> subprocess.CompletedProcess:
        return subprocess.run([*self.command, "-t"], capture_output=True, text=True, timeout=30)

    def start(self) -> Nginx:
        checked = self.check()
        assert checked.returncode == 0, checked.stderr
        self.process = subprocess.Popen(
            self.command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True
        )
        kit.wait_for(self._up, 20, lambda: (self.folder / "error.log").read_text(errors="replace"), 0.1)
        return self

    def _up(self) -> bool:
        assert self.process.poll() is None, (self.folder / "error.log").read_text(errors="replace")
        try:
            return kit.http_get(f"{self.url}/_stcore/health", timeout=2)[0] == 200
        except OSError:
            return False

    def stop(self) -> None:
        process, self.process = self.process, None
        if process is None or process.poll() is not None:
            return
        os.killpg(process.pid, 15)
        try:
            process.wait(10)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, 9)
            process.wait(5)

    def log(self) -> list[dict[str, str]]:
        """The access log: upstream, status, method, uri, cookie, route, upgrade per request."""
        path = self.folder / "access.log"
        keys = ("upstream", "status", "method", "uri", "cookie", "route", "upgrade")
        lines = path.read_text(errors="replace").splitlines() if path.exists() else []
        return [dict(zip(keys, line.split("|"))) for line in lines]


@pytest.fixture(scope="module")
def stack(tmp_path_factory):
    """Two app processes (one shared cookie secret, as in docker-compose.yml) and nginx in front."""
    require(None if nginx_binary() else "nginx is not installed (apt-get install nginx)")
    apps = (kit.AppServer(env=SECRET, name="replica-a"), kit.AppServer(env=SECRET, name="replica-b"))
    with kit.servers(*apps):
        for app in apps:
            app.warm_up(pages="home")  # only home is visited through the proxy
        proxy = Nginx(tmp_path_factory.mktemp("nginx"), [app.port for app in apps])
        proxy.start()
        try:
            yield proxy, apps
        finally:
            proxy.stop()


def get(url: str, cookie: str | None = None) -> tuple[int, str | None]:
    """(status, the route cookie nginx set or None)."""
    headers = {"Cookie": f"{COOKIE}={cookie}"} if cookie else {}
    status, response_headers, _ = kit.http_get(url, headers=headers)
    jar = SimpleCookie()
    for value in response_headers.get_all("Set-Cookie") or []:
        jar.load(value)
    return status, (jar[COOKIE].value if COOKIE in jar else None)


def upstreams_for(proxy: Nginx, route: str) -> set[str]:
    return {entry["upstream"] for entry in proxy.log() if entry["route"] == route}


def test_template_renders_to_a_valid_configuration(stack):
    proxy, _ = stack
    assert proxy.check().returncode == 0
    text = TEMPLATE.read_text()
    assert re.search(r"hash\s+\$dlp_route\s+consistent;", text)
    assert "ip_hash" not in text.replace("ip_hash would", "")
    assert "proxy_set_header Upgrade $http_upgrade;" in text
    assert "proxy_set_header Connection $connection_upgrade;" in text


def test_route_cookie_pins_a_browser_to_one_replica(stack):
    proxy, apps = stack
    status, route = get(f"{proxy.url}/")
    assert status == 200 and route, "a new browser gets a route cookie"
    for path in ("/", "/_stcore/health", "/_stcore/host-config") * 8:
        status, again = get(f"{proxy.url}{path}", cookie=route)
        assert status == 200 and again is None, "the cookie is set once"
    assert len(upstreams_for(proxy, route)) == 1

    # Different browsers (new visitors, and any cookie value) spread over both replicas, each pinned.
    fresh = [get(f"{proxy.url}/_stcore/health")[1] for _ in range(24)]
    assert all(fresh) and len(set(fresh)) == len(fresh)
    chosen = {}
    for student in [f"student-{i}" for i in range(12)] + fresh[:6]:
        for _ in range(4):
            assert get(f"{proxy.url}/_stcore/health", cookie=student)[0] == 200
        pinned = upstreams_for(proxy, student)
        assert len(pinned) == 1, (student, pinned)
        chosen[student] = pinned.pop()
    everyone = {u for route in fresh for u in upstreams_for(proxy, route)} | set(chosen.values())
    assert everyone == {f"{kit.HOST}:{app.port}" for app in apps}, "both replicas get students"


@pytest.fixture(scope="module")
def named_browser(playwright_instance):
    """Chromium that resolves a real-looking host name to loopback: the page's Origin then carries
    a host name and port, as in a classroom, and nginx must pass the Host header with its port."""
    browser = playwright_instance.chromium.launch(
        executable_path=kit.CHROMIUM,
        args=[*kit.CHROMIUM_ARGS, f"--host-resolver-rules=MAP {HOSTNAME} {kit.HOST}"],
    )
    try:
        yield browser
    finally:
        browser.close()


def test_browser_session_through_nginx_websocket_and_slider(stack, named_browser):
    proxy, _ = stack
    page = kit.new_page(named_browser)
    try:
        kit.open_page(page, f"http://{HOSTNAME}:{proxy.port}/?iterations=300", charts=1)
        assert kit.exceptions(page) == []
        move = kit.timed_move(page, "hidden", "ArrowRight")
        assert move.changed and move.value == "9", "the slider's rerun came back over the websocket"
        (route,) = [c["value"] for c in page.context.cookies() if c["name"] == COOKIE]
    finally:
        page.context.close()
    # The websocket's log line is written when it closes.
    kit.wait_for(
        lambda: any(e["uri"].startswith("/_stcore/stream") for e in proxy.log() if e["route"] == route), 15
    )
    mine = [e for e in proxy.log() if e["route"] == route]
    sockets = [e for e in mine if e["uri"].startswith("/_stcore/stream")]
    assert sockets and all(e["status"] == "101" and e["upgrade"] == "websocket" for e in sockets), sockets
    assert len({e["upstream"] for e in mine}) == 1, "page, assets and websocket reached one replica"


def test_raw_websocket_upgrade_runs_the_app(stack):
    """A websocket client (no browser) through nginx: upgrade, run the app, script finished."""
    proxy, _ = stack
    kinds = warmup.script_messages(proxy.port, query_string="iterations=200", timeout=90)
    assert {"new_session", "delta", "script_finished"} <= set(kinds)


def test_a_replica_that_is_down_is_skipped(stack, tmp_path):
    """One live app and one dead port: every route still gets answers (from the live one)."""
    _, apps = stack
    dead = kit.free_port()
    proxy = Nginx(tmp_path, [apps[0].port, dead])
    proxy.start()
    try:
        for i in range(16):
            request = urllib.request.Request(
                f"{proxy.url}/_stcore/health", headers={"Cookie": f"{COOKIE}=s{i}"}
            )
            with urllib.request.urlopen(request, timeout=10) as response:
                assert response.status == 200
        assert {e["upstream"].split(", ")[-1] for e in proxy.log()} == {f"{kit.HOST}:{apps[0].port}"}
    finally:
        proxy.stop()
