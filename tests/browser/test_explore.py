"""The explorer in a real headless Chromium: load, search → select → provenance, filters, URL state, export."""

from __future__ import annotations

import pytest

from graph.vocab.namespaces import ID_IRI

pytestmark = pytest.mark.browser

POLISEN = ID_IRI + "org/polisen"
GOAL_DT = ID_IRI + "goal/DT"
DRAWN = "() => window.cy && window.cy.nodes().length > 0"


def _open(page, url: str) -> None:
    page.goto(url)
    page.wait_for_function(DRAWN, timeout=30_000)


def _node_ids(page) -> set[str]:
    return set(page.evaluate("() => window.cy.nodes().map(n => n.id())"))


def _tap(page, element_id: str) -> None:
    page.evaluate("(id) => { window.cy.getElementById(id).emit('tap'); }", element_id)


def test_page_loads_and_draws_the_graph(live_app, page):
    _open(page, live_app)
    assert POLISEN in _node_ids(page) and GOAL_DT in _node_ids(page)
    assert page.evaluate("() => window.cy.edges('.interpreted').length") > 0
    assert "Visar" in page.inner_text("#explore-status")
    assert page.locator("#explore-legend li").count() >= 10
    assert page.console_errors == []


def test_search_select_shows_a_provenance_quote(live_app, page, raw_source):
    _open(page, live_app)
    page.fill("#explore-search", "polis")
    hit = page.locator(".hit", has_text="Polisen")
    hit.first.click()
    quote = page.locator("#explore-details .quote-text").first
    quote.wait_for(timeout=15_000)
    assert page.inner_text("#explore-details h2") == "Polisen"
    text = quote.inner_text()
    assert " ".join(text.split()) in " ".join(raw_source.split())
    assert "polis" in page.locator("#explore-details mark").first.inner_text().lower()
    page.wait_for_function(f"() => window.cy.getElementById('{POLISEN}').hasClass('focus')", timeout=15_000)
    assert page.console_errors == []


def test_tap_node_and_edge_show_details(live_app, page):
    _open(page, live_app)
    _tap(page, POLISEN)
    page.wait_for_function("() => document.querySelector('#explore-details h2')?.innerText === 'Polisen'",
        timeout=15_000)
    edge = page.evaluate("() => window.cy.edges('.interpreted')[0].id()")
    page.evaluate("(id) => { window.cy.getElementById(id).emit('tap'); }", edge)
    page.locator("#explore-details .badge.interpreted").wait_for(timeout=15_000)
    assert page.locator("#explore-details .quote-text").count() >= 1
    assert page.console_errors == []


def test_goal_area_filter_removes_its_nodes(live_app, page):
    _open(page, live_app)
    before = _node_ids(page)
    assert ID_IRI + "strategy/DT.VI" in before
    page.locator("#explore-goals label", has_text="Demokrati och trygghet").locator("input").click()
    page.wait_for_function(f"() => window.cy.getElementById('{GOAL_DT}').length === 0", timeout=15_000)
    after = _node_ids(page)
    assert not any(i.startswith(ID_IRI + "strategy/DT.") for i in after)
    assert ID_IRI + "goal/UU" in after and len(after) < len(before)
    assert "goals=AF,BS,UU" in page.url
    assert page.console_errors == []


def test_copied_url_reopens_the_same_view(live_app, page):
    _open(page, live_app)
    page.fill("#explore-search", "polis")
    page.locator(".hit", has_text="Polisen").first.click()
    page.wait_for_function(f"() => window.cy.getElementById('{POLISEN}').hasClass('focus')", timeout=15_000)
    page.locator("#explore-goals label", has_text="Uppväxt och utbildning").locator("input").click()
    page.wait_for_function("() => location.search.includes('goals=')", timeout=15_000)
    page.wait_for_timeout(500)
    url, nodes = page.url, _node_ids(page)
    assert "focus=fpid:org/polisen" in url
    page.goto("about:blank")
    _open(page, url)
    page.wait_for_function(f"() => window.cy.getElementById('{POLISEN}').hasClass('focus')", timeout=15_000)
    assert _node_ids(page) == nodes
    checked = page.locator("#explore-goals input:checked").count()
    assert checked == 3
    assert page.inner_text("#explore-details h2") == "Polisen"
    assert page.console_errors == []


def test_png_and_svg_export(live_app, page, tmp_path):
    _open(page, live_app)
    page.wait_for_timeout(1000)
    with page.expect_download(timeout=30_000) as info:
        page.click("#explore-export-png")
    png = tmp_path / "view.png"
    info.value.save_as(png)
    data = png.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 5_000
    with page.expect_download(timeout=30_000) as info:
        page.click("#explore-export-svg")
    svg = tmp_path / "view.svg"
    info.value.save_as(svg)
    assert "<svg" in svg.read_text(encoding="utf-8")[:2000]
    assert page.console_errors == []


