"""The one table of node kinds (graph.vocab.kinds) and the fallback labels (graph.vocab.labels): every user of a
kind (explorer index, analysis graph, curation, CLI, UI) agrees with it, on the bundled data too."""

from __future__ import annotations

import re

import pytest
from rdflib import RDFS, Graph, URIRef

from graph.analysis.convert import BORROWED_RELATIONS
from graph.index.nodes import build_index
from graph.index.resolve import TYPE_NAMES as RESOLVE_TYPE_NAMES
from graph.queries import get
from graph.service import planner
from graph.service.details import term_label
from graph.settings import ONTOLOGY_DIR
from graph.vocab.kinds import (
    BY_NAME,
    CURATION_TYPES,
    KIND_TABLE,
    KINDS,
    OTHER,
    TYPE_NAMES,
    analysis_classes,
    classify,
    kind_named,
    kind_of_type,
)
from graph.vocab.labels import FALLBACK_LABELS
from graph.vocab.namespaces import FP_IRI, ID_IRI, PREFIXES, expand

ORG = PREFIXES["org"]


def test_each_kind_once_in_display_order():
    assert KINDS == ("goal", "strategy", "project", "organisation", "document", "stance", "proposal",
                     "consultation", "outcome")
    classes = [c for k in KIND_TABLE for c in k.classes]
    assert len(classes) == len(set(classes)), "a class makes a node of one kind only"
    assert all(k.sv[0] and k.sv[1] and k.en[0] and k.en[1] for k in KIND_TABLE)


def test_the_analysis_names_of_the_kinds():
    assert {k.name: k.type for k in KIND_TABLE} == {
        "goal": "goal_area", "strategy": "strategy", "project": "project", "organisation": "actor",
        "document": OTHER, "stance": OTHER, "proposal": "proposal", "consultation": OTHER, "outcome": OTHER}
    assert [kind_of_type(t) for t in ("goal_area", "strategy", "project", "actor", "proposal")] == [
        "goal", "strategy", "project", "organisation", "proposal"]
    assert kind_of_type(OTHER) == kind_of_type("") == "document"
    assert TYPE_NAMES == RESOLVE_TYPE_NAMES == {"goal_area": "goal area", "strategy": "strategy",
                                                "project": "project", "actor": "actor", "proposal": "proposal",
                                                "other": "resource"}
    assert planner.ACTOR_TYPES == (kind_named("organisation").type,) == ("actor",)


def test_classify_takes_the_first_kind_in_the_table():
    assert classify({ORG + "Organization", FP_IRI + "Committee"}) is BY_NAME["organisation"]
    assert classify([ORG + "OrganizationalUnit"]).name == "organisation"
    assert classify({FP_IRI + "Reply", FP_IRI + "Document"}).name == "document"
    assert classify({FP_IRI + "DecisionProposal"}).name == "proposal"
    assert classify({FP_IRI + "Strategy", PREFIXES["skos"] + "Concept"}).type == "strategy"
    assert classify({ORG + "Organization", FP_IRI + "Proposal"}).name == "organisation"  # the table's order
    assert classify({FP_IRI + "Passage"}) is None and classify(()) is None
    with pytest.raises(KeyError):
        kind_named("actor")  # the analysis's name, not the explorer's


def test_the_analysis_query_selects_the_classes_of_the_kinds_it_keeps():
    text = get("analysis_nodes").text
    values = re.search(r"VALUES \?class \{([^}]*)\}", text).group(1).split()
    assert sorted(expand(v) for v in values) == sorted(analysis_classes())


def test_curation_types_are_ontology_classes_of_their_kind():
    ontology = Graph().parse(ONTOLOGY_DIR / "fardplan.ttl")
    broader = {str(s).removeprefix(FP_IRI): {str(o) for o in ontology.objects(s, RDFS.subClassOf)}
               for s in ontology.subjects(RDFS.subClassOf, None)}
    for name, extra in CURATION_TYPES.items():
        assert (URIRef(FP_IRI + name), None, None) in ontology, name
        # what the curation adds is what the ontology says the class is a subclass of (org:OrganizationalUnit
        # being an org:Organization in the org ontology)
        assert set(extra) <= broader.get(name, set()) | {ORG + "Organization"}, name
    kinds = {name: (k.name if (k := classify((FP_IRI + name, *extra))) else None)
             for name, extra in CURATION_TYPES.items()}
    assert kinds["Committee"] == kinds["AdministrativeUnit"] == "organisation"
    assert kinds["Reply"] == kinds["Document"] == "document" and kinds["DecisionProposal"] == "proposal"
    assert kinds["Challenge"] is None  # curated, but no kind the explorer shows


def test_explorer_index_and_analysis_graph_agree_on_the_seed(seed_store):
    index = build_index(seed_store)
    G = planner.views(seed_store).relations
    kept = {k.name for k in KIND_TABLE if k.type != OTHER}
    in_index = {iri: BY_NAME[n.kind].type for iri, n in index.nodes.items() if n.kind in kept}
    in_graph = {iri: t for iri, t in G.nodes(data="type") if t != OTHER}
    assert in_index == in_graph
    assert in_graph[ID_IRI + "org/polisen"] == "actor" and index.nodes[ID_IRI + "org/polisen"].kind == "organisation"


def test_one_table_of_fallback_labels_for_details_and_analysis(seed_store):
    index = build_index(seed_store)
    relations = planner.views(seed_store).relations.graph["relations"]
    for iri in BORROWED_RELATIONS:
        name = iri.rsplit("#", 1)[-1]
        for lang in ("sv", "en"):
            assert relations[name][f"label_{lang}"] == term_label(index, iri, lang) == FALLBACK_LABELS[iri][lang]
    assert term_label(index, ORG + "subOrganizationOf") == "är en del av"
    assert term_label(index, FP_IRI + "participatesIn") == "deltar i"  # the ontology's own label comes first
    assert term_label(index, "https://example.org/unlabelled#thing") == "https://example.org/unlabelled#thing"
