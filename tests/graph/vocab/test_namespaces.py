"""The FP namespace class and ontology/fardplan.ttl name the same terms."""

from rdflib import Graph

from graph.settings import ONTOLOGY_DIR
from graph.vocab.namespaces import FP, FP_IRI, curie, expand


def ontology_terms() -> set[str]:
    graph = Graph().parse(ONTOLOGY_DIR / "fardplan.ttl")
    return {str(s)[len(FP_IRI):] for s in graph.subjects() if str(s).startswith(FP_IRI)}


def test_namespace_class_matches_ontology_both_ways():
    in_code = {name for name in FP.__annotations__ if not name.startswith("_")}
    assert in_code == ontology_terms()


def test_curie_round_trip():
    iri = "https://w3id.org/fardplan/id/org/polisen"
    assert curie(iri) == "fpid:org/polisen"
    assert expand("fpid:org/polisen") == iri
    assert expand("http://example.org/x") == "http://example.org/x"
