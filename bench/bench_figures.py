"""Figure building with plotly's path parser memoized (ui/plotly_paths.py) against plotly's own
parser, in the same process: ms per figure, the ratio, and that the JSON is byte-identical.

Run: ``python -m bench.bench_figures``. Rounds are interleaved and the median is kept.
"""

from __future__ import annotations

import statistics
import time

from bench.figure_set import figure_builders
from ui import plotly_paths

ROUNDS = 7


def _ms(build) -> float:
    start = time.perf_counter()
    build()
    return (time.perf_counter() - start) * 1e3


def main() -> None:
    builders = figure_builders()
    print(f"{'figure':<20}{'plotly ms':>11}{'memo ms':>10}{'ratio':>8}  same JSON")
    total_plain = total_memo = 0.0
    for name, build in builders:
        plain, memo = [], []
        for _ in range(ROUNDS):
            plotly_paths.uninstall()
            plain.append(_ms(build))
            reference = build().to_json()
            plotly_paths.install()
            memo.append(_ms(build))
            same = build().to_json() == reference
        a, b = statistics.median(plain), statistics.median(memo)
        total_plain, total_memo = total_plain + a, total_memo + b
        print(f"{name:<20}{a:>11.1f}{b:>10.1f}{b / a:>8.2f}  {same}")
    print(f"{'all':<20}{total_plain:>11.1f}{total_memo:>10.1f}{total_memo / total_plain:>8.2f}")


if __name__ == "__main__":
    main()
