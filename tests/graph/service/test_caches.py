"""One owner of the per-store caches (graph.service.caches): built once, shared, dropped together on a write."""

from __future__ import annotations

import pyoxigraph as ox

from graph.service import planner
from graph.service.caches import caches_of, invalidate
from graph.store import EmbeddedStore

EX = "https://example.org/c/"


def test_a_value_is_built_once_per_store_state():
    store = EmbeddedStore()
    built = []
    first = caches_of(store).get("count", lambda s: built.append(1) or s.count())
    assert caches_of(store).get("count", lambda s: built.append(1) or s.count()) == first == 0 and built == [1]
    store.insert([ox.Quad(ox.NamedNode(EX + "a"), ox.NamedNode(EX + "p"), ox.Literal("x"))])
    assert caches_of(store).get("count", lambda s: built.append(1) or s.count()) == 1 and built == [1, 1]


def test_invalidate_drops_every_value_of_the_store_and_only_of_it():
    a, b = EmbeddedStore(), EmbeddedStore()
    caches_of(a).get("x", lambda s: object())
    kept = caches_of(b).get("x", lambda s: object())
    before = caches_of(a).get("x", lambda s: object())
    invalidate(a)
    assert caches_of(a).get("x", lambda s: object()) is not before
    assert caches_of(b).get("x", lambda s: object()) is kept


def test_the_planner_views_live_with_the_store_and_follow_its_writes(seed_store):
    views = planner.views(seed_store)
    assert planner.views(seed_store) is views
    planner.invalidate(seed_store)
    assert planner.views(seed_store) is not views
