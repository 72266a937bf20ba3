"""Every string exists in both languages, is non-empty and has the same placeholders."""

import re
import string

import pytest

from ui.i18n import LANGS, labels, normalize_lang, strings, text
from ui.specs import HOME, PAGES

FIELDS = string.Formatter()


def placeholders(s: str) -> set[str]:
    return {name for _, name, _, _ in FIELDS.parse(s) if name}


def test_tables_load_and_are_complete():
    table = strings()
    assert len(table) > 50
    for key, pair in table.items():
        assert isinstance(pair, tuple) and len(pair) == len(LANGS), key
        en, zh = pair
        assert en.strip() and zh.strip(), f"{key} is empty in a language"
        assert placeholders(en) == placeholders(zh), f"{key}: placeholders differ"


def test_chinese_strings_are_chinese():
    han = re.compile(r"[\u4e00-\u9fff]")
    for key, (en, zh) in strings().items():
        if en != zh:
            assert han.search(zh) or not re.search(r"[A-Za-z]{4,}", zh), f"{key}: Chinese text is not Chinese"


@pytest.mark.parametrize("spec", (HOME, *PAGES), ids=lambda s: s.slug)
def test_every_page_has_title_and_summary(spec):
    for key in (spec.title_key, spec.summary_key):
        assert key in strings()


def test_text_and_labels():
    assert text("nav.home", "zh") == "首页" and text("nav.home", "en") == "Home"
    assert text("run.capped", "en", asked=5, used=3).count("3") == 1
    assert labels("opt.", "zh")["circles"] == "同心圆"
    with pytest.raises(KeyError):
        text("no.such.key")


@pytest.mark.parametrize(
    ("raw", "lang"),
    [("zh-CN", "zh"), ("zh_TW", "zh"), ("en-US", "en"), ("fr", None), ("", None), (None, None), ("ZH", "zh")],
)
def test_normalize_lang(raw, lang):
    assert normalize_lang(raw) == lang


def test_chart_labels_cover_every_builder_label():
    from ui.charts import DEFAULT_LABELS

    for lang in LANGS:
        assert set(labels("chart.", lang)) >= set(DEFAULT_LABELS)
