"""The app's frame: language, seed, presenter mode, the global sidebar and page headers."""

from __future__ import annotations

import functools
import inspect
from collections.abc import Callable, Hashable, Sequence
from contextvars import ContextVar
from typing import Any
from urllib.parse import urlencode

import streamlit as st

from ui.controls import Control
from ui.i18n import LANG_NAMES, LANGS, normalize_lang, t, text
from ui.specs import SPEC_BY_SLUG
from ui.upload import upload_widget
from ui.widgets import NOTICES, initial_value, page_controls, render, reset_page, show_notices

OPEN_TABS = "_tab_keys"  # the lazy_tabs keys seen in this session (their open tab goes in the link)
SHARE = "share_link"  # the sidebar popover "Link to this view" (opening it reruns the page)
SEED = Control("seed", "int", 0, low=0, high=9999, step=1, label_key="ctl.seed")
PRESENT_CSS = """
<style>
[data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"], header {display: none !important;}
html, body, [data-testid="stAppViewContainer"] {font-size: 22px;}
[data-testid="stMarkdownContainer"] p, li {font-size: 1.25rem;}
h1 {font-size: 3rem !important;}
</style>
"""


def init_session() -> None:
    """Language (``?lang=`` first, then the browser's locale), presenter mode; once per session."""
    if "lang" not in st.session_state:
        raw = st.query_params.get("lang")
        lang = normalize_lang(raw)
        if raw is not None and lang is None:
            st.session_state.setdefault(NOTICES, []).append(
                f"?lang={str(raw)[:20]}: English / 中文 only — using "
                + LANG_NAMES[normalize_lang(st.context.locale) or "en"]
            )
        st.session_state["lang"] = lang or normalize_lang(st.context.locale) or "en"
    if st.query_params.get("present") in ("1", "true", "yes", "on"):
        st.session_state["_present"] = True
        hide = st.query_params.get("hide", "")
        st.session_state["_hide"] = tuple(k for k in hide.split(",") if k)
    elif st.query_params.get("present") in ("0", "false", "no", "off"):
        st.session_state["_present"] = False
        st.session_state["_hide"] = ()


def presenting() -> bool:
    return bool(st.session_state.get("_present"))


def seed() -> int:
    """The global random seed (sidebar), also used when the sidebar is hidden."""
    if "seed" not in st.session_state:
        st.session_state["seed"] = initial_value(SEED)
    return int(st.session_state["seed"])


def sidebar(current_slug: str) -> Callable[[], None]:
    """Global controls: language, seed, reset this page, link to this view.

    Returns ``finish``, to call after the page ran: it writes the link, which needs the
    page's control values.
    """
    if presenting():
        st.markdown(PRESENT_CSS, unsafe_allow_html=True)
        seed()
        return lambda: None

    with st.sidebar:
        st.selectbox(t("shell.language"), LANGS, format_func=LANG_NAMES.get, key="lang", bind="query-params")
        render(SEED, st.sidebar)
        st.toggle(t("shell.svg"), key="svg_export", help=t("shell.svg.help"))
        st.button(
            t("shell.reset"),
            on_click=reset_page,
            args=(current_slug,),
            icon=":material/restart_alt:",
            help=t("shell.reset.help"),
            use_container_width=True,
        )
        # Opening it reruns the whole page, so the link is written from the controls as they are
        # now: a move inside a page's fragment (``interactive``) does not rerun the sidebar.
        with st.popover(
            t("shell.share"), icon=":material/link:", use_container_width=True, key=SHARE, on_change="rerun"
        ):
            st.caption(t("shell.share.help"))
            link = st.empty()
            st.caption(t("shell.present.help"))
        with st.expander(t("home.upload"), icon=":material/upload_file:"):
            upload_widget()
        show_notices(st.sidebar)
    return lambda: link.code(share_url(current_slug), language=None, wrap_lines=True)


def share_url(slug: str) -> str:
    """A link that reopens this page with the current control values, language and seed."""
    params: dict[str, str] = {"lang": st.session_state.get("lang", "en")}
    if seed() != SEED.default:
        params["seed"] = str(seed())
    for control in page_controls(slug):
        if control.key in st.session_state and st.session_state[control.key] != control.default:
            params[control.key] = control.to_url(st.session_state[control.key])
    for key in sorted(st.session_state.get(OPEN_TABS, ())):
        if key in st.query_params:  # a tab other than the first is open on this page
            params[key] = str(st.query_params[key])
    base = (st.context.url or "").split("?")[0]
    return f"{base}?{urlencode(params)}"


