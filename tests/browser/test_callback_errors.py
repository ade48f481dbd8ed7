"""A failing callback shows the user a clear message in the page (and a banner), never a blank panel, and logs
its traceback: forced here by making a graph function raise, checked in a real headless Chromium."""

from __future__ import annotations

import logging
import re

import pytest

from graph.settings import Settings
from tests.support.browser import browser_page
from tests.support.servers import wsgi_server
from ui.app import create_app
from ui.components.errors import MESSAGES

pytestmark = pytest.mark.browser


def _boom(*_args, **_kwargs):
    raise RuntimeError("forced failure for the test")


@pytest.fixture
def failing_app(seed_store, monkeypatch):
    """The explorer whose network analysis and explorer view raise."""
    import ui.callbacks.explore
    import ui.callbacks.planner
    import ui.components.explore

    monkeypatch.setattr(ui.callbacks.planner, "network", _boom)
    monkeypatch.setattr(ui.callbacks.explore, "view", _boom)
    monkeypatch.setattr(ui.components.explore, "view", _boom)  # the first view is drawn with the page
    app = create_app(Settings(store="memory"), store=seed_store)
    with wsgi_server(app.server) as base:
        yield base


def _ref(text: str) -> str:
    found = re.search(r"\(\w+ \w+ ([0-9a-f]{8})\)|\(felreferens ([0-9a-f]{8})\)", text)
    assert found, text
    return found.group(1) or found.group(2)


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_the_panel_of_a_failed_callback_says_so(failing_app, caplog, lang) -> None:
    caplog.set_level(logging.ERROR, logger="ui.components.errors")
    with browser_page() as (page, console_errors):
        statuses: list[int] = []
        page.on("response", lambda r: statuses.append(r.status) if "_dash-update-component" in r.url else None)
        page.goto(failing_app + "/natverk" + ("?lang=en" if lang == "en" else ""))
        panel = page.locator("#network-body .callback-error")
        panel.wait_for(timeout=30_000)
        expected = MESSAGES[lang].split("(")[0].strip()
        assert panel.inner_text().startswith(expected)
        banner = page.locator("#error-banner")
        assert banner.is_visible()
        ref = _ref(panel.inner_text())
        assert ref in banner.inner_text()
        assert console_errors == []
        assert 500 not in statuses
        # The message goes with the page: another page starts without it.
        page.locator("nav a[href^='/luckor']").first.click()
        page.locator("table.coverage").wait_for(timeout=30_000)
        assert not banner.is_visible()
    logged = [r for r in caplog.records if ref in r.getMessage()]
    assert logged and logged[0].exc_info and "forced failure for the test" in str(logged[0].exc_info[1])
    assert "network-body.children" in logged[0].getMessage()


def test_a_failed_callback_without_a_panel_shows_the_banner(failing_app) -> None:
    """The explorer's view fills the graph (no panel): its status line and the banner carry the message, and the
    rest of the page (nav, search) is still there."""
    with browser_page() as (page, console_errors):
        page.goto(failing_app + "/")
        page.locator("#error-banner .callback-error").wait_for(timeout=30_000)
        assert page.locator("#explore-status .callback-error").count() == 1
        assert page.locator("nav a[href^='/luckor']").count() >= 1 and page.locator("#explore-search").count() == 1
        assert page.locator("#error-banner").inner_text().startswith(MESSAGES["sv"].split("(")[0].strip())
        assert console_errors == []
