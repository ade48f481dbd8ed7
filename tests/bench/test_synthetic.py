"""The synthetic city of ``bench.synthetic``: reproducible, sized as asked, SHACL-valid, skewed, provenance exact."""

from __future__ import annotations

import statistics
from collections import Counter

import pyoxigraph as ox
import pytest
from rdflib import Graph

from bench.synthetic import HUB_IRI, SYN_IRI, build, generate, write
from graph.load.validate import errors_only, validate_graph
from graph.rdf.terms import to_rdflib
from graph.vocab.namespaces import FP_IRI, ID_IRI

ACTOR_PREDICATES = ("runs", "participatesIn", "commissions", "worksOn")


@pytest.fixture(scope="module")
def city10k():
    return build(10_000, seed=0)


def test_same_seed_same_output() -> None:
    assert generate(10_000, seed=3) == generate(10_000, seed=3)
    assert generate(10_000, seed=3) != generate(10_000, seed=4)


@pytest.mark.parametrize("target", [10_000, 50_000])
def test_size_close_to_target(target: int) -> None:
    quads = generate(target)
    assert abs(len(quads) - target) <= 0.15 * target
    assert len(set(quads)) == len(quads), "no duplicate triples"


def test_10k_graph_passes_the_shapes(city10k) -> None:
    graph = Graph()
    for q in city10k.quads:
        graph.add((to_rdflib(q.subject), to_rdflib(q.predicate), to_rdflib(q.object)))
    assert errors_only(validate_graph(graph)) == []


def test_passages_are_exact_spans_of_the_raw_text(city10k) -> None:
    store = ox.Store()
    store.extend(city10k.quads)
    rows = list(store.query(f"""PREFIX fp: <{FP_IRI}>
        SELECT ?t ?s ?e ?f ?n WHERE {{ ?p fp:exactText ?t ; fp:startOffset ?s ; fp:endOffset ?e ; fp:inDocument ?d .
                                      ?d fp:sourceFile ?f ; fp:characterCount ?n }}"""))
    assert len(rows) > 500
    for r in rows:
        raw = city10k.sources[r["f"].value]
        assert len(raw) == int(r["n"].value)
        assert raw[int(r["s"].value):int(r["e"].value)] == r["t"].value


def test_hubs_and_real_scheme(city10k) -> None:
    degree: Counter[str] = Counter()
    for q in city10k.quads:
        if q.predicate.value.removeprefix(FP_IRI) in ACTOR_PREDICATES:
            degree[q.subject.value] += 1
    top, top_degree = degree.most_common(1)[0]
    assert top_degree >= 8 * statistics.median(degree.values())
    assert degree[HUB_IRI] >= 0.5 * top_degree
    assert HUB_IRI in city10k.hubs
    assert len(city10k.strategies) == 23
    assert ID_IRI + "strategy/DT.VI" in city10k.strategies
    subjects = {q.subject.value for q in city10k.quads}
    generated = {s for s in subjects if s.startswith(ID_IRI)}
    reused = {s for s in generated if not s.startswith(SYN_IRI)}
    assert all("/goal/" in s or "/strategy/" in s or "/scheme/" in s for s in reused)


def test_write_round_trips(tmp_path) -> None:
    quads = generate(3_000)
    for name, fmt in (("city.ttl", ox.RdfFormat.TURTLE), ("city.nt", ox.RdfFormat.N_TRIPLES)):
        path = write(quads, tmp_path / name)
        assert len(list(ox.parse(path=str(path), format=fmt))) == len(quads)
