"""Helpers to drive pages through AppTest, the way a learner would."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from pathlib import Path

import numpy as np
from streamlit.testing.v1 import AppTest

from ui.i18n import text
from ui.plotly_wire import SENT_RTOL, plain_arrays, read_spec

__all__ = ["SENT_RTOL"]  # the tolerance for chart data against computed values, re-exported

ROOT = Path(__file__).resolve().parents[2]
APP = str(ROOT / "app.py")
TIMEOUT = 120

# Words allowed in Chinese pages: names, notation and units that are written the same way in Chinese.
LATIN_ALLOWED = {
    "relu",
    "leaky",
    "tanh",
    "sigmoid",
    "xavier",
    "he",
    "glorot",
    "dropout",
    "keep_prob",
    "dev",
    "l1",
    "l2",
    "lambda",
    "numpy",
    "csv",
    "xor",
    "nan",
    "inf",
    "bayes",
    "a/b",
    "epsilon",
    "theta",
    "dw",
    "db",
    "frobenius",
    "learning_rate",
    "python",
    "np",
    "id",
}


def open_app(query: dict[str, str] | None = None, lang: str = "en") -> AppTest:
    """A fresh app session with the URL's query parameters set (language first)."""
    at = AppTest.from_file(APP, default_timeout=TIMEOUT)
    at.query_params["lang"] = lang
    for key, value in (query or {}).items():
        at.query_params[key] = value
    return at


def run_page(script: str, query: dict[str, str] | None = None, lang: str = "en") -> AppTest:
    """Open the app, switch to ``script`` (e.g. 'lectures/04_l2_regularization.py') and run it."""
    at = open_app(query, lang)
    at.run()
    if script != "lectures/home.py":
        # The home page consumed and rewrote the query (its own controls); the target page must
        # see the link as it was, like a browser opening the shared URL.
        at.query_params.clear()
        at.query_params["lang"] = lang
        for key, value in (query or {}).items():
            at.query_params[key] = value
        at.switch_page(script)
        at.run()
    return at


def assert_ok(at: AppTest) -> None:
    """No exception element on the page."""
    assert not at.exception, [e.value for e in at.exception]


def open_tab(at: AppTest, key: str, label_key: str, lang: str = "en") -> AppTest:
    """Open the tab ``label_key`` of ``ui.shell.lazy_tabs(key, …)``, as a click on it does, and rerun."""
    at.session_state[key] = text(label_key, lang)
    return at.run()


def compare_with(at: AppTest, key: str, b_value) -> AppTest:
    """Turn the A/B comparison on and set B's copy of control ``key`` (A keeps its value)."""
    widget(at, "compare").set_value(True).run()
    assert_ok(at)
    widget(at, f"b_{key}").set_value(b_value).run()
    assert_ok(at)
    return at


def chart_specs(at: AppTest) -> list[dict]:
    """Every Plotly chart on the page as its JSON figure."""
    return [read_spec(chart.proto.spec) for chart in at.get("plotly_chart")]


def chart_keys(at: AppTest) -> list[str]:
    """The keys of the Plotly charts on the page, in the order they were sent."""
    return [chart.key for chart in at.get("plotly_chart")]


def arr(value) -> np.ndarray:
    """A trace array of a sent chart as floats (None -> NaN), in its shape (2-D for a heatmap's z).

    ``ui.plotly_wire`` sends plain lists with 7 significant digits; compare computed values with
    ``rtol=SENT_RTOL``. Base64 typed arrays (plotly.py's own form) are decoded too.
    """
    values = np.array(plain_arrays(value), dtype=object)
    return np.where(np.equal(values, None), np.nan, values).astype(float)


def widget(at: AppTest, key: str):
    """The widget bound to control ``key`` (any kind)."""
    for kind in ("slider", "select_slider", "selectbox", "toggle", "checkbox", "number_input", "radio"):
        for element in getattr(at, kind):
            if element.key == key:
                return element
    raise KeyError(f"no widget with key {key!r}")


def visible_texts(at: AppTest) -> list[str]:
    """The prose a reader sees: markdown, captions, titles, headers, alerts, widget labels."""
    texts = []
    for kind in (
        "markdown",
        "caption",
        "title",
        "header",
        "subheader",
        "info",
        "warning",
        "error",
        "success",
    ):
        texts += [str(e.value) for e in getattr(at, kind)]
    for kind in ("slider", "select_slider", "selectbox", "toggle", "button", "radio", "checkbox"):
        texts += [str(e.label) for e in getattr(at, kind)]
    texts += [str(m.label) for m in at.get("metric")]
    texts += [str(e.proto.label) for e in at.get("expander")]
    return texts


def english_leaks(at: AppTest) -> list[str]:
    """Texts of a Chinese page that still contain English prose (two or more English words in a row),
    ignoring inline code, LaTeX, and allowed names and notation."""
    leaks = []
    for raw in visible_texts(at):
        text = re.sub(r"`[^`]*`|\$[^$]*\$|\\\(.*?\\\)|\*\*|_\{[^}]*\}", " ", raw)
        words = [w for w in re.findall(r"[A-Za-z][A-Za-z_/']+", text) if w.lower() not in LATIN_ALLOWED]
        if re.search(r"\b[A-Za-z]{3,}\s+[A-Za-z]{3,}\b", " ".join(words)) and re.search(
            r"\b[A-Za-z]{3,}\s+[A-Za-z]{3,}\b", text
        ):
            leaks.append(raw[:120])
    return leaks


def assert_every_tab(
    at: AppTest,
    key: str,
    label_prefix: str,
    tabs: Mapping[str, Sequence[str]],
    always: Sequence[str] = (),
    lang: str = "en",
) -> None:
    """Open each tab of ``ui.shell.lazy_tabs(key, …)`` in turn (label key ``label_prefix + tab``): it runs
    cleanly and sends exactly the charts ``always`` and then its own; in Chinese, no English prose."""
    for tab, keys in tabs.items():
        open_tab(at, key, f"{label_prefix}{tab}", lang)
        assert_ok(at)
        assert chart_keys(at) == [*always, *keys], tab
        if lang == "zh":
            assert english_leaks(at) == [], tab
