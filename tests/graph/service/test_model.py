"""The service's answers have exactly the keys graph.service.model declares: each function's real answer on the
seed store, checked against its own return annotation, all the way down (every nested TypedDict)."""

from __future__ import annotations

import types
from typing import Any, Literal, TypeVar, Union, get_args, get_origin, get_type_hints, is_typeddict

import pytest

from graph.index.nodes import build_index
from graph.index.search import search
from graph.service import brief, details, explore_state, explore_view, model, planner, sparql, stats, views
from graph.settings import Settings
from graph.vocab.namespaces import ID_IRI, sparql_prologue

POLISEN = ID_IRI + "org/polisen"
SETTINGS = Settings(store="memory")


def check(value: Any, hint: Any, where: str, seen: set[type]) -> None:
    """Assert ``value`` fits ``hint``: a TypedDict has exactly its required keys and none but its optional ones."""
    origin = get_origin(hint)
    if is_typeddict(hint) or is_typeddict(origin):
        shape = origin or hint
        hints = get_type_hints(shape)
        if origin is not None:  # a generic TypedDict such as Paged[Entity]
            bound = dict(zip(shape.__parameters__, get_args(hint), strict=True))
            hints = {k: bound.get(h, h) for k, h in hints.items()}
        assert isinstance(value, dict), f"{where}: {type(value).__name__}, not a {shape.__name__}"
        keys, required, optional = set(value), set(shape.__required_keys__), set(shape.__optional_keys__)
        assert required <= keys, f"{where}: {shape.__name__} lacks {sorted(required - keys)}"
        extra = keys - required - optional
        assert not extra, f"{where}: keys not in {shape.__name__}: {sorted(extra)}"
        seen.add(shape)
        for key in keys:
            check(value[key], hints[key], f"{where}.{key}", seen)
    elif origin in (Union, types.UnionType):
        options = get_args(hint)
        if value is None:
            assert type(None) in options, f"{where}: None is not a {hint}"
            return
        shaped = [o for o in options if o is not type(None)]
        assert len(shaped) == 1, f"{where}: one kind of value besides None is expected in {hint}"
        check(value, shaped[0], where, seen)
    elif origin is Literal:
        assert value in get_args(hint), f"{where}: {value!r} is not one of {get_args(hint)}"
    elif origin is list or hint is list:
        assert isinstance(value, list), f"{where}: {type(value).__name__}, not a list"
        for i, item in enumerate(value):
            if get_args(hint):
                check(item, get_args(hint)[0], f"{where}[{i}]", seen)
    elif origin is dict:
        assert isinstance(value, dict), f"{where}: {type(value).__name__}, not a dict"
        for key, item in value.items():
            check(item, get_args(hint)[1], f"{where}[{key!r}]", seen)
    elif hint is Any or isinstance(hint, TypeVar):
        return
    elif hint is float:
        assert isinstance(value, int | float) and not isinstance(value, bool), f"{where}: {value!r} is not a number"
    else:
        assert isinstance(value, hint), f"{where}: {value!r} is not a {hint.__name__}"


@pytest.fixture(scope="module")
def index(seed_store):
    return build_index(seed_store)


