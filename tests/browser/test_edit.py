"""Editing in a real headless Chromium (``allow_edits`` on): edit a label, see it, undo it; a relation from a
selected passage, added and deleted; the name kept in the browser; axe finds nothing serious on the form."""

from __future__ import annotations

import pytest

from graph import edit
from graph.vocab.namespaces import ID_IRI, PREFIXES
from tests.support.a11y import axe_violations, blocking

pytestmark = pytest.mark.browser

POLISEN = ID_IRI + "org/polisen"
TITLE = "() => document.querySelector('#explore-details h2')?.innerText === {!r}"



def _open(page, url: str) -> None:
    page.goto(url)
    page.locator("#explore-edit-form").wait_for(timeout=30_000)
    page.wait_for_function("() => !document.querySelector('[data-dash-is-loading=\"true\"]')", timeout=30_000)
    page.wait_for_timeout(300)  # the stored name has been put into its field (the who callback's first call)


def _result(page, text: str) -> None:
    try:
        page.wait_for_function("(t) => document.querySelector('#explore-edit-result').innerText.includes(t)",
                               arg=text, timeout=20_000)
    except Exception:
        raise AssertionError(page.inner_text("#explore-edit-result")) from None


def test_edit_a_label_see_it_and_undo_it(editable, page):
    base, store = editable
    _open(page, base + "/?sel=fpid:org/polisen")
    page.fill("#explore-edit-who-input", "Anna")
    page.fill("#explore-edit-why", "myndighetens namn")
    page.fill("#explore-edit-label", "Polismyndigheten")
    page.click("#explore-edit-label-save")
    page.wait_for_function(TITLE.format("Polismyndigheten"), timeout=20_000)
    _result(page, "Sparat: Etikett (sv) för Polisen: ”Polisen” → ”Polismyndigheten”")
    label = page.evaluate("(id) => window.cy.getElementById(id).data('label')", POLISEN)
    assert "Polismyndigheten" in label
    [entry] = edit.history(store)
    assert (entry["who"], entry["why"], entry["operation"]) == ("Anna", "myndighetens namn", "set_label")
    assert blocking(axe_violations(page)) == []
    page.click("#explore-edit-undo")
    page.wait_for_function(TITLE.format("Polisen"), timeout=20_000)
    _result(page, "Sparat: Ångrat")
    assert [e["operation"] for e in edit.history(store)] == ["undo", "set_label"]
    _open(page, base + "/?sel=fpid:org/polisen")  # the name is kept in this browser
    page.wait_for_function("() => document.querySelector('#explore-edit-who-input').value === 'Anna'",
                           timeout=10_000)
    assert page.console_errors == []


def test_a_relation_from_a_selected_passage_added_then_deleted(editable, page, raw_source):
    base, store = editable
    _open(page, base + "/?sel=fpid:org/polisen")
    page.fill("#explore-edit-who-input", "Anna")
    selected = page.evaluate("""() => {
        const block = document.querySelector('#explore-details blockquote.quote-text[data-doc]');
        const node = block.firstChild.nodeType === 3 ? block.firstChild : block.firstChild.firstChild;
        const range = document.createRange();
        range.setStart(node, 0); range.setEnd(node, Math.min(12, node.length));
        const sel = window.getSelection(); sel.removeAllRanges(); sel.addRange(range);
        document.dispatchEvent(new MouseEvent('mouseup', {bubbles: true}));
        return {text: range.toString(), start: Number(block.dataset.start)};
    }""")
    page.wait_for_function("(t) => document.querySelector('#explore-edit-quote').value === t", arg=selected["text"],
                           timeout=10_000)
    assert raw_source[selected["start"]:selected["start"] + len(selected["text"])] == selected["text"]
    page.click("#explore-edit-predicate")
    page.keyboard.type("samarbetar")
    page.get_by_role("option", name="samarbetar med", exact=True).click()
    page.fill("#explore-edit-target", "Civilsamhället")
    page.click("#explore-edit-relation-add")
    _result(page, "Sparat: Ny relation: Polisen samarbetar med Civilsamhället (uttalad")
    delete = page.locator("button[aria-label='Ta bort relationen Polisen samarbetar med Civilsamhället']")
    delete.wait_for(timeout=20_000)
    answer = store.query(f"PREFIX fp: <{PREFIXES['fp']}> SELECT ?t WHERE {{ ?a fp:startOffset ?s ; fp:exactText ?t "
                         f"FILTER (?s = {selected['start']}) }}")
    assert selected["text"] in {row[0].value for row in answer.rows}
    delete.click()
    _result(page, "Sparat: Borttagen relation: Polisen samarbetar med Civilsamhället")
    assert page.locator("button[aria-label='Ta bort relationen Polisen samarbetar med Civilsamhället']").count() == 0
    assert [e["operation"] for e in edit.history(store)] == ["delete_relation", "add_relation"]
    assert page.console_errors == []


def test_with_edits_off_no_edit_control_is_rendered(live_app, page):
    page.goto(live_app + "/?sel=fpid:org/polisen")
    page.wait_for_function(TITLE.format("Polisen"), timeout=30_000)
    assert page.locator("#explore-edit-panel, #explore-edit-form, #explore-edit-undo").count() == 0
    assert page.locator("button[aria-label^='Ta bort relationen']").count() == 0
    assert page.console_errors == []
