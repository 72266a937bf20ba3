"""How a figure travels to the browser (one place): the spec ``ui.shell.chart`` hands to Streamlit.

Streamlit mounts a new Plotly chart for every changed figure and, right after the first draw, hands
plotly.js the same figure again as a fresh JSON copy (``Plotly.react``). plotly.js redraws unless
it can tell that nothing changed, and it can only tell when

- ``layout.datarevision`` is set (then plain arrays are compared by value, not by identity),
- arrays are plain lists (plotly.py's base64 arrays decode to new typed arrays: always "new"),
- no attribute holds a free-form object: ``layout.template`` and ``meta`` are compared by identity.

So the spec goes out with plain lists, a fixed data revision, the template folded into the layout
and trace defaults, and ``meta`` as a JSON string. Each changed chart is then drawn once per move
instead of twice. It also goes out with the bottom margin a legend below the plot will need
(``reserve_legend_margin``), so plotly.js lays it out once instead of twice. Floats in arrays
keep 7 significant digits (more than a screen or a hover label can show), so the lists stay about
as small as base64. ``read_spec`` turns a sent spec back into the figure's dict (tests read charts
through it).
"""

from __future__ import annotations

import base64
import json
import re
import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable

import numpy as np
import plotly.graph_objects as go

# Data only change with the figure, and a changed figure is a new chart (Streamlit keys the chart
# element by its spec), so one constant revision is enough: it only has to equal itself.
DATAREVISION = "dlp"
SIGNIFICANT_DIGITS = 7
SENT_RTOL = 0.5 * 10.0 ** (1 - SIGNIFICANT_DIGITS)  # how far a sent float may be from the computed one
_AXIS = re.compile(r"^([xy])axis(\d*)$")


def rounded(values: np.ndarray, digits: int = SIGNIFICANT_DIGITS) -> np.ndarray:
    """Floats to ``digits`` significant digits, each the double nearest its short decimal (so JSON
    writes at most ``digits`` digits); 0, nan and inf unchanged."""
    values = np.asarray(values, dtype=float)
    out = values.copy()
    todo = np.isfinite(values) & (values != 0)
    n = np.zeros(values.shape, dtype=int)
    n[todo] = digits - 1 - np.floor(np.log10(np.abs(values[todo]))).astype(int)
    # Powers of ten up to 1e22 are exact doubles: scale by one, round, and undo with one operation.
    up = todo & (n >= 0) & (n <= 22)
    out[up] = np.round(values[up] * 10.0 ** n[up]) / 10.0 ** n[up]
    down = todo & (n < 0) & (n >= -22)
    out[down] = np.round(values[down] / 10.0 ** -n[down]) * 10.0 ** -n[down]
    rest = todo & ~up & ~down  # tiny or huge magnitudes: through text
    if rest.any():
        out[rest] = np.array([float(f"{v:.{digits - 1}e}") for v in values[rest]])
    return out


def plain_arrays(node):
    """``node`` with every plotly.js typed-array spec ({"dtype", "bdata"[, "shape"]}) as nested lists."""
    if isinstance(node, dict):
        if "bdata" in node and "dtype" in node:
            flat = np.frombuffer(base64.b64decode(node["bdata"]), dtype=np.dtype(node["dtype"]))
            if flat.dtype.kind == "f":
                flat = rounded(flat)
            shape = node.get("shape")
            if shape:
                flat = flat.reshape([int(n) for n in str(shape).split(",")])
            return flat.tolist()
        return {key: plain_arrays(value) for key, value in node.items()}
    if isinstance(node, list):
        return [plain_arrays(value) for value in node]
    if isinstance(node, np.ndarray):  # arrays plotly.py leaves as they are (text, objects)
        return plain_arrays(node.tolist())
    return node


def merged(base, over):
    """``over`` on top of ``base`` (dicts merged key by key, anything else: ``over`` wins)."""
    if isinstance(base, dict) and isinstance(over, dict):
        out = dict(base)
        for key, value in over.items():
            out[key] = merged(base[key], value) if key in base else value
        return out
    return over


