"""Upload your own 2-D data as CSV, and download a training history as CSV.

``parse_points_csv`` is pure (no Streamlit): it turns the bytes of a CSV file with the
columns ``x1, x2, y`` into course notation, X (2, n) and Y (1, n), or raises
:class:`UploadError` whose ``key`` (an i18n key, ``upload.error.*``) names the problem and
whose ``details`` fill the message.  ``handle_upload`` applies one upload to a session-state
mapping (a plain dict in tests); ``upload_widget`` is the Streamlit front end.

Session state used (``st.session_state`` or any mutable mapping):
  * ``_own_data``: (X, Y, digest) of the data in use (read by ``ui.training``);
  * ``_own_data_name``: the file name it came from;
  * ``_upload_status``: the last upload's outcome (level, message parts, file id), so a rerun
    with the same file neither parses it again nor loses the message;
  * ``_upload_nonce``: bumped by "forget my data" to give the file uploader a fresh key.
"""

from __future__ import annotations

import csv
import functools
import hashlib
import io
import re
from collections.abc import MutableMapping, Sequence
from typing import Any

import numpy as np
import pandas as pd

from core.datasets import MAX_UPLOAD_ROWS, make_dataset, validate_points
from ui.i18n import DEFAULT_LANG, text

MAX_BYTES = 512 * 1024
MIN_PER_CLASS = 2
COLUMNS = ("x1", "x2", "y")
MAX_LABELS_SHOWN = 5
MAX_VALUE_CHARS = 24
EXAMPLE_ROWS = 100

OWN_KEY = "_own_data"
NAME_KEY = "_own_data_name"
STATUS_KEY = "_upload_status"
NONCE_KEY = "_upload_nonce"

# Cells that spreadsheets and pandas write for "no value": reported as empty cells.
_MISSING_TOKENS = frozenset({"", "na", "n/a", "#n/a", "null", "none", "<na>", "nat", "missing", "-"})
_BAD_LINE = re.compile(r"Expected (\d+) fields in line (\d+), saw (\d+)")
_ELLIPSIS = "…"


class UploadError(ValueError):
    """A rejected file: ``key`` is the i18n key of the message, ``details`` its fields.

    ``str(error)`` is the English message.
    """

    def __init__(self, key: str, **details: Any) -> None:
        self.key = key
        self.details = details
        super().__init__(error_message(key, details, "en"))


# --------------------------------------------------------------------------- messages


def _code(value: object) -> str:
    """Show a user-supplied value safely inside Markdown (as inline code)."""
    shown = str(value).replace("`", "'").replace("\r", " ").replace("\n", " ")
    if len(shown) > MAX_VALUE_CHARS:
        shown = shown[: MAX_VALUE_CHARS - 1] + _ELLIPSIS
    return f"`{shown}`" if shown.strip() else ""


def _render_value(value: object, lang: str) -> object:
    if isinstance(value, (tuple, list)):
        sep = "、" if lang == "zh" else ", "
        items = []
        for item in value:
            if item == _ELLIPSIS:
                items.append(_ELLIPSIS)
            else:
                items.append(_code(item) or text("upload.unnamed_column", lang))
        return sep.join(items)
    return value


def error_message(key: str, details: dict[str, Any], lang: str = DEFAULT_LANG) -> str:
    """The message for an error ``key`` in ``lang``; sequences in ``details`` become lists."""
    return text(key, lang, **{k: _render_value(v, lang) for k, v in details.items()})


def _join(parts: Sequence[str], lang: str) -> str:
    return ("" if lang == "zh" else " ").join(p for p in parts if p)


def status_message(status: dict[str, Any], lang: str = DEFAULT_LANG) -> str:
    """Render a stored upload status (see ``handle_upload``) in ``lang``."""
    return _join([error_message(key, details, lang) for key, details in status["parts"]], lang)


# --------------------------------------------------------------------------- parsing


def _fmt_number(v: float) -> str:
    return str(int(v)) if float(v).is_integer() and abs(v) < 1e15 else f"{v:g}"


def _decode(data: bytes) -> str:
    if not data.strip():
        raise UploadError("upload.error.empty")
    if len(data) > MAX_BYTES:
        raise UploadError(
            "upload.error.too_large", size_kb=int(np.ceil(len(data) / 1024)), max_kb=MAX_BYTES // 1024
        )
    if b"\x00" in data:
        raise UploadError("upload.error.binary")
    try:
        decoded = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise UploadError("upload.error.encoding", line=data[: exc.start].count(b"\n") + 1) from None
    if not decoded.strip():
        raise UploadError("upload.error.empty")
    return decoded


