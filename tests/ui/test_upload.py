"""Uploading own data as CSV (ui/upload.py) and its strings (ui/text/upload.py)."""

from __future__ import annotations

import hashlib
import io
import re
import string
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from core.datasets import MAX_UPLOAD_ROWS
from ui import upload
from ui.i18n import LANGS, strings, text
from ui.text.upload import STRINGS
from ui.upload import (
    MAX_BYTES,
    UploadError,
    error_message,
    example_csv,
    forget_data,
    handle_upload,
    history_csv,
    parse_points_csv,
)

GOOD = b"x1,x2,y\n0.5,1.5,0\n-1,2,1\n3,4e-3,0\n2.5,-7,1\n"
HEADER = b"x1,x2,y\n"

# kind -> (file bytes, expected error key); every kind must have its own key.
BAD_FILES = {
    "empty": (b"", "upload.error.empty"),
    "too_large": (HEADER + b"0.000000,0.000000,0\n" * (MAX_BYTES // 20 + 1), "upload.error.too_large"),
    "binary_nul": (b"PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00", "upload.error.binary"),
    "invalid_utf8": (HEADER + b"1,2,0\n3,4,1\n\xff\xfe,5,1\n", "upload.error.encoding"),
    "unclosed_quote": (b'"x1,x2,y\n1,2,0\n3,4,1\n', "upload.error.not_csv"),
    "ragged_line": (HEADER + b"1,2,0\n3,4,1,9\n", "upload.error.bad_line"),
    "no_header": (b"1,2,0\n3,4,1\n5,6,0\n7,8,1\n", "upload.error.no_header"),
    "missing_column": (b"x1,y\n1,0\n2,1\n", "upload.error.missing_columns"),
    "extra_column": (b"x1,x2,y,z\n1,2,0,5\n3,4,1,6\n", "upload.error.extra_columns"),
    "duplicate_column": (b"x1,x2,y,X1\n1,2,0,1\n3,4,1,3\n", "upload.error.duplicate_columns"),
    "header_only": (HEADER, "upload.error.no_rows"),
    "non_numeric": (HEADER + b"1,2,0\n3,abc,1\n5,6,0\n7,8,1\n", "upload.error.not_numeric"),
    "empty_cell": (HEADER + b"1,2,0\n3,,1\n5,6,0\n7,8,1\n", "upload.error.empty_cells"),
    "nan": (HEADER + b"1,2,0\n3,4,1\nnan,6,0\n7,8,1\n", "upload.error.nan"),
    "inf": (HEADER + b"1,2,0\n3,4,1\n5,inf,0\n7,-inf,1\n", "upload.error.inf"),
    "three_classes": (HEADER + b"1,2,0\n3,4,1\n5,6,2\n7,8,1\n", "upload.error.labels_not_binary"),
    "single_class": (HEADER + b"1,2,1\n3,4,1\n5,6,1\n", "upload.error.single_class"),
    "one_row_in_class": (HEADER + b"1,2,0\n3,4,0\n5,6,1\n", "upload.error.class_too_small"),
    "too_many_rows": (HEADER + b"0,0,0\n1,1,1\n" * (MAX_UPLOAD_ROWS // 2 + 1), "upload.error.too_many_rows"),
}


def _error(data: bytes) -> UploadError:
    with pytest.raises(UploadError) as info:
        parse_points_csv(data)
    return info.value


# --------------------------------------------------------------------------- bad files


@pytest.mark.parametrize("kind", sorted(BAD_FILES))
def test_bad_file_gets_its_key(kind):
    data, key = BAD_FILES[kind]
    err = _error(data)
    assert err.key == key
    assert isinstance(err, ValueError)
    assert key in STRINGS
    for lang in LANGS:
        message = error_message(err.key, err.details, lang)
        assert message.strip() and "{" not in message


def test_bad_files_have_distinct_keys_and_messages():
    errors = {kind: _error(data) for kind, (data, _) in BAD_FILES.items()}
    assert len({e.key for e in errors.values()}) == len(BAD_FILES)
    for lang in LANGS:
        messages = {error_message(e.key, e.details, lang) for e in errors.values()}
        assert len(messages) == len(BAD_FILES), lang


def test_too_large_is_checked_on_bytes_before_anything_else():
    assert len(BAD_FILES["too_large"][0]) > MAX_BYTES
    err = _error(b"\x00" * (MAX_BYTES + 1))
    assert err.key == "upload.error.too_large"
    assert err.details["max_kb"] == 512
    assert parse_points_csv(GOOD)  # the limit is on bytes, not rows


def test_whitespace_only_file_counts_as_empty():
    assert _error(b"  \r\n\n\t").key == "upload.error.empty"
    assert _error(b"\xef\xbb\xbf\n").key == "upload.error.empty"  # a BOM and nothing else


def test_invalid_utf8_names_the_line():
    err = _error(BAD_FILES["invalid_utf8"][0])
    assert err.details == {"line": 4}


def test_missing_and_extra_columns_are_named():
    err = _error(b"X1 , Y\n1,0\n2,1\n")
    assert err.details["missing"] == ("x2",)
    assert "`x2`" in str(err)
    err = _error(b"x1,x2,y,Weight,z\n1,2,0,5,6\n")
    assert err.details["extra"] == ("Weight", "z")
    assert "`Weight`, `z`" in str(err)
    assert "`Weight`、`z`" in error_message(err.key, err.details, "zh")


def test_non_numeric_names_column_first_bad_line_and_value():
    err = _error(HEADER + b"1,2,0\n3,4,1\n5,6,yes\n7,x,1\n8,9,oops\n")
    assert err.details["column"] == "y"
    assert err.details["line"] == 4  # the header is line 1
    assert err.details["rows"] == 3
    assert "`yes`" in str(err)


def test_line_numbers_count_blank_lines():
    err = _error(b"\n" + HEADER + b"1,2,0\n\n3,abc,1\n")
    assert err.details["line"] == 5


def test_missing_values_count_rows():
    err = _error(HEADER + b"1,,0\n,,1\n5,6,NA\n7,8,1\n9,9,0\n")
    assert err.key == "upload.error.empty_cells"
    assert (err.details["rows"], err.details["line"], err.details["column"]) == (3, 2, "x2")
    err = _error(HEADER + b"1,2,0\nNaN,4,1\n5,nan,nan\n7,8,1\n9,9,0\n")
    assert (err.key, err.details["rows"], err.details["line"]) == ("upload.error.nan", 2, 3)
    err = _error(HEADER + b"1,2,0\n3,inf,1\n5,6,0\n-Infinity,8,1\n")
    assert (err.key, err.details["rows"], err.details["line"]) == ("upload.error.inf", 2, 3)


def test_label_problems_report_values():
    err = _error(HEADER + b"".join(b"%d,%d,%d\n" % (i, i, i % 8) for i in range(16)))
    assert err.details["count"] == 8
    assert err.details["values"] == ("0", "1", "2", "3", "4", "…")  # at most 5 values shown
    err = _error(HEADER + b"1,2,0.5\n3,4,-1\n5,6,2\n")
    assert err.details["values"] == ("-1", "0.5", "2")
    err = _error(HEADER + b"1,2,-1\n3,4,-1\n")
    assert (err.details["value"], err.details["rows"]) == ("-1", 2)
    err = _error(HEADER + b"1,2,0\n3,4,0\n5,6,0\n5,6,1\n")
    assert (err.details["value"], err.details["count"], err.details["min"]) == ("1", 1, 2)


def test_row_limit_is_exact():
    at_limit = HEADER + b"0,0,0\n1,1,1\n" * (MAX_UPLOAD_ROWS // 2)
    X, Y, _ = parse_points_csv(at_limit)
    assert X.shape == (2, MAX_UPLOAD_ROWS)
    err = _error(at_limit + b"2,2,1\n")
    assert err.details == {"rows": MAX_UPLOAD_ROWS + 1, "max_rows": MAX_UPLOAD_ROWS}


def test_user_values_cannot_break_markdown():
    err = _error(HEADER + b"1,2,0\n3,`**boom**` and a very long text indeed,1\n")
    shown = str(err)
    assert shown.count("`") == 2 and "…" in shown


# --------------------------------------------------------------------------- valid files


def test_valid_file_parses_to_course_notation():
    X, Y, digest = parse_points_csv(GOOD)
    np.testing.assert_array_equal(X, [[0.5, -1, 3, 2.5], [1.5, 2, 4e-3, -7]])
    np.testing.assert_array_equal(Y, [[0, 1, 0, 1]])
    assert X.shape == (2, 4) and Y.shape == (1, 4)
    assert X.dtype == Y.dtype == np.float64
    assert digest == hashlib.sha256(GOOD).hexdigest()


@pytest.mark.parametrize(
    "data",
    [
        b" x1 ,  X2,Y \n0.5 , 1.5, 0\n-1,2,1\n3,0.004,0\n2.5,-7,1\n",  # whitespace, upper case
        b"X1,X2,Y\r\n0.5,1.5,-1\r\n-1,2,1\r\n3,4e-3,-1\r\n2.5,-7,1\r\n",  # -1/1 labels, CRLF
        b"\xef\xbb\xbfy,x2,x1\n0.0,1.5,0.5\n1.0,2,-1\n0.0,0.004,3\n1.0,-7,2.5\n",  # BOM, order, 0.0/1.0
        b"\n\"x1\",\"x2\",\"y\",\n0.5,1.5,0,\n\n-1,2,1,\n3,4e-3,0,\n2.5,-7,1,\n\n",  # quotes, trailing commas
        b"x1;x2;y\n0.5;1.5;0\n-1;2;1\n3;4e-3;0\n2.5;-7;1\n",  # semicolons
        b"x1\tx2\ty\n0.5\t1.5\t5\n-1\t2\t7\n3\t4e-3\t5\n2.5\t-7\t7\n",  # tabs, labels 5/7
    ],
)
def test_valid_variants(data):
    X, Y, digest = parse_points_csv(data)
    np.testing.assert_allclose(X, [[0.5, -1, 3, 2.5], [1.5, 2, 4e-3, -7]])
    np.testing.assert_array_equal(Y, [[0, 1, 0, 1]])
    assert digest == hashlib.sha256(data).hexdigest()


def test_example_csv_is_a_valid_upload():
    data = example_csv()
    X, Y, _ = parse_points_csv(data)
    assert X.shape == (2, 100)
    assert Y.sum() == 50
    assert data.startswith(b"x1,x2,y\n")


_finite = st.floats(-1e6, 1e6, allow_nan=False, allow_infinity=False)


@st.composite
def _frames(draw):
    n0 = draw(st.integers(2, 15))
    n1 = draw(st.integers(2, 15))
    low = draw(st.sampled_from([0, -1, 0.0, 2, -3.5]))
    high = low + draw(st.sampled_from([1, 2, 0.5, 10]))
    labels = draw(st.permutations([low] * n0 + [high] * n1))
    n = n0 + n1
    x1 = draw(st.lists(_finite, min_size=n, max_size=n))
    x2 = draw(st.lists(_finite, min_size=n, max_size=n))
    order = draw(st.permutations(["x1", "x2", "y"]))
    names = {c: draw(st.sampled_from([c, c.upper(), f" {c}", f"{c.upper()}  "])) for c in order}
    frame = pd.DataFrame({"x1": x1, "x2": x2, "y": labels})[list(order)]
    return frame.rename(columns=names), np.array([x1, x2]), np.array([labels]) == high


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_frames())
def test_random_valid_frames_round_trip(case):
    frame, X_expected, Y_expected = case
    data = frame.to_csv(index=False).encode("utf-8")
    X, Y, digest = parse_points_csv(data)
    np.testing.assert_array_equal(X, X_expected)
    np.testing.assert_array_equal(Y, Y_expected.astype(np.float64))
    assert digest == hashlib.sha256(data).hexdigest()


# --------------------------------------------------------------------------- strings


def _fields(s: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(s) if name is not None}


def test_strings_are_complete_and_consistent():
    assert all(k.startswith("upload.") for k in STRINGS)
    for key, (en, zh) in STRINGS.items():
        assert en.strip() and zh.strip(), key
        assert _fields(en) == _fields(zh), key
        assert re.search(r"[\u4e00-\u9fff]", zh), key
        assert zh != en, key
    merged = strings()  # no key clashes with the other tables
    assert all(merged[k] == v for k, v in STRINGS.items())


def test_every_key_used_in_the_module_exists():
    source = Path(upload.__file__).read_text(encoding="utf-8")
    used = set(re.findall(r"\"(upload\.[a-z_.]+[a-z_])\"", source))
    assert used and used <= set(STRINGS)
    assert {key for _, key in BAD_FILES.values()} <= used


# --------------------------------------------------------------------------- session logic


def test_good_upload_stores_the_data():
    state: dict = {}
    level, message = handle_upload(GOOD, "mine.csv", state, file_id="f1")
    assert level == "success"
    X, Y, digest = state["_own_data"]
    assert X.shape == (2, 4) and digest == hashlib.sha256(GOOD).hexdigest()
    assert message == "Loaded `mine.csv`: 4 points, 2 in class 0 and 2 in class 1."
    assert state["_upload_status"]["file_id"] == "f1"
    assert state["_own_data_name"] == "mine.csv"


def test_label_mapping_is_reported():
    state = {"lang": "zh"}
    level, message = handle_upload(HEADER + b"1,2,-1\n3,4,1\n5,6,-1\n7,8,1\n", "pm.csv", state)
    assert level == "success"
    assert message.endswith(text("upload.success.mapped", "zh", low="-1", high="1"))
    np.testing.assert_array_equal(state["_own_data"][1], [[0, 1, 0, 1]])


def test_bad_upload_after_good_keeps_previous_data_and_says_so():
    state: dict = {}
    handle_upload(GOOD, "good.csv", state)
    previous = state["_own_data"]
    for data, key in BAD_FILES.values():
        level, message = handle_upload(data, "bad.csv", state)
        assert level == "error"
        assert state["_own_data"] is previous
        assert state["_own_data_name"] == "good.csv"
        assert message == " ".join(
            [
                text("upload.failed", "en", name="`bad.csv`"),
                error_message(key, state["_upload_status"]["parts"][1][1], "en"),
                text("upload.kept_previous", "en", rows=4),
            ]
        )
    zh_level, zh_message = handle_upload(b"", "bad.csv", state, lang="zh")
    assert zh_level == "error"
    assert zh_message == "无法使用 `bad.csv`：文件是空的。之前上传的数据（4 个点）仍在使用中。"


def test_bad_first_upload_does_not_claim_previous_data():
    state: dict = {}
    level, message = handle_upload(BAD_FILES["nan"][0], "bad.csv", state)
    assert level == "error" and "_own_data" not in state
    assert "still in use" not in message


def test_forget_data():
    state: dict = {}
    handle_upload(GOOD, "good.csv", state)
    forget_data(state)
    assert "_own_data" not in state and "_own_data_name" not in state
    assert state["_upload_nonce"] == 1
    assert state["_upload_status"]["parts"] == [("upload.forgotten", {})]
    forget_data(state)
    assert state["_upload_nonce"] == 2 and state["_upload_status"] is None


def test_history_csv_round_trips():
    history = pd.DataFrame(
        {"iteration": [0, 10, 20], "cost": [0.69, 0.5, 0.123456789012], "dev_error": [0.5] * 3}
    )
    data = history_csv(history)
    back = pd.read_csv(io.BytesIO(data))
    pd.testing.assert_frame_equal(back, history)
    assert data.startswith(b"iteration,cost,dev_error\n")
    with pytest.raises(TypeError):
        history_csv([1, 2, 3])


# --------------------------------------------------------------------------- Streamlit


def _widget_app():
    import streamlit as st

    from ui.upload import download_history_button, upload_widget

    upload_widget(st.sidebar if st.session_state.get("in_sidebar") else None)
    download_history_button(st.session_state.get("history"), "history.csv")


@pytest.fixture
def app():
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_function(_widget_app, default_timeout=15)
    at.session_state["history"] = pd.DataFrame({"iteration": [0, 1], "cost": [0.7, 0.6]})
    return at.run()


def test_widget_upload_flow(app, monkeypatch):
    calls = []
    real_parse = upload._parse
    monkeypatch.setattr(upload, "_parse", lambda data: calls.append(1) or real_parse(data))
    at = app
    assert not at.exception
    assert len(at.file_uploader) == 1 and at.file_uploader[0].allowed_type == [".csv"]
    assert [b.label for b in at.get("download_button")] == [
        text("upload.example", "en"),
        text("upload.download_history", "en"),
    ]
    assert "_own_data" not in at.session_state

    at.file_uploader[0].upload("good.csv", GOOD, "text/csv")
    at.run()
    assert not at.exception
    assert at.success[0].value.startswith("Loaded `good.csv`: 4 points")
    previous = at.session_state["_own_data"]
    assert previous[2] == hashlib.sha256(GOOD).hexdigest()
    at.run()  # a rerun with the same file does not parse it again
    assert len(calls) == 1 and len(at.success) == 1

    at.file_uploader[0].set_value(("bad.csv", BAD_FILES["three_classes"][0], "text/csv"))
    at.run()
    assert len(calls) == 2
    assert len(at.error) == 1 and not at.success
    assert "still in use" in at.error[0].value
    assert at.session_state["_own_data"][2] == previous[2]

    at.session_state["lang"] = "zh"
    at.run()  # the message follows the language without parsing again
    assert len(calls) == 2
    assert "之前上传的数据（4 个点）仍在使用中" in at.error[0].value

    at.button(key="_upload_forget").click()
    at.run()
    assert "_own_data" not in at.session_state
    assert at.info[0].value == text("upload.forgotten", "zh")
    assert at.file_uploader[0].value is None  # a fresh, empty uploader
    assert not at.error


def test_widget_in_a_container(app):
    at = app
    at.session_state["in_sidebar"] = True
    at.run()
    assert not at.exception
    assert len(at.sidebar.get("file_uploader")) == 1
