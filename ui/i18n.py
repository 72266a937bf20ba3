"""Every user-visible string, in English and Chinese.

The tables live in ``ui/text/*.py``: each module holds ``STRINGS = {key: (english, chinese)}``,
one module per page plus ``common`` for the shell and the kit. Keys are unique across modules.
``text(key, lang)`` is pure; ``t(key)`` reads the session's language.
"""

from __future__ import annotations

import importlib
import pkgutil
from functools import cache

LANGS = ("en", "zh")
LANG_NAMES = {"en": "English", "zh": "中文"}
DEFAULT_LANG = "en"


@cache
def strings() -> dict[str, tuple[str, str]]:
    """All tables merged; a key defined twice is an error."""
    import ui.text as package

    merged: dict[str, tuple[str, str]] = {}
    for info in sorted(pkgutil.iter_modules(package.__path__), key=lambda i: i.name):
        table = importlib.import_module(f"ui.text.{info.name}").STRINGS
        for key, pair in table.items():
            if key in merged:
                raise KeyError(f"i18n key {key!r} is defined twice (again in ui/text/{info.name}.py)")
            merged[key] = pair
    return merged


def text(key: str, lang: str = DEFAULT_LANG, **fmt: object) -> str:
    """The string for ``key`` in ``lang``, formatted with ``fmt``; raises KeyError for unknown keys."""
    en, zh = strings()[key]
    value = zh if lang == "zh" else en
    return value.format(**fmt) if fmt else value


def labels(prefix: str, lang: str) -> dict[str, str]:
    """Every string whose key starts with ``prefix``, keyed by the rest of the key (for chart builders)."""
    return {k[len(prefix) :]: text(k, lang) for k in strings() if k.startswith(prefix)}


def normalize_lang(value: str | None) -> str | None:
    """'zh', 'zh-CN', 'zh_TW' → 'zh'; 'en-US' → 'en'; anything else → None."""
    if not value:
        return None
    for code, name in LANG_NAMES.items():  # the language select writes its shown name into the URL
        if str(value).strip().casefold() == name.casefold():
            return code
    head = str(value).strip().lower().replace("_", "-").split("-")[0]
    return head if head in LANGS else None


def current_lang() -> str:
    """The session's language (set by the shell)."""
    import streamlit as st

    return st.session_state.get("lang", DEFAULT_LANG)


def t(key: str, **fmt: object) -> str:
    """``text`` in the session's language."""
    return text(key, current_lang(), **fmt)