def test_english_toggle_and_layouts(live_app, page):
    _open(page, live_app)
    page.click("#lang-toggle")
    page.wait_for_function("() => document.querySelector('#explore-legend h3')?.innerText.toLowerCase() === 'legend'",
                           timeout=15_000)
    page.wait_for_function(DRAWN, timeout=15_000)
    assert "lang=en" in page.url
    assert "Democracy and safety" in page.evaluate(
        f"() => window.cy.getElementById('{GOAL_DT}').data('label')")
    for name in ("Concentric by goal area", "Hierarchy"):
        page.locator("#explore-layout label", has_text=name).locator("input").click()
        page.wait_for_timeout(800)
        page.wait_for_function(DRAWN, timeout=15_000)
    assert "layout=hierarchy" in page.url
    assert page.console_errors == []


@pytest.fixture(scope="module")
def paging_app() -> str:
    """The explorer on the seed data plus 60 more projects and 30 units at Polisen (more than a page)."""
    from graph.load.loader import ensure_seeded
    from graph.settings import Settings
    from graph.store import EmbeddedStore
    from tests.support.servers import wsgi_server
    from tests.support.synthetic_explore import hub_quads
    from ui.app import create_app

    store = EmbeddedStore()
    ensure_seeded(store)
    store.insert(hub_quads(POLISEN, new=False))
    with wsgi_server(create_app(Settings(store="memory"), store=store).server) as base:
        yield base


def test_show_more_lists_the_next_page_of_relations(paging_app, page, tmp_path):
    page.goto(paging_app + "/?sel=fpid:org/polisen")
    page.wait_for_function("() => document.querySelector('#explore-details h2')?.innerText === 'Polisen'",
        timeout=30_000)
    group = page.locator("#explore-details .relation-group", has=page.locator("h4", has_text="deltar i →"))
    assert group.locator("li.relation").count() == 25
    total = int(group.locator("h4").inner_text().rsplit("(", 1)[1].rstrip(")").replace("\u00a0", ""))
    assert total > 60
    assert f"Visar 25 av {total}" in group.locator(".rel-more").inner_text()
    group.get_by_role("button", name="Visa fler (25)").click()
    page.wait_for_function(
        "() => [...document.querySelectorAll('#explore-details .relation-group')].some(g => "
        "g.querySelector('h4').innerText.startsWith('deltar i') && g.querySelectorAll('li.relation').length === 50)",
        timeout=15_000)
    labels = group.locator("li.relation .rel-link").all_inner_texts()
    assert len(labels) == len(set(labels)) == 50
    assert f"Visar 50 av {total}" in group.locator(".rel-more").inner_text()
    page.wait_for_function("() => location.search.includes('more=fp:participatesIn~2')", timeout=15_000)
    page.locator("#explore-details").screenshot(path=str(tmp_path / "details.png"))
    page.goto("about:blank")
    page.goto(paging_app + "/?sel=fpid:org/polisen&more=fp:participatesIn~2")  # the URL reopens the same panel
    page.wait_for_function("() => document.querySelector('#explore-details h2')?.innerText === 'Polisen'",
        timeout=30_000)
    assert group.locator("li.relation").count() == 50
    group.locator(".rel-all").click()  # all of them as a table on the SPARQL page
    page.wait_for_function(f"() => document.querySelector('#sparql-status')?.innerText.includes('{total} rader')",
                           timeout=30_000)
    assert page.console_errors == []


def test_back_and_forward_redraw_the_view_and_the_controls(live_app, page):
    _open(page, live_app)
    page.locator("#explore-goals label", has_text="Demokrati och trygghet").locator("input").click()
    page.wait_for_function(f"() => window.cy.getElementById('{GOAL_DT}').length === 0", timeout=15_000)
    page.wait_for_function("() => location.search.includes('goals=')", timeout=15_000)
    page.go_back()
    page.wait_for_function(f"() => window.cy.getElementById('{GOAL_DT}').length === 1", timeout=15_000)
    assert "goals=" not in page.url
    assert page.locator("#explore-goals input:checked").count() == 4
    page.go_forward()
    page.wait_for_function(f"() => window.cy.getElementById('{GOAL_DT}').length === 0", timeout=15_000)
    assert page.locator("#explore-goals input:checked").count() == 3
    assert "goals=AF,BS,UU" in page.url
    assert page.console_errors == []
