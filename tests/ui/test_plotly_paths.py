"""ui.plotly_paths: the memoized path parser answers exactly as plotly's, and figures are the same."""

from __future__ import annotations

import plotly.basedatatypes as bd
import pytest

from bench.figure_set import figure_builders
from ui import charts, plotly_paths  # noqa: F401 - importing ui.charts installs the memo

PATHS = [
    "",
    "title",
    "title_text",
    "xaxis2.title.text",
    "error_x.width",
    "marker.line.color",
    "annotations[3].font.size",
    "yaxis_title_font_size",
    "a__b_",
    "_leading",
    "xaxis10_range",
]


def test_ui_charts_installs_the_memo() -> None:
    assert bd._str_to_dict_path_full is plotly_paths.parse_path


@pytest.mark.parametrize("path", PATHS)
def test_memo_matches_plotly_parser(path: str) -> None:
    first, again = plotly_paths.parse_path(path), plotly_paths.parse_path(path)
    assert first == plotly_paths.ORIGINAL(path) == again
    first[1].append(-1)  # a caller mutating its list must not change the cached answer
    assert plotly_paths.parse_path(path) == plotly_paths.ORIGINAL(path)


def test_figures_are_identical_with_and_without_the_memo() -> None:
    builders = figure_builders()
    try:
        plotly_paths.uninstall()
        plain = [build().to_json() for _, build in builders]
    finally:
        plotly_paths.install()
    memo = [build().to_json() for _, build in builders]
    assert memo == plain
