"""One declaration per control: the widget, its URL parameter, clamping and work caps.

A ``Control`` is declared once (in ``ui/specs/<page>.py``); from it come the Streamlit widget
(bound to ``?key=value`` so a view can be bookmarked), the parsing and clamping of URL values
with a visible notice, and the extremes that tests drive. Labels and help live in the i18n
tables under ``ctl.<key>`` and ``ctl.<key>.help``; choice options under ``opt.<option>``.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

KINDS = ("int", "float", "log", "choice", "bool")
MAX_WORK = 6e8  # examples × iterations × parameters allowed for one retrain (≈ 1–2 s here)
TRUE_WORDS = {"1", "true", "yes", "on"}
FALSE_WORDS = {"0", "false", "no", "off"}


@dataclass(frozen=True)
class Control:
    """A knob. ``kind`` is int | float | log | choice | bool.

    int/float: a linear slider from ``low`` to ``high`` by ``step``.
    log: a slider over a 1-2-5 grid from ``low`` to ``high`` (``zero=True`` adds 0 in front).
    choice: one of ``options``. bool: a toggle.
    """

    key: str
    kind: str
    default: Any
    low: float | None = None
    high: float | None = None
    step: float | None = None
    options: tuple = ()
    zero: bool = False
    label_key: str | None = None
    training: bool = True  # changing it retrains (used by the caching tests)

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(f"kind must be one of {KINDS}; got {self.kind!r}")
        if self.kind in ("choice", "log") and not self.choices():
            raise ValueError(f"control {self.key!r} has no options")
        if self.kind != "bool" and not self.is_valid(self.default):
            raise ValueError(f"control {self.key!r}: default {self.default!r} is outside its range")

    @property
    def label(self) -> str:
        return self.label_key or f"ctl.{self.key}"

    def choices(self) -> tuple:
        """The finite list of values for log and choice controls."""
        if self.kind == "choice":
            return tuple(self.options)
        if self.kind == "log":
            grid = self.options or log_grid(self.low, self.high)
            return ((0.0,) if self.zero else ()) + tuple(grid)
        return ()

    @property
    def minimum(self) -> Any:
        return {"int": self.low, "float": self.low, "bool": False}.get(
            self.kind, (self.choices() or [None])[0]
        )

    @property
    def maximum(self) -> Any:
        return {"int": self.high, "float": self.high, "bool": True}.get(
            self.kind, (self.choices() or [None])[-1]
        )

    def is_valid(self, value: Any) -> bool:
        if self.kind == "bool":
            return isinstance(value, bool)
        if self.kind in ("choice", "log"):
            return value in self.choices()
        return isinstance(value, (int, float)) and self.low <= value <= self.high

    def clamp(self, raw: str | None) -> tuple[Any, str | None]:
        """Parse a URL value; return (value, problem) where problem is None when ``raw`` was valid.

        Problems: "invalid" (unparseable: the default is used) or "clamped" (out of range or off
        the grid: the nearest allowed value is used).
        """
        if raw is None:
            return self.default, None
        text = str(raw).strip()
        if self.kind == "bool":
            word = text.lower()
            if word in TRUE_WORDS | FALSE_WORDS:
                return word in TRUE_WORDS, None
            return self.default, "invalid"
        if self.kind == "choice":
            return (text, None) if text in self.options else (self.default, "invalid")
        try:
            number = float(text)
        except ValueError:
            return self.default, "invalid"
        if not math.isfinite(number):
            return self.default, "invalid"
        if self.kind == "log":
            grid = np.array(self.choices(), dtype=float)
            if number <= 0:
                nearest = grid[0]
            else:
                safe = np.where(grid > 0, grid, grid[grid > 0].min() / 10)
                nearest = grid[int(np.argmin(np.abs(np.log10(safe) - math.log10(number))))]
            value = float(nearest)
            return value, (None if np.isclose(value, number, rtol=1e-9, atol=0) else "clamped")
        value = min(max(number, self.low), self.high)
        if self.step:
            value = self.low + round((value - self.low) / self.step) * self.step
            value = min(max(value, self.low), self.high)
        if self.kind == "int":
            value = int(round(value))
            return value, (None if value == number else "clamped")
        value = round(float(value), 10)
        return value, (None if math.isclose(value, number, rel_tol=1e-9, abs_tol=1e-12) else "clamped")

    def to_url(self, value: Any) -> str:
        if self.kind == "bool":
            return "1" if value else "0"
        return format_number(value) if self.kind in ("float", "log") else str(value)


def log_grid(low: float, high: float) -> tuple[float, ...]:
    """1-2-5 steps per decade from ``low`` to ``high`` inclusive (both must be on the grid or near)."""
    values = []
    for exponent in range(math.floor(math.log10(low)), math.ceil(math.log10(high)) + 1):
        for mantissa in (1, 2, 5):
            v = float(f"{mantissa}e{exponent}")
            if low * (1 - 1e-9) <= v <= high * (1 + 1e-9):
                values.append(v)
    return tuple(values)


def format_number(value: float) -> str:
    """Short text for a number: 0.001 → '0.001', 1e-05 → '1e-05', 100000 → '100000'."""
    if isinstance(value, bool):
        return str(int(value))
    if isinstance(value, int) or float(value).is_integer() and abs(value) < 1e7:
        return str(int(value))
    return f"{value:.6g}"


def cap_iterations(m: int, n_params: int, iterations: int, max_work: float = MAX_WORK) -> int:
    """The largest iteration count ≤ ``iterations`` whose work m × iterations × |θ| fits the budget."""
    allowed = int(max_work // max(1, m * n_params))
    return max(0, min(iterations, allowed))


def page_controls(page: str) -> tuple[Control, ...]:
    """The declared controls of a page (``ui/specs/<page>.py``)."""
    from ui.specs import controls_of

    return controls_of(page)


def extremes(controls: Sequence[Control]) -> list[dict[str, Any]]:
    """Settings that put every control at its minimum, then at its maximum (for tests)."""
    return [{c.key: c.minimum for c in controls}, {c.key: c.maximum for c in controls}]
