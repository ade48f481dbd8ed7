"""The UI without a browser: element mapping, stylesheet, builders' props, and the app factory."""

from __future__ import annotations

import pytest
from dash import html

from graph.index.nodes import build_index
from graph.service.details import node_page
from graph.service.explore_state import default_state
from graph.service.explore_view import element_count, view
from graph.settings import Settings
from graph.store import EmbeddedStore
from graph.vocab.namespaces import ID_IRI
from tests.support.synthetic_explore import hub_quads
from ui import ids
from ui.app import create_app
from ui.components.common import (
    build_hits,
    build_legend,
    build_nav,
    build_node_details,
    build_quote,
    build_relation_group,
)
from ui.elements.explore import KIND_STYLE, STYLESHEET, highlight_stylesheet, layout_for, short_label, to_elements
from ui.i18n import TEXT, kind_name, number

POLISEN = ID_IRI + "org/polisen"


@pytest.fixture(scope="module")
def index(seed_store):
    return build_index(seed_store)


def _texts(component) -> list[str]:
    out = []
    if isinstance(component, str):
        return [component]
    if isinstance(component, list | tuple):
        for c in component:
            out += _texts(c)
        return out
    children = getattr(component, "children", None)
    return out + (_texts(children) if children is not None else [])


def test_elements_match_the_view_and_the_budget(index):
    result = view(index, default_state(), 100)
    elements = to_elements(result, "sv")
    assert len(elements) == element_count(result) <= 100
    groups = [e for e in elements if e["data"].get("group")]
    assert groups and all(e["data"]["label"].startswith("+") for e in groups)
    strategy = next(e for e in elements if e["data"].get("kind") == "strategy")
    assert strategy["data"]["label"].count(".") == 1  # strategies are drawn by notation
    dashed = [e for e in to_elements(view(index, default_state(), 400)) if "interpreted" in e.get("classes", "")]
    assert dashed and all("source" in e["data"] for e in dashed)


def test_every_kind_has_a_style_and_a_name():
    for kind in KIND_STYLE:
        assert any(r["selector"] == f"node.{kind}" for r in STYLESHEET)
        assert kind_name(kind, "sv", 2) and kind_name(kind, "en", 2)
    assert all(set(v) == {"sv", "en"} for v in TEXT.values())
    assert any(r["selector"] == "edge.interpreted" and r["style"]["line-style"] == "dashed" for r in STYLESHEET)


def test_short_label_and_layouts():
    assert short_label("Kort") == "Kort"
    cut = short_label("Främja trygghet i det offentliga rummet genom brottspreventiva åtgärder")
    assert cut.endswith("…") and len(cut) <= 35
    result = {"nodes": [{"id": "g", "kind": "goal", "role": ""}]}
    assert layout_for("force", result)["name"] == "preset"  # server positions (issue 13)
    assert layout_for("hierarchy", result)["roots"] == ["g"]
    assert layout_for("concentric", result)["name"] == "preset"


def test_highlight_fades_all_but_the_neighbourhood(index):
    elements = to_elements(view(index, default_state(), 400))
    sheet = highlight_stylesheet(elements, POLISEN)
    assert len(sheet) == len(STYLESHEET) + 3 and POLISEN in sheet[-2]["selector"]
    assert highlight_stylesheet(elements, None) == STYLESHEET
    assert highlight_stylesheet(elements, "https://example.org/absent") == STYLESHEET


def test_builders(seed_store, index):
    hits = build_hits([{"iri": POLISEN, "label": "Polisen", "kind": "organisation", "notation": ""}], "sv", "polis")
    assert hits[0].id == {"type": ids.HIT, "iri": POLISEN}
    assert _texts(build_hits([], "en", "x")) == ["No matches"]
    assert build_hits([], "sv", "") == []
    page = node_page(seed_store, index, POLISEN, "sv")
    details = build_node_details(page, "sv")
    texts = _texts(details)
    assert "Polisen" in texts and "Källa" in texts and "polis" in texts
    quote = build_quote(page["mentions"][0], "sv")
    assert any(isinstance(c, html.Mark) for c in quote.children[0].children)
    nav = build_nav([{"path": "/", "title": {"sv": "Utforska", "en": "Explore"}}], "/", "en", "/")
    assert "Explore" in _texts(nav) and "Svenska" in _texts(nav)
    assert "Målområden" in _texts(build_legend("sv"))


