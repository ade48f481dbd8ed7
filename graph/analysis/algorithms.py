"""Collaboration analytics on networkx graphs: reach, projections, centrality, communities, paths and gaps.

networkx only: every function takes a graph ``G`` (nodes are ``str`` IRIs) plus keyword options and returns
dicts, lists or new graphs of ``str``. The graphs come from :func:`graph.analysis.convert.to_nx`: nodes carry ``type``
(``actor``, ``project``, ``strategy``, ``goal_area`` …), edges carry ``relation`` (the predicate's local name,
such as ``participatesIn``) and, where the data has them, ``mode``, ``assertion``, ``passage`` and ``text``.

One module for one vocabulary over one graph model (the relation groups below), which its callers read as one
namespace (``analysis.said_in``, ``analysis.betweenness``) as networkx's are read as ``nx.…``; its length is
mostly numpydoc docstrings with doctests (networkx style): the functions themselves are short.
"""

from __future__ import annotations

from collections.abc import Iterable

import networkx as nx

from graph.errors import NodeNotFound
from graph.vocab.notation import notation_key


class NotInGraph(NodeNotFound, nx.NodeNotFound):
    """A node the analysis graph does not hold: the core's :class:`NodeNotFound` (one error shape, HTTP 404) that is
    also networkx's own ``NodeNotFound``, as networkx-style callers expect."""

__all__ = [
    "NotInGraph",
    "DIRECT", "VIA", "CONTRIBUTES", "PART_OF", "said_in",
    "EXPLICIT", "strategy_reach", "actors_reaching", "affiliation_graph",
    "collaboration_network",
    "weighted_degree", "betweenness", "communities", "shortest_connections",
    "strategies_without_projects", "strategies_without_actors", "goal_area_coverage", "single_strategy_actors",
]

DIRECT: tuple[str, ...] = ("worksOn",)
"""Relations from an actor straight to a strategy."""
VIA: tuple[str, ...] = ("runs", "participatesIn", "commissions")
"""Relations from an actor to a project."""
CONTRIBUTES: tuple[str, ...] = ("contributesTo",)
"""Relations from a project to a strategy."""
PART_OF: tuple[str, ...] = ("broader",)
"""Relations from a strategy to its goal area."""
EXPLICIT: tuple[str, ...] = ("collaboratesWith",)
"""Relations saying outright that two actors work together."""

STEP_FIELDS = ("mode", "assertion", "passage", "text")


def _step(u: str, v: str, data: dict, direction: str = "forward") -> dict:
    step = {"source": u, "target": v, "relation": data.get("relation", ""), "direction": direction}
    step.update({f: data.get(f, "") for f in STEP_FIELDS})
    return step


def strategy_reach(
    G: nx.DiGraph, *, direct: Iterable[str] = DIRECT, via: Iterable[str] = VIA, contributes: Iterable[str] = CONTRIBUTES
) -> dict[str, dict[str, list[dict]]]:
    """Which strategies each actor reaches, and how.

    An actor reaches a strategy directly (a ``direct`` edge, e.g. ``worksOn``) or through a project: an actor
    –``via``→ project –``contributes``→ strategy chain.

    Parameters
    ----------
    G : networkx.DiGraph or MultiDiGraph
        Edges carry a ``relation`` attribute.
    direct, via, contributes : iterable of str
        Relation names of the three kinds of edge.

    Returns
    -------
    dict
        ``{actor: {strategy: [route, …]}}``; a route is ``{"project": iri or None, "edges": [step, …]}`` and a step
        ``{"source", "target", "relation", "direction", "mode", "assertion", "passage", "text"}``.

    Examples
    --------
    >>> G = nx.DiGraph()
    >>> G.add_edge("polis", "p1", relation="participatesIn")
    >>> G.add_edge("p1", "s1", relation="contributesTo", mode="interpreted")
    >>> G.add_edge("kontor", "s2", relation="worksOn")
    >>> reach = strategy_reach(G)
    >>> sorted(reach["polis"]), reach["polis"]["s1"][0]["project"], reach["kontor"]["s2"][0]["project"]
    (['s1'], 'p1', None)
    >>> [e["relation"] for e in reach["polis"]["s1"][0]["edges"]]
    ['participatesIn', 'contributesTo']
    """
    direct, via, contributes = set(direct), set(via), set(contributes)
    reach: dict[str, dict[str, list[dict]]] = {}
    for u, v, data in G.edges(data=True):
        relation = data.get("relation")
        if relation in direct:
            reach.setdefault(u, {}).setdefault(v, []).append({"project": None, "edges": [_step(u, v, data)]})
        elif relation in via:
            for _, s, d2 in G.out_edges(v, data=True):
                if d2.get("relation") in contributes:
                    route = {"project": v, "edges": [_step(u, v, data), _step(v, s, d2)]}
                    reach.setdefault(u, {}).setdefault(s, []).append(route)
    for strategies in reach.values():
        for routes in strategies.values():
            routes.sort(key=lambda r: (r["project"] or "", r["edges"][0]["relation"]))
    return {a: dict(sorted(reach[a].items())) for a in sorted(reach)}


