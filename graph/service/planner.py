"""Service functions for the CLI, the UI and JSON: a store and plain arguments in, JSON-safe dicts out.

Every entity in a result is a dict with at least ``"iri"``, ``"label"`` (Swedish) and ``"label_en"``. The networkx
views each function reads are built once per store (:func:`views`) and dropped with :func:`invalidate`.
Each result names the canned queries (``graph/queries/*.rq``) its answer can be checked with, as
``"queries": [{"name", "params"}]``; :func:`sparql_for` writes one out with the parameters filled in.

One module for one concept, the answers of the planner pages (/strategi, /tva-aktorer, /natverk, /luckor): they
share one per-store cache of networkx views (:class:`Views`) and one way of writing entities, steps and routes,
and are read and changed together.
"""

from __future__ import annotations

import threading
from typing import TypeVar

import networkx as nx

from graph.analysis import algorithms as analysis
from graph.analysis.convert import to_nx
from graph.analysis.layout import network_positions
from graph.errors import FardplanError
from graph.index.resolve import resolve
from graph.queries import get
from graph.service.caches import caches_of
from graph.service.caches import invalidate as drop
from graph.service.model import (
    ActorReach,
    ActorRoute,
    Broker,
    Brokers,
    Connections,
    Coverage,
    Entity,
    Gaps,
    GapStrategy,
    Network,
    NetworkEdge,
    Paged,
    Path,
    RelationName,
    Route,
    ServingProject,
    Shared,
    SharedStrategy,
    SingleStrategyActor,
    Step,
    StrategyActors,
)
from graph.store import Store
from graph.vocab.kinds import kind_named
from graph.vocab.notation import notation_key
from graph.vocab.restore import Lexicon, restore

__all__ = [
    "Views", "views", "invalidate", "reply_relations", "entity", "resolve_node", "actors_for_strategy",
    "shared_between", "connections", "gaps", "brokers", "network", "sparql_for", "paged", "graph_actors", "ACTOR_TYPES",
    "TABLE_ROWS", "HEAVY_ROWS", "ROUTES_SHOWN",
]

ACTOR_TYPES = (kind_named("organisation").type,)  # "actor"
# Page sizes of the UI's tables (what the browser builds at once; "Visa fler" shows the next page). Dash builds
# one component per cell, link and step, and the browser's time grows faster than their number: rows holding
# routes step by step (each step with its quote) come in smaller pages than plain rows.
TABLE_ROWS = 20
HEAVY_ROWS = 5
ROUTES_SHOWN = 2
STRATEGY_TYPES = (kind_named("strategy").type,)
# A stated collaboration is the most direct tie two actors have; goal-area membership is left out (it joins all).
T = TypeVar("T")
PATH_RELATIONS = (*analysis.VIA, *analysis.DIRECT, *analysis.CONTRIBUTES, "collaboratesWith", "fundedBy",
                  "subOrganizationOf", "memberOf")


class Views:
    """The networkx views of one store: the relations graph, reach and affiliation graph built at once; the
    actor–actor collaboration network (:func:`graph.analysis.algorithms.collaboration_network`) on first use."""

    def __init__(self, relations: nx.MultiDiGraph) -> None:
        self.relations = relations
        self._answers: dict = {}
        self.reach = analysis.strategy_reach(relations)
        self.affiliation = analysis.affiliation_graph(relations)
        self.memo: dict = {}
        self._lock = threading.Lock()

    @property
    def lexicon(self) -> Lexicon:
        """Known Swedish words: the graph's Swedish labels, names and reasons (for restored readings of quotes)."""
        with self._lock:
            if "lexicon" not in self.memo:
                G = self.relations
                texts = [a.get("label_sv", "") for _, a in G.nodes(data=True)]
                texts += [n for _, a in G.nodes(data=True) for n in a.get("names", [])
                          if n not in a.get("names_en", [])]
                texts += [d.get("reason_sv", "") for _, _, d in G.edges(data=True)]
                self.memo["lexicon"] = Lexicon(texts)
            return self.memo["lexicon"]

    def answer(self, key: tuple, build):
        """``build()`` once per key for this store's views (the answers of the functions below, shared: callers
        must not change them); dropped with the views by :func:`invalidate`."""
        found = self._answers.get(key)
        if found is None:
            found = self._answers[key] = build()
        return found

    def memoised(self, key: tuple, build):
        """``build()`` once per key under this store's lock (for results that are slow to build, e.g. layouts)."""
        with self._lock:
            if key not in self.memo:
                self.memo[key] = build()
            return self.memo[key]

    @property
    def collaboration(self) -> nx.Graph:
        """Actors linked by the projects they share and by explicit collaboration (weighted, no shared lists)."""
        with self._lock:
            if "collaboration" not in self.memo:
                self.memo["collaboration"] = analysis.collaboration_network(self.relations)
            return self.memo["collaboration"]


