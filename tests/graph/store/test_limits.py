"""The bounded runner: a real time limit (the query process is killed), a row cap, errors with positions."""

import contextlib
import time

import pyoxigraph as ox
import pytest

from graph.errors import QueryError, QueryRefused, QueryTimeout
from graph.store import EmbeddedStore
from graph.store import limits as bounded
from graph.store.evaluate import evaluate
from graph.store.pool import pool_for
from tests.support.servers import connection_counter

EX = "http://example.org/"


def synthetic_store(triples: int = 100_000) -> EmbeddedStore:
    """An in-memory store of ``triples`` triples: 1000 subjects × 10 predicates × 10 objects."""
    store = EmbeddedStore()
    store.insert([ox.Quad(ox.NamedNode(f"{EX}s{i % 1000}"), ox.NamedNode(f"{EX}p{(i // 1000) % 10}"),
                          ox.NamedNode(f"{EX}o{i // 10_000}_{i}")) for i in range(triples)])
    return store


@pytest.fixture(scope="module")
def big_store() -> EmbeddedStore:
    return synthetic_store()


def test_select_answers_and_counts(seed_store):
    result = bounded.run(seed_store, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", timeout_s=5, max_rows=10)
    assert not result.truncated
    assert int(result.answer.rows[0][0].value) == seed_store.count()


def test_row_cap_truncates_and_says_so(big_store):
    result = bounded.run(big_store, "SELECT ?s WHERE { ?s ?p ?o }", timeout_s=10, max_rows=7)
    assert result.truncated and len(result.answer.rows) == 7
    graph = bounded.run(big_store, "CONSTRUCT WHERE { ?s ?p ?o }", timeout_s=10, max_rows=5)
    assert graph.truncated and len(graph.answer) == 5
    exact = bounded.run(big_store, "SELECT ?o WHERE { <http://example.org/s1> <http://example.org/p0> ?o }",
                        timeout_s=10, max_rows=100)
    assert not exact.truncated and len(exact.answer.rows) == 10


def test_cartesian_product_is_stopped_and_the_next_query_is_prompt(big_store):
    heavy = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
    started = time.monotonic()
    with pytest.raises(QueryTimeout):
        bounded.run(big_store, heavy, timeout_s=1.0, max_rows=10)
    assert time.monotonic() - started < 3
    started = time.monotonic()
    assert bounded.run(big_store, "ASK { ?s ?p ?o }", timeout_s=5, max_rows=10).answer is True
    assert time.monotonic() - started < 1


def test_bindings_and_dataset(seed_store):
    polisen = ox.NamedNode("https://w3id.org/fardplan/id/org/polisen")
    query = "SELECT ?label WHERE { ?a <http://www.w3.org/2004/02/skos/core#prefLabel> ?label }"
    rows = bounded.run(seed_store, query, timeout_s=5, max_rows=10, bindings={"a": polisen}).answer.rows
    assert {r[0].value for r in rows} == {"Polisen", "The Police"}
    empty = bounded.run(seed_store, "SELECT * WHERE { ?s ?p ?o }", timeout_s=5, max_rows=10,
                        default_graphs=["urn:no-such-graph"])
    assert empty.answer.rows == []


def test_syntax_error_has_line_and_column(seed_store):
    with pytest.raises(QueryError) as info:
        bounded.run(seed_store, "SELECT * WHERE {\n ?s ?p }", timeout_s=5, max_rows=10)
    assert info.value.line == 2 and info.value.column is not None


def test_policy_runs_first(seed_store):
    before = seed_store.count()
    with pytest.raises(QueryRefused):
        bounded.run(seed_store, "INSERT DATA { <urn:a> <urn:b> <urn:c> }", timeout_s=5, max_rows=10)
    assert seed_store.count() == before


def test_query_process_has_no_network_even_past_the_policy():
    """Defence in depth: a SERVICE that reached the engine could still open no connection."""
    with connection_counter() as (port, counts):
        query = f"SELECT * WHERE {{ SERVICE SILENT <http://127.0.0.1:{port}/sparql> {{ ?s ?p ?o }} }}"
        store = EmbeddedStore()
        with contextlib.suppress(QueryError):  # the policy is skipped on purpose: straight to a query process
            pool_for(store).call(5.0, evaluate, query, None, 10, None, None)
        store.close()
        time.sleep(0.3)
    assert counts == []


def test_repeated_queries_all_answer(seed_store):
    """Twenty queries in a row all answer (the pooled runner's time per query is printed with -s)."""
    query = "SELECT ?s WHERE { ?s a <https://w3id.org/fardplan/ns#Strategy> }"
    times = []
    for _ in range(20):
        started = time.perf_counter()
        assert len(bounded.run(seed_store, query, timeout_s=5, max_rows=100).answer.rows) == 23
        times.append(time.perf_counter() - started)
    times.sort()
    print(f"pooled query median {times[len(times) // 2] * 1000:.1f} ms")


def test_on_disk_store_right_after_a_write(tmp_path):
    """RocksDB background threads may hold a lock at the fork: the runner replaces such a child."""
    store = EmbeddedStore(tmp_path / "db")
    try:
        for batch in range(5):
            store.insert([ox.Quad(ox.NamedNode(f"{EX}s{batch}_{i}"), ox.NamedNode(f"{EX}p"), ox.Literal(str(i)))
                          for i in range(2000)])
            answer = bounded.run(store, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", timeout_s=10, max_rows=1)
            assert int(answer.answer.rows[0][0].value) == 2000 * (batch + 1)
    finally:
        store.close()