def said_in(G: nx.MultiDiGraph, document: str) -> nx.MultiDiGraph:
    """The relations of ``G`` that ``document`` says: the edges whose ``documents`` (the documents of their source
    passages, :func:`graph.analysis.convert.to_nx`) include it, with their end nodes.

    Examples
    --------
    >>> G = nx.MultiDiGraph()
    >>> G.add_edge("polis", "p1", key="participatesIn", relation="participatesIn", documents=["svar-1", "svar-2"])
    'participatesIn'
    >>> G.add_edge("p1", "s1", key="contributesTo", relation="contributesTo", documents=["svar-1"])
    'contributesTo'
    >>> sorted(said_in(G, "svar-2").edges()), sorted(strategy_reach(said_in(G, "svar-1"))["polis"])
    ([('polis', 'p1')], ['s1'])
    """
    return G.edge_subgraph((u, v, k) for u, v, k, docs in G.edges(keys=True, data="documents")
                           if document in (docs or ())).copy()


def actors_reaching(G: nx.DiGraph, strategy: str, **options) -> dict[str, list[dict]]:
    """The actors that reach ``strategy`` and their routes (see :func:`strategy_reach`, which takes ``options``).

    Examples
    --------
    >>> G = nx.DiGraph()
    >>> G.add_edge("polis", "p1", relation="participatesIn")
    >>> G.add_edge("soc", "p1", relation="commissions")
    >>> G.add_edge("p1", "s1", relation="contributesTo")
    >>> G.add_edge("kontor", "s1", relation="worksOn")
    >>> sorted(actors_reaching(G, "s1"))
    ['kontor', 'polis', 'soc']
    """
    reach = strategy_reach(G, **options)
    return {actor: strategies[strategy] for actor, strategies in reach.items() if strategy in strategies}


def affiliation_graph(
    G: nx.DiGraph, *, direct: Iterable[str] = DIRECT, via: Iterable[str] = VIA,
    contributes: Iterable[str] = CONTRIBUTES, strategies: bool = True,
) -> nx.Graph:
    """The bipartite actor–(project or strategy) graph: what each actor takes part in or reaches.

    Actors (``bipartite=0``) link to the projects they run, take part in or commission, and (if ``strategies``)
    to every strategy they reach (:func:`strategy_reach`). Projects and strategies have ``bipartite=1`` and
    ``kind`` ``project`` or ``strategy``.

    Notes
    -----
    The result is bipartite only if no node is both an actor and a project or strategy, which holds when the
    relations are used as the ontology defines them (actors are organisations; projects and strategies are not).

    Examples
    --------
    >>> G = nx.DiGraph()
    >>> G.add_edge("polis", "p1", relation="participatesIn")
    >>> G.add_edge("p1", "s1", relation="contributesTo")
    >>> G.add_edge("kontor", "s1", relation="worksOn")
    >>> B = affiliation_graph(G)
    >>> sorted(B.edges())
    [('kontor', 's1'), ('polis', 'p1'), ('polis', 's1')]
    >>> B.nodes["p1"]["kind"], B.nodes["polis"]["bipartite"]
    ('project', 0)
    """
    via = set(via)
    B = nx.Graph()
    for u, v, data in G.edges(data=True):
        if data.get("relation") in via:
            B.add_node(u, bipartite=0, kind="actor")
            B.add_node(v, bipartite=1, kind="project")
            B.add_edge(u, v)
    if not strategies:
        return B
    for actor, reached in strategy_reach(G, direct=direct, via=via, contributes=contributes).items():
        B.add_node(actor, bipartite=0, kind="actor")
        for strategy in reached:
            B.add_node(strategy, bipartite=1, kind="strategy")
            B.add_edge(actor, strategy)
    return B


