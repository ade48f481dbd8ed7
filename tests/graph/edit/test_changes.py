"""Each edit operation: the triples it adds and removes, in the shape the curated data uses."""

from __future__ import annotations

import pyoxigraph as ox
import pytest

from graph import edit
from graph.edit import changes
from graph.errors import EditError, NodeNotFound
from graph.load.validate import errors_only, validate_store
from graph.vocab.namespaces import FP, ID
from tests.support.stores import data

POLISEN = str(ID["org/polisen"])
CIVIL = str(ID["org/civilsamhallet"])
DOC = str(ID["document/yttrande-000"])
SKOS = "http://www.w3.org/2004/02/skos/core#"
COLLABORATES = str(FP.collaboratesWith)
QUOTE = "samverkan med interna saval\nsom externa aktorer"


def _objects(store, s: str, p: str) -> set[str]:
    return {t.object.value for t in store.match(subjects=[ox.NamedNode(s)], predicate=ox.NamedNode(p))}


def _conforms(store) -> None:
    staging = ox.Store()
    staging.extend(data(store))
    assert errors_only(validate_store(staging)) == []


def test_set_label_replaces_pref_label_and_rdfs_label_in_one_language(store):
    change = changes.set_label(store, POLISEN, "sv", "  Polismyndigheten ")
    assert {t.object.value for t in change.removed} == {"Polisen"}
    assert {(t.predicate.value, t.object.value, t.object.language) for t in change.added} == {
        (SKOS + "prefLabel", "Polismyndigheten", "sv"),
        ("http://www.w3.org/2000/01/rdf-schema#label", "Polismyndigheten", "sv")}
    edit.edit(store, "set_label", {"node": POLISEN, "lang": "sv", "text": "Polismyndigheten"}, "Anna")
    assert "Polismyndigheten" in _objects(store, POLISEN, SKOS + "prefLabel")
    assert "Polisen" not in _objects(store, POLISEN, SKOS + "prefLabel")
    assert "The Police" in _objects(store, POLISEN, SKOS + "prefLabel")  # English untouched
    _conforms(store)


def test_aliases_add_correct_and_remove(store):
    edit.edit(store, "add_alias", {"node": POLISEN, "lang": "sv", "text": "Polismyndigheten"}, "Anna")
    assert "Polismyndigheten" in _objects(store, POLISEN, SKOS + "altLabel")
    with pytest.raises(EditError, match="already an alias"):
        changes.add_alias(store, POLISEN, "sv", "Polismyndigheten")
    edit.edit(store, "correct_alias", {"node": POLISEN, "lang": "sv", "old": "Polismyndigheten",
                                       "text": "Polismyndigheten i Stockholm"}, "Anna")
    aliases = _objects(store, POLISEN, SKOS + "altLabel")
    assert "Polismyndigheten i Stockholm" in aliases and "Polismyndigheten" not in aliases
    edit.edit(store, "remove_alias", {"node": POLISEN, "lang": "sv", "old": "Polismyndigheten i Stockholm"}, "Anna")
    assert "Polismyndigheten i Stockholm" not in _objects(store, POLISEN, SKOS + "altLabel")


def test_bad_input_is_an_edit_error(store):
    with pytest.raises(NodeNotFound):
        changes.set_label(store, str(ID["org/no-such"]), "sv", "X")
    with pytest.raises(EditError, match="language"):
        changes.set_label(store, POLISEN, "de", "Polizei")
    with pytest.raises(EditError, match="give a text"):
        changes.add_alias(store, POLISEN, "sv", "   ")
    with pytest.raises(EditError, match="not a relation"):
        changes.add_relation(store, POLISEN, str(FP.inDocument), CIVIL, {"text": "x"})
    with pytest.raises(EditError, match="does not fit its ends"):  # fp:worksOn goes to a strategy
        changes.add_relation(store, POLISEN, str(FP.worksOn), CIVIL, {"text": "x"})


def test_add_relation_from_a_selected_passage(store, raw_source):
    start = raw_source.index(QUOTE)
    edit.edit(store, "add_relation", {"subject": POLISEN, "predicate": COLLABORATES, "obj": CIVIL,
                                      "source": {"document": DOC, "text": QUOTE, "start": start}}, "Anna", "test")
    assert CIVIL in _objects(store, POLISEN, COLLABORATES)
    passage = str(ID[f"passage/yttrande-000/{start}-{start + len(QUOTE)}"])
    assert _objects(store, passage, str(FP.exactText)) == {QUOTE}
    assert raw_source[start:start + len(QUOTE)] == QUOTE
    assertion = changes.assertion_iri(ox.NamedNode(POLISEN), ox.NamedNode(COLLABORATES), ox.NamedNode(CIVIL))
    assert _objects(store, assertion.value, str(FP.mode)) == {str(FP.Stated)}
    assert _objects(store, assertion.value, "http://www.w3.org/ns/prov#wasDerivedFrom") == {passage}
    _conforms(store)


