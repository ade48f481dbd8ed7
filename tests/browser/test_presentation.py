"""Meeting room in a real headless Chromium at 1920×1080 (a projector): stable positions, no overlapping labels,
no invalid edges, legible dimming, the projector profile, and a whole meeting walked through (issue 13)."""

from __future__ import annotations

import pytest

from graph.service.views import add_view
from graph.settings import Settings

pytestmark = pytest.mark.browser

WIDTH, HEIGHT = 1920, 1080
GRAPHS = {"/": "explore-graph", "/strategi?strategy=fpid:strategy/DT.VI": "strategy-actors-graph",
          "/tva-aktorer?actors=polisen,socialtjansten": "two-actors-graph", "/natverk": "network-graph"}
VIEWS = [("Överblick", "/", "Hela Färdplanen på en bild"),
         ("Trygghet", "/strategi?strategy=fpid:strategy/DT.VI", "Vem arbetar med DT.VI?"),
         ("Polisen", "/?focus=fpid:org/polisen&k=2", "Polisen och dess grannar")]
# In the graph with id `g`: every pair of label boxes that intersect.
OVERLAPS = """([g, onlyShown, opts]) => { const cy = document.getElementById(g)._cyreg.cy;
  const nodes = cy.nodes().filter(n => n.data('label') && !(onlyShown && n.hasClass('culled')));
  const b = nodes.map(n => [n.data('label'), n.renderedBoundingBox(opts)]);
  const out = [];
  for (let i = 0; i < b.length; i++) for (let j = i + 1; j < b.length; j++) {
    const p = b[i][1], q = b[j][1];
    if (p.x1 < q.x2 && q.x1 < p.x2 && p.y1 < q.y2 && q.y1 < p.y2) out.push([b[i][0], b[j][0]]);
  }
  return out; }"""
LABELS = {"includeLabels": True, "includeNodes": False}
DRAWN = "(g) => { const el = document.getElementById(g); return el && el._cyreg && el._cyreg.cy.nodes().length > 0; }"


@pytest.fixture(scope="module")
def meeting_app(seed_store, tmp_path_factory):
    """The explorer with three saved views, served on 127.0.0.1."""
    from tests.support.servers import wsgi_server
    from ui.app import create_app

    views = tmp_path_factory.mktemp("views") / "views.json"
    for name, url, caption in VIEWS:
        add_view(views, name, url, caption)
    app = create_app(Settings(store="memory", views_file=str(views)), store=seed_store)
    with wsgi_server(app.server) as base:
        yield base


@pytest.fixture
def big_page():
    """A 1920×1080 page collecting console errors and warnings."""
    from tests.support.browser import browser_page

    with browser_page(WIDTH, HEIGHT) as (pg, errors):
        warnings: list[str] = []
        pg.on("console", lambda m: warnings.append(m.text) if m.type == "warning" else None)
        pg.console_errors, pg.console_warnings = errors, warnings
        yield pg
        assert errors == []


def _open(page, base: str, path: str, graph: str) -> None:
    page.goto(base + path)
    page.wait_for_function(DRAWN, arg=graph, timeout=30_000)
    page.wait_for_timeout(400)  # the fit after the preset layout


def _positions(page, graph: str) -> dict:
    return page.evaluate("(g) => { const out = {}; document.getElementById(g)._cyreg.cy.nodes().forEach(n => { "
                         "out[n.id()] = n.position(); }); return out; }", graph)


@pytest.mark.parametrize("path", list(GRAPHS))
def test_default_views_are_stable_and_no_labels_overlap(meeting_app, big_page, path):
    graph = GRAPHS[path]
    _open(big_page, meeting_app, path, graph)
    assert big_page.evaluate(OVERLAPS, [graph, False, LABELS]) == []
    first = _positions(big_page, graph)
    _open(big_page, meeting_app, path, graph)  # a second visit (or a second visitor): the same picture
    assert _positions(big_page, graph) == first
    assert not [w for w in big_page.console_warnings if "invalid endpoints" in w]


def test_a_filter_and_a_selection_dim_without_blanking(meeting_app, big_page):
    _open(big_page, meeting_app, "/?goals=DT", "explore-graph")
    big_page.evaluate("() => { window.cy.getElementById('https://w3id.org/fardplan/id/org/polisen').emit('tap'); }")
    big_page.wait_for_function("() => window.cy.nodes().some(n => Number(n.style('background-opacity')) < 1)",
                               timeout=15_000)
    styles = big_page.evaluate("""() => window.cy.nodes('.strategy').map(n => ({
        text: Number(n.style('text-opacity')), shape: Number(n.style('background-opacity')),
        opacity: Number(n.style('opacity')), label: n.data('label')}))""")
    assert styles and all(s["opacity"] == 1 and s["text"] >= 0.7 for s in styles)
    assert all(s["label"].startswith("DT.") and " " in s["label"] for s in styles)  # code plus a short label
    assert any(s["shape"] < 1 for s in styles)  # faded, yet labelled: never a blank pale pill


def _projector_check(page, graph: str) -> dict:
    return page.evaluate("""(g) => { const cy = document.getElementById(g)._cyreg.cy; const z = cy.zoom();
        const shown = cy.nodes().filter(n => n.data('label') && !n.hasClass('culled'));
        return {small: shown.filter(n => parseFloat(n.style('font-size')) * z < 17.99).map(n => n.data('label')),
                shown: shown.length, projector: cy.nodes('.projector').length, all: cy.nodes().length,
                strategy: cy.nodes('.strategy').map(n => n.style('background-color'))}; }""", graph)


