"""Issue 14 item 6 (b) in a real headless Chromium, edits on: a reply text in the seed's OCR style
(tests/fixtures/reply-farsta.txt) uploaded on /data → the queue shows its proposals with their words marked →
two accepted (one with its label corrected first), one rejected → the accepted facts are in the graph and the
explorer finds them, the rejected one is not; the queue shows each status and the history the accepts; axe clean."""

from __future__ import annotations

import pytest

from graph import edit
from graph.ingest.review import queue
from graph.settings import Settings
from graph.store import EmbeddedStore
from tests.support.a11y import PAGES, axe_violations, blocking, open_settled
from tests.support.paths import FIXTURES
from tests.support.servers import wsgi_server

pytestmark = pytest.mark.browser

REPLY = FIXTURES / "reply-farsta.txt"
LABEL = "http://www.w3.org/2004/02/skos/core#prefLabel"


@pytest.fixture
def editable(seed_store, tmp_path):
    """The explorer with edits on over a store of its own (replies saved under ``tmp_path``); (base URL, store)."""
    from ui.app import create_app

    store = EmbeddedStore()
    store.insert(seed_store.quads())
    app = create_app(Settings(store="memory", allow_edits=True, data_dir=str(tmp_path)), store=store)
    with wsgi_server(app.server) as base:
        yield base, store


def _said(page, text: str) -> None:
    try:
        page.wait_for_function("(t) => document.querySelector('#data-review-result').innerText.includes(t)",
                               arg=text, timeout=60_000)
    except Exception:
        raise AssertionError(page.inner_text("#data-review-result")) from None


def _labelled(store, label: str) -> bool:
    answer = store.query(f"SELECT ?s WHERE {{ ?s <{LABEL}> ?l FILTER (str(?l) = {label!r}) }}".replace("'", '"'))
    return bool(answer.rows)


def test_upload_a_reply_accept_two_reject_one(editable, page):
    base, store = editable
    open_settled(page, base + "/data", PAGES["/data"])
    page.fill("#explore-edit-who-input", "Anna")
    page.set_input_files("#data-reply-upload input[type=file]", str(REPLY))
    _said(page, "reply-farsta.txt är inläst")
    page.locator("#data-review .review-item").first.wait_for(timeout=20_000)
    items = queue(store, status=None)
    new = [i for i in items if i["kind"] == "entity" and i["iri"] is None]
    assert len(new) >= 3, [i["label"] for i in items]
    marks = page.locator("#data-review .review-item mark").all_inner_texts()
    assert len(marks) == len(items) and all(m.strip() for m in marks)
    first, second, third = new[:3]
    # the first accepted with its label corrected, the second as proposed, the third rejected
    corrected = first["label"] + " (rättat)"
    field = page.locator(f"#data-review li[data-id='{first['id']}'] input[type=text]")
    field.fill(corrected)
    page.get_by_role("button", name=f"Godkänn: {first['label']}", exact=True).click()
    _said(page, "Godkänt:")
    page.get_by_role("button", name=f"Godkänn: {second['label']}", exact=True).click()
    page.wait_for_function("(id) => document.querySelector(`#data-review li[data-id='${id}']`)"
                           "?.classList.contains('review-accepted')", arg=second["id"], timeout=30_000)
    page.fill("#data-why", "ingen aktör")
    page.get_by_role("button", name=f"Avvisa: {third['label']}", exact=True).click()
    _said(page, f"Avvisat: {third['label']}")
    status = {i["id"]: i for i in queue(store, status=None)}
    assert [status[i["id"]]["status"] for i in (first, second, third)] == ["accepted", "accepted", "rejected"]
    assert (status[third["id"]]["who"], status[third["id"]]["why"]) == ("Anna", "ingen aktör")
    # the accepted facts are in the graph, the rejected one is not
    assert _labelled(store, corrected) and _labelled(store, second["label"])
    assert not _labelled(store, third["label"]) and not _labelled(store, first["label"])
    # the queue shows each status; the history the two accepts
    texts = {i["id"]: page.inner_text(f"#data-review li[data-id='{i['id']}']") for i in (first, second, third)}
    assert "godkänd av Anna" in texts[first["id"]] and "godkänd av Anna" in texts[second["id"]]
    assert "avvisad av Anna" in texts[third["id"]] and "ingen aktör" in texts[third["id"]]
    assert page.get_by_role("button", name=f"Avvisa: {third['label']}", exact=True).count() == 0
    page.wait_for_function("(n) => document.querySelectorAll('#data-history tbody tr').length === n",
                           arg=len(edit.history(store)), timeout=20_000)
    assert len(edit.history(store)) >= 2
    assert blocking(axe_violations(page)) == []
    # the explorer finds the accepted entity by its corrected label
    page.goto(base + "/")
    page.wait_for_function("() => window.cy && window.cy.nodes().length > 0", timeout=30_000)
    page.fill("#explore-search", corrected.split()[0])
    page.locator(".hit", has_text=corrected).first.wait_for(timeout=15_000)
    assert page.console_errors == []


def test_with_edits_off_no_upload_is_offered_and_the_page_says_why(live_app, page):
    open_settled(page, live_app + "/data", PAGES["/data"])
    assert page.locator("#data-reply-upload").count() == 0
    said = page.inner_text("#data-reply-off")
    assert "Uppladdning av remissvar är avstängd" in said and "fardplan serve --allow-edits" in said
    assert page.locator("#data-review button").count() == 0
    assert page.console_errors == []
