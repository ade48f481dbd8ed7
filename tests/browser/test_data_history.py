"""Issue 14 item 6 (a) in a real headless Chromium, edits on: a real XLSX (written here with openpyxl) uploaded on
/data → the preview lists the new actor → confirm (by the name typed on /data) → the import is a change in the
history → the explorer finds the actor by search → its label edited, seen, undone → the old label is back, and
/data's history lists the import, the edit and its undo (axe clean there) → the import undone with /data's button:
the actor is gone."""

from __future__ import annotations

import pytest
from openpyxl import Workbook

from graph import edit
from graph.vocab.namespaces import ID_IRI
from tests.support.a11y import PAGES, axe_violations, blocking, open_settled

pytestmark = pytest.mark.browser

POLISEN = ID_IRI + "org/polisen"
ACTOR = "Farsta fritidsgårdsförening"
RENAMED = "Farsta fritidsgårdars förening"
DOCUMENT = "Verksamhetsplan 2026 för Farsta fritidsgårdsförening"
LABEL = "http://www.w3.org/2004/02/skos/core#prefLabel"
TITLE = "(t) => document.querySelector('#explore-details h2')?.innerText === t"



def _workbook(path) -> None:
    book = Workbook()
    actors = book.active
    actors.title = "Aktörer"
    actors.append(["namn", "namn_en", "typ", "beskrivning", "källdokument", "citat"])
    actors.append([ACTOR, "Farsta youth club association", "civilsamhällesaktör",
                   "En ideell förening som driver fritidsgårdar i Farsta.", DOCUMENT,
                   "Föreningen driver två fritidsgårdar i Farsta."])
    relations = book.create_sheet("Relationer")
    relations.append(["aktör eller projekt", "relation", "partner", "strategi eller målområde", "källdokument",
                      "citat", "grund", "motivering", "motivering_en"])
    relations.append([ACTOR, "samarbetar med", "Polisen", None, DOCUMENT,
                      "Föreningen samarbetar med Polisen om trygghetsvandringar.", "uttalad", None, None])
    book.save(path)


def _edit_result(page, text: str) -> None:
    try:
        page.wait_for_function("(t) => document.querySelector('#explore-edit-result').innerText.includes(t)",
                               arg=text, timeout=20_000)
    except Exception:
        raise AssertionError(page.inner_text("#explore-edit-result")) from None


