"""Accessibility in a real headless Chromium: axe-core 4 on all six pages in both languages (and with a node
selected), the keyboard (Tab to the table twin, arrows, Enter, Escape, visible focus), the twin kept complete and
in sync with the graph, honest feedback, and the 1280×800 layout."""

from __future__ import annotations

import re
from urllib.parse import urlencode

import pytest

from graph.vocab.namespaces import ID_IRI
from tests.support.a11y import PAGES, axe_violations, blocking, open_settled
from tests.support.browser import browser_page

pytestmark = pytest.mark.browser

POLISEN = ID_IRI + "org/polisen"
DESCRIBE = "/fraga?" + urlencode({"query": f"DESCRIBE <{POLISEN}>"})
GRAPH_PAGES = {"/": "explore-graph", "/strategi?strategy=DT.VI": "strategy-actors-graph",
               "/tva-aktorer?actors=polisen,socialtjansten": "two-actors-graph", "/natverk": "network-graph",
               DESCRIBE: "sparql-graph"}
DRAWN = "window.cy && window.cy.nodes().length > 1"


def _url(base: str, path: str, lang: str) -> str:
    return base + path + ((("&" if "?" in path else "?") + "lang=en") if lang == "en" else "")


def _tap(page, element_id: str) -> None:
    page.evaluate("(id) => { window.cy.getElementById(id).emit('tap'); }", element_id)


def _select_polisen(page) -> None:
    _tap(page, POLISEN)
    page.wait_for_function("() => document.querySelector('#explore-details h2')", timeout=20_000)
    page.wait_for_function("() => document.querySelector('#explore-graph-twin tr.selected')", timeout=10_000)


def _structure(page) -> dict:
    return page.evaluate("""() => ({lang: document.documentElement.lang,
        h1: document.querySelectorAll('h1').length, main: document.querySelectorAll('main').length,
        nav: document.querySelectorAll('nav[aria-label]').length})""")


@pytest.mark.parametrize("lang", ["sv", "en"])
@pytest.mark.parametrize("path", list(PAGES))
def test_axe_finds_no_serious_violations(live_app, path, lang):
    with browser_page(1920, 1080) as (page, errors):
        open_settled(page, _url(live_app, path, lang), PAGES[path])
        found = axe_violations(page)
        assert blocking(found) == [], found
        assert _structure(page) == {"lang": lang, "h1": 1, "main": 1, "nav": 1}
        if path == "/":
            _select_polisen(page)
            page.wait_for_timeout(300)
            found = axe_violations(page)
            assert blocking(found) == [], found
        assert errors == []


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_axe_on_a_sparql_answer_table(live_app, lang):
    query = "SELECT ?s ?label WHERE { ?s <http://www.w3.org/2004/02/skos/core#prefLabel> ?label } LIMIT 20"
    with browser_page(1920, 1080) as (page, errors):
        open_settled(page, _url(live_app, "/fraga?" + urlencode({"query": query}), lang),
                     "document.querySelector('#sparql-table .dash-cell')")
        found = axe_violations(page)
        assert blocking(found) == [], found
        assert errors == []


def test_html_lang_follows_the_language_toggle(live_app, page):
    open_settled(page, live_app + "/luckor", PAGES["/luckor"])
    assert page.evaluate("document.documentElement.lang") == "sv"
    page.click("#lang-toggle")
    page.wait_for_function("() => document.documentElement.lang === 'en'", timeout=15_000)
    assert page.locator("main[lang=en]").count() == 1


def test_tab_reaches_the_twin_rows_with_visible_focus(live_app, page):
    open_settled(page, live_app, PAGES["/"])
    page.wait_for_function("() => document.querySelector('#explore-graph-twin .twin-row')", timeout=15_000)
    reached = []
    for _ in range(120):
        page.keyboard.press("Tab")
        what = page.evaluate("""() => { const el = document.activeElement;
            return {cls: el.className || '', graph: el.hasAttribute('data-graph-keys'),
                    outline: getComputedStyle(el).outlineStyle, width: getComputedStyle(el).outlineWidth}; }""")
        reached.append(what)
        if "twin-row" in what["cls"]:
            break
    assert any(r["graph"] for r in reached), "Tab never reached the graph canvas"
    assert "twin-row" in reached[-1]["cls"], "Tab never reached the table twin"
    assert reached[-1]["outline"] != "none" and reached[-1]["width"] != "0px"
    assert page.console_errors == []