def views(store: Store) -> Views:
    """The views of ``store``, kept with its other caches (:mod:`graph.service.caches`; built on first use)."""
    return caches_of(store).get("planner", lambda s: Views(to_nx(s)))


def reply_relations(store: Store, reply: str | None = None) -> nx.MultiDiGraph:
    """The store's relations graph, or (with ``reply``, a document's IRI) only the relations that document says
    (:func:`graph.analysis.algorithms.said_in`); cached per reply."""
    v = views(store)
    if not reply:
        return v.relations
    return v.memoised(("said-in", reply), lambda: analysis.said_in(v.relations, reply))


def _collaboration(store: Store, reply: str | None) -> nx.Graph:
    v = views(store)
    if not reply:
        return v.collaboration
    said = reply_relations(store, reply)  # outside the lock memoised holds (it is not reentrant)
    return v.memoised(("collaboration", reply), lambda: analysis.collaboration_network(said))


def invalidate(store: Store | None = None) -> None:
    """Forget the cached views and answers of ``store`` (of every store if None), e.g. after a load."""
    drop(store)


# ---------------------------------------------------------------- entities and steps

def entity(G: nx.Graph, iri: str) -> Entity:
    """``{"iri", "label", "label_en", "type", "notation"}`` of a node of ``G``."""
    attrs = G.nodes[iri] if iri in G else {}
    label = attrs.get("label_sv") or iri
    return {"iri": iri, "label": label, "label_en": attrs.get("label_en") or label,
            "type": attrs.get("type", "other"), "notation": attrs.get("notation", "")}


def _in_notation_order(G: nx.Graph, iri: str) -> tuple:
    """Sort key: by notation (``DT.IX`` after ``DT.V``), then IRI."""
    return notation_key(G.nodes[iri].get("notation", "") if iri in G else ""), iri


def _short(G: nx.Graph, iri: str) -> str:
    attrs = G.nodes[iri] if iri in G else {}
    if attrs.get("type") == "strategy" and attrs.get("notation"):
        return attrs["notation"]
    return attrs.get("label_sv") or iri


def _relation(G: nx.Graph, name: str) -> RelationName:
    info = G.graph.get("relations", {}).get(name, {})
    return {"iri": info.get("iri", name), "label": info.get("label_sv", name), "label_en": info.get("label_en", name),
            "name": name}


def _arrow(G: nx.Graph, step: dict) -> str:
    label = _relation(G, step["relation"])["label"]
    arrow = f" — {label} → " if step["direction"] == "forward" else f" ← {label} — "
    return arrow + _short(G, step["target"])


def _step(G: nx.Graph, step: dict, lexicon: Lexicon) -> Step:
    rel = _relation(G, step["relation"])
    a, b = step["source"], step["target"]
    subject, obj = (a, b) if step["direction"] == "forward" else (b, a)
    text = _short(G, a) + _arrow(G, step)
    edge = G.get_edge_data(subject, obj, key=step["relation"]) or {}
    reason = ({"sv": edge.get("reason_sv", ""), "en": edge.get("reason_en", "")}
              if step["mode"] == "interpreted" else None)
    out: Step = {"from": entity(G, a), "to": entity(G, b), "relation": rel, "direction": step["direction"],
           "mode": step["mode"], "reason": reason, "text": text, "assertion": None, "passage": None}
    if step["assertion"]:
        out["assertion"] = {"iri": step["assertion"], "label": f"{_short(G, subject)} {rel['label']} {_short(G, obj)}",
                            "mode": step["mode"]}
    if step["passage"]:
        span = f"{edge.get('start', -1)}–{edge.get('end', -1)}"
        out["passage"] = {"iri": step["passage"], "label": f"tecken {span}", "text": step["text"],
                          "restored": restore(step["text"], lexicon),
                          "start": edge.get("start", -1), "end": edge.get("end", -1)}
    return out


def _route(G: nx.Graph, route: dict, lexicon: Lexicon) -> Route:
    edges = route["edges"]
    return {"project": entity(G, route["project"]) if route["project"] else None,
            "text": _short(G, edges[0]["source"]) + "".join(_arrow(G, s) for s in edges),
            "steps": [_step(G, s, lexicon) for s in edges]}


def resolve_node(store: Store, name: str, types: tuple[str, ...] | None = None) -> Entity:
    """The entity ``name`` names (notation, IRI, CURIE or label); raises :class:`NodeNotFound`."""
    G = views(store).relations
    return entity(G, resolve(name, G, types=types))