def _read_table(decoded: str) -> tuple[pd.DataFrame, int]:
    """All cells as stripped strings (blank rows dropped) and the line number of row 0."""
    body = decoded.lstrip("\r\n\t ")
    skipped = decoded[: len(decoded) - len(body)]
    offset = skipped.count("\n") or skipped.count("\r")
    first = body.splitlines()[0]
    sep = "," if "," in first else "\t" if "\t" in first else ";" if ";" in first else ","
    try:
        frame = pd.read_csv(
            io.StringIO(body),
            header=None,
            dtype=str,
            keep_default_na=False,
            skip_blank_lines=False,
            sep=sep,
            quoting=csv.QUOTE_MINIMAL,
        )
    except pd.errors.ParserError as exc:
        match = _BAD_LINE.search(str(exc))
        if match:
            expected, line, found = (int(g) for g in match.groups())
            raise UploadError(
                "upload.error.bad_line", line=line + offset, expected=expected, found=found
            ) from None
        raise UploadError("upload.error.not_csv") from None
    except (pd.errors.EmptyDataError, ValueError, UnicodeError, csv.Error):
        raise UploadError("upload.error.not_csv") from None
    frame = frame.fillna("").astype(str).apply(lambda col: col.str.strip())
    frame = frame[(frame != "").any(axis=1)]
    return frame, offset + 1


def _columns(header: list[str], frame: pd.DataFrame) -> dict[str, int]:
    """Map x1, x2, y to column positions, or raise the matching column error."""
    names = [h.strip().lower() for h in header]
    keep = [i for i, n in enumerate(names) if n or (frame.iloc[1:, i] != "").any()]
    names_kept = [names[i] for i in keep]
    if names_kept and all(_is_number(n) for n in names_kept):
        raise UploadError("upload.error.no_header", found=tuple(header[i] for i in keep))
    missing = tuple(c for c in COLUMNS if c not in names_kept)
    if missing:
        found = tuple(header[i] for i in keep)
        raise UploadError("upload.error.missing_columns", missing=missing, found=found)
    extra = tuple(header[i] for i, n in zip(keep, names_kept, strict=True) if n not in COLUMNS)
    if extra:
        raise UploadError("upload.error.extra_columns", extra=extra)
    for c in COLUMNS:
        if names_kept.count(c) > 1:
            raise UploadError("upload.error.duplicate_columns", column=c)
    return {c: keep[names_kept.index(c)] for c in COLUMNS}


def _is_number(cell: str) -> bool:
    try:
        float(cell)
    except ValueError:
        return False
    return True


def _convert(frame: pd.DataFrame, where: dict[str, int], lines: np.ndarray) -> dict[str, np.ndarray]:
    """Parse the x1, x2, y cells; raise for non-numeric, empty, NaN or infinite cells."""
    values = {c: np.empty(len(frame)) for c in COLUMNS}
    problems: dict[str, dict[str, list[int]]] = {p: {c: [] for c in COLUMNS} for p in ("text", "empty")}
    for c in COLUMNS:
        out = values[c]
        for i, cell in enumerate(frame.iloc[:, where[c]].tolist()):
            if cell.lower() in _MISSING_TOKENS:
                problems["empty"][c].append(i)
                out[i] = np.nan
                continue
            try:
                out[i] = float(cell)
            except ValueError:
                problems["text"][c].append(i)
                out[i] = np.nan

    def first(bad: dict[str, list[int]]) -> tuple[str, int, int] | None:
        hits = [(rows[0], COLUMNS.index(c), c) for c, rows in bad.items() if rows]
        if not hits:
            return None
        i, _, c = min(hits)
        n_rows = len(set().union(*(set(r) for r in bad.values())))
        return c, i, n_rows

    hit = first(problems["text"])
    if hit:
        c, i, n_rows = hit
        raise UploadError(
            "upload.error.not_numeric",
            column=c,
            line=int(lines[i]),
            value=_code(frame.iloc[i, where[c]]),
            rows=n_rows,
        )
    hit = first(problems["empty"])
    if hit:
        c, i, n_rows = hit
        raise UploadError("upload.error.empty_cells", column=c, line=int(lines[i]), rows=n_rows)
    for key, test in (("upload.error.nan", np.isnan), ("upload.error.inf", np.isinf)):
        hit = first({c: np.flatnonzero(test(values[c])).tolist() for c in COLUMNS})
        if hit:
            c, i, n_rows = hit
            raise UploadError(key, column=c, line=int(lines[i]), rows=n_rows)
    return values