def test_arrows_move_enter_selects_escape_clears_in_the_twin(live_app, page):
    open_settled(page, live_app, PAGES["/"])
    first = page.locator("#explore-graph-twin .twin-row").first
    first.wait_for(timeout=15_000)
    assert page.locator("#explore-deselect").is_disabled() and page.locator("#explore-expand").is_disabled()
    first.focus()
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")
    focused = page.evaluate("document.activeElement.innerText")
    rows = page.locator("#explore-graph-twin .twin-row").all_inner_texts()
    assert focused == rows[2]
    page.keyboard.press("ArrowUp")
    assert page.evaluate("document.activeElement.innerText") == rows[1]
    page.keyboard.press("Enter")
    page.wait_for_function("(t) => document.querySelector('#explore-details h2')?.innerText === t", arg=rows[1],
                           timeout=20_000)
    page.wait_for_function("() => document.querySelector('#explore-graph-twin tr.selected .twin-row')"
                           "?.getAttribute('aria-current') === 'true'", timeout=10_000)
    announced = page.inner_text("#explore-announce")
    assert re.fullmatch(re.escape(rows[1]) + r" vald: \d+ relationer(, \d+ syns i grafen)?", announced), announced
    assert not page.locator("#explore-deselect").is_disabled()
    page.keyboard.press("Escape")
    page.wait_for_function("() => !document.querySelector('#explore-details h2')", timeout=20_000)
    page.wait_for_function("() => !document.querySelector('#explore-graph-twin tr.selected')", timeout=10_000)
    assert page.inner_text("#explore-announce") == "Ingen nod vald"
    assert page.locator("#explore-deselect").is_disabled()
    assert page.console_errors == []


def test_arrow_keys_on_the_canvas_walk_to_a_neighbour(live_app, page):
    open_settled(page, live_app, PAGES["/"])
    _select_polisen(page)
    neighbours = set(page.evaluate("(id) => window.cy.getElementById(id).neighborhood('node').map(n => n.id())",
                                   POLISEN))
    page.focus("[data-graph-keys='explore-graph']")
    page.keyboard.press("ArrowRight")  # the cursor starts on the selection
    page.wait_for_function("() => document.getElementById('a11y-live').innerText.startsWith('Polisen (')",
                           timeout=5_000)
    page.keyboard.press("ArrowRight")
    page.wait_for_function("() => (t => t && !t.startsWith('Polisen'))(document.getElementById('a11y-live').innerText)",
                           timeout=5_000)  # the region is emptied for a moment before each message
    said = re.fullmatch(r"(.+) \([^()]+\): (\d+) grannar\. Enter väljer\.", page.inner_text("#a11y-live"))
    assert said, page.inner_text("#a11y-live")
    cursor = said.group(1)
    labels = dict(page.evaluate("(ids) => ids.map(i => [window.cy.getElementById(i).data('full'), i])",
                                sorted(neighbours)))
    assert cursor in labels, (cursor, labels)
    page.keyboard.press("Enter")
    page.wait_for_function("(t) => document.querySelector('#explore-details h2')?.innerText === t", arg=cursor,
                           timeout=20_000)
    page.wait_for_function("(i) => document.querySelector('#explore-graph-twin tr.selected')"
                           "?.getAttribute('data-iri') === i", arg=labels[cursor], timeout=10_000)
    page.keyboard.press("Escape")
    page.wait_for_function("() => !document.querySelector('#explore-details h2')", timeout=20_000)
    assert page.console_errors == []


def test_twin_sorts_by_a_column(live_app, page):
    open_settled(page, live_app, PAGES["/"])
    page.locator("#explore-graph-twin .twin-sort").nth(2).click()
    values = [int(v) for v in page.locator("#explore-graph-twin tbody td:nth-child(3)").all_inner_texts()]
    assert values == sorted(values) and len(set(values)) > 1
    assert page.get_attribute("#explore-graph-twin thead th:nth-child(3)", "aria-sort") == "ascending"
    page.locator("#explore-graph-twin .twin-sort").nth(2).click()
    values = [int(v) for v in page.locator("#explore-graph-twin tbody td:nth-child(3)").all_inner_texts()]
    assert values == sorted(values, reverse=True)
    names = page.locator("#explore-graph-twin .twin-row")
    page.locator("#explore-graph-twin .twin-sort").nth(0).click()
    shown = names.all_inner_texts()
    assert shown == sorted(shown, key=lambda s: s.casefold()) or shown[0] <= shown[-1]


