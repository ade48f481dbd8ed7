"""The explorer's feedback without a browser: action notices counted from the views before and after, the
selection notice, the status line's real total, the twin container, the strategy counts and the index page."""

from __future__ import annotations

import json

import pytest

from graph.index.nodes import build_index, label_of
from graph.service.explore_state import apply_event, default_state
from graph.service.explore_view import view
from graph.service.planner import actors_for_strategy
from graph.settings import Settings
from graph.vocab.namespaces import ID_IRI
from ui.app import create_app
from ui.components.common import build_status
from ui.components.feedback import action_notice, selection_notice
from ui.components.planner import actor_types
from ui.components.strategy import build_strategy_view
from ui.components.table import build_twin, graph_attrs

POLISEN = ID_IRI + "org/polisen"


@pytest.fixture(scope="module")
def index(seed_store):
    return build_index(seed_store)


def test_expand_on_a_drawn_neighbourhood_says_nothing_was_added(index):
    focused = apply_event(default_state(), "focus", POLISEN)
    expanded = apply_event(focused, "expand", POLISEN)
    before, after = view(index, focused), view(index, expanded)
    neighbours = len(index.neighbours(POLISEN))
    assert action_notice(index, "expand", POLISEN, before, after, "sv") == \
        f"Visa grannar till Polisen: alla {neighbours} grannar visas redan"
    assert action_notice(index, "focus", POLISEN, view(index, default_state()), before, "en") == \
        f"Focused on {label_of(index.nodes[POLISEN], 'en')}: {before['shown']} nodes within 1 hops"


def test_expand_and_collapse_count_what_changed(index):
    focused = apply_event(default_state(), "focus", POLISEN)
    neighbour = sorted(index.neighbours(POLISEN))[0]
    expanded = apply_event(focused, "expand", neighbour)
    before, after = view(index, focused), view(index, expanded)
    added = len({n["id"] for n in after["nodes"]} - {n["id"] for n in before["nodes"]})
    assert added > 0
    assert action_notice(index, "expand", neighbour, before, after, "sv").endswith(f": {added} noder tillagda")
    collapsed = apply_event(expanded, "collapse", neighbour)
    removed = len({n["id"] for n in after["nodes"]} - {n["id"] for n in view(index, collapsed)["nodes"]})
    said = action_notice(index, "collapse", neighbour, after, view(index, collapsed), "sv")
    assert said.endswith(f": {removed} noder dolda" if removed else ": inga grannar att dölja")


def test_selection_notice_counts_relations(index):
    n = index.degree(POLISEN)
    assert selection_notice(index, POLISEN, "sv") == f"Polisen vald: {n} relationer"
    assert selection_notice(index, POLISEN, "sv", drawn={POLISEN}) == \
        f"Polisen vald: {n} relationer, 0 syns i grafen"
    assert selection_notice(index, None, "en") == "No node selected"


def test_status_names_the_real_total(index):
    focused = view(index, apply_event(default_state(), "focus", POLISEN))
    text = build_status(focused, {"focus": POLISEN, "k": 1}, "Polisen", "sv", total=len(index.nodes))
    assert text.startswith(f"Visar {focused['shown']} av {len(index.nodes)} noder · {focused['total']} i urvalet")


def test_twin_and_graph_carry_their_strings_in_the_language():
    twin = build_twin("g", "en", select="tap", clear_button="clear")
    texts = json.loads(twin.to_plotly_json()["props"]["data-texts"])
    assert texts["twin_name"] == "Name" and "{n}" in texts["twin_caption"] and texts["kinds"]["project"] == "project"
    attrs = graph_attrs("g", "sv")
    assert attrs["tabIndex"] == "0" and attrs["role"] == "application" and "Piltangenterna" in attrs["aria-label"]


def test_strategy_summary_counts_each_actor_once(seed_store, index):
    result = actors_for_strategy(seed_store, "DT.VI")
    body = build_strategy_view(result, "sv", actor_types(index, "sv"))
    lead = body[0].children[-1].children
    direct = sum(bool(a["direct"]) for a in result["actors"])
    assert lead == f"{direct} direkt, {len(result['actors']) - direct} via projekt " \
                   f"({len(result['actors'])} aktörer når strategin)."


def test_index_page_declares_swedish_and_loads_the_a11y_script(seed_store):
    app = create_app(Settings(store="memory"), store=seed_store)
    page = app.server.test_client().get("/").get_data(as_text=True)
    assert '<html lang="sv">' in page and "a11y.js" in page and "a11y.css" in page
