"""The compare page (/jamfor) and the network's source filter in a real Chromium, with two replies loaded."""

from __future__ import annotations

import pytest

from graph.load.loader import ensure_seeded, load_files
from graph.settings import Settings
from graph.store import EmbeddedStore
from graph.vocab.namespaces import ID_IRI
from tests.support.a11y import PAGES, axe_violations, blocking, open_settled
from tests.support.browser import browser_page
from tests.support.paths import FIXTURES
from ui import ids


@pytest.fixture(scope="module")
def two_reply_app():
    from tests.support.servers import wsgi_server
    from ui.app import create_app

    store = EmbeddedStore()
    ensure_seeded(store)
    load_files(store, [FIXTURES / "second-reply.ttl"])
    with wsgi_server(create_app(Settings(store="memory"), store=store).server) as base:
        yield base


@pytest.mark.browser
def test_compare_shows_the_shared_actor_and_the_network_filters_by_reply(two_reply_app):
    with browser_page(1400, 900) as (pg, errors):
        open_settled(pg, two_reply_app + "/jamfor?which=several", PAGES["/jamfor"])
        table = pg.locator(".cmp-table")
        assert "testförvaltningen" in table.locator("thead").inner_text().lower()
        row = table.locator("tbody tr")
        assert row.count() == 1 and "DT.VI" in row.first.inner_text()
        assert row.first.locator("td").last.inner_text().strip() == "Polisen"
        row.first.locator("summary", has_text="Vad svaret säger").last.click()
        assert "för ökad trygghet" in row.first.inner_text()  # the restored reading beside the raw quote
        assert blocking(axe_violations(pg)) == []
        pg.get_by_role("radio", name="Alla strategier", exact=True).check()
        pg.wait_for_function("() => document.querySelectorAll('.cmp-table tbody tr').length === 23")
        pg.wait_for_url("**/jamfor?which=all", timeout=10_000)
        open_settled(pg, two_reply_app + "/natverk", PAGES["/natverk"])
        whole = pg.evaluate("() => window.cy.nodes().length")
        pg.goto(two_reply_app + "/natverk?reply=fpid:document/yttrande-test")
        pg.wait_for_function("() => window.cy && window.cy.nodes().length === 1", timeout=30_000)
        assert whole > 1 and "reply=fpid" in pg.url
        open_settled(pg, two_reply_app + "/", PAGES["/"])  # the explorer: the same filter in its sidebar
        everything = pg.evaluate("() => window.cy.nodes().length")
        pg.locator(f"#{ids.SOURCE}").get_by_role("radio", name="Testförvaltningen", exact=True).check()
        pg.wait_for_function("() => window.cy.nodes().length === 3", timeout=30_000)
        assert everything > 3 and "reply=fpid" in pg.url
        assert sorted(pg.evaluate("() => window.cy.nodes().map(n => n.id())")) == [
            ID_IRI + "org/polisen", ID_IRI + "project/trygga-torg", ID_IRI + "strategy/DT.VI"]
        assert blocking(axe_violations(pg)) == []
        assert errors == []
