"""Warm a freshly started app server: run the app once per page, the way a browser session would.

Why: the first visitor of a fresh server otherwise pays the imports (NumPy, pandas, Plotly) and
the default training of the page they open — several seconds, right when the lecturer says
"open the link now". One scripted session per page pays that once, before students arrive
(the results stay in ``st.cache_data``).

Usage: ``python deploy/warmup.py [--port 8501] [--pages all|home] [--timeout 180]``; waits for
``/_stcore/health`` first. Exits 0 when every page ran, 1 otherwise (``start.sh`` ignores it).
Uses only the standard library, Streamlit's own protobuf messages and ``websockets`` (a
Streamlit dependency); talks to 127.0.0.1 only.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
import urllib.request
from pathlib import Path

HOST = "127.0.0.1"
ROOT = Path(__file__).resolve().parents[1]


def wait_healthy(port: int, timeout: float) -> bool:
    """Poll ``/_stcore/health`` until it answers "ok" or ``timeout`` s passed."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"http://{HOST}:{port}/_stcore/health", timeout=2) as response:
                if response.read().strip() == b"ok":
                    return True
        except OSError:
            pass
        time.sleep(0.25)
    return False


def script_messages(
    port: int, page_name: str = "", query_string: str = "", timeout: float = 120.0, host: str = HOST
) -> list[str]:
    """One websocket session that runs the app on ``page_name`` ("" = home) with ``query_string``:
    the kinds of the messages it received, up to ``script_finished`` (or until ``timeout``)."""
    from streamlit.proto.BackMsg_pb2 import BackMsg
    from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
    from websockets.sync.client import connect

    message = BackMsg()
    message.rerun_script.query_string = query_string
    message.rerun_script.page_name = page_name
    message.rerun_script.page_script_hash = ""
    kinds: list[str] = []
    deadline = time.monotonic() + timeout
    with connect(
        f"ws://{host}:{port}/_stcore/stream",
        subprotocols=["streamlit"],
        open_timeout=10,
        max_size=None,
    ) as socket:
        socket.send(message.SerializeToString())
        while time.monotonic() < deadline and "script_finished" not in kinds:
            forward = ForwardMsg()
            forward.ParseFromString(socket.recv(timeout=max(0.1, deadline - time.monotonic())))
            kinds.append(forward.WhichOneof("type"))
    return kinds


def run_page(port: int, page_name: str = "", timeout: float = 120.0) -> bool:
    """Run the app once on ``page_name`` ("" = home); True when the script finished in time."""
    return "script_finished" in script_messages(port, page_name, timeout=timeout)


def page_names(which: str) -> list[str]:
    """Home ("") and, with ``all``, the url path of every lecture page that exists."""
    if which == "home":
        return [""]
    sys.path.insert(0, str(ROOT))
    from ui.specs import available_pages

    return [""] + [spec.slug for spec in available_pages()]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=int(os.environ.get("STREAMLIT_SERVER_PORT", "8501")))
    parser.add_argument("--pages", choices=("all", "home"), default="all")
    parser.add_argument("--timeout", type=float, default=180.0, help="seconds for the whole warm-up")
    args = parser.parse_args(argv)
    deadline = time.monotonic() + args.timeout
    if not wait_healthy(args.port, args.timeout):
        print(f"warmup: no /_stcore/health on port {args.port}", file=sys.stderr)
        return 1
    ok = True
    for name in page_names(args.pages):
        left = deadline - time.monotonic()
        try:
            done = left > 0 and run_page(args.port, name, timeout=left)
        except Exception as error:  # noqa: BLE001 - a warm-up never takes the server down
            print(f"warmup: page {name or 'home'!r}: {error!r}", file=sys.stderr)
            done = False
        ok = ok and done
    print(f"warmup: {'done' if ok else 'incomplete'} in {args.timeout - (deadline - time.monotonic()):.1f} s")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
