"""The review queue's builders (ui.components.review) on QueueItem dicts of graph.ingest.model's shape: the passage
with the proposal's words marked in raw context and the restored reading beside it, what found it and how sure,
the kind or relation phrase, the controls only while open and with edits on, who decided once decided."""

from __future__ import annotations

import re

from tests.support.walk import text_of, walk
from ui import ids
from ui.components.review import build_queue, build_review_failed, confidence, found_by

RAW = "Vi arbetar i samverkan med Polisen och Stadsbyggnadsfdrvaltningen inom projektet Trygga torg."


def _passage(word: str) -> dict:
    start = RAW.index(word)
    end = start + len(word)
    return {"start": start, "end": end, "raw": word, "restored": word.replace("fdr", "för"),
            "before": RAW[max(0, start - 20):start], "after": RAW[end:end + 20]}


def _entity(item_id: str, word: str, label: str, kind: str = "organisation", iri: str | None = None,
            status: str = "open", **decided) -> dict:
    return {"id": item_id, "kind": "entity", "status": status, "document": "https://example.org/doc", "label": label,
            "entity_kind": kind, "iri": iri, "type": None if iri else "Administration", "predicate": None,
            "subject": None, "object": None, "subject_id": None, "object_id": None, "passage": _passage(word),
            "confidence": 0.9, "found_by": "pattern:förvaltningen" if not iri else "label", "mode": None,
            "reason_sv": None, "who": decided.get("who"), "when": decided.get("when"), "why": decided.get("why")}


def _relation(item_id: str) -> dict:
    return {"id": item_id, "kind": "relation", "status": "open", "document": "https://example.org/doc",
            "label": "Polisen samarbetar med Stadsbyggnadsförvaltningen", "entity_kind": None, "iri": None,
            "type": None, "predicate": "collaboratesWith", "subject": "Polisen",
            "object": "Stadsbyggnadsförvaltningen", "subject_id": "p-1", "object_id": "p-2",
            "passage": _passage("i samverkan med Polisen"), "confidence": 0.75, "found_by": "pattern:i samverkan med",
            "mode": "interpreted", "reason_sv": "rubriken ovanför stycket", "who": None, "when": None, "why": None}


ITEMS = [_entity("p-1", "Polisen", "Polisen", iri="https://example.org/org/polisen"),
         _entity("p-2", "Stadsbyggnadsfdrvaltningen", "Stadsbyggnadsförvaltningen"),
         _relation("p-3"),
         _entity("p-4", "Trygga torg", "Trygga torg", kind="project", status="rejected", who="Anna",
                 when="2026-12-04T10:00:00+00:00", why="finns redan")]


def _say(tree) -> str:
    """The text as read: spaces between the parts collapsed, none before punctuation."""
    return re.sub(r"\(\s+", "(", re.sub(r"\s+([:),.])", r"\1", " ".join(text_of(tree).split())))


def _typed(tree, kind: str) -> list:
    return [c for c in walk(tree) if isinstance(getattr(c, "id", None), dict) and c.id["type"] == kind]


def test_each_proposal_shows_its_words_marked_in_raw_context_and_the_restored_reading():
    queue = build_queue(ITEMS, "sv", edits=True)
    text = _say(queue)
    assert text_of(queue[0]) == "3 att granska, 0 godkända, 1 avvisade."
    items = [c for c in walk(queue) if type(c).__name__ == "Li"]
    assert [i.__dict__.get("data-id") for i in items] == ["p-1", "p-2", "p-3", "p-4"]  # open first
    second = items[1]
    [mark] = [c for c in walk(second) if type(c).__name__ == "Mark"]
    assert mark.children == "Stadsbyggnadsfdrvaltningen"
    raw = next(c for c in walk(second) if getattr(c, "className", None) == "review-raw")
    assert raw.lang == "sv" and text_of(raw.children).replace(" ", "") in RAW.replace(" ", "")
    assert "Återställd läsning" in text_of(second) and "Stadsbyggnadsförvaltningen" in text_of(second)
    start = RAW.index("Stadsbyggnadsfdrvaltningen")
    assert f"Råtext (tecken {start}–{start + 26})" in text_of(second)
    assert "Organisation Stadsbyggnadsförvaltningen (ny i grafen)" in _say(second)
    assert "Hittad genom mönstret ”förvaltningen” · säkerhet 90\u00a0%" in text_of(second)
    assert "(finns i grafen)" in _say(items[0]) and "grafens namn" in text_of(items[0])
    assert "Relation Polisen samarbetar med Stadsbyggnadsförvaltningen" in _say(items[2])
    assert "Grund: tolkning (rubriken ovanför stycket)" in text_of(items[2])
    assert "avvisad av Anna 2026-12-04 10:00 UTC: finns redan" in text


