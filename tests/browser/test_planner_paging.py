"""Long planner answers come a page at a time (issue 13: fast enough for a live room): the pure paging and
graph-budget functions, the builders' "Visa fler" controls, and in a real browser on the synthetic city (10k
triples) a click on "Visa fler" adding the next page with the count said."""

from __future__ import annotations

import pytest
from dash import html

from graph.service import planner
from tests.support.walk import text_of, walk
from ui import ids
from ui.components import network as cn
from ui.components import pairs as cpairs
from ui.components import planner as cp
from ui.components import strategy as cs
from ui.elements.planner import strategy_elements
from ui.i18n import number

DT_VI = "fpid:strategy/DT.VI"
ACTORS_BODY = "#network-body .pl-tables table tbody"  # the network's actor table (not the graph's twin)


def test_paged_cuts_and_counts():
    items = list(range(1234))
    first = planner.paged(items, 50)
    assert first == {"items": list(range(50)), "start": 0, "shown": 50, "total": 1234}
    second = planner.paged(items, 100, start=50)
    assert second["items"] == list(range(50, 100)) and second["shown"] == 100
    last = planner.paged(items, 1250, start=1200)
    assert last["items"] == list(range(1200, 1234)) and last["shown"] == last["total"] == 1234
    assert planner.paged([], 50) == {"items": [], "start": 0, "shown": 0, "total": 0}


def test_more_rows_gives_the_next_page_only():
    rows, page = cp.more_rows(list(range(45)), 20, 2, lambda x: html.Tr(str(x)))
    assert [r.children for r in rows] == [str(i) for i in range(40, 45)]
    assert (page["shown"], page["total"]) == (45, 45)


def test_showing_text_is_swedish_first_with_grouped_numbers():
    page = {"items": [], "start": 0, "shown": 50, "total": 1234}
    assert cp.showing_text(page, "sv") == "Visar 50 av 1\u00a0234"
    assert cp.showing_text(page, "en") == "Showing 50 of 1,234"


@pytest.fixture(scope="module")
def city():
    from bench.synthetic import build
    from graph.store import EmbeddedStore

    store = EmbeddedStore()
    store.insert(build(10_000).quads)
    return store


def test_graph_actors_fit_the_element_budget(city):
    result = planner.actors_for_strategy(city, DT_VI)
    for budget in (400, 60):
        drawn = planner.graph_actors(result, budget)
        elements = strategy_elements({**result, "actors": drawn}, "sv")
        assert 0 < len(drawn) <= len(result["actors"]) and len(elements) <= budget
    assert len(planner.graph_actors(result, 60)) < len(result["actors"])  # a small budget really cuts


def test_long_tables_are_paged_with_a_keyboard_button(city):
    result = planner.actors_for_strategy(city, DT_VI)
    assert len(result["actors"]) > planner.HEAVY_ROWS
    table = cs.build_actors_table(result, "sv", {})
    body = table.children[2]
    assert len(body.children) == planner.HEAVY_ROWS
    assert body.id == {"type": ids.SA_MORE + ids.ROWS, "table": "actors", "of": result["strategy"]["iri"]}
    buttons = [c for c in walk(table.children[3]) if isinstance(c, html.Button)]
    assert buttons[0].children == "Visa fler" and buttons[0].type == "button"
    assert buttons[0].id == {"type": ids.SA_MORE, "table": "actors", "of": result["strategy"]["iri"]}
    assert f"Visar {planner.HEAVY_ROWS} av {number(len(result['actors']))}" in text_of(table)

    network = planner.network(city, max_elements=400)
    view = cn.build_network_view(network, "weighted_degree", "en")
    tables = [c for c in walk(view) if isinstance(c, html.Table)]
    assert len(tables) == 2 and len(tables[0].children[2].children) == planner.TABLE_ROWS
    assert f"Showing {planner.TABLE_ROWS} of {len(network['actors'])}" in text_of(tables[0])


