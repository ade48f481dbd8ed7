"""One owner of every value the services keep per store, and of its lifetime.

The explorer's node index (with its search tables), the planner's networkx views and their answers, and any other
per-store value (``ctx.cached(name, build)`` in the UI) live in the store's :class:`StoreCaches`: built on first
use, shared by every caller, and all dropped together, either by :func:`invalidate` or by themselves when an
embedded store has been written to since they were built (its ``generation`` changed), so no page answers from
older data than the store holds. Content-keyed caches that cannot go stale (the layout positions of
:mod:`graph.analysis.layout`, keyed by the boxes and edges they place) stay with their functions.
"""

from __future__ import annotations

import threading
import weakref
from collections.abc import Callable
from typing import Any, TypeVar

from graph.store import Store

__all__ = ["StoreCaches", "caches_of", "invalidate"]

T = TypeVar("T")


class StoreCaches:
    """The cached values of one store, by name."""

    def __init__(self, store: Store) -> None:
        self._store = weakref.ref(store)
        self._values: dict[str, Any] = {}
        self._generation = getattr(store, "generation", 0)
        self._lock = threading.RLock()  # a build may ask for another cached value

    def get(self, name: str, build: Callable[[Store], T]) -> T:
        """``build(store)`` once per store state, then the same value."""
        store = self._store()
        if store is None:
            raise ReferenceError("the store of these caches is gone")
        with self._lock:
            generation = getattr(store, "generation", 0)
            if generation != self._generation:
                self._values.clear()
                self._generation = generation
            if name not in self._values:
                self._values[name] = build(store)
            return self._values[name]

    def __contains__(self, name: str) -> bool:
        """Whether ``name`` is built (for the current store state)."""
        store = self._store()
        with self._lock:
            return name in self._values and getattr(store, "generation", 0) == self._generation

    def clear(self) -> None:
        """Drop every value (they are built again on next use)."""
        with self._lock:
            self._values.clear()


_ALL: weakref.WeakKeyDictionary[Store, StoreCaches] = weakref.WeakKeyDictionary()
_ALL_LOCK = threading.Lock()


def caches_of(store: Store) -> StoreCaches:
    """The caches of ``store`` (made on first use, gone with the store)."""
    with _ALL_LOCK:
        found = _ALL.get(store)
        if found is None:
            found = _ALL[store] = StoreCaches(store)
        return found


def invalidate(store: Store | None = None) -> None:
    """Drop the cached values of ``store`` (of every store if None), e.g. after a load into a remote store."""
    with _ALL_LOCK:
        targets = list(_ALL.values()) if store is None else [_ALL[store]] if store in _ALL else []
    for caches in targets:
        caches.clear()
