"""Stores for tests that write: a copy of the bundled data of their own, and what a store's data is now."""

from __future__ import annotations

import pyoxigraph as ox

from graph.store import EmbeddedStore, Store

__all__ = ["copy_of", "data"]


def copy_of(store: Store) -> EmbeddedStore:
    """A new in-memory store holding every quad of ``store`` (the session's seed store stays read-only)."""
    fresh = EmbeddedStore()
    fresh.insert(store.quads())
    return fresh


def data(store: Store) -> set[ox.Quad]:
    """The default graph (the data as it is now; the seed has no blank nodes, so equal sets are isomorphic)."""
    return {q for q in store.quads() if isinstance(q.graph_name, ox.DefaultGraph)}
