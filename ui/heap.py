"""The server's garbage collector: long-lived objects out of its full collections.

A full (generation 2) collection walks every container object the process holds. After the first
runs, most of them live as long as the server does: the modules of Streamlit, Plotly, pandas and
NumPy, Plotly's validators (created on a trace type's first use), the app's own modules. Walking
them took ~80 ms here, and the collector does it every few slider moves, in whichever session's
rerun happens to allocate the object that triggers it (every session waits: the GIL).

``freeze_long_lived`` moves what is alive after a full run into the permanent generation
(``gc.freeze``), so later full collections walk only what came after. It collects first, so no
garbage is frozen, and it stops after the first ``MAX_FREEZES`` runs of the process: by then every
page has been opened, and what a later session allocates stays collectable.
"""

from __future__ import annotations

import gc
import threading

MAX_FREEZES = 32  # full runs of the process after which the frozen set is left as it is

_lock = threading.Lock()
_freezes = 0


def freeze_long_lived() -> bool:
    """After a full run: collect, then freeze what is left (the first MAX_FREEZES calls only).

    Returns whether it froze. The first call costs one full collection (~80 ms); later ones walk
    only what is not frozen yet.
    """
    global _freezes
    with _lock:
        if _freezes >= MAX_FREEZES:
            return False
        _freezes += 1
        gc.collect()
        gc.freeze()
        return True
