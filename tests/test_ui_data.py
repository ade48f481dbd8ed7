"""The Data page (/data): builders without a browser, and in a real Chromium the upload → preview → confirm flow
that ends with the new actor found by the explorer's search, and the page with importing turned off."""

from __future__ import annotations

import io

import pytest
from openpyxl import Workbook

from graph.load.sheets import preview
from graph.load.sheets_out import template_workbook
from graph.loading import ensure_seeded
from graph.settings import Settings
from graph.store import EmbeddedStore
from tests.a11y import PAGES, axe_violations, blocking, open_settled
from tests.browser import browser_page
from ui.callbacks.data import upload_bytes
from ui.pages import data as page


def _text(component) -> str:
    """Every string inside a Dash component tree, joined."""
    if isinstance(component, str | int | float):
        return str(component)
    if isinstance(component, list | tuple):
        return " ".join(_text(c) for c in component)
    children = getattr(component, "children", None)
    return _text(children) if children is not None else ""


@pytest.fixture(scope="module")
def store() -> EmbeddedStore:
    s = EmbeddedStore()
    ensure_seeded(s)
    return s


def _broken() -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.title = "Aktörer"
    sheet.append(["namn", "typ"])
    sheet.append(["Ny förening", "klubb"])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def test_the_preview_builder_shows_counts_matches_and_rows(store):
    result = preview(store, template_workbook(), "mall.xlsx")
    sv, en = _text(page.build_preview(result, "sv")), _text(page.build_preview(result, "en"))
    assert "Förhandsgranskning av mall.xlsx" in sv and "Alla 6 rader godkändes: 80 tripler" in sv
    assert "finns redan: Polisen" in sv and "already there: Polisen" in en
    assert "Skarpnäcks läxhjälpsförening" in sv and "läggs till" in sv and "tolkning" in sv


def test_the_preview_builder_lists_each_problem_at_its_place(store):
    result = preview(store, _broken(), "fel.xlsx")
    parts = page.build_preview(result, "sv")
    text = _text(parts)
    assert "1 fel: ingenting kan importeras" in text
    table = parts[-1]
    assert _text(table.children[2]).split()[:4] == ["Aktörer", "2", "B", "(typ)"]
    assert "okänd typ 'klubb'" in text


def test_layout_says_importing_is_off_and_how_to_turn_it_on(store):
    from ui.app import create_app

    ctx = create_app(Settings(store="memory"), store=store).server.extensions["fardplan"]
    text = _text(page.layout(ctx, "sv"))
    assert "Import är avstängd" in text and "fardplan serve --allow-edits" in text
    assert "FARDPLAN_ALLOW_EDITS=1" in text and "Ladda ner mallen (XLSX)" in text
    assert upload_bytes("data:application/octet-stream;base64,aGVq") == b"hej"
    assert upload_bytes("garbage") == b""


@pytest.fixture(scope="module")
def editable_app():
    """An explorer with importing on, on its own store (the import writes to it)."""
    from tests.servers import wsgi_server
    from ui.app import create_app

    store = EmbeddedStore()
    ensure_seeded(store)
    app = create_app(Settings(store="memory", allow_edits=True), store=store)
    with wsgi_server(app.server) as base:
        yield base


@pytest.mark.browser
def test_upload_preview_confirm_then_search_finds_the_new_actor(editable_app, tmp_path):
    path = tmp_path / "mall.xlsx"
    path.write_bytes(template_workbook())
    with browser_page(1400, 900) as (pg, errors):
        open_settled(pg, editable_app + "/data", PAGES["/data"])
        assert "Import är påslagen" in pg.inner_text("#data-edits")
        assert pg.locator("#data-confirm").is_disabled()
        pg.set_input_files("#data-upload input[type=file]", str(path))
        pg.wait_for_function("() => document.querySelector('#data-preview h2')", timeout=20_000)
        assert "Alla 6 rader godkändes" in pg.inner_text("#data-preview")
        assert "finns redan: Polisen" in pg.inner_text("#data-preview")
        assert blocking(axe_violations(pg)) == []
        pg.click("#data-confirm")
        pg.wait_for_function("() => document.querySelector('#data-result .data-done')", timeout=20_000)
        assert "80 tripler sparades" in pg.inner_text("#data-result")
        assert pg.locator("#data-confirm").is_disabled()
        pg.click("#data-result a")
        pg.wait_for_function("() => window.cy && window.cy.nodes().length > 0", timeout=30_000)
        pg.fill("#explore-search", "läxhjälpsförening")
        hit = pg.locator(".hit", has_text="Skarpnäcks läxhjälpsförening")
        hit.first.wait_for(timeout=15_000)
        assert errors == []


@pytest.mark.browser
def test_with_importing_off_the_page_previews_and_offers_the_template(live_app, tmp_path):
    path = tmp_path / "mall.xlsx"
    path.write_bytes(template_workbook())
    with browser_page(1400, 900) as (pg, errors):
        open_settled(pg, live_app + "/data", PAGES["/data"])
        assert "fardplan serve --allow-edits" in pg.inner_text("#data-edits")
        with pg.expect_download() as download:
            pg.click("#data-template")
        assert download.value.suggested_filename == "fardplan-mall.xlsx"
        assert download.value.path().read_bytes()[:2] == b"PK"
        pg.set_input_files("#data-upload input[type=file]", str(path))
        pg.wait_for_function("() => document.querySelector('#data-preview h2')", timeout=20_000)
        assert "Alla 6 rader godkändes" in pg.inner_text("#data-preview")
        assert pg.locator("#data-confirm").is_disabled()
        assert errors == []
