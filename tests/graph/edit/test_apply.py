"""Applying edits: the SHACL check on the touched nodes, the one atomic write, refusal, and the error shape."""

from __future__ import annotations

import pyoxigraph as ox
import pytest

from graph import edit
from graph.edit.apply import check_change
from graph.edit.changes import Change
from graph.errors import EditError, ShapeViolation
from graph.load.loader import ensure_seeded
from graph.store import EmbeddedStore
from graph.vocab.namespaces import FP, ID
from tests.support.stores import data

POLISEN = str(ID["org/polisen"])
PROJECT = str(ID["project/skarpnacksmodellen"])
TINY = """\
@prefix fp: <https://w3id.org/fardplan/ns#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix t: <https://example.org/t/> .
t:org a <http://www.w3.org/ns/org#Organization> ; skos:prefLabel "Förvaltningen"@sv .
"""


def _everything(store) -> set[ox.Quad]:
    return set(store.quads())


def test_a_shape_violation_changes_nothing(store):
    before = _everything(store)
    strategy = next(t.object.value for t in store.match(subjects=[ox.NamedNode(PROJECT)],
                                                        predicate=ox.NamedNode(str(FP.contributesTo))))
    answer = edit.run(store, "delete_relation", {"subject": PROJECT, "predicate": str(FP.contributesTo),
                                                 "obj": strategy}, "Anna", "test", allowed=True)
    assert answer["ok"] is False and answer["kind"] == "shape" and answer["status"] == 422
    assert any("at least one strategy" in e for e in answer["errors"])
    assert _everything(store) == before and edit.history(store) == []


def test_shapes_judge_a_tiny_inline_graph_too():
    store = EmbeddedStore()
    store.insert(list(ox.parse(TINY, format=ox.RdfFormat.TURTLE)))
    edit.edit(store, "set_label", {"node": "https://example.org/t/org", "lang": "sv", "text": "Stadsledningen"}, "Anna")
    org = ox.NamedNode("https://example.org/t/org")
    label = ox.NamedNode("http://www.w3.org/2004/02/skos/core#prefLabel")
    removal = Change("test", org.value, [], [t for t in store.match(subjects=[org], predicate=label)])
    with pytest.raises(ShapeViolation, match="Swedish skos:prefLabel"):
        check_change(store, removal)


def test_refused_when_editing_is_off_and_the_error_shape(store):
    before = _everything(store)
    answer = edit.run(store, "set_label", {"node": POLISEN, "lang": "sv", "text": "X"}, "Anna")
    assert answer == {"ok": False, "kind": "edit", "status": 403, "error": answer["error"],
                      "message": answer["message"], "errors": [answer["error"]], "line": None, "column": None}
    assert "--allow-edits" in answer["error"]
    assert _everything(store) == before


def test_who_is_required_and_an_unknown_operation_is_an_error(store):
    with pytest.raises(EditError, match="who"):
        edit.edit(store, "set_label", {"node": POLISEN, "lang": "sv", "text": "X"}, "  ")
    with pytest.raises(EditError, match="unknown edit"):
        edit.edit(store, "drop_everything", {}, "Anna")
    with pytest.raises(EditError, match="set_label"):
        edit.edit(store, "set_label", {"node": POLISEN}, "Anna")  # missing parameters
    with pytest.raises(EditError, match="already"):
        edit.edit(store, "set_label", {"node": POLISEN, "lang": "sv", "text": "Polisen"}, "Anna")


def test_an_edit_writes_the_data_and_its_history_in_named_graphs(store):
    entry = edit.edit(store, "set_label", {"node": POLISEN, "lang": "sv", "text": "Polismyndigheten"}, "Anna")
    graphs = {q.graph_name.value for q in store.quads() if not isinstance(q.graph_name, ox.DefaultGraph)}
    assert graphs == {edit.HISTORY_GRAPH.value, entry["iri"] + "/added", entry["iri"] + "/removed"}
    assert entry["added"] == 2 and entry["removed"] == 2


def test_edit_and_undo_in_every_store_kind(any_store):
    ensure_seeded(any_store)
    before = data(any_store)
    entry = edit.edit(any_store, "set_label", {"node": POLISEN, "lang": "sv", "text": "Polismyndigheten"}, "Anna")
    assert data(any_store) != before
    edit.undo(any_store, entry["id"], "Anna")
    assert data(any_store) == before


def test_extra_quads_go_in_the_same_update_and_only_into_a_named_graph_of_their_own(store):
    from graph.edit.apply import apply
    from graph.edit.changes import set_label

    notes = ox.NamedNode("https://example.org/notes")
    change = set_label(store, POLISEN, "sv", "Polismyndigheten")
    for graph in (ox.DefaultGraph(), edit.HISTORY_GRAPH):
        before = _everything(store)
        with pytest.raises(EditError, match="named graph of their own"):
            apply(store, change, "Anna", extra=lambda iri, g=graph: [ox.Quad(ox.NamedNode(iri), ox.NamedNode(
                "http://www.w3.org/2000/01/rdf-schema#comment"), ox.Literal("x"), g)])
        assert _everything(store) == before
    entry = apply(store, change, "Anna", extra=lambda iri: [ox.Quad(ox.NamedNode(iri), ox.NamedNode(
        "http://www.w3.org/2000/01/rdf-schema#seeAlso"), ox.NamedNode(POLISEN), notes)])
    assert [q.subject.value for q in store.native.quads_for_pattern(None, None, None, notes)] == [entry["iri"]]
