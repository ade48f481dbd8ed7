"""A fresh copy of the seed store per test: edits write."""

from __future__ import annotations

import pytest

from graph.store import EmbeddedStore
from tests.support.stores import copy_of


@pytest.fixture
def store(seed_store) -> EmbeddedStore:
    """The bundled data in a new in-memory store of its own."""
    return copy_of(seed_store)