def _check_labels(labels: np.ndarray) -> tuple[float, float]:
    classes, counts = np.unique(labels, return_counts=True)
    if classes.size > 2:
        shown = tuple(_fmt_number(v) for v in classes[:MAX_LABELS_SHOWN])
        if classes.size > MAX_LABELS_SHOWN:
            shown += (_ELLIPSIS,)
        raise UploadError("upload.error.labels_not_binary", count=int(classes.size), values=shown)
    if classes.size == 1:
        raise UploadError("upload.error.single_class", value=_fmt_number(classes[0]), rows=int(counts[0]))
    for value, count in zip(classes, counts, strict=True):
        if count < MIN_PER_CLASS:
            raise UploadError(
                "upload.error.class_too_small", value=_fmt_number(value), count=int(count), min=MIN_PER_CLASS
            )
    return float(classes[0]), float(classes[1])


def _parse(data: bytes) -> tuple[np.ndarray, np.ndarray, str, tuple[float, float]]:
    """X, Y, digest and the two original label values (mapped to 0 and 1)."""
    if not isinstance(data, (bytes, bytearray, memoryview)):
        raise TypeError(f"data must be bytes; got {type(data).__name__}")
    data = bytes(data)
    digest = hashlib.sha256(data).hexdigest()
    frame, first_line = _read_table(_decode(data))
    lines = first_line + frame.index.to_numpy()
    header = frame.iloc[0].tolist()
    where = _columns(header, frame)
    frame, lines = frame.iloc[1:], lines[1:]
    if len(frame) == 0:
        raise UploadError("upload.error.no_rows")
    if len(frame) > MAX_UPLOAD_ROWS:
        raise UploadError("upload.error.too_many_rows", rows=len(frame), max_rows=MAX_UPLOAD_ROWS)
    values = _convert(frame, where, lines)
    classes = _check_labels(values["y"])
    try:
        X, Y = validate_points(
            np.column_stack([values["x1"], values["x2"]]),
            values["y"],
            max_rows=MAX_UPLOAD_ROWS,
            min_per_class=MIN_PER_CLASS,
        )
    except ValueError as exc:  # not expected after the checks above; keep the core's reason
        raise UploadError("upload.error.invalid", reason=str(exc)) from None
    return X, Y, digest, classes


def parse_points_csv(data: bytes) -> tuple[np.ndarray, np.ndarray, str]:
    """Parse an uploaded CSV (columns x1, x2, y) into X (2, n), Y (1, n) and its sha256 digest.

    Header names are case-insensitive and whitespace-trimmed; the labels must take exactly two
    numeric values (0/1, 0.0/1.0, -1/1, ...): the smaller becomes 0.0, the larger 1.0.  Raises
    :class:`UploadError` (``key`` in ``upload.error.*``) for every kind of bad file.
    """
    X, Y, digest, _ = _parse(data)
    return X, Y, digest


# --------------------------------------------------------------------------- session logic


def _class_counts(Y: np.ndarray) -> tuple[int, int, int]:
    n1 = int(Y.sum())
    return Y.shape[1], Y.shape[1] - n1, n1


def handle_upload(
    data: bytes,
    name: str,
    state: MutableMapping[str, Any],
    lang: str | None = None,
    file_id: str | None = None,
) -> tuple[str, str]:
    """Apply one uploaded file to ``state``; return (level, message) with level "success"/"error".

    On success ``state["_own_data"] = (X, Y, digest)``; on failure the previous data (if any)
    is left untouched and the message says it is still in use.  The outcome is remembered in
    ``state["_upload_status"]`` (with ``file_id``) so that reruns need not parse again.
    ``lang`` defaults to ``state["lang"]``.
    """
    lang = lang or state.get("lang", DEFAULT_LANG)
    previous = state.get(OWN_KEY)
    try:
        X, Y, digest, (low, high) = _parse(data)
    except UploadError as err:
        parts = [("upload.failed", {"name": _code(name)}), (err.key, err.details)]
        if previous is not None:
            parts.append(("upload.kept_previous", {"rows": int(previous[0].shape[1])}))
        level = "error"
    else:
        state[OWN_KEY] = (X, Y, digest)
        state[NAME_KEY] = name
        rows, n0, n1 = _class_counts(Y)
        parts = [("upload.success", {"name": _code(name), "rows": rows, "n0": n0, "n1": n1})]
        if (low, high) != (0.0, 1.0):
            parts.append(("upload.success.mapped", {"low": _fmt_number(low), "high": _fmt_number(high)}))
        level = "success"
    status = {"file_id": file_id, "level": level, "parts": parts}
    state[STATUS_KEY] = status
    return level, status_message(status, lang)


