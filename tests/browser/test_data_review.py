"""Issue 14 item 6 (b) in a real headless Chromium, edits on: a reply text in the seed's OCR style
(tests/fixtures/reply-farsta.txt) uploaded on /data → the queue shows its proposals with their words marked →
two accepted (an entity with its label corrected first, then a relation, which takes its new end along, as
review.accept does), one rejected → the accepted facts are in the graph and the explorer shows them (the relation
in the details of the corrected entity), the rejected one is not; the queue shows each status and the history the
accepts; axe clean."""

from __future__ import annotations

import pytest

from graph import edit
from graph.ingest.review import queue
from graph.vocab.namespaces import FP_IRI
from tests.support.a11y import PAGES, axe_violations, blocking, open_settled
from tests.support.paths import FIXTURES

pytestmark = pytest.mark.browser

REPLY = FIXTURES / "reply-farsta.txt"
LABEL = "http://www.w3.org/2004/02/skos/core#prefLabel"



def _said(page, text: str) -> None:
    try:
        page.wait_for_function("(t) => document.querySelector('#data-review-result').innerText.includes(t)",
                               arg=text, timeout=60_000)
    except Exception:
        raise AssertionError(page.inner_text("#data-review-result")) from None


def _labelled(store, label: str) -> bool:
    answer = store.query(f"SELECT ?s WHERE {{ ?s <{LABEL}> ?l FILTER (str(?l) = {label!r}) }}".replace("'", '"'))
    return bool(answer.rows)


def test_upload_a_reply_accept_an_entity_and_a_relation_reject_one(editable, page):
    base, store = editable
    open_settled(page, base + "/data", PAGES["/data"])
    page.fill("#explore-edit-who-input", "Anna")
    page.set_input_files("#data-reply-upload input[type=file]", str(REPLY))
    _said(page, "reply-farsta.txt är inläst")
    page.locator("#data-review .review-item").first.wait_for(timeout=20_000)
    items = queue(store, status=None)
    by_id = {i["id"]: i for i in items}
    new = {i["id"] for i in items if i["kind"] == "entity" and i["iri"] is None}
    marks = page.locator("#data-review .review-item mark").all_inner_texts()
    assert len(marks) == len(items) and all(m.strip() for m in marks)
    # a relation between two new organisations: its subject accepted first (label corrected), then the relation
    # itself, which takes its other new end along; a third new entity rejected
    relation = next(i for i in items if i["kind"] == "relation" and {i["subject_id"], i["object_id"]} <= new
                    and by_id[i["subject_id"]]["entity_kind"] == by_id[i["object_id"]]["entity_kind"]
                    == "organisation")
    first, other = by_id[relation["subject_id"]], by_id[relation["object_id"]]
    third = next(by_id[i] for i in sorted(new - {first["id"], other["id"]}))
    corrected = first["label"] + " (rättat)"
    field = page.locator(f"#data-review li[data-id='{first['id']}'] input[type=text]")
    field.fill(corrected)
    page.get_by_role("button", name=f"Godkänn: {first['label']}", exact=True).click()
    _said(page, "Godkänt:")
    page.get_by_role("button", name=f"Godkänn: {relation['label']}", exact=True).click()
    page.wait_for_function("(id) => document.querySelector(`#data-review li[data-id='${id}']`)"
                           "?.classList.contains('review-accepted')", arg=relation["id"], timeout=30_000)
    page.fill("#data-why", "ingen aktör")
    page.get_by_role("button", name=f"Avvisa: {third['label']}", exact=True).click()
    _said(page, f"Avvisat: {third['label']}")
    status = {i["id"]: i for i in queue(store, status=None)}
    assert [status[i["id"]]["status"] for i in (first, relation, other, third)] == [
        "accepted", "accepted", "accepted", "rejected"]  # the relation's new end was accepted with it
    assert (status[third["id"]]["who"], status[third["id"]]["why"]) == ("Anna", "ingen aktör")
    # the accepted facts are in the graph, the rejected one is not; the relation joins the two accepted nodes
    assert _labelled(store, corrected) and _labelled(store, other["label"])
    assert not _labelled(store, third["label"]) and not _labelled(store, first["label"])
    subject, obj = status[first["id"]]["iri"], status[other["id"]]["iri"]
    assert store.query(f"ASK {{ <{subject}> <{FP_IRI}{relation['predicate']}> <{obj}> }}") is True
    # the queue shows each status; the history the two accepts
    texts = {i["id"]: page.inner_text(f"#data-review li[data-id='{i['id']}']") for i in (first, relation, third)}
    assert "godkänd av Anna" in texts[first["id"]] and "godkänd av Anna" in texts[relation["id"]]
    assert "avvisad av Anna" in texts[third["id"]] and "ingen aktör" in texts[third["id"]]
    assert page.get_by_role("button", name=f"Avvisa: {third['label']}", exact=True).count() == 0
    assert [e["operation"] for e in edit.history(store)] == ["ingest_accept", "ingest_accept"]
    page.wait_for_function("(n) => document.querySelectorAll('#data-history tbody tr').length === n",
                           arg=2, timeout=20_000)
    assert blocking(axe_violations(page)) == []
    # the explorer finds the accepted entity by its corrected label, and its details show the relation
    page.goto(base + "/")
    page.wait_for_function("() => window.cy && window.cy.nodes().length > 0", timeout=30_000)
    page.fill("#explore-search", corrected.split()[0])
    page.locator(".hit", has_text=corrected).first.click()
    page.wait_for_function("(t) => document.querySelector('#explore-details h2')?.innerText === t", arg=corrected,
                           timeout=20_000)
    page.wait_for_function("(t) => document.querySelector('#explore-details').innerText.includes(t)",
                           arg=other["label"], timeout=20_000)
    assert page.console_errors == []


def test_with_edits_off_no_upload_is_offered_and_the_page_says_why(live_app, page):
    open_settled(page, live_app + "/data", PAGES["/data"])
    assert page.locator("#data-reply-upload").count() == 0
    said = page.inner_text("#data-reply-off")
    assert "Uppladdning av remissvar är avstängd" in said and "fardplan serve --allow-edits" in said
    assert page.locator("#data-review button").count() == 0
    assert page.console_errors == []