# ---------------------------------------------------------------- answers

def actors_for_strategy(store: Store, strategy: str) -> StrategyActors:
    """The actors that reach ``strategy``, directly (``worksOn``) or through projects, with every route
    (computed once per store and strategy)."""
    v = views(store)
    iri = resolve(strategy, v.relations, types=STRATEGY_TYPES)
    return v.answer(("actors_for_strategy", iri), lambda: _actors_for_strategy(v, iri))


def _actors_for_strategy(v: Views, iri: str) -> StrategyActors:
    G = v.relations
    actors: list[ActorReach] = []
    for actor, strategies in v.reach.items():
        routes = strategies.get(iri)
        if not routes:
            continue
        projects = sorted({r["project"] for r in routes if r["project"]})
        actors.append({**entity(G, actor), "direct": any(r["project"] is None for r in routes),
                       "projects": [entity(G, p) for p in projects],
                       "routes": [_route(G, r, v.lexicon) for r in routes]})
    actors.sort(key=lambda a: a["label"].casefold())
    return {"strategy": entity(G, iri), "goal_areas": _goal_areas(G, iri), "actors": actors,
            "projects": _serving_projects(v, iri),
            "queries": [{"name": "actors_for_strategy", "params": {"strategy": iri}}]}


def _serving_projects(v: Views, strategy: str) -> list[ServingProject]:
    """The projects that serve ``strategy``, each with how (its step, mode, reason and passage) and how many
    actors run it or take part — listed even when no actor does, so no project that serves it goes unseen."""
    G = v.relations
    found: list[ServingProject] = []
    for project, _, relation in G.in_edges(strategy, data="relation"):
        if relation not in analysis.CONTRIBUTES or G.nodes[project].get("type") != "project":
            continue
        data = G.get_edge_data(project, strategy, key=relation) or {}
        step = {"source": project, "target": strategy, "relation": relation, "direction": "forward",
                "mode": data.get("mode", ""), "assertion": data.get("assertion", ""),
                "passage": data.get("passage", ""), "text": data.get("text", "")}
        actors = sorted({a for a, _, r in G.in_edges(project, data="relation") if r in analysis.VIA})
        found.append({**entity(G, project), "step": _step(G, step, v.lexicon),
                      "actors": [entity(G, a) for a in actors]})
    return sorted(found, key=lambda p: p["label"].casefold())


def _goal_areas(G: nx.MultiDiGraph, strategy: str) -> list[Entity]:
    return [entity(G, g) for _, g, r in G.out_edges(strategy, data="relation")
            if r in analysis.PART_OF and G.nodes[g].get("type") == "goal_area"]


def shared_between(store: Store, actor_a: str, actor_b: str) -> Shared:
    """What two actors share: projects both take part in and strategies both reach, with each actor's routes.

    ``counts`` gives the two apart (``{"projects", "strategies"}``): a shared project is joint work, a shared
    strategy only a common aim, so they are never added into one number.
    """
    v = views(store)
    G = v.relations
    a, b = (resolve(n, G, types=ACTOR_TYPES) for n in (actor_a, actor_b))
    if a == b:
        raise FardplanError(f"{actor_a!r} and {actor_b!r} name the same actor ({_short(G, a)}); name two actors")
    return v.answer(("shared_between", a, b), lambda: _shared_between(v, a, b))


def _shared_between(v: Views, a: str, b: str) -> Shared:
    G = v.relations
    shared = sorted(set(v.affiliation[a]) & set(v.affiliation[b])) if a in v.affiliation and b in v.affiliation else []
    kinds = v.affiliation.nodes
    strategies: list[SharedStrategy] = []
    for s in sorted((n for n in shared if kinds[n]["kind"] == "strategy"), key=lambda n: _in_notation_order(G, n)):
        routes: list[ActorRoute] = [{"actor": entity(G, x), **_route(G, r, v.lexicon)}
                                    for x in (a, b) for r in v.reach[x][s]]
        strategies.append({**entity(G, s), "routes": routes})
    projects = [n for n in shared if kinds[n]["kind"] == "project"]
    counts = {"projects": len(projects), "strategies": len(strategies)}
    return {"actors": [entity(G, a), entity(G, b)], "counts": counts,
            "projects": [entity(G, p) for p in projects], "strategies": strategies,
            "queries": [{"name": "shared_between_actors", "params": {"actorA": a, "actorB": b}}]}


