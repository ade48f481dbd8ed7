"""The collaboration pages' builders and element mappers, on real planner results (no browser)."""

from __future__ import annotations

import pytest
from dash import dcc, html

from graph.index.nodes import build_index
from graph.service import planner
from graph.vocab.namespaces import ID_IRI
from graph.vocab.notation import roman_value
from graph.vocab.phrasing import path_text
from tests.support.dash_post import post_callback
from tests.support.walk import find, text_of, walk
from ui import ids
from ui.components import gaps as cg
from ui.components import network as cn
from ui.components import pairs as cpairs
from ui.components import planner as cp
from ui.components import strategy as cs
from ui.elements import planner as ep
from ui.urls import url_query

POLISEN = ID_IRI + "org/polisen"
DT_VI = ID_IRI + "strategy/DT.VI"


@pytest.fixture(scope="module")
def index(seed_store):
    return build_index(seed_store)


@pytest.fixture(scope="module")
def dt_vi(seed_store) -> dict:
    return planner.actors_for_strategy(seed_store, "DT.VI")


def test_strategy_elements_dash_interpreted_edges_and_place_every_node(dt_vi):
    elements = ep.strategy_elements(dt_vi, "sv")
    nodes = {e["data"]["id"]: e for e in elements if "source" not in e["data"]}
    edges = [e for e in elements if "source" in e["data"]]
    assert nodes[DT_VI]["position"] == {"x": 0.0, "y": 0.0} and "focus" in nodes[DT_VI]["classes"]
    assert nodes[DT_VI]["data"]["label"].startswith("DT.VI Främja trygghet")  # code plus a short label (issue 13)
    assert {a["iri"] for a in dt_vi["actors"]} <= set(nodes)
    assert all("position" in n for n in nodes.values())
    assert "organisation" in nodes[POLISEN]["classes"]
    assert {e["classes"] for e in edges} == {"stated", "interpreted"}
    assert all(e["data"]["source"] in nodes and e["data"]["target"] in nodes for e in edges)
    assert len({e["data"]["id"] for e in edges}) == len(edges)


def test_actors_table_has_caption_scopes_iris_and_quotes(dt_vi):
    types = {POLISEN: "Myndighet"}
    table = cs.build_actors_table(dt_vi, "sv", types)
    assert isinstance(table.children[0], html.Caption) and "DT.VI" in table.children[0].children
    assert [th.scope for th in find(table.children[1], html.Th)] == ["col"] * 4
    rows = find(table.children[2], html.Tr)
    assert [r.to_plotly_json()["props"]["data-iri"] for r in rows] == [a["iri"] for a in dt_vi["actors"]]
    polis = next(r for r in rows if r.to_plotly_json()["props"]["data-iri"] == POLISEN)
    assert polis.children[0].scope == "row" and "Myndighet" in text_of(polis)
    assert "Polisen — deltar i →" in text_of(polis)
    assert find(polis, html.Blockquote) and find(polis, html.Details)
    assert find(polis, html.Span, "interpreted") and find(polis, html.Span, "stated")


def test_strategy_view_holds_graph_table_and_runnable_sparql(dt_vi):
    view = cs.build_strategy_view(dt_vi, "en", {})
    graph = next(c for c in walk(view) if getattr(c, "id", None) == ids.SA_GRAPH)
    assert graph.layout["name"] == "preset" and len(graph.elements) > len(dt_vi["actors"])
    assert "reach the strategy" in text_of(view)
    sparql = find(view, html.Details, "sparql-toggle")[0]
    code = text_of(find(sparql, html.Pre)[0])
    assert f"<{DT_VI}>" in code and "SELECT" in code
    assert sparql.children[0].children == "Show SPARQL"


def test_english_labels_and_step_text(dt_vi):
    route = next(a for a in dt_vi["actors"] if a["iri"] == POLISEN)["routes"][0]
    assert path_text(route["steps"], "sv") == route["text"]
    english = path_text(route["steps"], "en")
    assert english.startswith("The Police — participates in →") and english.endswith("DT.VI")


def test_shared_view_lists_project_and_strategy(seed_store):
    result = planner.shared_between(seed_store, "polisen", "socialtjansten")
    view = cpairs.build_shared_view(result, "sv")
    text = text_of(view)
    assert "Sociala insatsgruppen" in text and "DT.V" in text
    assert "Gemensamma projekt: 1" in text and "Gemensamma strategier: 1" in text
    assert len(find(view, html.Table)) == 2


