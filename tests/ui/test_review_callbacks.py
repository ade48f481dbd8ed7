"""/data's next reply without a browser: reading a reply in and deciding its proposals through the callbacks'
functions (refused and nothing written with edits off), the decision callback posted as the browser posts it, and the
page's reply section with edits on and off."""

from __future__ import annotations

import json

import pytest

from graph import edit
from graph.ingest.review import queue
from graph.settings import Settings
from graph.store import EmbeddedStore
from tests.support.dash_post import post_callback
from tests.support.paths import FIXTURES
from tests.support.stores import copy_of
from tests.support.walk import text_of, walk
from ui import ids
from ui.app import create_app
from ui.callbacks.review import decide, read_reply
from ui.pages import data as page

REPLY = (FIXTURES / "reply-farsta.txt").read_bytes()


FOLDER: dict[str, str] = {}  # the data folder of the running test (its tmp_path): replies are saved there


@pytest.fixture
def fresh(seed_store, tmp_path) -> EmbeddedStore:
    FOLDER["now"] = str(tmp_path)
    return copy_of(seed_store)


def _settings(allow: bool) -> Settings:
    return Settings(store="memory", allow_edits=allow, data_dir=FOLDER["now"])


def _read(store, allowed: bool = True, who: str | None = "Anna", lang: str = "sv") -> str:
    return " ".join(text_of(read_reply(store, REPLY, "reply-farsta.txt", who, allowed, lang, FOLDER["now"]))
                    .split())


def _labels(store, iri: str) -> list[str]:
    """The Swedish labels of ``iri`` in the default graph."""
    answer = store.query(f"SELECT ?l WHERE {{ <{iri}> <http://www.w3.org/2004/02/skos/core#prefLabel> ?l "
                         "FILTER (lang(?l) = 'sv') }")
    return [row[0].value for row in answer.rows]


def _new_entities(store) -> list[dict]:
    return [i for i in queue(store, status=None) if i["kind"] == "entity" and i["iri"] is None]


def test_with_edits_off_a_reply_is_refused_and_nothing_written(fresh):
    before = set(fresh.quads())
    said = _read(fresh, allowed=False)
    assert said.startswith("Inte gjort: Granskning är avstängd") and "--allow-edits" in said
    assert set(fresh.quads()) == before
    nameless = _read(fresh, who=" ")
    assert nameless.startswith("Inte gjort: skriv ditt namn") and set(fresh.quads()) == before


def test_a_reply_is_queued_then_accepted_with_a_corrected_label_and_rejected(fresh):
    said = _read(fresh)
    summary = queue(fresh, status=None)
    assert said.startswith("reply-farsta.txt är inläst:") and "enheter" in said and summary
    assert all(i["status"] == "open" for i in summary)
    first, second = _new_entities(fresh)[:2]
    accepted = text_of(decide(fresh, "accept", first["id"], "Anna", None, first["label"] + " (rättat)", True, "sv",
                                  FOLDER["now"]))
    assert accepted.startswith("Godkänt:")
    rejected = text_of(decide(fresh, "reject", second["id"], "Anna", "ingen aktör", None, True, "en"))
    assert rejected == f"Rejected: {second['label']}"
    status = {i["id"]: i for i in queue(fresh, status=None)}
    assert status[first["id"]]["status"] == "accepted" and _labels(fresh, status[first["id"]]["iri"]) == [
        first["label"] + " (rättat)"]
    assert (status[second["id"]]["status"], status[second["id"]]["why"]) == ("rejected", "ingen aktör")
    assert any(e["who"] == "Anna" for e in edit.history(fresh))
    again = " ".join(text_of(decide(fresh, "reject", second["id"], "Anna", None, None, True, "sv")).split())
    assert again.startswith("Inte gjort: Förslaget är redan avgjort")
    off = " ".join(text_of(decide(fresh, "accept", first["id"], "Anna", None, None, False, "sv")).split())
    assert off.startswith("Inte gjort: Granskning är avstängd")


def test_the_decision_callback_accepts_with_the_typed_label(fresh):
    app = create_app(_settings(True), store=fresh)
    _read(fresh)
    item = _new_entities(fresh)[0]
    field = {"id": {"type": ids.DATA_REVIEW_LABEL, "id": item["id"]}, "property": "value", "value": "Nytt namn"}
    answer = post_callback(app, ids.DATA_REVIEW_RESULT, {"type": ids.DATA_REVIEW_ACCEPT, "id": item["id"]}, 1,
                           states={(ids.DATA_REVIEW_LABEL, "value"): [field],
                                   (ids.DATA_REVIEW_LABEL, "id"): [{**field, "property": "id", "value": field["id"]}],
                                   ids.EDIT_WHO: "Anna", ids.DATA_META: {"lang": "sv"}})
    said = json.dumps(answer[ids.DATA_REVIEW_RESULT], ensure_ascii=False)
    assert "Godkänt" in said, said
    assert "godkänd av Anna" in json.dumps(answer[ids.DATA_REVIEW], ensure_ascii=False)
    assert _labels(fresh, next(i for i in queue(fresh, status=None) if i["id"] == item["id"])["iri"]) == ["Nytt namn"]


def test_the_reply_section_with_edits_on_and_off(fresh):
    _read(fresh)
    on = page.layout(create_app(_settings(True), store=fresh)
                     .server.extensions["fardplan"], "sv")
    assert any(getattr(c, "id", None) == ids.DATA_REPLY_UPLOAD and c.accept == ".txt,.pdf" for c in walk(on))
    assert "Nästa remissvar" in text_of(on) and "Granskningskö" in text_of(on)
    assert any(isinstance(getattr(c, "id", None), dict) and c.id["type"] == ids.DATA_REVIEW_ACCEPT for c in walk(on))
    off = page.layout(create_app(_settings(False), store=fresh).server.extensions["fardplan"], "en")
    assert not any(getattr(c, "id", None) == ids.DATA_REPLY_UPLOAD for c in walk(off))
    assert "Uploading replies is off in this explorer because it is read-only" in text_of(off)
    assert not any(isinstance(getattr(c, "id", None), dict) for c in walk(off))
    assert "to review" in text_of(off)  # the queue is listed read-only
    headings = [type(c).__name__ for c in walk(on) if type(c).__name__ in ("H1", "H2", "H3", "H4")]
    assert headings[0] == "H1" and "H4" not in headings
    assert headings.index("H3") > headings.index("H2")