def connections(store: Store, source: str, target: str, *, max_paths: int = 5,
                include_goal_areas: bool = False) -> Connections:
    """The shortest connections between two nodes as readable steps, each with its assertion and passage.

    Goal-area membership (``relatesToGoalArea``, ``broader``) joins everything in a goal area, so it is left out
    unless ``include_goal_areas``.
    """
    v = views(store)
    G = v.relations
    a, b = resolve(source, G), resolve(target, G)
    return v.answer(("connections", a, b, max_paths, include_goal_areas),
                    lambda: _connections(v, a, b, max_paths, include_goal_areas))


def _connections(v: Views, a: str, b: str, max_paths: int, include_goal_areas: bool) -> Connections:
    G = v.relations
    relations = None if include_goal_areas else PATH_RELATIONS
    paths = analysis.shortest_connections(G, a, b, max_paths=max_paths, relations=relations)
    out: list[Path] = [{"text": _short(G, a) + "".join(_arrow(G, s) for s in path),
            "steps": [_step(G, s, v.lexicon) for s in path]}
           for path in paths]
    return {"source": entity(G, a), "target": entity(G, b), "length": len(paths[0]) if paths else None,
            "paths": out, "queries": [{"name": "analysis_relations", "params": {}}]}


def gaps(store: Store) -> Gaps:
    """Strategies without projects, strategies no actor reaches, those with neither, coverage per goal area and
    single-strategy actors (computed once per store)."""
    v = views(store)
    return v.answer(("gaps",), lambda: _gaps(v.relations))


def _gaps(G: nx.MultiDiGraph) -> Gaps:

    def strategy(s: str) -> GapStrategy:
        return {**entity(G, s), "goal_areas": _goal_areas(G, s)}

    coverage: list[Coverage] = []
    for goal, entry in analysis.goal_area_coverage(G).items():
        n = len(entry["strategies"])
        coverage.append({
            **entity(G, goal), "strategies": n, "with_projects": len(entry["with_projects"]),
            "with_actors": len(entry["with_actors"]),
            "without_projects": [entity(G, s) for s in entry["strategies"] if s not in entry["with_projects"]],
            "without_actors": [entity(G, s) for s in entry["strategies"] if s not in entry["with_actors"]],
        })
    coverage.sort(key=lambda c: (notation_key(c["notation"]), c["iri"]))
    single: list[SingleStrategyActor] = [{**entity(G, a), "strategy": entity(G, s)}
                                         for a, s in analysis.single_strategy_actors(G).items()]
    single.sort(key=lambda e: e["label"].casefold())
    by_notation = {"key": lambda e: (notation_key(e["notation"]), e["iri"])}
    no_projects = set(analysis.strategies_without_projects(G))
    no_actors = set(analysis.strategies_without_actors(G))
    return {
        "strategies_without_projects": sorted(map(strategy, no_projects), **by_notation),
        "strategies_without_actors": sorted(map(strategy, no_actors), **by_notation),
        "strategies_without_either": sorted(map(strategy, no_projects & no_actors), **by_notation),
        "coverage": coverage, "single_strategy_actors": single,
        "queries": [{"name": n, "params": {}} for n in (
            "gaps_strategies_without_projects", "gaps_strategies_without_actors", "gaps_coverage_per_goal_area",
            "gaps_single_strategy_actors")],
    }


def brokers(store: Store, *, limit: int | None = None, exact_max_nodes: int = 1000, k: int = 100,
            seed: int = 0, reply: str | None = None) -> Brokers:
    """Actors ranked by betweenness in the collaboration network (of what ``reply`` says, if given), then weighted
    degree; with communities."""
    v = views(store)
    key = ("brokers", exact_max_nodes, k, seed, reply)
    C = _collaboration(store, reply)
    if key not in v.memo:
        between = analysis.betweenness(C, exact_max_nodes=exact_max_nodes, k=k, seed=seed)
        strength = analysis.weighted_degree(C)
        groups = analysis.communities(C, seed=seed)
        v.memo[key] = (between, strength, groups)
    between, strength, groups = v.memo[key]
    G = v.relations
    member = {n: i for i, group in enumerate(groups) for n in group}
    ranked = sorted(C.nodes, key=lambda n: (-between[n], -strength[n], _short(G, n).casefold()))
    actors: list[Broker] = [{**entity(G, n), "rank": i + 1, "betweenness": round(between[n], 6),
                             "weighted_degree": strength[n], "degree": C.degree(n), "community": member.get(n)}
                            for i, n in enumerate(ranked)]
    exact = C.number_of_nodes() <= exact_max_nodes
    return {
        "actors": actors[:limit] if limit else actors,
        "communities": [{"index": i, "members": [entity(G, n) for n in group]} for i, group in enumerate(groups)],
        "method": {"betweenness": "exact" if exact else f"sampled k={min(k, C.number_of_nodes())}", "seed": seed,
                   "communities": "louvain", "network": "actors sharing projects or collaborating explicitly"},
        "queries": [{"name": "collaboration_edges", "params": {}}],
    }