def _axis_names(spec: dict, letter: str) -> set[str]:
    """Every ``<letter>axis*`` the figure has: in its layout or referenced by a trace."""
    names = {f"{letter}axis"}
    names |= {k for k in spec["layout"] if (m := _AXIS.match(k)) and m.group(1) == letter}
    for trace in spec.get("data", []):
        ref = trace.get(f"{letter}axis")
        if isinstance(ref, str) and ref.startswith(letter):
            names.add(f"{letter}axis{ref[1:]}")
    return names


_LINE_FLAGS = (("linecolor", "showline"), ("gridcolor", "showgrid"), ("zerolinecolor", "zeroline"))
_ORIENTED = {"bar", "histogram", "box", "violin", "funnel", "waterfall"}


def _category_axes(spec: dict) -> set[str]:
    """Axes along which bars, boxes or violins stand: plotly.js draws no grid or zero line there."""
    axes = set()
    for trace in spec.get("data", []):
        kind = trace.get("type", "scatter")
        if kind not in _ORIENTED:
            continue
        only_x = "x" in trace and "y" not in trace
        horizontal = trace.get("orientation", "h" if only_x and kind != "histogram" else "v") == "h"
        if kind == "histogram" and "orientation" not in trace:
            horizontal = "y" in trace and "x" not in trace
        letter = "y" if horizontal else "x"
        ref = trace.get(f"{letter}axis", letter)
        axes.add(f"{letter}axis{ref[1:]}")
    return axes


def fold_template(spec: dict) -> dict:
    """The figure with ``layout.template`` applied by hand and removed (same look in plotly.js)."""
    layout = spec.setdefault("layout", {})
    template = layout.pop("template", None) or {}
    for key, value in (template.get("layout") or {}).items():
        if key in ("xaxis", "yaxis"):
            no_grid = _category_axes(spec)
            for name in _axis_names(spec, key[0]):
                axis = layout.get(name, {})
                layout[name] = merged(value, axis)
                # A colour written in the layout (not in a template) switches its line on in
                # plotly.js: keep each line as plotly.js's own default would have it.
                shown = {"showline": False, "showgrid": name not in no_grid, "zeroline": name not in no_grid}
                for color, flag in _LINE_FLAGS:
                    if color in value and flag not in value and flag not in axis:
                        layout[name][flag] = shown[flag]
        elif key.endswith("defaults"):  # annotationdefaults -> every annotation
            items = key[: -len("defaults")] + "s"
            layout[items] = [merged(value, item) for item in layout.get(items, [])]
        else:
            layout[key] = merged(value, layout[key]) if key in layout else value
    defaults = template.get("data") or {}
    seen: dict[str, int] = {}
    for i, trace in enumerate(spec.get("data", [])):
        kind = trace.get("type", "scatter")
        options = defaults.get(kind) or []
        if options:
            n = seen.get(kind, 0)
            seen[kind] = n + 1
            default = {k: v for k, v in options[n % len(options)].items() if k != "type"}
            spec["data"][i] = merged(default, trace)
    return spec


def _meta_as_text(item: dict) -> None:
    if isinstance(item.get("meta"), (dict, list)):
        item["meta"] = json.dumps(item["meta"], separators=(",", ":"))


# A horizontal legend under the plot (``yanchor`` top, ``y`` < 0) makes plotly.js widen the bottom
# margin after its first layout and lay the chart out again. Reserving that margin up front saves
# the second pass (~5-15 ms a chart). Fitted to what plotly.js widens to (12 px text): the first
# row with the x-axis title and ticks takes LEGEND_FIRST_ROW, each further row LEGEND_ROW (more
# for point symbols than for lines), and items wrap at about the main column's plot width.
LEGEND_FIRST_ROW, LEGEND_ROW, LEGEND_ROW_SYMBOLS = 41, 19, 29
LEGEND_WRAP_PX, LEGEND_ITEM_PX = 640, 40  # row width; an item's symbol and gaps besides its text


def _text_px(text: str) -> float:
    """About how wide ``text`` is at 12 px: CJK characters are square, Latin ones about half."""
    return sum(12.0 if ord(ch) >= 0x2E80 else 6.6 for ch in str(text))


