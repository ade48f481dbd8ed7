"""The details panel data (graph.explore_page): relations grouped by kind, provenance quoted from the source."""

from __future__ import annotations

import pytest

from graph.errors import NodeNotFound
from graph.explore import build_index
from graph.explore_page import edge_page, mark_segments, node_page
from graph.namespaces import FP_IRI, ID_IRI

POLISEN = ID_IRI + "org/polisen"


@pytest.fixture(scope="module")
def index(seed_store):
    return build_index(seed_store)


def test_mark_segments_marks_inflected_label_words():
    assert mark_segments("i samverkan med polis", {"polisen"}) == [["i samverkan med ", False], ["polis", True]]
    assert mark_segments("politiken", {"polisen"}) == [["politiken", False]]
    text = "Trygghetsfonden stodjer trygga platser"
    assert "".join(p for p, _ in mark_segments(text, {"trygghetsfonden"})) == text


def test_node_page_quotes_the_source(seed_store, index, raw_source):
    page = node_page(seed_store, index, POLISEN, "sv")
    assert page["label"] == "Polisen" and page["type_label"] == "myndighet" and page["kind"] == "organisation"
    assert page["mentions"], "the entity's own mention passage"
    for passage in page["mentions"]:
        assert raw_source[passage["start"]:passage["end"]] == passage["text"]
        assert any(marked for _, marked in passage["segments"])
    group = next(g for g in page["relations"] if g["predicate"] == FP_IRI + "participatesIn")
    assert group["direction"] == "out" and group["label"] == "deltar i"
    item = group["items"][0]
    assert item["mode"] == "stated" and item["passages"]
    assert raw_source[item["passages"][0]["start"]:item["passages"][0]["end"]] == item["passages"][0]["text"]


def test_node_page_in_english_and_interpretations(seed_store, index):
    page = node_page(seed_store, index, ID_IRI + "project/skolsociala-stodteam", "en")
    assert page["type_label"] == "project or initiative"
    interpreted = [i for g in page["relations"] for i in g["items"] if i["mode"] == "interpreted"]
    assert interpreted and all(i["reason"] for i in interpreted)
    assert "UU.IV" in interpreted[0]["reason"] and "repeats" in interpreted[0]["reason"]


def test_node_page_facts_and_unknown_node(seed_store, index):
    page = node_page(seed_store, index, ID_IRI + "org/kommissionen", "sv")
    assert {f["value"] for f in page["facts"]} >= {"2015", "18"}
    with pytest.raises(NodeNotFound):
        node_page(seed_store, index, ID_IRI + "org/finns-inte", "sv")


def test_edge_page(seed_store, index, raw_source):
    edge = next(e for e in index.edges if e.mode == "interpreted")
    page = edge_page(seed_store, index, edge.source, edge.predicate, edge.target, "sv")
    assert page["mode"] == "interpreted" and page["reason"]
    assert page["source"]["iri"] == edge.source and page["target"]["iri"] == edge.target
    p = page["passages"][0]
    assert raw_source[p["start"]:p["end"]] == p["text"]