@pytest.mark.parametrize("path", list(GRAPH_PAGES))
def test_every_graph_has_a_complete_twin_synced_both_ways(live_app, page, path):
    """/, /strategi, /tva-aktorer, /natverk and a DESCRIBE answer on /fraga: one twin row per drawn node."""
    graph = GRAPH_PAGES[path]
    open_settled(page, live_app + path, PAGES.get(path, DRAWN))
    page.wait_for_function(f"() => document.querySelector('#{graph}-twin tbody tr')", timeout=15_000)
    cy = f"document.getElementById('{graph}')._cyreg.cy"
    drawn = set(page.evaluate(f"() => {cy}.nodes().filter(n => !n.data('group')).map(n => n.id())"))
    rows = page.locator(f"#{graph}-twin tbody tr")
    assert {rows.nth(i).get_attribute("data-iri") for i in range(rows.count())} == drawn
    assert blocking(axe_violations(page)) == []
    # a row chosen → the node selected
    second = rows.nth(1)
    iri = second.get_attribute("data-iri")
    second.locator(".twin-row").click()
    page.wait_for_function(f"(i) => {cy}.getElementById(i).selected()", arg=iri, timeout=15_000)
    assert page.get_attribute(f"#{graph}-twin tr.selected", "data-iri") == iri
    # a node tapped → its row marked
    other = rows.nth(0).get_attribute("data-iri")
    page.evaluate(f"(i) => {{ {cy}.getElementById(i).emit('tap'); }}", other)
    page.wait_for_function(f"(i) => document.querySelector('#{graph}-twin tr.selected')?.getAttribute('data-iri')"
                           " === i", arg=other, timeout=15_000)
    assert page.console_errors == []


def test_actions_say_what_they_did_and_counts_add_up(live_app, page):
    open_settled(page, live_app, PAGES["/"])
    total = page.evaluate("() => window.cy.nodes().filter(n => !n.data('group')).length")
    assert page.inner_text("#explore-status").startswith(f"Visar {total} av {total} noder")
    page.fill("#explore-search", "polis")
    page.locator(".hit", has_text="Polisen").first.click()
    page.wait_for_function("() => document.querySelector('#explore-announce').innerText.startsWith('Fokus på Polisen')",
                           timeout=20_000)
    page.wait_for_function("(id) => window.cy.getElementById(id).hasClass('focus')", arg=POLISEN, timeout=15_000)
    shown = page.evaluate("() => window.cy.nodes().filter(n => !n.data('group')).length")
    assert page.inner_text("#explore-announce") == f"Fokus på Polisen: {shown} noder inom 1 steg"
    status = page.inner_text("#explore-status")
    assert status.startswith(f"Visar {shown} av {total} noder · {shown} i urvalet"), status
    page.click("#explore-expand")
    page.wait_for_function("() => document.querySelector('#explore-announce').innerText.startsWith('Visa grannar')",
                           timeout=20_000)
    said = page.inner_text("#explore-announce")
    assert said == f"Visa grannar till Polisen: alla {shown - 1} grannar visas redan", said
    page.click("#explore-collapse")
    page.wait_for_function("() => document.querySelector('#explore-announce').innerText.startsWith('Dölj grannar')",
                           timeout=20_000)
    said = page.inner_text("#explore-announce")
    hidden = re.fullmatch(r"Dölj grannar till Polisen: (\d+) noder dolda", said)
    assert hidden or said == "Dölj grannar till Polisen: inga grannar att dölja", said
    left = shown - int(hidden.group(1)) if hidden else shown  # the graph then draws what the notice counted
    page.wait_for_function("(want) => window.cy.nodes().filter(n => !n.data('group')).length === want", arg=left,
                           timeout=20_000)
    page.click("#explore-unfocus")
    page.wait_for_function("() => document.querySelector('#explore-announce').innerText.startsWith('Fokus borttaget')",
                           timeout=20_000)
    assert page.console_errors == []


def test_disabled_buttons_look_disabled(live_app, page):
    open_settled(page, live_app, PAGES["/"])
    style = "(s) => { const b = document.querySelector(s); const c = getComputedStyle(b); " \
            "return [b.disabled, c.backgroundColor, c.cursor, c.borderStyle]; }"
    off = page.evaluate(style, "#explore-expand")
    assert off[0] is True and off[2] == "not-allowed" and off[3] == "dashed"
    _select_polisen(page)
    on = page.evaluate(style, "#explore-expand")
    assert on[0] is False and on[1] != off[1] and on[2] == "pointer"