def test_projector_profile_keeps_labels_large_and_apart(meeting_app, big_page):
    _open(big_page, meeting_app, "/", "explore-graph")
    big_page.click("#present-toggle")
    big_page.wait_for_function("() => document.body.classList.contains('presenting') && "
                               "window.cy.scratch('presentCulled')", timeout=10_000)
    for zoom in (None, 0.25, 1.5):
        if zoom:
            big_page.evaluate("(z) => { window.cy.zoom(z); window.cy.center(); "
                              "window.cy.scratch('presentCulled', 0); }", zoom)
            big_page.wait_for_function("() => window.cy.scratch('presentCulled') > 0", timeout=10_000)
        check = _projector_check(big_page, "explore-graph")
        assert check["small"] == [] and check["shown"] > 0 and check["projector"] == check["all"]
        assert big_page.evaluate(OVERLAPS, ["explore-graph", True, {**LABELS, "includeOverlays": False}]) == []
    assert set(check["strategy"]) == {"rgb(0,114,178)"}  # Okabe–Ito blue
    assert big_page.is_hidden(".sidebar") and big_page.is_hidden(".navbar")


def test_a_whole_meeting(meeting_app, big_page):
    page = big_page
    _open(page, meeting_app, "/", "explore-graph")
    page.click("#present-toggle")
    page.click("#present-menu summary")
    page.click(".present-view[data-id=overblick]")
    page.wait_for_function("() => document.getElementById('present-caption').textContent.includes('Hela Färdplanen')")
    assert page.inner_text("#present-counter") == "Vy 1 av 3"
    page.keyboard.press("ArrowRight")  # what a presenter remote sends: → (or PageDown)
    page.wait_for_function(DRAWN, arg="strategy-actors-graph", timeout=30_000)
    page.wait_for_function("() => document.getElementById('present-caption').textContent.includes('DT.VI')")
    assert page.is_hidden(".pl-table-box") and _projector_check(page, "strategy-actors-graph")["small"] == []
    page.keyboard.press("PageDown")
    page.wait_for_function("() => location.search.includes('focus=fpid:org/polisen')")
    page.wait_for_function(DRAWN, arg="explore-graph", timeout=30_000)
    page.wait_for_function("() => document.getElementById('present-counter').textContent === 'Vy 3 av 3'")
    page.keyboard.press("PageUp")
    page.wait_for_function("() => document.getElementById('present-counter').textContent === 'Vy 2 av 3'")
    page.keyboard.press("ArrowRight")
    page.wait_for_function("() => document.getElementById('present-counter').textContent === 'Vy 3 av 3'")
    page.wait_for_function(DRAWN, arg="explore-graph", timeout=30_000)
    page.wait_for_timeout(300)
    page.keyboard.press("ArrowDown")  # select a node by keyboard: the most important one first
    page.locator("#explore-details .quote-text").first.wait_for(timeout=15_000)
    assert page.is_visible("#explore-details") and page.inner_text("#explore-details .quote-source")
    page.keyboard.press("q")  # the QR code and the short link of this view
    page.wait_for_function("() => document.querySelector('.present-qr-img').complete && "
                           "document.querySelector('.present-qr-img').naturalWidth > 0")
    assert page.inner_text(".present-short").endswith("/v/polisen")
    page.keyboard.press("Escape")  # QR away
    page.keyboard.press("Escape")  # details away
    page.keyboard.press("Escape")  # leave presentation mode
    page.wait_for_function("() => !document.body.classList.contains('presenting')")
    assert page.is_visible(".sidebar") and page.is_visible(".navbar")
    assert page.evaluate("window.cy.nodes('.projector').length") == 0


class _SlowUrlWrites:
    """WSGI middleware that holds the explorer's write of the URL (its callback with the output ``url.search``)
    for ``delay_s``: the round trip a presenter outpaces when stepping on at once."""

    def __init__(self, app, delay_s: float) -> None:
        self.app, self.delay_s = app, delay_s

    def __call__(self, environ, start_response):
        import io
        import json
        import time

        if environ.get("PATH_INFO", "").endswith("_dash-update-component"):
            body = environ["wsgi.input"].read(int(environ.get("CONTENT_LENGTH") or 0))
            environ["wsgi.input"] = io.BytesIO(body)
            if json.loads(body or b"{}").get("output") == "url.search":
                time.sleep(self.delay_s)
        return self.app(environ, start_response)


def test_stepping_on_before_the_last_view_has_settled_keeps_the_next_views_url(seed_store, tmp_path, big_page):
    from tests.support.servers import wsgi_server
    from ui.app import create_app

    views = tmp_path / "views.json"
    for name, url, caption in VIEWS:
        add_view(views, name, url, caption)
    app = create_app(Settings(store="memory", views_file=str(views)), store=seed_store)
    app.server.wsgi_app = _SlowUrlWrites(app.server.wsgi_app, 1.5)
    with wsgi_server(app.server) as base:
        page = big_page
        _open(page, base, "/?focus=fpid:org/polisen&k=2", "explore-graph")
        page.click("#present-toggle")
        page.click("#present-menu summary")
        page.click(".present-view[data-id=overblick]")  # the explorer is rebuilt; its URL write is held
        page.wait_for_function("() => document.getElementById('present-counter').textContent === 'Vy 1 av 3'")
        page.keyboard.press("ArrowRight")  # on to the strategy before that write has come back
        page.wait_for_function(DRAWN, arg="strategy-actors-graph", timeout=30_000)
        page.wait_for_timeout(2500)  # the held write has answered by now
        assert page.evaluate("location.pathname + location.search") == "/strategi?strategy=fpid:strategy/DT.VI"
        assert page.evaluate(DRAWN, "strategy-actors-graph")
        assert page.inner_text("#present-counter") == "Vy 2 av 3"
