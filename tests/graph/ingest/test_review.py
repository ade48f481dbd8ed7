"""The review queue on the real seed graph: queue a reply, accept (through graph.edit: checked, in the history,
undoable), reject, and the errors that write nothing."""

from __future__ import annotations

import pytest

from graph.edit import history, undo
from graph.errors import IngestError
from graph.ingest import review
from graph.load.loader import ensure_seeded
from graph.store import EmbeddedStore
from graph.vocab.namespaces import FP_IRI, ID

REPLY = """Malomrade Demokrati och trygghet

Skérholmens stadsdelsforvaltning har i samarbete med trafikkontoret tagit fram en plan.
Forvaltningen driver projektet Trygga torg i samverkan med polisen for att framja trygghet i det
offentliga rummet genom brottspreventiva atgarder.
"""


@pytest.fixture
def store() -> EmbeddedStore:
    store = EmbeddedStore()
    ensure_seeded(store)
    return store


def _queued(store, tmp_path):
    summary = review.queue_reply(store, REPLY, "svar-skarholmen.txt", "Anna", data_dir=tmp_path)
    return summary, {i["label"]: i for i in summary["items"]}


def _default_count(store) -> int:
    return len(store.query("SELECT * WHERE { ?s ?p ?o }").rows)


def test_queue_saves_the_text_records_the_reply_and_keeps_the_default_graph_as_it_was(store, tmp_path):
    before = _default_count(store)
    summary, items = _queued(store, tmp_path)
    assert (tmp_path / "sources" / "svar-skarholmen.txt").read_text(encoding="utf-8") == REPLY
    assert summary["document"] == str(ID["document/svar-skarholmen"])
    assert summary["entities"] >= 4 and summary["relations"] >= 4
    assert all(i["status"] == "open" for i in summary["items"])
    assert _default_count(store) == before  # nothing unreviewed in the data
    relation = items["Skärholmens stadsdelsförvaltning samarbetar med Trafikkontoret"]
    assert relation["kind"] == "relation" and relation["predicate"] == "collaboratesWith"
    p = relation["passage"]
    assert REPLY[p["start"]:p["end"]] == p["raw"] and REPLY[:p["start"]].endswith(p["before"])
    assert REPLY[p["end"]:].startswith(p["after"])
    ingest = store.query(f"ASK {{ GRAPH <{review.REVIEW_GRAPH.value}> {{ ?a <http://www.w3.org/ns/prov#used> "
                         f"<{summary['document']}> ; <http://www.w3.org/ns/prov#wasAssociatedWith> ?who }} }}")
    assert ingest is True
    assert review.queue(store) == summary["items"]


def test_accepting_a_relation_takes_its_new_end_along_and_is_an_undoable_edit(store, tmp_path):
    _, items = _queued(store, tmp_path)
    relation = items["Skärholmens stadsdelsförvaltning samarbetar med Trafikkontoret"]
    entry = review.accept(store, relation["id"], "Anna", data_dir=tmp_path)
    assert entry["operation"] == "ingest_accept" and entry["who"] == "Anna"
    assert history(store)[0]["id"] == entry["id"]
    new = str(ID["org/skarholmens-stadsdelsforvaltning"])
    doc = ID["document/svar-skarholmen"]
    ask = store.query(f"""ASK {{
        <{new}> a <{FP_IRI}Administration> ; <http://www.w3.org/2004/02/skos/core#prefLabel>
            "Skärholmens stadsdelsförvaltning"@sv ; <{FP_IRI}collaboratesWith> <{ID['org/trafikkontoret']}> .
        <{doc}> a <{FP_IRI}Reply> ; <{FP_IRI}sourceFile> "sources/svar-skarholmen.txt" .
        ?a <http://www.w3.org/1999/02/22-rdf-syntax-ns#subject> <{new}> ; <{FP_IRI}mode> <{FP_IRI}Stated> ;
           <http://www.w3.org/ns/prov#wasDerivedFrom> ?passage .
        ?passage <{FP_IRI}inDocument> <{doc}> ; <{FP_IRI}exactText> ?text ; <{FP_IRI}startOffset> ?s .
    }}""")
    assert ask is True
    statuses = {i["id"]: i["status"] for i in review.queue(store, status="all")}
    assert statuses[relation["id"]] == "accepted" and statuses[relation["subject_id"]] == "accepted"
    accepted = next(i for i in review.queue(store, "accepted") if i["id"] == relation["subject_id"])
    assert accepted["iri"] == new and accepted["who"] == "Anna"
    undo(store, entry["id"], "Anna")
    assert store.query(f"ASK {{ <{new}> ?p ?o }}") is False
    assert {i["id"] for i in review.queue(store, "accepted")} == set()  # an undone acceptance is open again