def test_seed_tables_are_whole_and_only_long_route_lists_paged(seed_store):
    result = planner.actors_for_strategy(seed_store, "DT.VI")
    table = cs.build_actors_table(result, "sv", {})
    assert len(table.children) == 3 and len(table.children[2].children) == len(result["actors"])  # no footer
    buttons = [c for c in walk(table) if isinstance(c, html.Button)]
    long_lists = [a for a in result["actors"] if len(a["routes"]) > planner.ROUTES_SHOWN]
    assert len(buttons) == len(long_lists)
    assert all(b.id["table"] == "routes" and b.id["of"].endswith(" " + a["iri"])
               for b, a in zip(buttons, long_lists, strict=True))


@pytest.fixture(scope="module")
def city_app(city):
    from graph.settings import Settings
    from tests.support.servers import wsgi_server
    from ui.app import create_app

    app = create_app(Settings(store="memory"), store=city)
    with wsgi_server(app.server) as base:
        yield base


@pytest.mark.browser
def test_show_more_adds_the_next_page_by_keyboard_and_click(city_app, page):
    page.goto(city_app + "/natverk")
    rows = page.locator("#network-body .pl-tables table").first.locator("tbody tr")
    rows.first.wait_for(timeout=30_000)
    assert rows.count() == planner.TABLE_ROWS
    box = page.locator("#network-body .pl-more-box").first
    total = int(box.locator(".pl-more-status").inner_text().split(" av ")[1].replace("\u00a0", ""))
    more = box.locator("button.pl-more")
    more.focus()
    page.keyboard.press("Enter")  # a real button: the keyboard works as a click does
    page.wait_for_function(f"() => document.querySelector('{ACTORS_BODY}').rows.length === "
                           f"{min(2 * planner.TABLE_ROWS, total)}", timeout=15_000)
    assert box.locator(".pl-more-status").inner_text() == f"Visar {min(2 * planner.TABLE_ROWS, total)} av {total}"
    while more.is_visible():
        more.click()
        page.wait_for_timeout(300)
    page.wait_for_function(f"() => document.querySelector('{ACTORS_BODY}').rows.length === {total}", timeout=15_000)
    iris = page.evaluate(f"() => Array.from(document.querySelector('{ACTORS_BODY}').rows, r => r.dataset.iri)")
    assert len(set(iris)) == total  # each actor once, none repeated by the pages

    page.goto(city_app + "/strategi?strategy=fpid:strategy/DT.VI")
    body = page.locator("#strategy-actors-body table tbody").first
    body.locator("tr").first.wait_for(timeout=30_000)
    assert body.locator(":scope > tr").count() == planner.HEAVY_ROWS
    page.locator("#strategy-actors-body tfoot button.pl-more").click()
    page.wait_for_function(f"() => document.querySelector('#strategy-actors-body table tbody').rows.length "
                           f">= {planner.HEAVY_ROWS + 1}", timeout=15_000)
    assert page.console_errors == []


@pytest.mark.browser
@pytest.mark.parametrize("path", ["/natverk", "/strategi?strategy=fpid:strategy/DT.VI",
                                  "/tva-aktorer?actors=fpid:syn/org/polisen,fpid:syn/org/arbetsformedlingen"])
def test_axe_finds_no_serious_violations_with_paging_controls(city_app, page, path):
    from tests.support.a11y import axe_violations, blocking, open_settled

    open_settled(page, city_app + path, "() => !!document.querySelector('.pl-more')")
    found = axe_violations(page)
    assert blocking(found) == [], found
    assert page.console_errors == []


def test_actor_dropdown_gets_a_few_matching_options_and_keeps_the_chosen():
    actors = [{"iri": f"x:{i}", "label": name, "label_en": name} for i, name in
              enumerate(["Arbetsförmedlingen", "Polisen", "Socialtjänsten", "Stadsmissionen"] + [f"Förening {i}"
                                                                                           for i in range(100)])]
    assert [a["label"] for a in cpairs.actor_matches(actors, "ARBETSF", "sv")] == ["Arbetsförmedlingen"]
    assert [a["label"] for a in cpairs.actor_matches(actors, "s", "sv")][:2] == ["Socialtjänsten", "Stadsmissionen"]
    assert len(cpairs.actor_matches(actors, "", "sv")) == cpairs.ACTOR_OPTIONS
    kept = cpairs.actor_matches(actors, "polis", "sv", chosen=("x:2",))
    assert [a["label"] for a in kept] == ["Polisen", "Socialtjänsten"]
