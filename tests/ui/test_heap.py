"""ui.heap: long-lived objects leave the collector's full collections, for the first runs only."""

import gc
import weakref

import pytest

from ui import heap


@pytest.fixture
def fresh(monkeypatch):
    monkeypatch.setattr(heap, "_freezes", 0)
    yield
    gc.unfreeze()


def _walked(obj) -> bool:
    """Whether a collection of any generation walks ``obj``."""
    return any(o is obj for o in gc.get_objects())


def test_what_is_alive_leaves_the_collections(fresh):
    kept = [[1.0], {"a": [1]}]  # long-lived containers, as a server's modules and caches hold
    assert all(_walked(o) for o in kept)
    assert heap.freeze_long_lived()
    assert gc.get_freeze_count() > 0
    assert not any(_walked(o) for o in kept)
    later = [2.0]  # what comes after the freeze is collected as usual
    assert _walked(later)


def test_garbage_is_collected_not_frozen(fresh):
    class Node:
        pass

    a, b = Node(), Node()
    a.other, b.other = b, a  # a cycle: only the collector frees it
    gone = weakref.ref(a)
    del a, b
    heap.freeze_long_lived()
    assert gone() is None


def test_only_the_first_runs_freeze(fresh):
    assert all(heap.freeze_long_lived() for _ in range(heap.MAX_FREEZES))
    assert not heap.freeze_long_lived()
