"""The ontology parses, has a proper header, and every term is labelled and commented in sv and en."""

import re

import pytest
from rdflib import OWL, RDF, RDFS, Graph, URIRef
from rdflib.namespace import DCTERMS

from graph.load.validate import errors_only, validate_graph
from graph.settings import ONTOLOGY_DIR
from graph.vocab.namespaces import FP_IRI

EXAMPLES = ONTOLOGY_DIR / "examples"


@pytest.fixture(scope="module")
def ontology() -> Graph:
    return Graph().parse(ONTOLOGY_DIR / "fardplan.ttl")


def test_header(ontology):
    onto = URIRef("https://w3id.org/fardplan/ns")
    assert (onto, RDF.type, OWL.Ontology) in ontology
    for prop in (OWL.versionIRI, OWL.versionInfo, DCTERMS.title, DCTERMS.license, DCTERMS.created):
        assert ontology.value(onto, prop) is not None, prop


def test_every_term_has_sv_and_en_label_and_comment(ontology):
    terms = {s for s in ontology.subjects() if str(s).startswith(FP_IRI)}
    assert len(terms) > 40
    for term in terms:
        for prop in (RDFS.label, RDFS.comment):
            langs = {o.language for o in ontology.objects(term, prop)}
            assert {"sv", "en"} <= langs, f"{term} lacks {prop} in sv and en"


def test_shapes_parse_and_reuse_standard_vocabularies():
    shapes = Graph().parse(ONTOLOGY_DIR / "shapes.ttl").parse(ONTOLOGY_DIR / "shapes-recommended.ttl")
    text = (ONTOLOGY_DIR / "fardplan.ttl").read_text(encoding="utf-8")
    for vocab in ("skos:Concept", "org:Organization", "prov:Entity", "rdf:Statement"):
        assert vocab in text
    assert len(shapes) > 100


def test_valid_example_conforms():
    results = validate_graph(Graph().parse(EXAMPLES / "valid-minimal.ttl"))
    assert results == []


@pytest.mark.parametrize("path", sorted(EXAMPLES.glob("invalid-*.ttl")), ids=lambda p: p.stem)
def test_each_invalid_example_is_rejected_for_its_reason(path):
    text = path.read_text(encoding="utf-8")
    focus = re.search(r"expect-focus: (\S+)", text).group(1)
    message = re.search(r"expect-message: (.*)", text).group(1).strip()
    errors = errors_only(validate_graph(Graph().parse(path)))
    assert any(e.focus == focus and message in e.message for e in errors), [str(e) for e in errors]


def test_there_is_an_invalid_example_for_every_must_shape():
    names = {p.stem for p in EXAMPLES.glob("invalid-*.ttl")}
    for shape_topic in ("goal-area", "strategy", "project", "organization", "document", "passage", "assertion",
                        "interpretation", "relation-without-provenance"):
        assert any(shape_topic in n for n in names), shape_topic
