"""The SPARQL page in a real headless Chromium: examples, run, errors with their line, shareable URLs, downloads."""

from __future__ import annotations

import csv
import io
from urllib.parse import parse_qs, urlparse

import pytest

from graph.vocab.namespaces import sparql_prologue

pytestmark = pytest.mark.browser

PATH = "/fraga"
EDITOR = ".sparql-editor-mount .cm-content"
DATA_ROWS = "#sparql-table tr:has(td.dash-cell)"


def open_page(page, url: str) -> None:
    """Open the SPARQL page and wait until the editor is mounted."""
    page.goto(url)
    page.wait_for_selector(EDITOR, timeout=30_000)


def editor_text(page) -> str:
    return page.evaluate("() => window.fardplanSparqlEditor.getText()")


def pick_example(page, title: str) -> None:
    """Choose an example in the dropdown the way a person does: open it, type, click the option."""
    page.click("#sparql-example")
    page.keyboard.type(title[:12])
    page.get_by_role("option", name=title, exact=True).click()
    page.wait_for_function("(t) => document.querySelector('#sparql-example-info')?.innerText.length > 0", arg=title)


def type_query(page, text: str) -> None:
    """Replace the editor's text as typed input (select all, then insert), as a person pasting would."""
    page.click(EDITOR)
    page.keyboard.press("Control+A")
    page.keyboard.insert_text(text)


def wait_rows(page, n: int) -> None:
    page.wait_for_function(f"() => document.querySelectorAll('{DATA_ROWS}').length === {n}", timeout=30_000)


def run_example(page, live_app: str) -> str:
    open_page(page, live_app + PATH)
    pick_example(page, "Strategier per målområde")
    page.wait_for_function("() => window.fardplanSparqlEditor.getText().includes('fp:Strategy')")
    page.click("#sparql-run")
    wait_rows(page, 23)
    page.wait_for_function("() => location.search.startsWith('?query=')")
    return page.url


def test_example_runs_into_a_sortable_table(live_app, page):
    run_example(page, live_app)
    assert page.locator("#sparql-status").inner_text().startswith("23 rader")
    assert "ms" in page.locator("#sparql-status").inner_text()
    headers = page.locator("#sparql-table th.dash-header").all_inner_texts()
    assert [h.strip() for h in headers] == ["goalArea", "goalAreaLabel", "notation", "strategy", "label"]
    first = page.locator(f"{DATA_ROWS} >> nth=0 >> td.dash-cell").all_inner_texts()
    assert first[2].strip() == "AF.I" and first[3].strip() == "fpid:strategy/AF.I"
    notation = f"{DATA_ROWS} td.dash-cell[data-dash-column='2']"
    before = [c.strip() for c in page.locator(notation).all_inner_texts()]
    sort = page.locator("#sparql-table th.dash-header", has_text="notation").locator(".column-header--sort")
    sort.click()  # ascending
    sort.click()  # descending
    page.wait_for_function(f"() => document.querySelector(\"{notation}\").innerText.trim() !== 'AF.I'")
    after = [c.strip() for c in page.locator(notation).all_inner_texts()]
    assert after == sorted(before, reverse=True) and after != before
    assert page.console_errors == []


def test_syntax_error_shows_its_line_and_marks_it(live_app, page):
    open_page(page, live_app + PATH)
    type_query(page, "SELECT ?s WHERE {\n  ?s ?p ?o .\n  FITLER (?s = 1)\n}\n")
    page.wait_for_function("() => window.fardplanSparqlEditor.getText().includes('FITLER')")
    page.keyboard.press("Control+Enter")
    error = page.locator("#sparql-error .sq-error")
    error.wait_for(timeout=30_000)
    assert "rad 3" in error.inner_text().lower()
    page.wait_for_selector(".cm-error-line", timeout=10_000)
    assert "FITLER" in page.locator(".cm-error-line").inner_text()
    assert page.locator(DATA_ROWS).count() == 0
    assert page.console_errors == []


def test_refused_update_says_so(live_app, page):
    open_page(page, live_app + PATH)
    type_query(page, "INSERT DATA { <urn:a> <urn:b> <urn:c> }")
    page.click("#sparql-run")
    page.locator("#sparql-error .sq-error").wait_for(timeout=30_000)
    assert "tillåts inte" in page.locator("#sparql-error").inner_text()
    assert page.console_errors == []


def test_shared_url_reopens_and_runs_the_query(live_app, page):
    url = run_example(page, live_app)
    query = parse_qs(urlparse(url).query)["query"][0]
    assert "fp:Strategy" in query
    page.goto("about:blank")
    open_page(page, url)
    wait_rows(page, 23)
    assert editor_text(page) == query
    assert page.console_errors == []


def test_construct_draws_a_graph_and_ask_answers(live_app, page):
    describe = sparql_prologue() + "\nDESCRIBE fpid:org\\/polisen\n"
    open_page(page, live_app + PATH)
    type_query(page, describe)
    page.click("#sparql-run")
    page.wait_for_function("() => window.cy && window.cy.nodes().length > 1", timeout=30_000)
    labels = page.evaluate("() => window.cy.nodes().map(n => n.data('label'))")
    assert "Polisen" in labels
    assert page.evaluate("() => window.cy.edges().length") > 0
    assert "tripplar" in page.locator("#sparql-status").inner_text()
    type_query(page, "ASK { ?s ?p ?o }")
    page.click("#sparql-run")
    page.locator(".sq-boolean.yes").wait_for(timeout=30_000)
    assert page.console_errors == []


def test_csv_download(live_app, page, tmp_path):
    run_example(page, live_app)
    with page.expect_download(timeout=30_000) as info:
        page.click("#sparql-csv")
    target = tmp_path / "answer.csv"
    info.value.save_as(target)
    rows = list(csv.reader(io.StringIO(target.read_text(encoding="utf-8"))))
    assert rows[0] == ["goalArea", "goalAreaLabel", "notation", "strategy", "label"] and len(rows) == 24
    assert page.console_errors == []


def test_english(live_app, page):
    open_page(page, live_app + PATH + "?lang=en")
    assert page.locator("#sparql-run").inner_text() == "Run"
    pick_example(page, "Strategies per goal area")
    page.click("#sparql-run")
    wait_rows(page, 23)
    assert page.locator("#sparql-status").inner_text().startswith("23 rows")
    assert "lang=en" in page.url and "query=" in page.url
    assert page.console_errors == []
