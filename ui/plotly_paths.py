"""Plotly's property-path parser, memoized: the same figures, built about four times faster.

Every ``update_layout``, ``update_xaxes``, ``add_trace(..., row=, col=)`` and ``add_shape`` call
parses each property path (``"xaxis2.title.text"``, ``"title_text"``) with
``plotly.basedatatypes._str_to_dict_path_full``. The parser splits and re-joins the string and
defines helper classes on every call, so on our pages it took most of the time spent building a
figure (upstream: plotly/plotly.py issues #4100 and #5514). Its result depends on the string
alone (plus a class-level constant), so a memo is exact. ``install`` is idempotent and is called
when ``ui.charts`` is imported; ``tests/ui/test_plotly_paths.py`` checks the memo against the
original parser and that figures are byte-identical with and without it.
"""

from __future__ import annotations

import functools

import plotly.basedatatypes as _basedatatypes

_CURRENT = _basedatatypes._str_to_dict_path_full
ORIGINAL = getattr(_CURRENT, "__wrapped_parser__", _CURRENT)  # plotly's own, even on a re-import


@functools.lru_cache(maxsize=8192)
def _parse(key_path_str: str) -> tuple[tuple, tuple]:
    path, starts = ORIGINAL(key_path_str)
    return path, tuple(starts)


def parse_path(key_path_str):
    """Same contract as plotly's parser: (tuple of keys, list of start indices) — a fresh list."""
    if not isinstance(key_path_str, str):  # never cached: plotly only passes strings, but be exact
        return ORIGINAL(key_path_str)
    path, starts = _parse(key_path_str)
    return path, list(starts)


parse_path.__wrapped_parser__ = ORIGINAL


def install() -> None:
    """Route plotly's path parsing through the memo (idempotent)."""
    _basedatatypes._str_to_dict_path_full = parse_path


def uninstall() -> None:
    """Back to plotly's own parser (tests and benchmarks compare the two)."""
    _basedatatypes._str_to_dict_path_full = ORIGINAL
