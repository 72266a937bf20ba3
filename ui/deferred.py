"""Work that can wait: a page's heavy secondary analysis runs in the background while the page
draws its main result, and its chart fills in when the analysis is done.

Validation curves train 12 or more models (§1.4, §1.6); done inline, they held every slider move
for one to three seconds even when the learner only wanted to see the decision boundary move.
``later(...)`` returns the result when it is ready. Otherwise it starts the work on the server's
one background worker, shows a note where the chart will be, and polls in a small fragment
that reruns the page once the result is there (everything else is cached by then).

One worker *process* per server (a ``forkserver`` child, so the Python lock of the server is not
shared: the page's own rerun keeps its core while an analysis trains on the other), so a class
of sessions cannot pile analyses onto the cores either; a session that moves on cancels its
own analyses that have not started. ``fn`` must therefore be importable (a ``core`` function)
and its arguments picklable. Results are kept by key in a small LRU next to Streamlit's
caches. ``DLP_DEFERRED=sync`` (the page tests) computes in the script run instead, so a single
``AppTest.run()`` sees the finished page.
"""

from __future__ import annotations

import multiprocessing
import os
import threading
from collections import Counter, OrderedDict
from collections.abc import Callable, Hashable
from concurrent.futures import Executor, Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any, TypeVar

import streamlit as st
from streamlit.runtime.scriptrunner import get_script_run_ctx

T = TypeVar("T")

POLL_S = 0.3
MAX_KEPT = 64

_LOCK = threading.Lock()
_POOL: Executor | None = None
STARTED: Counter[str] = Counter()  # jobs started, by function name (tests: "was it recomputed?")
_JOBS: OrderedDict[Hashable, Future] = OrderedDict()
_LATEST: OrderedDict[tuple[str, str], Hashable] = OrderedDict()  # (session, slot) -> its last key
MAX_SLOTS = 4096  # sessions come and go all term: forget the oldest slots


def synchronous() -> bool:
    """True when analyses run inside the script run (``DLP_DEFERRED=sync``, set by the page tests)."""
    return os.environ.get("DLP_DEFERRED", "").strip().lower() == "sync"


def _executor() -> Executor:
    """The background worker, started on first use (and again if it died)."""
    global _POOL
    if _POOL is None:
        _POOL = ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("forkserver"))
    return _POOL


def _start(fn: Callable[..., T], args: tuple) -> Future:
    global _POOL
    STARTED[fn.__name__] += 1
    if synchronous():
        return _run_now(fn, args)
    try:
        return _executor().submit(fn, *args)
    except BrokenProcessPool:  # the worker died (killed, out of memory): a fresh one
        _POOL = None
        return _executor().submit(fn, *args)


def _broken(job: Future) -> bool:
    """The job was lost with its worker process (not an error of the analysis itself)."""
    return job.done() and not job.cancelled() and isinstance(job.exception(), BrokenProcessPool)


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
        _LATEST.move_to_end(owner)
        while len(_LATEST) > MAX_SLOTS:
            _LATEST.popitem(last=False)
        if previous is not None and previous != key:
            stale = _JOBS.get(previous)
            if stale is not None and stale.cancel():
                del _JOBS[previous]
        job = _JOBS.get(key)
        if job is None or job.cancelled() or _broken(job):  # a failed job stays: no retry loop
            job = _start(fn, args)
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


def use_executor(executor: Executor | None) -> None:
    """Run background jobs on ``executor`` (tests hold a thread pool's worker); None: the default."""
    global _POOL
    _POOL = executor


def clear() -> None:
    """Forget every result (tests)."""
    with _LOCK:
        for job in _JOBS.values():
            job.cancel()
        _JOBS.clear()
        _LATEST.clear()