def _add_weight(C: nx.Graph, a: str, b: str) -> None:
    """One more shared thing between ``a`` and ``b``: the edge's ``weight`` goes up by 1 (a new edge has 1)."""
    if C.has_edge(a, b):
        C[a][b]["weight"] += 1
    else:
        C.add_edge(a, b, weight=1)


def collaboration_network(G: nx.DiGraph, *, via: Iterable[str] = VIA, explicit: Iterable[str] = EXPLICIT) -> nx.Graph:
    """Who works with whom: actors linked by the projects they share and by an explicit collaboration.

    Two actors are linked when both are the subject of a ``via`` relation to the same node, exactly as the
    canned query ``collaboration_edges`` joins them. ``weight`` is the number of shared projects, plus 1 where
    the data says outright that the two collaborate
    (``explicit`` relations, in either direction; then ``explicit`` is True). Sharing a strategy is not counted:
    at city scale nearly every two actors reach a common strategy, so the network would be almost complete
    (3.8 million of 10 million possible pairs at 1M triples, against 49,000 pairs sharing a project).

    Examples
    --------
    >>> G = nx.DiGraph()
    >>> G.add_edge("polis", "p1", relation="participatesIn")
    >>> G.add_edge("soc", "p1", relation="runs")
    >>> G.add_edge("soc", "forskare", relation="collaboratesWith")
    >>> G.add_edge("p1", "s1", relation="contributesTo")
    >>> C = collaboration_network(G)
    >>> sorted((u, v, d["weight"], d.get("explicit", False)) for u, v, d in C.edges(data=True))
    [('polis', 'soc', 1, False), ('soc', 'forskare', 1, True)]
    """
    via, explicit = set(via), set(explicit)
    members: dict[str, set[str]] = {}  # project → the subjects of a via relation to it (the .rq file's join)
    C = nx.Graph()
    for u, v, r in G.edges(data="relation"):
        if r in via:
            members.setdefault(v, set()).add(u)
            C.add_node(u)
    for project in sorted(members):
        ordered = sorted(members[project])
        for i, a in enumerate(ordered):
            for b in ordered[i + 1:]:
                _add_weight(C, a, b)
    pairs = {tuple(sorted((u, v))) for u, v, r in G.edges(data="relation") if r in explicit and u != v}
    for a, b in sorted(pairs):
        _add_weight(C, a, b)
        C[a][b]["explicit"] = True
    return C


def weighted_degree(G: nx.Graph, *, weight: str = "weight") -> dict[str, float]:
    """The sum of the ``weight`` of each node's edges (1 where an edge has none).

    Examples
    --------
    >>> G = nx.Graph()
    >>> G.add_weighted_edges_from([("a", "b", 2), ("a", "c", 1), ("c", "d", 3)])
    >>> weighted_degree(G)
    {'a': 3, 'b': 2, 'c': 4, 'd': 3}
    """
    return dict(G.degree(weight=weight))


def betweenness(
    G: nx.Graph, *, exact_max_nodes: int = 1000, k: int = 100, seed: int = 0, normalized: bool = True,
    weight: str | None = None,
) -> dict[str, float]:
    """Betweenness centrality: exact up to ``exact_max_nodes`` nodes, above that sampled from ``k`` sources.

    Parameters
    ----------
    exact_max_nodes : int
        Largest graph computed exactly (exact betweenness is O(nm): hours at tens of thousands of nodes).
    k, seed : int
        Number of sampled source nodes and the random seed, so sampled results repeat.
    normalized : bool
        Divide by the number of node pairs, as :func:`networkx.betweenness_centrality` does.
    weight : str, optional
        Edge attribute read as a *distance*; ``None`` (the default) counts hops, since collaboration weights are
        strengths, not distances.

    Examples
    --------
    >>> P = nx.path_graph(["a", "b", "c", "d"])
    >>> betweenness(P, normalized=False)
    {'a': 0.0, 'b': 2.0, 'c': 2.0, 'd': 0.0}
    >>> sampled = betweenness(P, exact_max_nodes=2, k=2, seed=1)
    >>> sorted(sampled) == ["a", "b", "c", "d"]
    True
    """
    if G.number_of_nodes() <= exact_max_nodes:
        return nx.betweenness_centrality(G, normalized=normalized, weight=weight)
    return nx.betweenness_centrality(G, k=min(k, G.number_of_nodes()), normalized=normalized, weight=weight,
                                     seed=seed)