def network(store: Store, *, max_elements: int = 400, seed: int = 0, reply: str | None = None) -> Network:
    """The actor–actor collaboration network within ``max_elements`` nodes plus edges, with fixed positions; with
    ``reply``, the network of the relations that reply says (:func:`reply_relations`).

    Actors are those of :func:`brokers` (with ``betweenness``, ``weighted_degree`` and ``community``); when the
    whole network is over budget, the strongest actors (by weighted degree, at most a quarter of the budget) and
    the heaviest edges between them are kept. Positions (``{iri: {"x", "y"}}``, pixels) are computed here and
    cached (Kamada–Kawai up to 300 actors, a seeded spring layout above), so the browser draws a preset layout.
    """
    ranked = brokers(store, seed=seed, reply=reply)
    v = views(store)
    C = _collaboration(store, reply)
    total = {"actors": C.number_of_nodes(), "edges": C.number_of_edges()}
    actors = sorted(ranked["actors"], key=lambda a: (-a["weighted_degree"], a["label"].casefold()))
    if total["actors"] + total["edges"] > max_elements:
        actors = actors[: max(1, max_elements // 4)]
    shown = {a["iri"] for a in actors}
    edges: list[NetworkEdge] = sorted(
        ({"source": min(u, w), "target": max(u, w), "weight": d.get("weight", 1)}
         for u, w, d in C.subgraph(shown).edges(data=True)),
        key=lambda e: (-e["weight"], e["source"], e["target"]))[: max(0, max_elements - len(actors))]
    key = ("network-positions", frozenset(shown), seed)
    positions = v.memoised(key, lambda: network_positions(sorted(shown), edges, seed))
    return {"actors": actors, "edges": edges, "communities": ranked["communities"], "method": ranked["method"],
            "total": total, "positions": positions, "queries": ranked["queries"]}


# ---------------------------------------------------------------- bounded views of long answers

def paged(items: list[T], shown: int, start: int = 0) -> Paged[T]:
    """Rows ``start`` up to ``shown`` of a long list, with how many there are: what a table shows before (and
    after each) "Visa fler".

    >>> paged(list("abcdefg"), 3)
    {'items': ['a', 'b', 'c'], 'start': 0, 'shown': 3, 'total': 7}
    >>> paged(list("abcdefg"), 6, start=3)["items"], paged(list("abc"), 50)["shown"]
    (['d', 'e', 'f'], 3)
    """
    shown = max(0, min(shown, len(items)))
    start = max(0, min(start, shown))
    return {"items": items[start:shown], "start": start, "shown": shown, "total": len(items)}


def graph_actors(result: StrategyActors, max_elements: int = 400) -> list[ActorReach]:
    """The actors of :func:`actors_for_strategy` whose routes fit in ``max_elements`` nodes plus edges together
    (the strategy counted), the most engaged first (most projects, then direct work, then by name).

    Each actor adds its nodes and relations not already drawn; one that would overflow the budget is left out.
    """
    ranked = sorted(result["actors"], key=lambda a: (-len(a["projects"]), not a["direct"], a["label"].casefold()))
    nodes, edges, chosen = {result["strategy"]["iri"]}, set(), []
    for actor in ranked:
        new_nodes, new_edges = set(), set()
        for route in actor["routes"]:
            for step in route["steps"]:
                new_nodes.update({step["from"]["iri"], step["to"]["iri"]})
                new_edges.add((step["from"]["iri"], step["relation"]["name"], step["to"]["iri"]))
        new_nodes -= nodes
        new_edges = {e for e in new_edges if e not in edges and (e[2], e[1], e[0]) not in edges}
        if len(nodes) + len(edges) + len(new_nodes) + len(new_edges) > max_elements:
            continue
        nodes |= new_nodes
        edges |= new_edges
        chosen.append(actor)
    return chosen


# ---------------------------------------------------------------- SPARQL text for "Visa SPARQL"

def sparql_for(name: str, **params: str) -> str:
    """The canned query ``name`` with ``params`` written in as terms (IRIs escaped by pyoxigraph), runnable as is.

    A projected parameter becomes ``(<iri> AS ?param)``; where a subquery already projects it, the outer SELECT
    keeps the plain variable. Canned queries therefore project a parameter in every SELECT that uses it (so
    store-side bindings reach into subqueries too) and never sort or group by one.
    """
    return get(name).sparql(params)
