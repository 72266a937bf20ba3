"""Run every benchmark: ``python -m bench`` (``make bench``).

Each benchmark compares against a reference measured in the same process and prints ratios;
none asserts on time.
"""

import importlib
import pkgutil
import sys
from pathlib import Path

import bench


def main() -> int:
    names = sorted(i.name for i in pkgutil.iter_modules(bench.__path__) if i.name.startswith("bench_"))
    only = set(sys.argv[1:])
    for name in names:
        if only and name not in only:
            continue
        print(f"\n=== {name} ({Path(bench.__file__).parent / name}.py)")
        importlib.import_module(f"bench.{name}").main()
    return 0


if __name__ == "__main__":
    sys.exit(main())
