"""Work that can wait: a page's heavy secondary analysis runs in the background while the page
draws its main result, and its chart fills in when the analysis is done.

Validation curves train 12 or more models (§1.4, §1.6); done inline, they held every slider move
for one to three seconds even when the learner only wanted to see the decision boundary move.
``later(...)`` returns the result when it is ready. Otherwise it starts the work on the server's
one background worker, shows a note where the chart will be, and polls in a small fragment
that reruns the page once the result is there (everything else is cached by then).

One worker per server process: a class of sessions cannot pile analyses onto the cores, and a
session that moves on cancels its own analyses that have not started. Results are kept by key
in a small LRU next to Streamlit's caches. ``DLP_DEFERRED=sync`` (the page tests) computes in
the script run instead, so a single ``AppTest.run()`` sees the finished page.
"""

from __future__ import annotations

import os
import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any, TypeVar

import streamlit as st
from streamlit.runtime.scriptrunner import get_script_run_ctx

T = TypeVar("T")

POLL_S = 0.3
MAX_KEPT = 64

_EXECUTOR = ThreadPoolExecutor(max_workers=1, thread_name_prefix="dlp-deferred")
_LOCK = threading.Lock()
_JOBS: OrderedDict[Hashable, Future] = OrderedDict()
_LATEST: dict[tuple[str, str], Hashable] = {}  # (session, slot) -> the key it asked for last


def synchronous() -> bool:
    """True when analyses run inside the script run (``DLP_DEFERRED=sync``, set by the page tests)."""
    return os.environ.get("DLP_DEFERRED", "").strip().lower() == "sync"


def _session() -> str:
    ctx = get_script_run_ctx()
    return ctx.session_id if ctx is not None else ""


def submit(slot: str, key: Hashable, fn: Callable[..., T], *args: Any) -> Future:
    """The job for ``key`` (started now if it is not known), asked for by this session's ``slot``.

    When this session's ``slot`` asked for another key before and that job has not started,
    it is cancelled: the learner has moved on.
    """
    with _LOCK:
        owner = (_session(), slot)
        previous = _LATEST.get(owner)
        _LATEST[owner] = key
        if previous is not None and previous != key:
            stale = _JOBS.get(previous)
            if stale is not None and stale.cancel():
                del _JOBS[previous]
        job = _JOBS.get(key)
        if job is None or job.cancelled():  # a failed job stays: its error shows, no retry loop
            job = _run_now(fn, args) if synchronous() else _EXECUTOR.submit(fn, *args)
            _JOBS[key] = job
        _JOBS.move_to_end(key)
        while len(_JOBS) > MAX_KEPT:
            _JOBS.popitem(last=False)[1].cancel()
        return job


def _run_now(fn: Callable[..., T], args: tuple) -> Future:
    job: Future = Future()
    try:
        job.set_result(fn(*args))
    except Exception as error:  # noqa: BLE001 - re-raised by .result() in the page, as inline
        job.set_exception(error)
    return job


def later(slot: str, key: Hashable, fn: Callable[..., T], *args: Any, waiting: str) -> T | None:
    """``fn(*args)`` when it is ready (cached by ``key``); else None, with ``waiting`` shown in
    its place and the page rerun when the result arrives."""
    job = submit(slot, key, fn, *args)
    if job.done():
        return job.result()  # an exception in the analysis surfaces here, as if run inline
    st.caption(f":material/hourglass_top: {waiting}")
    _rerun_when_done(job)
    return None


def _rerun_when_done(job: Future) -> None:
    @st.fragment(run_every=POLL_S)
    def poll() -> None:
        if job.done():
            st.rerun()

    poll()


def clear() -> None:
    """Forget every result (tests)."""
    with _LOCK:
        for job in _JOBS.values():
            job.cancel()
        _JOBS.clear()
        _LATEST.clear()