def test_import_find_edit_undo_and_the_history_lists_both(editable, page, tmp_path):
    base, store = editable
    path = tmp_path / "farsta.xlsx"
    _workbook(path)
    open_settled(page, base + "/data", PAGES["/data"])
    assert "Inga ändringar ännu." in page.inner_text("#data-history")
    page.set_input_files("#data-upload input[type=file]", str(path))
    page.wait_for_function("() => document.querySelector('#data-preview h2')", timeout=20_000)
    preview = page.inner_text("#data-preview")
    assert "Alla 2 rader godkändes" in preview and ACTOR in preview and "läggs till" in preview
    page.click("#data-confirm")  # no name yet: refused, nothing written
    page.wait_for_function("() => document.querySelector('#data-result').innerText.includes('Skriv ditt namn')",
                           timeout=20_000)
    assert edit.history(store) == [] and not page.locator("#data-confirm").is_disabled()
    page.fill("#explore-edit-who-input", "Anna")
    page.fill("#data-why", "föreningens verksamhetsplan")
    page.click("#data-confirm")
    page.wait_for_function("() => document.querySelector('#data-result .data-done')", timeout=20_000)
    what = "Import: farsta.xlsx — 1 ny aktör, 0 projekt, 1 relation"
    assert f"Importen är en ändring i historiken nedan (”{what}”)" in page.inner_text("#data-result")
    page.wait_for_function("(t) => document.querySelector('#data-history tbody tr')?.innerText.includes(t)",
                           arg=what, timeout=20_000)
    [imported] = edit.history(store)
    assert (imported["operation"], imported["who"], imported["why"]) == ("import", "Anna",
                                                                         "föreningens verksamhetsplan")
    # the explorer finds the new actor by search; its label is edited and seen
    page.click("#data-result a")
    page.wait_for_function("() => window.cy && window.cy.nodes().length > 0", timeout=30_000)
    page.fill("#explore-search", "fritidsgårdsförening")
    page.locator(".hit", has_text=ACTOR).first.click()
    page.wait_for_function(TITLE, arg=ACTOR, timeout=20_000)
    page.locator("#explore-edit-form").wait_for(timeout=20_000)
    page.fill("#explore-edit-why", "föreningens rätta namn")
    page.fill("#explore-edit-label", RENAMED)
    page.click("#explore-edit-label-save")
    page.wait_for_function(TITLE, arg=RENAMED, timeout=20_000)
    _edit_result(page, f"Sparat: Etikett (sv) för {ACTOR}: ”{ACTOR}” → ”{RENAMED}”")
    # undone: the old label is back
    page.click("#explore-edit-undo")
    page.wait_for_function(TITLE, arg=ACTOR, timeout=20_000)
    _edit_result(page, "Sparat: Ångrat")
    assert [e["operation"] for e in edit.history(store)] == ["undo", "set_label", "import"]
    # /data lists the three, newest first, with who, why and the undo link
    open_settled(page, base + "/data", PAGES["/data"])
    page.wait_for_function("() => document.querySelector('#explore-edit-who-input')?.value === 'Anna'",
                           timeout=10_000)  # the name is the explorer's, kept in this browser
    rows = page.locator("#data-history tbody tr").all_inner_texts()
    assert len(rows) == 3 and "3 ändringar." in page.inner_text("#data-history")
    assert f"Ångrat: Etikett (sv) för {ACTOR}" in rows[0] and "ångrar ändringen från" in rows[0]
    assert f"”{ACTOR}” → ”{RENAMED}”" in rows[1] and "föreningens rätta namn" in rows[1]
    assert "ångrad" in rows[1] and "av Anna" in rows[1]
    assert what in rows[2] and "Anna" in rows[2] and "föreningens verksamhetsplan" in rows[2]
    assert page.locator("#data-history button", has_text="Ångra").count() == 2  # the undo and the import
    assert blocking(axe_violations(page)) == []
    # the import undone with its button: the actor and its relation are gone from the data
    page.get_by_role("button", name=f"Ångra ändringen: {what}", exact=True).click()
    page.wait_for_function("() => document.querySelectorAll('#data-history tbody tr').length === 4",
                           timeout=30_000)
    undo = edit.history(store)[0]
    assert undo["undoes"] == imported["id"] and undo["who"] == "Anna"
    assert not store.query(f"ASK {{ ?s <{LABEL}> ?l FILTER (str(?l) = \"{ACTOR}\") }}")
    assert page.console_errors == []


def test_undo_on_data_restores_the_label_and_redraws_the_history(editable, page):
    base, store = editable
    answer = edit.run(store, "set_label", {"node": POLISEN, "lang": "sv",
                                           "text": "Polismyndigheten"}, "Anna", "test", allowed=True)
    assert answer["ok"], answer
    open_settled(page, base + "/data?lang=en", PAGES["/data"])
    page.fill("#explore-edit-who-input", "Bertil")
    page.fill("#data-why", "the old name was right")
    button = page.get_by_role("button", name="Undo the change: Label (sv) of The Police", exact=False)
    button.focus()
    page.keyboard.press("Enter")
    page.wait_for_function("() => document.querySelector('#data-history-result').innerText.startsWith('Saved')",
                           timeout=20_000)
    page.wait_for_function("() => document.querySelectorAll('#data-history tbody tr').length === 2",
                           timeout=20_000)
    undo, _ = edit.history(store)
    assert (undo["who"], undo["why"], undo["operation"]) == ("Bertil", "the old name was right", "undo")
    assert "Undone: Label (sv) of The Police" in page.inner_text("#data-history tbody tr:first-child")
    labels = store.query(f"SELECT ?l WHERE {{ <{POLISEN}> <http://www.w3.org/2004/02/skos/core#prefLabel> ?l "
                         "FILTER (lang(?l) = 'sv') }")
    assert [row[0].value for row in labels.rows] == ["Polisen"]
    assert page.console_errors == []
