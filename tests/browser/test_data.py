"""The Data page (/data) in a real Chromium: upload → preview → confirm, ending with the new actor found by the
explorer's search; and the page with importing turned off (template download, preview, no confirm)."""

from __future__ import annotations

import pytest

from graph.load.loader import ensure_seeded
from graph.load.sheets_out import template_workbook
from graph.settings import Settings
from graph.store import EmbeddedStore
from tests.support.a11y import PAGES, axe_violations, blocking, open_settled
from tests.support.browser import browser_page


@pytest.fixture(scope="module")
def editable_app():
    """An explorer with importing on, on its own store (the import writes to it)."""
    from tests.support.servers import wsgi_server
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
        pg.fill("#explore-edit-who-input", "Anna")  # an import is a change in the history, by a name
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