def forget_data(state: MutableMapping[str, Any]) -> None:
    """Remove the uploaded data; the uploader gets a fresh key so the file is cleared too."""
    had = state.pop(OWN_KEY, None) is not None
    state.pop(NAME_KEY, None)
    state[NONCE_KEY] = int(state.get(NONCE_KEY, 0)) + 1
    notice = {"file_id": None, "level": "info", "parts": [("upload.forgotten", {})]}
    state[STATUS_KEY] = notice if had else None


@functools.lru_cache(maxsize=8)
def example_csv(m: int = EXAMPLE_ROWS, seed: int = 0) -> bytes:
    """A small two-moons CSV in the upload format (x1, x2, y), made once per process (it is offered
    on every rerun of the pages with an upload)."""
    data = make_dataset("moons", m=m, seed=seed, jitter=0.1)
    frame = pd.DataFrame({"x1": data.X[0], "x2": data.X[1], "y": data.Y[0].astype(int)})
    return frame.to_csv(index=False, float_format="%.4f", lineterminator="\n").encode("utf-8")


def history_csv(history: pd.DataFrame) -> bytes:
    """A training history (one row per recorded iteration) as UTF-8 CSV bytes."""
    if not isinstance(history, pd.DataFrame):
        raise TypeError(f"history must be a pandas DataFrame; got {type(history).__name__}")
    return history.to_csv(index=False, lineterminator="\n").encode("utf-8")


# --------------------------------------------------------------------------- Streamlit


def _lang() -> str:
    from ui.i18n import current_lang

    return current_lang()


def _own_option(lang: str) -> str:
    try:
        return text("opt.own", lang)
    except KeyError:
        return "own"


def upload_widget(container: Any = None) -> None:
    """File uploader for the session's own data (in ``container``, default the main area)."""
    import streamlit as st

    where = container if container is not None else st
    state = st.session_state
    lang = _lang()
    where.markdown(text("upload.intro", lang, max_rows=f"{MAX_UPLOAD_ROWS:,}", max_kb=MAX_BYTES // 1024))
    where.download_button(
        text("upload.example", lang),
        data=example_csv(),
        file_name="example_moons.csv",
        mime="text/csv",
        help=text("upload.example.help", lang),
        on_click="ignore",
        key="_upload_example",
    )
    uploaded = where.file_uploader(
        text("upload.label", lang),
        type=["csv"],
        key=f"_upload_file_{state.get(NONCE_KEY, 0)}",
        help=text("upload.help", lang),
        max_upload_size=1,
    )
    status = state.get(STATUS_KEY)
    if uploaded is not None:
        file_id = getattr(uploaded, "file_id", None) or hashlib.sha256(uploaded.getvalue()).hexdigest()
        if status is None or status.get("file_id") != file_id:
            handle_upload(uploaded.getvalue(), uploaded.name, state, lang=lang, file_id=file_id)
            status = state.get(STATUS_KEY)
    elif status is not None and status.get("file_id") is not None:
        status = None  # the file was removed from the uploader: its message is stale
    if status is not None:
        getattr(where, status["level"])(status_message(status, lang))
        if status.get("file_id") is None:
            state[STATUS_KEY] = None  # one-shot notice ("data removed")
    own = state.get(OWN_KEY)
    if own is not None:
        rows, n0, n1 = _class_counts(own[1])
        where.caption(text("upload.in_use", lang, rows=rows, n0=n0, n1=n1, option=_own_option(lang)))
        where.button(
            text("upload.forget", lang),
            help=text("upload.forget.help", lang),
            on_click=forget_data,
            args=(state,),
            key="_upload_forget",
        )


def download_history_button(history: pd.DataFrame, file_name: str, container: Any = None) -> None:
    """A button that downloads ``history`` as CSV named ``file_name``."""
    import streamlit as st

    where = container if container is not None else st
    lang = _lang()
    where.download_button(
        text("upload.download_history", lang),
        data=history_csv(history),
        file_name=file_name,
        mime="text/csv",
        help=text("upload.download_history.help", lang),
        on_click="ignore",
        key=f"_download_history_{file_name}",
    )