def interactive(part: Callable[..., None], *args: Any) -> None:
    """Run ``part(*args)`` — the part of a page that its controls drive — as one Streamlit fragment.

    A move of one of its controls (or a click on one of its buttons) reruns that part alone: the
    title, the text around it, the code and the sidebar are neither run nor sent again, which
    takes 30–60 ms off a move. Whatever else depends on those controls must be inside ``part``.
    """
    st.fragment(part)(*args)


def page_header(slug: str) -> None:
    """Title with the lecture section and the page's one-line summary."""
    spec = SPEC_BY_SLUG[slug]
    prefix = f"§{spec.sections} · " if spec.sections else ""
    st.title(prefix + t(spec.title_key))
    st.caption(t(spec.summary_key))


@functools.lru_cache(maxsize=256)
def source_of(fn: Callable) -> str:
    """The source text of ``fn``, read once per process (it was read on every rerun of every page)."""
    return inspect.getsource(fn)


def show_code(*functions: Callable) -> None:
    """An expander with the real source of the core functions behind the figures (§ code that ran)."""
    with st.expander(t("shell.code"), icon=":material/code:"):
        for fn in functions:
            st.caption(f"{fn.__module__}.{fn.__qualname__}")
            st.code(source_of(fn), language="python")


def lazy_tabs(key: str, label_keys: Sequence[str]) -> Sequence:
    """Tabs of which only the open one runs: check ``tab.open`` before filling it.

    A slider move then redraws (and computes) the open tab's charts only. The open tab is kept
    by position, so switching the language (which renames the tabs) keeps it open. It is in the
    URL as ``?<key>=<tab>`` (the last part of its label key; the first tab is the default), so a
    shared link opens it. Inside an A/B comparison each half has its own tabs (``tab_key``).
    """
    key = tab_key(key)
    names = [t(k) for k in label_keys]
    slugs = [k.rsplit(".", 1)[-1] for k in label_keys]
    chosen = st.session_state.get(key)
    if chosen is None and key in st.query_params:  # a link opened in a new session
        wanted = str(st.query_params[key])
        if wanted in slugs:
            st.session_state[key] = names[slugs.index(wanted)]
        else:
            notice = t("shell.tab_unknown", name=key, value=wanted[:20], first=names[0])
            st.warning(notice, icon=":material/tab:")
    elif chosen is not None and chosen not in names:
        for lang in LANGS:
            named = [text(k, lang) for k in label_keys]
            if chosen in named:
                st.session_state[key] = names[named.index(chosen)]
                break
    tabs = st.tabs(names, key=key, on_change="rerun")
    opened = next((slug for slug, tab in zip(slugs, tabs) if tab.open), slugs[0])
    if opened == slugs[0]:
        if key in st.query_params:
            del st.query_params[key]
    elif st.query_params.get(key) != opened:
        st.query_params[key] = opened
    st.session_state.setdefault(OPEN_TABS, set()).add(key)
    return tabs


def tab_key(key: str) -> str:
    """The session-state key of ``lazy_tabs(key, …)`` here (prefixed with A or B in a comparison)."""
    return f"{SCOPE.get()}{key}"


SCOPE: ContextVar[str] = ContextVar("chart_scope", default="")  # "A"/"B" inside an A/B body


def chart(fig, key: str, inputs: Hashable | None = None) -> None:
    """Draw a Plotly figure with the export buttons; taller in presenter mode.

    ``key`` names the chart on its page; inside an A/B comparison it is prefixed with A or B
    so the two halves never collide. ``fig`` is a figure, or a function that builds one: then
    ``inputs`` — everything the figure depends on besides the language, hashable — lets a rerun
    with the same inputs (a slider moved back) send the kept figure without building it again.
    """
    from ui.charts import CONFIG, CONFIG_SVG
    from ui.plotly_wire import sendable

    large = presenting()

    def build():
        figure = fig() if callable(fig) else fig
        if large:
            figure.update_layout(height=int((figure.layout.height or 450) * 1.4), font={"size": 20})
        return figure

    same = None if inputs is None else (key, inputs, large, st.session_state.get("lang"))
    config = CONFIG_SVG if st.session_state.get("svg_export") else CONFIG
    # theme=None: the figure's own template ("lab"); Streamlit's theme merge doubled the redraw.
    st.plotly_chart(sendable(build, same), config=config, key=f"{SCOPE.get()}{key}", theme=None)