def cases(store, index, tmp_path) -> list[tuple[str, Any, Any]]:
    """``(name, function, its answer)`` for every service function with a shaped answer, on the seed store."""
    edge = next(e for e in index.edges if e.mode == "interpreted")
    group = details.group_key(edge.predicate, "out")
    state = explore_state.apply_event(explore_state.default_state(), "focus", POLISEN)
    G = planner.views(store).relations
    views_file = tmp_path / "views.json"
    saved = views.add_view(views_file, "Överblick", "/", "Hela planen")
    construct = sparql_prologue() + "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o } LIMIT 40"
    labels = sparql_prologue() + 'SELECT ?s ?l ?n WHERE { ?s skos:prefLabel ?l . OPTIONAL { ?s skos:notation ?n } }'
    small = Settings(store="memory", max_elements=10)
    return [
        ("node_page", details.node_page, details.node_page(store, index, POLISEN)),
        ("node_page facts", details.node_page, details.node_page(store, index, ID_IRI + "org/kommissionen")),
        ("edge_page", details.edge_page, details.edge_page(store, index, edge.source, edge.predicate, edge.target)),
        ("view", explore_view.view, explore_view.view(index, explore_state.default_state())),
        ("view focused", explore_view.view, explore_view.view(index, state, budget=40)),
        ("view grouped", explore_view.view, explore_view.view(index, explore_state.default_state(), budget=30)),
        ("view hierarchy", explore_view.view, explore_view.view(index, {**state, "layout": "hierarchy"})),
        ("default_state", explore_state.default_state, explore_state.default_state()),
        ("apply_event", explore_state.apply_event, explore_state.apply_event(state, "more", group)),
        ("view_part", explore_state.view_part, explore_state.view_part(state)),
        ("entity", planner.entity, planner.entity(G, POLISEN)),
        ("resolve_node", planner.resolve_node, planner.resolve_node(store, "polisen")),
        ("actors_for_strategy", planner.actors_for_strategy, planner.actors_for_strategy(store, "DT.VI")),
        ("shared_between", planner.shared_between, planner.shared_between(store, "polisen", "skolor")),
        ("connections", planner.connections, planner.connections(store, "polisen", "socialtjansten")),
        ("gaps", planner.gaps, planner.gaps(store)),
        ("brokers", planner.brokers, planner.brokers(store)),
        ("network", planner.network, planner.network(store, max_elements=30)),
        ("paged", planner.paged, planner.paged(planner.gaps(store)["coverage"], 3)),
        ("run_query select", sparql.run_query, sparql.run_query(store, labels, SETTINGS)),
        ("run_query ask", sparql.run_query, sparql.run_query(store, "ASK { ?s ?p ?o }", SETTINGS)),
        ("run_query graph", sparql.run_query, sparql.run_query(store, construct, small)),
        ("run_query error", sparql.run_query, sparql.run_query(store, "SELECT nonsense", SETTINGS)),
        ("download", sparql.download, sparql.download(store, labels, SETTINGS, "csv")),
        ("examples", sparql.examples, sparql.examples("en")),
        ("class_counts", stats.class_counts, stats.class_counts(store)),
        ("add_view", views.add_view, saved),
        ("list_views", views.list_views, views.list_views(views_file)),
        ("brief strategy", brief.brief, brief.brief(store, "DT.VI")),
        ("brief actor", brief.brief, brief.brief(store, "polisen")),
        ("search", search, search(index, "polis")),
    ]


def test_every_answer_has_exactly_the_declared_keys(seed_store, index, tmp_path):
    seen: set[type] = set()
    for name, function, answer in cases(seed_store, index, tmp_path):
        check(answer, get_type_hints(function)["return"], name, seen)
    # every shape of the model was met in a real answer, itself or as the part of a larger one (Provenance)
    declared = {getattr(model, n) for n in model.__all__ if is_typeddict(getattr(model, n))}

    def part_of(shape: type, other: type) -> bool:
        return get_type_hints(shape).items() <= get_type_hints(other).items()

    assert {s.__name__ for s in declared if not any(part_of(s, m) for m in seen)} == set()


def test_the_checker_finds_a_missing_and_an_extra_key(seed_store):
    entity = planner.resolve_node(seed_store, "polisen")
    check(entity, model.Entity, "entity", set())
    with pytest.raises(AssertionError, match="lacks"):
        check({k: v for k, v in entity.items() if k != "notation"}, model.Entity, "entity", set())
    with pytest.raises(AssertionError, match="not in Entity"):
        check({**entity, "extra": 1}, model.Entity, "entity", set())
    with pytest.raises(AssertionError, match="lacks"):
        check({"type": "literal"}, model.Cell, "cell", set())
    check({"type": "literal", "value": "x", "lang": "sv"}, model.Cell, "cell", set())  # lang is optional


def test_the_model_lists_what_it_declares():
    declared = {n for n, v in vars(model).items() if is_typeddict(v) and not n.startswith("_")}
    assert declared <= set(model.__all__) and all(hasattr(model, n) for n in model.__all__)
