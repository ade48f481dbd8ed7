"""One store test module, run against all three store kinds: memory, oxigraph on disk, remote oxigraph serve."""

import pyoxigraph as ox
import pytest
from rdflib import Graph
from rdflib.compare import isomorphic

from graph.errors import QueryError, RdfSyntaxError, ShapeViolation, StoreError
from graph.load.loader import ensure_seeded, load_files, seed_files
from graph.rdf.formats import FORMATS, parse_bytes, serialize
from graph.rdf.terms import to_rdflib
from graph.store import open_store

pytestmark = pytest.mark.server

STRATEGY_LABELS = """
PREFIX fp: <https://w3id.org/fardplan/ns#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
SELECT ?notation ?label WHERE {
  ?s a fp:Strategy ; skos:notation ?notation ; skos:prefLabel ?label FILTER (LANG(?label) = "sv")
} ORDER BY ?notation
"""

MALFORMED = """@prefix ex: <https://example.org/> .
ex:a ex:b ex:c .
ex:d ex:e "unterminated .
"""

VIOLATING = """@prefix fp: <https://w3id.org/fardplan/ns#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
<https://example.org/orphan> a fp:Project ; skos:prefLabel "Föräldralöst projekt"@sv .
"""


def as_rdflib(quads) -> Graph:
    graph = Graph()
    for q in quads:
        graph.add((to_rdflib(q.subject), to_rdflib(q.predicate), to_rdflib(q.object)))
    return graph


def test_seeding_fills_an_empty_store_once(any_store):
    report = ensure_seeded(any_store)
    assert report is not None and report.quads == any_store.count() > 2000
    assert ensure_seeded(any_store) is None
    rows = any_store.query(STRATEGY_LABELS).rows
    assert len(rows) == 23
    assert ("DT.VI", "Främja trygghet i det offentliga rummet genom brottspreventiva åtgärder") in [
        (n.value, label.value) for n, label in rows
    ]


def test_bindings_are_bound_as_terms(any_store):
    ensure_seeded(any_store)
    answer = any_store.query(
        "SELECT ?label WHERE { ?s <http://www.w3.org/2004/02/skos/core#notation> ?n ; "
        "<http://www.w3.org/2004/02/skos/core#prefLabel> ?label FILTER(LANG(?label) = 'en') }",
        bindings={"n": ox.Literal("DT.V")},
    )
    assert [r[0].value for r in answer.rows] == ["Target early social interventions at young people at risk of crime"]
    injected = any_store.query(
        "SELECT ?s WHERE { ?s <http://www.w3.org/2004/02/skos/core#notation> ?n }",
        bindings={"n": ox.Literal('DT.V" } UNION { ?s ?p ?o')},
    )
    assert injected.rows == []


def test_malformed_file_names_line_and_column_and_changes_nothing(any_store, tmp_path):
    ensure_seeded(any_store)
    before = any_store.count()
    bad = tmp_path / "bad.ttl"
    bad.write_text(MALFORMED, encoding="utf-8")
    good = tmp_path / "good.ttl"
    good.write_text("<https://example.org/x> <https://example.org/y> <https://example.org/z> .\n", encoding="utf-8")
    with pytest.raises(RdfSyntaxError) as info:
        load_files(any_store, [good, bad])
    assert info.value.location.file == str(bad)
    assert info.value.location.line == 3
    assert f"{bad}:3:" in str(info.value)
    assert any_store.count() == before


def test_shape_violation_names_the_focus_node_and_changes_nothing(any_store, tmp_path):
    ensure_seeded(any_store)
    before = any_store.count()
    bad = tmp_path / "orphan.ttl"
    bad.write_text(VIOLATING, encoding="utf-8")
    with pytest.raises(ShapeViolation) as info:
        load_files(any_store, [bad])
    focus = {v.focus for v in info.value.violations}
    assert "https://example.org/orphan" in focus
    assert "at least one strategy" in str(info.value)
    assert any_store.count() == before


def test_a_valid_file_that_refers_to_stored_nodes_loads(any_store, tmp_path):
    ensure_seeded(any_store)
    before = any_store.count()
    extra = tmp_path / "extra.ttl"
    extra.write_text(
        """@prefix fp: <https://w3id.org/fardplan/ns#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix id: <https://w3id.org/fardplan/id/> .
<https://example.org/p> a fp:Project ; skos:prefLabel "Nytt projekt"@sv ; fp:contributesTo id:strategy\\/DT.V .
<https://example.org/a> a fp:Assertion, rdf:Statement ; rdf:subject <https://example.org/p> ;
  rdf:predicate fp:contributesTo ; rdf:object id:strategy\\/DT.V ; fp:mode fp:Stated ;
  prov:wasDerivedFrom <https://w3id.org/fardplan/id/passage/yttrande-000/8193-8293> .
""",
        encoding="utf-8",
    )
    report = load_files(any_store, [extra])
    assert report.quads == 10
    assert any_store.count() == before + 10


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_export_then_reload_is_isomorphic(any_store, fmt):
    ensure_seeded(any_store)
    original = any_store.quads()
    data = serialize(original, FORMATS[fmt])
    reloaded = parse_bytes(data, FORMATS[fmt], f"export.{fmt}")
    assert len(reloaded) == len(original)
    assert isomorphic(as_rdflib(reloaded), as_rdflib(original))


def test_query_syntax_error_has_line_and_column(any_store):
    with pytest.raises(QueryError) as info:
        any_store.query("SELECT * WHERE {\n  ?s ?p \n}")
    assert info.value.line == 3


def test_unknown_store_url_is_an_error():
    with pytest.raises(StoreError, match="unknown store URL"):
        open_store("ftp://example.org/x")


def test_unreachable_remote_store_is_a_clear_error():
    from tests.support.servers import free_port

    store = open_store(f"http://127.0.0.1:{free_port()}/query")
    with pytest.raises(StoreError, match="does not answer"):
        store.count()


def test_rdfxml_with_a_dtd_is_refused_before_parsing():
    laughs = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;">]>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"/>"""
    with pytest.raises(RdfSyntaxError, match="DTD") as info:
        parse_bytes(laughs, FORMATS["xml"], "lolz.rdf")
    assert info.value.location.line == 2


def test_seed_files_are_the_ontology_and_the_curated_graph():
    from graph.settings import PROJECT_DIR

    assert [str(p.relative_to(PROJECT_DIR)) for p in seed_files()] == ["ontology/fardplan.ttl", "data/fardplan.ttl"]