def test_strategy_counts_add_up(live_app, page):
    open_settled(page, live_app + "/strategi?strategy=DT.VI", PAGES["/strategi?strategy=DT.VI"])
    text = page.inner_text(".pl-heading .lead")
    found = re.fullmatch(r"(\d+) direkt, (\d+) via projekt \((\d+) aktörer når strategin\)\.", text)
    assert found, text
    direct, via, total = map(int, found.groups())
    assert direct + via == total == page.locator(".pl-table-box tbody tr").count()


@pytest.mark.parametrize("path", ["/", "/strategi?strategy=DT.VI", "/natverk"])
def test_1280_keeps_the_nav_on_one_line_and_the_graph_wide(live_app, path):
    with browser_page(1280, 800) as (page, errors):
        open_settled(page, live_app + path, PAGES[path])
        boxes = page.evaluate("""() => [...document.querySelectorAll('.navbar .brand, .navbar .nav-link, '
            + '.navbar .lang-toggle')].map(e => e.getBoundingClientRect()).map(r => [r.top, r.bottom, r.right])""")
        assert max(top for top, _, _ in boxes) < min(bottom for _, bottom, _ in boxes), boxes  # one line
        assert max(right for _, _, right in boxes) <= 1280
        nav = page.evaluate("document.querySelector('.navbar').getBoundingClientRect().height")
        assert nav < 60, nav
        graph = "#explore-graph" if path == "/" else ".pl-graph"
        width = page.evaluate(f"document.querySelector('{graph}').getBoundingClientRect().width")
        assert width >= 0.6 * 1280, width
        assert errors == []


@pytest.fixture(scope="module")
def data_apps(seed_store, tmp_path_factory):
    """/data with content in every section: an edit and its undo in the history, a reply's proposals in the queue
    (one accepted, one rejected); served with edits on and off over the same store. Yields {edits: base URL}."""
    from graph import edit
    from graph.ingest.review import accept, queue, queue_reply, reject
    from graph.settings import Settings
    from graph.store import EmbeddedStore
    from tests.support.paths import FIXTURES
    from tests.support.servers import wsgi_server
    from ui.app import create_app

    store = EmbeddedStore()
    store.insert(seed_store.quads())
    change = edit.run(store, "set_label", {"node": POLISEN, "lang": "sv", "text": "Polismyndigheten"}, "Anna",
                      "test", allowed=True)["change"]["id"]
    edit.run(store, "undo", {"id": change}, "Anna", None, allowed=True)
    data_dir = str(tmp_path_factory.mktemp("data"))
    queue_reply(store, (FIXTURES / "reply-farsta.txt").read_text(encoding="utf-8"), "reply-farsta.txt", "Anna",
                data_dir=data_dir)
    new = [i for i in queue(store) if i["kind"] == "entity" and i["iri"] is None]
    accept(store, new[0]["id"], "Anna", data_dir=data_dir)
    reject(store, new[1]["id"], "Anna", "ingen aktör")
    on = create_app(Settings(store="memory", allow_edits=True, data_dir=data_dir), store=store)
    off = create_app(Settings(store="memory", data_dir=data_dir), store=store)
    with wsgi_server(on.server) as base_on, wsgi_server(off.server) as base_off:
        yield {True: base_on, False: base_off}


@pytest.mark.parametrize("lang", ["sv", "en"])
@pytest.mark.parametrize("edits", [True, False])
def test_axe_on_data_with_history_and_queue(data_apps, edits, lang):
    with browser_page(1920, 1080) as (page, errors):
        open_settled(page, _url(data_apps[edits], "/data", lang), "document.querySelector('#data-review li')")
        found = axe_violations(page)
        assert blocking(found) == [], found
        assert _structure(page) == {"lang": lang, "h1": 1, "main": 1, "nav": 1}
        levels = page.evaluate("() => [...document.querySelectorAll('main h1, main h2, main h3, main h4')]"
                               ".map(h => Number(h.tagName[1]))")
        assert levels[0] == 1 and all(b - a <= 1 for a, b in zip(levels, levels[1:], strict=False)), levels
        buttons = page.evaluate("() => [...document.querySelectorAll('#data-review button, #data-history button')]"
                                ".map(b => b.getAttribute('aria-label') || b.innerText)")
        assert all(buttons) and (len(buttons) > 0) == edits
        assert errors == []
