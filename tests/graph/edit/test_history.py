"""The history graph: who, when, what and why of every edit; undo restores the graph exactly."""

from __future__ import annotations

from datetime import datetime

from graph import edit
from graph.vocab.namespaces import FP, ID
from tests.support.stores import data

POLISEN = str(ID["org/polisen"])
CIVIL = str(ID["org/civilsamhallet"])


def _label(store, text: str, who: str = "Anna", why: str = "") -> dict:
    return edit.edit(store, "set_label", {"node": POLISEN, "lang": "sv", "text": text}, who, why)


def test_history_lists_who_when_what_why_newest_first(store):
    first = _label(store, "Polismyndigheten", "Anna", "the authority's own name")
    second = edit.edit(store, "add_alias", {"node": POLISEN, "lang": "en", "text": "Swedish Police"}, "Bo", "")
    listed = edit.history(store)
    assert [e["id"] for e in listed] == [second["id"], first["id"]]
    entry = listed[1]
    assert entry["who"] == "Anna" and entry["why"] == "the authority's own name"
    assert entry["operation"] == "set_label" and entry["target"] == POLISEN
    assert entry["what"]["sv"] == "Etikett (sv) för Polisen: ”Polisen” → ”Polismyndigheten”"
    assert entry["what"]["en"].startswith("Label (sv) of The Police")
    started = datetime.fromisoformat(entry["started"].replace("Z", "+00:00"))
    assert started <= datetime.fromisoformat(entry["ended"].replace("Z", "+00:00"))
    assert (datetime.now(started.tzinfo) - started).total_seconds() < 60
    assert edit.history(store, limit=1) == listed[:1]


def test_undo_restores_an_isomorphic_graph_and_is_itself_in_the_history(store):
    before = data(store)
    entry = edit.edit(store, "add_relation", {"subject": POLISEN, "predicate": str(FP.collaboratesWith),
                                              "obj": CIVIL, "source": {"text": "Ett möte"}}, "Anna")
    _label(store, "Polismyndigheten")
    edit.undo_last(store, "Anna", "wrong name")
    edit.undo_last(store, "Anna")
    assert data(store) == before
    listed = edit.history(store)
    assert [e["operation"] for e in listed] == ["undo", "undo", "set_label", "add_relation"]
    assert listed[-1]["undone_by"] == listed[0]["id"] and listed[0]["undoes"] == entry["id"]
    assert listed[1]["why"] == "wrong name" and listed[1]["what"]["en"].startswith("Undone: Label")


def test_undo_of_an_undo_redoes_and_an_undone_edit_cannot_be_undone_twice(store):
    entry = _label(store, "Polismyndigheten")
    after = data(store)
    undo = edit.undo(store, entry["id"], "Anna")
    assert edit.run(store, "undo", {"id": entry["id"]}, "Anna", allowed=True)["status"] == 409
    edit.undo(store, undo["id"], "Anna")
    assert data(store) == after
    assert next(e for e in edit.history(store) if e["id"] == entry["id"])["undone_by"] is None


def test_undo_refuses_when_a_later_edit_changed_the_same_triples(store):
    first = _label(store, "Polismyndigheten")
    _label(store, "Polisen i Stockholm")
    before = set(store.quads())
    answer = edit.run(store, "undo", {"id": first["id"]}, "Anna", allowed=True)
    assert answer["ok"] is False and answer["status"] == 409 and "undo them first" in answer["error"]
    assert set(store.quads()) == before
    assert edit.run(store, "undo", {"id": "nope"}, "Anna", allowed=True)["status"] == 404
    assert edit.run(store, "undo_last", {}, "Anna", allowed=True)["ok"] is True