def test_paths_view_draws_and_tabulates_each_step(seed_store):
    result = planner.connections(seed_store, "polisen", "socialtjansten")
    view = cpairs.build_paths_view(result, "sv")
    lines = [text_of(li) for li in find(view, html.Li, "path-line")]
    assert lines == [p["text"] for p in result["paths"]]
    graph = next(c for c in walk(view) if getattr(c, "id", None) == ids.TA_GRAPH)
    nodes = [e for e in graph.elements if "source" not in e["data"]]
    assert {n["data"]["id"] for n in nodes if "focus" in n["classes"]} == {POLISEN, ID_IRI + "org/socialtjansten"}
    assert all("position" in n for n in nodes)
    steps = find(view, html.Table, "pl-steps")
    assert len(steps) == len(result["paths"])
    assert len(find(steps[0].children[2], html.Tr)) == result["length"]


def test_paths_view_says_when_nothing_connects():
    empty = {"source": {}, "target": {}, "length": None, "paths": [], "queries": []}
    assert "Ingen koppling" in text_of(cpairs.build_paths_view(empty, "sv"))


def test_network_elements_size_by_measure_and_colour_by_community(seed_store):
    result = planner.network(seed_store, max_elements=400)
    by_degree = {e["data"]["id"]: e for e in ep.network_elements(result, "weighted_degree", "sv")}
    by_between = {e["data"]["id"]: e for e in ep.network_elements(result, "betweenness", "sv")}
    actors = {a["iri"]: a for a in result["actors"]}
    top = max(actors.values(), key=lambda a: a["weighted_degree"])["iri"]
    assert by_degree[top]["data"]["size"] == ep.NODE_SIZE[1]
    # the server positions, moved only as far as the labels need (issue 13)
    assert all(abs(by_degree[i]["position"]["x"] - result["positions"][i]["x"]) < 400 for i in actors)
    assert f"community-{actors[top]['community']}" in by_degree[top]["classes"]
    edges = [e for e in by_degree.values() if "source" in e["data"]]
    assert len(edges) == len(result["edges"]) and max(e["data"]["width"] for e in edges) == ep.EDGE_WIDTH[1]
    assert {i: e["data"]["size"] for i, e in by_degree.items() if i in actors} != \
        {i: e["data"]["size"] for i, e in by_between.items() if i in actors}


def test_network_respects_the_element_budget(seed_store):
    result = planner.network(seed_store, max_elements=20)
    assert len(result["actors"]) + len(result["edges"]) <= 20
    assert "visar de starkaste" in cn.build_network_status(result, "sv")
    tables = cn.build_network_view(result, "betweenness", "sv")
    assert len(find(tables, html.Table)) == 2


def test_gaps_view_matrix_and_lists(seed_store):
    result = planner.gaps(seed_store)
    view = cg.build_gaps_view(result, "sv")
    matrix = find(view, html.Table, "coverage")[0]
    rows = find(matrix.children[2], html.Tr)
    assert [r.to_plotly_json()["props"]["data-iri"] for r in rows][:-1] == [g["iri"] for g in result["coverage"]]
    assert "Totalt" in text_of(rows[-1]) and "23" in text_of(rows[-1])
    text = text_of(view)
    assert "Strategier utan projekt" in text and "Aktörer som bara når en strategi" in text
    assert len(find(view, html.Pre, "sparql-text")) == len(result["queries"]) == 4


def test_choices_sort_roman_numerals_and_name_types(index):
    strategies = cp.choices(index, "strategy")
    notations = [s["notation"] for s in strategies]
    assert len(strategies) == 23 and notations.index("DT.V") < notations.index("DT.VI")
    assert roman_value("IX") == 9 and roman_value("IV") == 4 and roman_value("") == 0
    options = cs.build_strategy_options(strategies, "sv")
    assert options[0]["label"].startswith(notations[0] + " – ")
    types = cp.actor_types(index, "sv")
    assert types[POLISEN] and types[POLISEN][0].isupper()