def test_edit_a_label_on_accept_and_reject_with_a_reason(store, tmp_path):
    _, items = _queued(store, tmp_path)
    own = items["Skärholmens stadsdelsförvaltning"]
    review.accept(store, own["id"], "Bo", label="Skärholmens stadsdelsförvaltning (SDF)", data_dir=tmp_path)
    assert store.query('ASK { ?n <http://www.w3.org/2004/02/skos/core#prefLabel> '
                       '"Skärholmens stadsdelsförvaltning (SDF)"@sv }') is True
    other = items["Skärholmens stadsdelsförvaltning samarbetar med Trafikkontoret"]
    review.reject(store, other["id"], "Bo", "för tunt underlag")
    rejected = review.queue(store, "rejected")
    assert [(i["id"], i["who"], i["why"]) for i in rejected] == [(other["id"], "Bo", "för tunt underlag")]


def test_a_new_project_comes_with_its_strategy(store, tmp_path):
    _, items = _queued(store, tmp_path)
    project = items["Trygga torg"]
    review.accept(store, project["id"], "Anna", data_dir=tmp_path)
    node = ID["project/trygga-torg"]
    assert store.query(f"ASK {{ <{node}> <{FP_IRI}contributesTo> <{ID['strategy/DT.VI']}> }}") is True


def test_errors_name_the_item_and_write_nothing(store, tmp_path):
    _, items = _queued(store, tmp_path)
    with pytest.raises(IngestError, match="no proposal 'p-0000000000'") as caught:
        review.accept(store, "p-0000000000", "Anna", data_dir=tmp_path)
    assert caught.value.status == 404
    own = items["Skärholmens stadsdelsförvaltning"]
    review.reject(store, own["id"], "Anna")
    count = len(store.quads())
    with pytest.raises(IngestError, match="already rejected") as caught:
        review.accept(store, own["id"], "Anna", data_dir=tmp_path)
    assert caught.value.status == 409
    relation = items["Skärholmens stadsdelsförvaltning samarbetar med Trafikkontoret"]
    with pytest.raises(IngestError, match="is rejected; a relation to it cannot be accepted"):
        review.accept(store, relation["id"], "Anna", data_dir=tmp_path)
    with pytest.raises(IngestError, match="say who reviews"):
        review.reject(store, relation["id"], " ")
    with pytest.raises(IngestError, match="already in the review queue"):
        review.queue_reply(store, REPLY, "svar-skarholmen.txt", "Anna", data_dir=tmp_path)
    assert len(store.quads()) == count


def test_a_different_text_under_the_same_name_is_refused(store, tmp_path):
    (tmp_path / "sources").mkdir()
    (tmp_path / "sources" / "svar.txt").write_text("ett annat svar", encoding="utf-8")
    with pytest.raises(IngestError, match="a different text is already saved under this name"):
        review.queue_reply(store, REPLY, "svar.txt", "Anna", data_dir=tmp_path)
    assert review.queue(store, status="all") == []


