"""A fresh copy of the seed store per test: edits write."""

from __future__ import annotations

import pyoxigraph as ox
import pytest

from graph.store import EmbeddedStore


@pytest.fixture
def store(seed_store) -> EmbeddedStore:
    """The bundled data in a new in-memory store of its own."""
    fresh = EmbeddedStore()
    fresh.insert(seed_store.quads())
    return fresh


def data(store) -> set[ox.Quad]:
    """The default graph (the data as it is now; the seed has no blank nodes, so equal sets are isomorphic)."""
    return {q for q in store.quads() if isinstance(q.graph_name, ox.DefaultGraph)}