def communities(G: nx.Graph, *, weight: str = "weight", resolution: float = 1.0, seed: int = 0) -> list[list[str]]:
    """Louvain communities (seeded, so repeatable), largest first, each a sorted list of nodes.

    Examples
    --------
    >>> G = nx.Graph([("a", "b"), ("b", "c"), ("a", "c"), ("d", "e"), ("e", "f"), ("d", "f"), ("c", "d")])
    >>> communities(G)
    [['a', 'b', 'c'], ['d', 'e', 'f']]
    """
    if G.number_of_nodes() == 0:
        return []
    found = nx.community.louvain_communities(G, weight=weight, resolution=resolution, seed=seed)
    return sorted((sorted(c) for c in found), key=lambda c: (-len(c), c))


def _best_step(G: nx.DiGraph, u: str, v: str) -> dict:
    candidates = []
    for a, b, direction in ((u, v, "forward"), (v, u, "inverse")):
        data = G.get_edge_data(a, b)
        if data is None:
            continue
        for attrs in data.values() if G.is_multigraph() else [data]:
            candidates.append((attrs.get("mode") != "stated", attrs.get("relation", ""), direction, attrs))
    _, _, direction, attrs = min(candidates, key=lambda c: c[:3])
    return _step(u, v, attrs, direction)


def shortest_connections(
    G: nx.DiGraph, source: str, target: str, *, max_paths: int = 5, relations: Iterable[str] | None = None,
    search_limit: int = 1000,
) -> list[list[dict]]:
    """The shortest connections between two nodes, edges taken in either direction, as lists of steps.

    Parameters
    ----------
    max_paths : int
        How many of the shortest paths to return; paths with more stated (less interpreted) steps come first.
    relations : iterable of str, optional
        Use only edges with these relations.
    search_limit : int
        How many shortest paths to consider at most before ranking them.

    Returns
    -------
    list of list of dict
        Each step is ``{"source", "target", "relation", "direction", "mode", "assertion", "passage", "text"}``
        in path order; ``direction`` is ``inverse`` where the edge points from ``target`` to ``source``.
        An empty list when the nodes are not connected.

    Examples
    --------
    >>> G = nx.DiGraph()
    >>> G.add_edge("polis", "p1", relation="participatesIn", mode="stated")
    >>> G.add_edge("p1", "s1", relation="contributesTo", mode="interpreted")
    >>> G.add_edge("hem", "p2", relation="participatesIn", mode="stated")
    >>> G.add_edge("p2", "s1", relation="contributesTo", mode="interpreted")
    >>> [path] = shortest_connections(G, "hem", "polis")
    >>> [(s["source"], s["relation"], s["direction"], s["target"]) for s in path][1:3]
    [('p2', 'contributesTo', 'forward', 's1'), ('s1', 'contributesTo', 'inverse', 'p1')]
    >>> shortest_connections(G, "hem", "hem")
    [[]]
    """
    if relations is not None:
        keep, full = set(relations), G

        def keep_edge(*edge) -> bool:
            return full.edges[edge].get("relation") in keep

        G = nx.subgraph_view(full, filter_edge=keep_edge)
    undirected = G.to_undirected(as_view=True)
    if source not in undirected or target not in undirected:
        raise NotInGraph(source if source not in undirected else target)
    paths = []
    try:
        for nodes in nx.all_shortest_paths(undirected, source, target):
            paths.append([_best_step(G, a, b) for a, b in zip(nodes, nodes[1:], strict=False)])
            if len(paths) >= search_limit:
                break
    except nx.NetworkXNoPath:
        return []
    paths.sort(key=lambda p: (sum(s["mode"] != "stated" for s in p), [s["target"] for s in p]))
    return paths[:max_paths]


def _of_type(G: nx.DiGraph, node_type: str) -> list[str]:
    return sorted(n for n, t in G.nodes(data="type") if t == node_type)