def test_url_query_and_explorer_links():
    assert url_query("sv", strategy="fpid:strategy/DT.VI") == "?strategy=fpid:strategy/DT.VI"
    assert url_query("en", actors="fpid:org/a,fpid:org/b") == "?lang=en&actors=fpid:org/a,fpid:org/b"
    assert url_query("sv", measure=None) == ""
    link = cp.build_entity({"iri": POLISEN, "label": "Polisen", "label_en": "The Police", "type": "actor"}, "en")
    assert isinstance(link, dcc.Link) and link.href == "/?focus=fpid:org/polisen&lang=en"
    assert "The Police" in text_of(link)


def test_a_quote_shows_the_raw_text_and_a_restored_reading_beside_it(seed_store):
    result = planner.connections(seed_store, "polisen", "socialtjansten")
    passage = next(s["passage"] for p in result["paths"] for s in p["steps"] if s["passage"])
    view = cp.build_passage({**passage, "text": "Svenska Bostéder &r med", "restored": "Svenska Bostäder är med"}, "sv")
    text = text_of(view)
    assert "Svenska Bostéder &r med" in text  # the raw source, unchanged
    assert "Återställd läsning" in text and "Svenska Bostäder är med" in text
    plain = cp.build_passage({**passage, "restored": passage["text"]}, "sv")
    assert "Återställd läsning" not in text_of(plain)  # nothing to restore: no second reading


def test_a_strategy_link_draws_its_actors_with_the_page_and_the_callback_answers_only_a_new_choice(seed_store):
    from graph.settings import Settings
    from ui.app import create_app
    from ui.pages import strategy_actors

    app = create_app(Settings(store="memory"), store=seed_store)
    page = strategy_actors.layout(app.server.extensions["fardplan"], lang="sv", strategy="DT.VI")
    stores = {c.id: c.data for c in walk(page) if isinstance(c, dcc.Store)}
    assert stores[ids.SA_SHOWN] == DT_VI
    body = next(c for c in walk(page) if getattr(c, "id", None) == ids.SA_BODY)
    assert any(getattr(c, "id", None) == ids.SA_GRAPH for c in walk(body)) and "Polisen" in text_of(body)
    empty = strategy_actors.layout(app.server.extensions["fardplan"], lang="sv")
    assert {c.id: c.data for c in walk(empty) if isinstance(c, dcc.Store)}[ids.SA_SHOWN] is None

    meta = stores[ids.SA_META]

    def show(strategy):
        return post_callback(app, ids.SA_BODY, ids.SA_STRATEGY, strategy,
                             states={ids.SA_META: meta, ids.SA_SHOWN: DT_VI})

    other = ID_IRI + "strategy/DT.I"
    assert show(other)[ids.SA_SHOWN]["data"] == other


def test_a_pair_link_draws_both_answers_with_the_page_and_each_callback_answers_only_a_new_pair(seed_store):
    from graph.settings import Settings
    from ui.app import create_app
    from ui.pages import two_actors

    socialtjansten = ID_IRI + "org/socialtjansten"
    app = create_app(Settings(store="memory"), store=seed_store)
    page = two_actors.layout(app.server.extensions["fardplan"], lang="sv", actors="polisen,socialtjansten")
    stores = {c.id: c.data for c in walk(page) if isinstance(c, dcc.Store)}
    pair = f"{POLISEN} {socialtjansten}"
    assert stores[ids.TA_SHARED_SHOWN] == stores[ids.TA_PATHS_SHOWN] == pair
    shared = next(c for c in walk(page) if getattr(c, "id", None) == ids.TA_SHARED)
    paths = next(c for c in walk(page) if getattr(c, "id", None) == ids.TA_PATHS)
    assert "Socialtjänsten" in text_of(shared)
    assert any(getattr(c, "id", None) == ids.TA_GRAPH for c in walk(paths))

    def answer(output: str, shown_id: str, a: str, b: str) -> dict:
        return post_callback(app, output, ids.TA_B, b, inputs={ids.TA_A: a},
                             states={ids.TA_META: {"lang": "sv"}, shown_id: pair})

    for output, shown_id in ((ids.TA_SHARED, ids.TA_SHARED_SHOWN), (ids.TA_PATHS, ids.TA_PATHS_SHOWN)):
        assert answer(output, shown_id, POLISEN, socialtjansten) == {}  # the page drew it
        assert answer(output, shown_id, socialtjansten, POLISEN)[shown_id]["data"] == f"{socialtjansten} {POLISEN}"