def legend_rows(spec: dict) -> tuple[int, bool]:
    """(rows, any point symbols) of the legend plotly.js would draw for ``spec``: 0 rows when none."""
    items = [
        tr for tr in spec.get("data", [])
        if tr.get("showlegend", tr.get("type", "scatter") not in ("heatmap", "contour", "histogram2d"))
        and tr.get("name") and tr.get("visible", True) is not False
    ]
    shown = spec["layout"].get("showlegend")
    if shown is False or not items or (shown is None and len(items) < 2):
        return 0, False
    rows, used = 1, 0.0
    for tr in items:
        width = LEGEND_ITEM_PX + _text_px(tr["name"])
        if used and used + width > LEGEND_WRAP_PX:
            rows, used = rows + 1, 0.0
        used += width
    symbols = any("markers" in str(tr.get("mode", "")) for tr in items)
    return rows, symbols


def reserve_legend_margin(spec: dict) -> dict:
    """Widen the bottom margin to what a legend below the plot will need (see LEGEND_FIRST_ROW)."""
    layout = spec["layout"]
    legend, height, margin = layout.get("legend") or {}, layout.get("height"), layout.get("margin") or {}
    below = legend.get("orientation") == "h" and legend.get("yanchor") == "top" and legend.get("y", 1) < 0
    if not below or not height or "t" not in margin or "b" not in margin:
        return spec
    rows, symbols = legend_rows(spec)
    if not rows:
        return spec
    # The legend's top is -y of the plot's height under the plot: b = -y·(height − t − b) + legend.
    drop = -float(legend["y"])
    needed = drop * (height - margin["t"]) + LEGEND_FIRST_ROW
    needed += (rows - 1) * (LEGEND_ROW_SYMBOLS if symbols else LEGEND_ROW)
    layout["margin"] = {**margin, "b": max(margin["b"], int(np.ceil(needed / (1 + drop))))}
    return spec


def wire_spec(fig: go.Figure) -> dict:
    """The figure as it should reach plotly.js (see the module's docstring)."""
    spec = reserve_legend_margin(fold_template(plain_arrays(fig.to_dict())))
    spec["layout"]["datarevision"] = DATAREVISION
    for item in (spec["layout"], *spec.get("data", [])):
        _meta_as_text(item)
    return spec


class SentFigure(go.Figure):
    """A finished wire spec handed to ``st.plotly_chart``.

    Streamlit sends a Figure's ``to_dict()`` as it is, but validates a plain dict again by building
    a Figure from it (~15 ms for a boundary, and it refuses figures without traces). This figure
    is empty; its ``to_dict`` is the spec.
    """

    def __init__(self, spec: dict) -> None:
        super().__init__()
        self._sent = spec

    def to_dict(self) -> dict:
        return self._sent


# Sent specs by their inputs (ui.shell.chart's ``inputs``), newest last; shared by all sessions.
MAX_KEPT = 96
_KEPT: OrderedDict[Hashable, dict] = OrderedDict()
_KEPT_LOCK = threading.Lock()


def sendable(build: Callable[[], go.Figure], same: Hashable | None = None) -> SentFigure:
    """What ``ui.shell.chart`` passes to ``st.plotly_chart``: ``build()`` as a wire spec.

    With ``same`` (a key naming everything the figure depends on), the spec is kept, and the next
    call with an equal key reuses it without building the figure.
    """
    if same is None:
        return SentFigure(wire_spec(build()))
    with _KEPT_LOCK:
        spec = _KEPT.get(same)
        if spec is not None:
            _KEPT.move_to_end(same)
            return SentFigure(spec)
    spec = wire_spec(build())
    with _KEPT_LOCK:
        _KEPT[same] = spec
        while len(_KEPT) > MAX_KEPT:
            _KEPT.popitem(last=False)
    return SentFigure(spec)


def read_spec(text: str) -> dict:
    """A sent spec (JSON text) as the figure's dict again: ``meta`` back to objects."""
    spec = json.loads(text)
    for item in (spec.get("layout", {}), *spec.get("data", [])):
        meta = item.get("meta")
        if isinstance(meta, str) and meta[:1] in "{[":
            item["meta"] = json.loads(meta)
    return spec
