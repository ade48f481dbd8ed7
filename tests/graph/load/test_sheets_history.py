"""A spreadsheet import is a change in the edit history (issue 14): who, when, what, why, written in the same
atomic insert as the data, with the added triples in the change's graph; undone exactly like an edit, and refused
when a later edit changed the same triples."""

from __future__ import annotations

import pyoxigraph as ox
import pytest

from graph import edit
from graph.edit.history import HISTORY_GRAPH, change_graphs, recorded
from graph.errors import EditError, StoreError
from graph.load.loader import ensure_seeded
from graph.load.sheets import SheetErrors, import_sheets, preview, summary
from graph.load.sheets_out import template_workbook
from graph.store import EmbeddedStore
from graph.vocab.namespaces import ID_IRI
from tests.support.stores import copy_of, data

NEW_ACTOR = ID_IRI + "org/skarpnacks-laxhjalpsforening"
DOC = ID_IRI + "document/sheet/mall-xlsx"


@pytest.fixture
def store(seed_store) -> EmbeddedStore:
    return copy_of(seed_store)


def test_the_import_is_one_change_with_who_when_what_why_and_its_triples(store):
    before = data(store)
    result = import_sheets(store, template_workbook(), "mall.xlsx", "  Anna   Berg ", "mallens exempel")
    entry = result["change"]
    assert [e["id"] for e in edit.history(store)] == [entry["id"]]
    assert (entry["operation"], entry["who"], entry["why"], entry["target"]) == (
        "import", "Anna Berg", "mallens exempel", DOC)
    assert entry["what"] == {"sv": "Import: mall.xlsx — 1 ny aktör, 1 projekt, 3 relationer",
                             "en": "Import: mall.xlsx — 1 new actor, 1 project, 3 relations"}
    assert entry["started"] <= entry["ended"] and entry["undoes"] is None and entry["undone_by"] is None
    # the change's graph of added triples is exactly what entered the data; nothing removed
    added, removed = recorded(store, entry["id"])
    assert {ox.Quad(t.subject, t.predicate, t.object) for t in added} == data(store) - before
    assert removed == [] and entry["added"] == result["quads"] == 80 and entry["removed"] == 0
    # the provenance stays: the spreadsheet a document, the facts pointing to its rows
    assert store.query(f"ASK {{ <{NEW_ACTOR}> <http://www.w3.org/ns/prov#wasDerivedFrom> ?row . "
                       f"?row <http://purl.org/dc/terms/isPartOf> <{DOC}> }}")
    # and the record is PROV: an fp:Edit in the history graph, used the spreadsheet
    node = ox.NamedNode(entry["iri"])
    kinds = {q.object.value for q in store.native.quads_for_pattern(
        node, ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"), None, HISTORY_GRAPH)}
    assert kinds == {"http://www.w3.org/ns/prov#Activity", "https://w3id.org/fardplan/ns#Edit"}


def test_the_summary_says_singular_and_plural_in_both_languages():
    result = {"file": "a.csv", "counts": {"actors_new": 2, "projects_new": 1, "relations_new": 1}}
    assert summary(result) == {"sv": "Import: a.csv — 2 nya aktörer, 1 projekt, 1 relation",
                               "en": "Import: a.csv — 2 new actors, 1 project, 1 relation"}
    result["counts"] = {"actors_new": 1, "projects_new": 0, "relations_new": 0}
    assert summary(result)["en"] == "Import: a.csv — 1 new actor, 0 projects, 0 relations"


def test_a_failed_write_leaves_neither_the_data_nor_the_history(store, monkeypatch):
    before = set(store.quads())
    calls = []

    def broken(staging):
        calls.append(len(staging))
        raise StoreError("disk full")

    monkeypatch.setattr(store, "insert_store", broken)
    monkeypatch.setattr(store, "update", lambda sparql: pytest.fail("an import writes in one insert, not an update"))
    with pytest.raises(StoreError, match="disk full"):
        import_sheets(store, template_workbook(), "mall.xlsx", "Anna")
    assert len(calls) == 1 and calls[0] > 2 * 80  # the data, its copy and the record: one insert
    assert set(store.quads()) == before and edit.history(store) == []


def test_who_is_required_and_a_refused_file_records_nothing(store):
    before = set(store.quads())
    with pytest.raises(EditError, match="who"):
        import_sheets(store, template_workbook(), "mall.xlsx", " ")
    with pytest.raises(SheetErrors):
        import_sheets(store, b"not a workbook", "fel.xlsx", "Anna")
    assert set(store.quads()) == before


def test_nothing_new_is_no_change(store):
    import_sheets(store, template_workbook(), "mall.xlsx", "Anna")
    again = import_sheets(store, template_workbook(), "mall.xlsx", "Anna")
    assert again["written"] and again["quads"] == 0 and again["change"] is None
    assert len(edit.history(store)) == 1


def test_undo_restores_the_data_exactly_and_the_file_imports_again(store):
    before = data(store)
    entry = import_sheets(store, template_workbook(), "mall.xlsx", "Anna")["change"]
    undo = edit.undo(store, entry["id"], "Bertil", "fel fil")
    assert data(store) == before
    assert undo["what"]["sv"] == "Ångrat: Import: mall.xlsx — 1 ny aktör, 1 projekt, 3 relationer"
    assert undo["removed"] == 80 and edit.history(store)[1]["undone_by"] == undo["id"]
    assert preview(store, template_workbook(), "mall.xlsx")["quads"] == 80  # as before the import
    again = import_sheets(store, template_workbook(), "mall.xlsx", "Anna")
    assert again["quads"] == 80 and len(edit.history(store)) == 3


def test_undo_is_refused_when_a_later_edit_changed_the_same_triples(store):
    entry = import_sheets(store, template_workbook(), "mall.xlsx", "Anna")["change"]
    later = edit.edit(store, "set_label", {"node": NEW_ACTOR, "lang": "sv", "text": "Läxhjälpen i Skarpnäck"},
                      "Bertil")
    after = set(store.quads())
    with pytest.raises(EditError, match=f"later edits changed the same triples \\({later['id']}\\); undo them"):
        edit.undo(store, entry["id"], "Anna")
    assert set(store.quads()) == after
    edit.undo(store, later["id"], "Bertil")
    edit.undo(store, entry["id"], "Anna")
    assert not list(store.match(subjects=[ox.NamedNode(NEW_ACTOR)]))


def test_the_change_graphs_are_records_not_data():
    store = EmbeddedStore()
    ensure_seeded(store)
    entry = import_sheets(store, template_workbook(), "mall.xlsx", "Anna")["change"]
    added, removed = change_graphs(entry["id"])
    graphs = {q.graph_name for q in store.quads() if not isinstance(q.graph_name, ox.DefaultGraph)}
    assert graphs == {HISTORY_GRAPH, added}  # nothing removed, so no graph of removed triples
    assert removed not in graphs
