"""The explorer index and search (graph.explore), on the bundled data."""

from __future__ import annotations

import pytest

from graph.explore import KINDS, build_index, label_of, search
from graph.namespaces import ID_IRI

POLISEN = ID_IRI + "org/polisen"


@pytest.fixture(scope="module")
def index(seed_store):
    return build_index(seed_store)


def test_index_holds_entities_not_provenance(index):
    kinds = {n.kind for n in index.nodes.values()}
    assert {"goal", "strategy", "project", "organisation", "document"} <= kinds <= set(KINDS)
    assert not any("/passage/" in iri or "/assertion/" in iri for iri in index.nodes)
    assert len(index.goal_areas()) == 4
    assert [g.notation for g in index.goal_areas()] == ["AF", "BS", "DT", "UU"]


def test_edges_join_known_nodes_and_carry_the_mode(index):
    assert index.edges
    for e in index.edges:
        assert e.source in index.nodes and e.target in index.nodes
    modes = {e.mode for e in index.edges}
    assert {"stated", "interpreted"} <= modes


def test_labels_in_both_languages_and_goal_areas(index):
    polisen = index.nodes[POLISEN]
    assert label_of(polisen, "sv") == "Polisen" and label_of(polisen, "en") == "The Police"
    assert ID_IRI + "goal/DT" in polisen.goals
    strategy = index.nodes[ID_IRI + "strategy/DT.VI"]
    assert strategy.goals == [ID_IRI + "goal/DT"]


@pytest.mark.parametrize(("text", "expected"), [
    ("skarpnack", "Skarpnäcksmodellen"),
    ("SKARPNÄCK", "Skarpnäcksmodellen"),
    ("polis", "Polisen"),
    ("DT.VI", "Främja trygghet i det offentliga rummet genom brottspreventiva åtgärder"),
    ("dt.vi", "Främja trygghet i det offentliga rummet genom brottspreventiva åtgärder"),
])
def test_search_folds_case_and_diacritics_and_knows_notations(index, text, expected):
    hits = search(index, text)
    assert hits and hits[0]["label"] == expected


def test_search_trygg_finds_everything_about_trygghet(index):
    labels = [h["label"] for h in search(index, "trygg", limit=50)]
    assert "Demokrati och trygghet" in labels
    assert "Främja trygghet i det offentliga rummet genom brottspreventiva åtgärder" in labels
    assert "Trygghetsfonden" in labels
    assert all(isinstance(h["iri"], str) for h in search(index, "trygg"))


def test_search_in_english_and_empty(index):
    assert search(index, "police", lang="en")[0]["label"] == "The Police"
    assert search(index, "   ") == []
    assert search(index, "zzzqqq") == []