def test_a_typed_quote_is_found_white_space_aside_and_a_missing_one_is_refused(store, raw_source):
    change = changes.add_relation(store, POLISEN, COLLABORATES, CIVIL,
                                  {"document": DOC, "text": " ".join(QUOTE.split())})
    exact = next(t.object.value for t in change.added if t.predicate.value == str(FP.exactText))
    assert exact == QUOTE  # the raw span, line break and all
    with pytest.raises(EditError, match="not in the document"):
        changes.add_relation(store, POLISEN, COLLABORATES, CIVIL, {"document": DOC, "text": "nowhere in the text"})


def test_add_relation_interpreted_needs_both_reasons_and_a_free_text_source_is_a_document(store):
    source = {"text": "Samtal med polisen den 3 december"}
    with pytest.raises(EditError, match="reason in Swedish and in English"):
        changes.add_relation(store, POLISEN, COLLABORATES, CIVIL, source, "interpreted", "Därför", "")
    entry = edit.edit(store, "add_relation", {"subject": POLISEN, "predicate": COLLABORATES, "obj": CIVIL,
                                              "source": source, "mode": "interpreted", "reason_sv": "De möts ofta",
                                              "reason_en": "They meet often"}, "Anna")
    assert entry["operation"] == "add_relation" and "tolkning" in entry["what"]["sv"]
    notes = {t.subject.value for t in store.match(predicate=ox.NamedNode(
        "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"), objects=[ox.NamedNode(str(FP.FreeTextSource))])}
    assert len(notes) == 1
    _conforms(store)


def test_set_mode_and_delete_relation(store):
    edit.edit(store, "add_relation", {"subject": POLISEN, "predicate": COLLABORATES, "obj": CIVIL,
                                      "source": {"text": "Ett möte"}}, "Anna")
    edit.edit(store, "set_mode", {"subject": POLISEN, "predicate": COLLABORATES, "obj": CIVIL,
                                  "mode": "interpreted", "reason_sv": "Skäl", "reason_en": "Reason"}, "Anna")
    assertion = changes.assertion_iri(ox.NamedNode(POLISEN), ox.NamedNode(COLLABORATES), ox.NamedNode(CIVIL))
    assert _objects(store, assertion.value, str(FP.mode)) == {str(FP.Interpreted)}
    edit.edit(store, "delete_relation", {"subject": POLISEN, "predicate": COLLABORATES, "obj": CIVIL}, "Anna")
    assert CIVIL not in _objects(store, POLISEN, COLLABORATES)
    assert not list(store.match(subjects=[assertion]))
    assert not [q for q in data(store) if "note-" in q.subject.value]  # the orphaned free-text source went too
    _conforms(store)


def test_delete_an_existing_curated_relation(store):
    actor, project = str(ID["org/bostadsbolag"]), str(ID["project/lokalt-omradesarbete"])
    edit.edit(store, "delete_relation", {"subject": actor, "predicate": str(FP.participatesIn), "obj": project},
              "Anna")
    assert project not in _objects(store, actor, str(FP.participatesIn))
    _conforms(store)


def test_relation_properties_and_documents_for_the_form(store):
    relations = {r["iri"]: r for r in edit.relation_properties(store)}
    assert relations[str(FP.runs)]["sv"] == "driver" and relations[str(FP.runs)]["en"] == "runs"
    assert str(FP.inDocument) not in relations and str(FP.mode) not in relations
    assert [d["iri"] for d in edit.documents(store)] == [DOC]


def test_the_form_corrects_and_removes_an_alias(store):
    from graph.edit.form import submit

    fields = {"lang": "sv", "alias": "Polismyndigheten", "alias_old": "new"}
    assert submit(store, POLISEN, "alias", fields, "Anna", "", True)["ok"]
    assert {"lang": "sv", "text": "Polismyndigheten"} in changes.aliases(store, POLISEN)
    fields = {"lang": "en", "alias": "Polismyndigheten i Stockholm", "alias_old": "sv:Polismyndigheten"}
    answer = submit(store, POLISEN, "alias", fields, "Anna", "", True)
    assert answer["change"]["operation"] == "correct_alias"
    assert {"lang": "sv", "text": "Polismyndigheten i Stockholm"} in changes.aliases(store, POLISEN)
    fields = {"lang": "sv", "alias": "", "alias_old": "sv:Polismyndigheten i Stockholm"}
    assert submit(store, POLISEN, "alias", fields, "Anna", "", True)["change"]["operation"] == "remove_alias"
    assert "Polismyndigheten i Stockholm" not in {a["text"] for a in changes.aliases(store, POLISEN)}
    assert submit(store, POLISEN, "relation", {"predicate": COLLABORATES, "target": "no such node xyz"}, "Anna",
                  "", True)["kind"] == "not_found"