def test_create_app_serves_the_shell(seed_store):
    app = create_app(Settings(store="memory"), store=seed_store)
    client = app.server.test_client()
    assert client.get("/").status_code == 200
    layout = client.get("/_dash-layout").get_json()
    assert "url" in str(layout)
    assert app.server.extensions["fardplan"].index.nodes
    assert not app.config.get("external_stylesheets")


def _find(component, predicate) -> list:
    """Every component in the tree for which ``predicate`` holds."""
    found = [component] if predicate(component) else []
    children = getattr(component, "children", None)
    for child in children if isinstance(children, list | tuple) else [children] if children is not None else []:
        found += _find(child, predicate)
    return found


def test_a_paged_relation_group_has_a_show_more_button_and_a_sparql_link():
    hub = "https://example.org/hub/navet"
    store = EmbeddedStore()
    store.insert(hub_quads(hub))
    index = build_index(store)
    group = next(g for g in node_page(store, index, hub, "sv")["relations"] if g["direction"] == "out")
    built = build_relation_group(group, "sv")
    texts = _texts(built)
    assert "fp:participatesIn → (60)" in texts and "Visa fler (25)" in texts  # no ontology: the CURIE
    assert "Visar 25 av 60, mest kopplade först" in texts
    button = _find(built, lambda c: getattr(c, "id", None) == {"type": ids.REL_MORE, "key": group["key"]})
    assert len(button) == 1 and button[0].n_clicks == 0
    link = _find(built, lambda c: type(c).__name__ == "Link")[0]
    assert link.href.startswith("/fraga?query=") and "participatesIn" in link.href
    assert len(_find(built, lambda c: isinstance(c, html.Li))) == 25
    english = build_relation_group(next(g for g in node_page(store, index, hub, "en")["relations"]
                                        if g["direction"] == "out"), "en")
    assert "Show more (25)" in _texts(english) and "&lang=en" in _find(english, lambda c: type(c).__name__ ==
                                                                        "Link")[0].href
    done = build_relation_group({**group, "rest": 0, "more": False}, "sv")
    assert not _find(done, lambda c: isinstance(c, html.Button) and getattr(c, "id", {}).get("type") == ids.REL_MORE)
    assert number(3043, "sv") == "3\u00a0043" and number(3043, "en") == "3,043"



def test_a_shared_link_draws_the_selections_details_with_the_page_and_the_callback_does_not_redraw_them(seed_store):
    from tests.support.dash_post import post_callback
    from ui.pages import explore

    app = create_app(Settings(store="memory"), store=seed_store)
    page = explore.layout(app.server.extensions["fardplan"], lang="sv", sel="fpid:org/polisen")
    details = _find(page, lambda c: getattr(c, "id", None) == ids.DETAILS)[0]
    assert "Polisen" in _texts(details)
    shown = _find(page, lambda c: getattr(c, "id", None) == ids.DETAILS_SHOWN)[0].data
    state = _find(page, lambda c: getattr(c, "id", None) == ids.STATE)[0].data
    assert post_callback(app, ids.DETAILS, ids.STATE, state, states={ids.DETAILS_SHOWN: shown}) == {}
    other = {**state, "selected": ID_IRI + "org/socialtjansten"}  # a new selection is drawn
    answer = post_callback(app, ids.DETAILS, ids.STATE, other, states={ids.DETAILS_SHOWN: shown})
    assert answer[ids.DETAILS_SHOWN]["data"][0] == other["selected"]
    assert "Socialtjänsten" in str(answer[ids.DETAILS]["children"])