def test_open_proposals_get_named_buttons_and_an_entity_a_label_field():
    queue = build_queue(ITEMS, "sv", edits=True)
    accept, reject = _typed(queue, ids.DATA_REVIEW_ACCEPT), _typed(queue, ids.DATA_REVIEW_REJECT)
    assert [b.id["id"] for b in accept] == ["p-1", "p-2", "p-3"] == [b.id["id"] for b in reject]
    assert getattr(accept[1], "aria-label") == "Godkänn: Stadsbyggnadsförvaltningen"
    assert getattr(reject[2], "aria-label") == "Avvisa: Polisen samarbetar med Stadsbyggnadsförvaltningen"
    labels = _typed(queue, ids.DATA_REVIEW_LABEL)
    assert [(f.id["id"], f.value) for f in labels] == [("p-2", "Stadsbyggnadsförvaltningen")]  # new nodes only
    # each label field sits inside its visible label (implicitly labelled)
    fields = [c for c in walk(queue) if type(c).__name__ == "Label"]
    assert all("Namn (rätta före godkännande)" in text_of(f) for f in fields) and len(fields) == 1
    assert all(_typed(f, ids.DATA_REVIEW_LABEL) for f in fields)


def test_without_edits_the_queue_is_read_only_and_english_reads_english():
    queue = build_queue(ITEMS, "en", edits=False)
    assert _typed(queue, ids.DATA_REVIEW_ACCEPT) == [] and _typed(queue, ids.DATA_REVIEW_LABEL) == []
    text = _say(queue)
    assert "3 to review, 0 accepted, 1 rejected." in text and "to review" in text
    assert "Found by the pattern “förvaltningen” · confidence 90%" in text and "Restored reading" in text
    assert "Project Trygga torg (new to the graph)" in text and "rejected by Anna 2026-12-04 10:00 UTC" in text
    assert text_of(build_queue([], "sv", edits=True)) == "Inga förslag att granska. Ladda upp ett remissvar."
    assert "De första 2 visas." in text_of(build_queue(ITEMS, "sv", edits=True, shown=2)[0])


def test_rules_confidence_and_failures_in_words():
    assert found_by("wording", "sv") == "strategins ordalydelse" and found_by("ner:tiny", "en") == (
        "the named-entity model tiny")
    assert found_by("something-new", "sv") == "something-new"
    assert confidence(0.754, "sv") == "75\u00a0%" and confidence(1.0, "en") == "100%"
    failed = build_review_failed({"ok": False, "kind": "ingest", "status": 409, "message": "p-1 already accepted"},
                                 "sv")
    assert _say(failed) == "Inte gjort: Förslaget är redan avgjort eller krockar med grafen: p-1 already accepted"
    bad = build_review_failed({"kind": "ingest", "status": 400, "message": "x.pdf: no text"}, "en", upload=True)
    assert text_of(bad).startswith("Not done: The file could not be read")
    off = build_review_failed({"kind": "edit", "status": 403, "message": "editing is off"}, "sv")
    assert text_of(off).startswith("Inte gjort: Granskning är avstängd")