def strategies_without_projects(
    G: nx.DiGraph, *, strategy_type: str = "strategy", project_type: str = "project",
    contributes: Iterable[str] = CONTRIBUTES,
) -> list[str]:
    """Strategies (nodes of ``strategy_type``) that no node of ``project_type`` contributes to.

    Examples
    --------
    >>> G = nx.DiGraph()
    >>> G.add_nodes_from(["s1", "s2", "s3"], type="strategy")
    >>> G.add_node("p1", type="project"); G.add_node("x", type="proposal")
    >>> G.add_edge("p1", "s1", relation="contributesTo")
    >>> G.add_edge("x", "s2", relation="contributesTo")
    >>> strategies_without_projects(G)
    ['s2', 's3']
    """
    contributes = set(contributes)
    covered = {v for u, v, r in G.edges(data="relation") if r in contributes and G.nodes[u].get("type") == project_type}
    return [s for s in _of_type(G, strategy_type) if s not in covered]


def strategies_without_actors(G: nx.DiGraph, *, strategy_type: str = "strategy", **options) -> list[str]:
    """Strategies no actor reaches, directly or through a project (``options`` as for :func:`strategy_reach`).

    Examples
    --------
    >>> G = nx.DiGraph()
    >>> G.add_nodes_from(["s1", "s2", "s3"], type="strategy")
    >>> G.add_edge("p1", "s1", relation="contributesTo")
    >>> G.add_edge("polis", "p1", relation="participatesIn")
    >>> G.add_edge("p2", "s2", relation="contributesTo")
    >>> strategies_without_actors(G)
    ['s2', 's3']
    """
    reached = {s for strategies in strategy_reach(G, **options).values() for s in strategies}
    return [s for s in _of_type(G, strategy_type) if s not in reached]


def goal_area_coverage(
    G: nx.DiGraph, *, goal_type: str = "goal_area", strategy_type: str = "strategy", part_of: Iterable[str] = PART_OF,
    project_type: str = "project", **options,
) -> dict[str, dict[str, list[str]]]:
    """Per goal area: its strategies, those with a project and those some actor reaches.

    Returns
    -------
    dict
        ``{goal area: {"strategies": [...], "with_projects": [...], "with_actors": [...]}}``, lists in notation
        order (node attribute ``notation``, :func:`graph.vocab.notation.notation_key`), then by node.

    Examples
    --------
    >>> G = nx.DiGraph()
    >>> G.add_node("DT", type="goal_area"); G.add_node("p1", type="project")
    >>> G.add_nodes_from(["s1", "s2"], type="strategy")
    >>> G.add_edges_from([("s1", "DT"), ("s2", "DT")], relation="broader")
    >>> G.add_edge("p1", "s1", relation="contributesTo")
    >>> G.add_edge("polis", "s2", relation="worksOn")
    >>> goal_area_coverage(G)
    {'DT': {'strategies': ['s1', 's2'], 'with_projects': ['s1'], 'with_actors': ['s2']}}
    """
    part_of = set(part_of)
    contributes = options.get("contributes", CONTRIBUTES)
    without_projects = set(strategies_without_projects(G, strategy_type=strategy_type, project_type=project_type,
                                                       contributes=contributes))
    without_actors = set(strategies_without_actors(G, strategy_type=strategy_type, **options))
    coverage = {g: {"strategies": [], "with_projects": [], "with_actors": []} for g in _of_type(G, goal_type)}
    for s, g, r in G.edges(data="relation"):
        if r in part_of and g in coverage and G.nodes[s].get("type") == strategy_type:
            coverage[g]["strategies"].append(s)
    for entry in coverage.values():
        entry["strategies"].sort(key=lambda s: (notation_key(G.nodes[s].get("notation", "")), s))
        entry["with_projects"] = [s for s in entry["strategies"] if s not in without_projects]
        entry["with_actors"] = [s for s in entry["strategies"] if s not in without_actors]
    return coverage


def single_strategy_actors(G: nx.DiGraph, **options) -> dict[str, str]:
    """Actors that reach exactly one strategy, and that strategy (``options`` as for :func:`strategy_reach`).

    Examples
    --------
    >>> G = nx.DiGraph()
    >>> G.add_edges_from([("p1", "s1"), ("p2", "s2")], relation="contributesTo")
    >>> G.add_edges_from([("polis", "p1"), ("polis", "p2"), ("hem", "p2")], relation="participatesIn")
    >>> single_strategy_actors(G)
    {'hem': 's2'}
    """
    return {a: next(iter(s)) for a, s in strategy_reach(G, **options).items() if len(s) == 1}
