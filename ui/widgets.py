"""Streamlit side of the control registry: render a declared control, bound to the URL.

On the first render of a control in a session its value comes from ``?key=…`` (parsed and
clamped by ``Control.clamp``, with a notice when the URL value was bad), else its default.
The widget is bound to the query parameter, so moving it updates the URL for sharing.
"""

from __future__ import annotations

from typing import Any

import streamlit as st

from ui.controls import Control, format_number, page_controls
from ui.i18n import current_lang, strings, t, text

NOTICES = "_notices"


def _label(control: Control) -> tuple[str, str | None]:
    help_key = f"{control.label}.help"
    return t(control.label), (t(help_key) if help_key in strings() else None)


def _option_label(option: Any, lang: str | None = None) -> str:
    key = f"opt.{option}"
    if key not in strings():
        return str(option)
    return text(key, lang) if lang else t(key)


def option_from_label(control: Control, raw: Any) -> Any:
    """The option whose label (in either language) is ``raw``, else ``raw``.

    A choice widget bound to the URL writes its shown label (``?dataset=Circles``, ``?dataset=同心圆``).
    """
    if control.kind != "choice" or raw is None or raw in control.options:
        return raw
    from ui.i18n import LANGS, text

    wanted = str(raw).strip().casefold()
    for option in control.options:
        key = f"opt.{option}"
        shown = [text(key, lang) for lang in LANGS] if key in strings() else [str(option)]
        if wanted in (label.casefold() for label in shown):
            return option
    return raw


def initial_value(control: Control) -> Any:
    """The value from the URL (clamped, with a notice) or the default."""
    raw = option_from_label(control, st.query_params.get(control.key))
    value, problem = control.clamp(raw)
    if problem:
        notice = t(f"notice.{problem}", param=control.key, raw=str(raw)[:40], value=_shown(control, value))
        st.session_state.setdefault(NOTICES, []).append(notice)
    return value


def _shown(control: Control, value: Any) -> str:
    if control.kind == "choice":
        return _option_label(value)
    return format_number(value) if control.kind in ("float", "log") else str(value)


def hidden_keys() -> set[str]:
    """Controls the lecturer hid in presenter mode (``?present=1&hide=a,b``)."""
    return set(st.session_state.get("_hide", ()))


def _fits(control: Control, value: Any) -> bool:
    """Whether a value already in the session is one this control can show (bool: any bool)."""
    return isinstance(value, bool) if control.kind == "bool" else control.is_valid(value)


def render(control: Control, container: Any = None) -> Any:
    """Draw ``control`` (in ``container``, default the main area) and return its value."""
    key = control.key
    if key not in st.session_state or not _fits(control, st.session_state[key]):
        st.session_state[key] = initial_value(control)
    if key in hidden_keys():
        return st.session_state[key]
    where = container if container is not None else st
    label, help_text = _label(control)
    # The declared default is the widget's default too, so the URL omits exactly the default values.
    common = {"key": key, "help": help_text, "bind": "query-params"}
    if control.kind == "int":
        low, high, step = int(control.low), int(control.high), int(control.step or 1)
        return where.slider(label, low, high, value=int(control.default), step=step, **common)
    if control.kind == "float":
        low, high = float(control.low), float(control.high)
        return where.slider(label, low, high, value=float(control.default), step=control.step, **common)
    if control.kind == "log":
        options = control.choices()
        return where.select_slider(
            label, options=options, value=control.default, format_func=format_number, **common
        )
    if control.kind == "choice":
        lang = current_lang()  # fixed now: the widget may format its options outside this run
        index = control.options.index(control.default)
        return where.selectbox(
            label, control.options, index=index, format_func=lambda o: _option_label(o, lang), **common
        )
    return where.toggle(label, value=bool(control.default), **common)


def render_page_controls(page: str, keys: tuple[str, ...] | None = None, container: Any = None) -> dict:
    """Render a page's controls (all, or those named in ``keys``, in that order) → {key: value}."""
    declared = {c.key: c for c in page_controls(page)}
    chosen = keys if keys is not None else tuple(declared)
    values = {k: render(declared[k], container) for k in chosen}
    show_notices(container)
    return values


def all_control_keys() -> set[str]:
    """Keys of every page's controls, with their A/B copies (``b_<key>``)."""
    from ui.specs import HOME, PAGES, controls_of

    keys = {c.key for spec in (HOME, *PAGES) for c in controls_of(spec.slug)}
    return keys | {f"b_{k}" for k in keys} | {"compare"}


def enter_page(page: str) -> None:
    """On arriving at another page, forget the previous page's control values.

    Pages share some keys (``dataset``, ``iterations``…) with different ranges and meanings;
    each page starts from its URL and its own defaults.
    """
    if st.session_state.get("_page") == page:
        return
    if "_page" in st.session_state:
        for key in all_control_keys():
            st.session_state.pop(key, None)
    st.session_state["_page"] = page


def reset_page(page: str) -> None:
    """Callback: forget this page's control values (A and B) and notices (widgets fall back to defaults)."""
    for control in page_controls(page):
        st.session_state.pop(control.key, None)
        st.session_state.pop(f"b_{control.key}", None)
    st.session_state.pop(NOTICES, None)


def show_notices(container: Any = None) -> None:
    """Show (once) the notices about URL values that were clamped or ignored."""
    where = container if container is not None else st
    for notice in st.session_state.pop(NOTICES, []):
        where.warning(notice, icon=":material/tune:")