def test_accept_is_one_write_and_a_failed_write_leaves_neither_the_fact_nor_the_decision(store, tmp_path,
                                                                                         monkeypatch):
    from graph.errors import StoreError

    _, items = _queued(store, tmp_path)
    relation = items["Skärholmens stadsdelsförvaltning samarbetar med Trafikkontoret"]
    before = set(store.quads())
    real, updates = store.update, []

    def failing(sparql: str) -> None:
        updates.append(sparql)
        raise StoreError("the store went away")

    monkeypatch.setattr(store, "update", failing)
    with pytest.raises(StoreError, match="went away"):
        review.accept(store, relation["id"], "Anna", data_dir=tmp_path)
    assert len(updates) == 1 and review.REVIEW_GRAPH.value in updates[0]  # the decision is in that one update
    assert set(store.quads()) == before and history(store) == []
    statuses = {i["id"]: i["status"] for i in review.queue(store, status="all")}
    assert statuses[relation["id"]] == statuses[relation["subject_id"]] == "open"
    # and with the store back, the same acceptance is one update again: fact, history and decision together
    monkeypatch.setattr(store, "update", lambda sparql: (updates.append(sparql), real(sparql))[1])
    entry = review.accept(store, relation["id"], "Anna", data_dir=tmp_path)
    assert len(updates) == 2
    decided = store.query(f"ASK {{ GRAPH <{review.REVIEW_GRAPH.value}> {{ ?d <http://www.w3.org/ns/prov#used> "
                          f"<{ID['review/' + relation['id']]}> ; <http://www.w3.org/ns/prov#wasInformedBy> "
                          f"<{entry['iri']}> }} }}")
    assert decided is True
    undo(store, entry["id"], "Anna")  # undoing the acceptance reopens both items
    statuses = {i["id"]: i["status"] for i in review.queue(store, status="all")}
    assert statuses[relation["id"]] == statuses[relation["subject_id"]] == "open"


def test_a_relation_the_graph_already_asserts_gets_this_replys_own_assertion(store, tmp_path):
    """The seed interprets "Polisen deltar i Sociala insatsgruppen"; a reply that states it adds its own assertion
    (its mode, its passage) beside the seed's, never a second mode on the seed's (SHACL allows one)."""
    text = "Malomrade Demokrati och trygghet\n\nPolisen deltar i Sociala insatsgruppen i stadsdelen.\n"
    summary = review.queue_reply(store, text, "svar-polisen.txt", "Anna", data_dir=tmp_path)
    item = next(i for i in summary["items"] if i["kind"] == "relation" and i["predicate"] == "participatesIn"
                and i["subject"] == "Polisen" and i["object"] == "Sociala insatsgruppen")
    review.accept(store, item["id"], "Anna", data_dir=tmp_path)
    rows = store.query(f"""SELECT ?a ?mode ?doc WHERE {{
        ?a <http://www.w3.org/1999/02/22-rdf-syntax-ns#subject> <{ID['org/polisen']}> ;
           <http://www.w3.org/1999/02/22-rdf-syntax-ns#predicate> <{FP_IRI}participatesIn> ;
           <http://www.w3.org/1999/02/22-rdf-syntax-ns#object> <{ID['project/sociala-insatsgruppen']}> ;
           <{FP_IRI}mode> ?mode ; <http://www.w3.org/ns/prov#wasDerivedFrom>/<{FP_IRI}inDocument> ?doc }}""").rows
    by_doc = {doc.value.rsplit("/", 1)[-1]: (a.value, mode.value.rsplit("#", 1)[-1]) for a, mode, doc in rows}
    assert by_doc["yttrande-000"][1] == "Interpreted" and by_doc["svar-polisen"][1] == "Stated"
    assert by_doc["yttrande-000"][0] != by_doc["svar-polisen"][0]  # two assertions, one mode each
    from graph.index.nodes import build_index

    edge = next(e for e in build_index(store).edges if e.source == str(ID["org/polisen"])
                and e.target == str(ID["project/sociala-insatsgruppen"]) and e.predicate == FP_IRI + "participatesIn")
    assert edge.mode == "stated" and len(edge.documents) == 2  # said by both; stated by one of them
