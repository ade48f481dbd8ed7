"""Neighbourhoods, filters, the element budget and group nodes (graph.service.explore_view), on the bundled data and
on a synthetic graph of more than 50,000 triples."""

from __future__ import annotations

import pytest

from graph.index.nodes import build_index
from graph.service.explore_state import apply_event, default_state
from graph.service.explore_view import candidates, concentric_positions, element_count, k_hop, view
from graph.vocab.namespaces import ID_IRI
from tests.support.synthetic_explore import synthetic_store

POLISEN = ID_IRI + "org/polisen"
BUDGET = 400


@pytest.fixture(scope="module")
def index(seed_store):
    return build_index(seed_store)


def _ids(result: dict) -> set[str]:
    return {n["id"] for n in result["nodes"]}


def test_small_graph_is_shown_whole(index):
    result = view(index, default_state(), BUDGET)
    assert _ids(result) == set(index.nodes) and result["groups"] == []
    assert len(result["edges"]) == len(index.edges)


def test_goal_filter_removes_the_area(index):
    result = view(index, {**default_state(), "goals": ["AF", "BS", "UU"]}, BUDGET)
    shown = _ids(result)
    assert ID_IRI + "goal/DT" not in shown and ID_IRI + "strategy/DT.VI" not in shown
    assert ID_IRI + "goal/UU" in shown
    assert ID_IRI + "document/yttrande-000" in shown  # tied to no goal area: always kept
    assert all(e["source"] in shown and e["target"] in shown for e in result["edges"])


def test_kind_filter(index):
    kept = candidates(index, None, ["goal", "strategy"])
    assert {index.nodes[i].kind for i in kept} == {"goal", "strategy"}
    assert candidates(index, [], None) == {i for i, n in index.nodes.items() if not n.goals}


def test_focus_shows_the_k_hop_neighbourhood(index):
    one = view(index, apply_event(default_state(), "focus", POLISEN), BUDGET)
    assert _ids(one) == {POLISEN} | index.neighbours(POLISEN)
    assert [n["role"] for n in one["nodes"] if n["id"] == POLISEN] == ["focus"]
    two = view(index, {**apply_event(default_state(), "focus", POLISEN), "k": 2}, BUDGET)
    assert _ids(two) == set(k_hop(index, POLISEN, 2, set(index.nodes)))
    assert _ids(one) < _ids(two)


def test_budget_groups_what_does_not_fit(index):
    result = view(index, default_state(), 100)
    assert element_count(result) <= 100
    assert result["groups"] and sum(g["count"] for g in result["groups"]) == len(index.nodes) - result["shown"]
    assert ID_IRI + "goal/DT" in _ids(result)  # goal areas come first


def test_collapse_and_open_group(index):
    project = ID_IRI + "project/sociala-insatsgruppen"
    state = apply_event(apply_event(default_state(), "focus", project), "collapse", project)
    result = view(index, state, BUDGET)
    assert _ids(result) == {project}
    group = result["groups"][0]
    assert group["anchor"] == project and group["count"] >= 1
    opened = view(index, apply_event(state, "open_group", group["id"]), BUDGET)
    assert POLISEN in _ids(opened) and len(opened["groups"]) < len(result["groups"]) + 1


def test_concentric_positions_are_distinct(index):
    ids = list(index.nodes)
    positions = concentric_positions(index, ids)
    assert set(positions) == set(ids)
    assert len({(p["x"], p["y"]) for p in positions.values()}) == len(ids)
    goal = positions[ID_IRI + "goal/DT"]
    project = positions[ID_IRI + "project/sociala-insatsgruppen"]
    assert goal["x"] ** 2 + goal["y"] ** 2 < project["x"] ** 2 + project["y"] ** 2


@pytest.fixture(scope="module")
def big():
    store = synthetic_store()
    assert store.count() >= 50_000
    return build_index(store)


def test_synthetic_initial_view_stays_within_budget(big):
    result = view(big, default_state(), BUDGET)
    assert element_count(result) <= BUDGET
    assert result["total"] == len(big.nodes) > BUDGET
    assert sum(g["count"] for g in result["groups"]) == result["total"] - result["shown"]
    labels = [g["kind"] for g in result["groups"]]
    assert "organisation" in labels


def test_synthetic_biggest_hub_expanded_and_focused_stays_within_budget(big):
    hub = max(big.nodes, key=big.degree)
    assert big.degree(hub) > BUDGET
    for state in (apply_event(default_state(), "expand", hub), apply_event(default_state(), "focus", hub)):
        result = view(big, state, BUDGET)
        assert element_count(result) <= BUDGET
        assert hub in _ids(result)
        grouped = [g for g in result["groups"] if g["anchor"] == hub]
        assert grouped and sum(g["count"] for g in grouped) + len(_ids(result) & big.neighbours(hub)) \
            == len(big.neighbours(hub))
    opened = view(big, apply_event(state, "open_group", grouped[0]["id"]), BUDGET)
    assert element_count(opened) <= BUDGET


def test_a_reply_filter_keeps_what_that_reply_says(seed_store):
    """The seed and a second reply: each reply's view holds the nodes and relations its passages are about;
    relations no document says (structure) stay between the nodes kept."""
    from graph.load.loader import load_files
    from graph.store import EmbeddedStore
    from tests.support.paths import FIXTURES

    store = EmbeddedStore()
    store.insert(list(seed_store.quads()))
    load_files(store, [FIXTURES / "second-reply.ttl"])
    index = build_index(store)
    second, seed = ID_IRI + "document/yttrande-test", ID_IRI + "document/yttrande-000"
    project, strategy = ID_IRI + "project/trygga-torg", ID_IRI + "strategy/DT.VI"
    only_second = view(index, {**default_state(), "reply": second}, BUDGET)
    assert _ids(only_second) == {POLISEN, project, strategy}
    assert {(e["source"], e["target"]) for e in only_second["edges"]} == {(POLISEN, project), (project, strategy)}
    only_seed = view(index, {**default_state(), "reply": seed}, BUDGET)
    assert project not in _ids(only_seed) and {POLISEN, strategy} <= _ids(only_seed)
    assert all(e["source"] != project and e["target"] != project for e in only_seed["edges"])
    assert len(view(index, default_state(), BUDGET)["nodes"]) == len(index.nodes)
    focused = view(index, apply_event({**default_state(), "reply": second}, "focus", POLISEN), BUDGET)
    assert _ids(focused) == {POLISEN, project}  # one relation away along what the second reply says
    assert candidates(index, None, None, second) == {POLISEN, project, strategy}
