"""graph.analysis.algorithms on small hand-made graphs, against results computed by hand."""

from __future__ import annotations

import networkx as nx
import pytest

from graph.analysis import algorithms as analysis


@pytest.fixture
def small() -> nx.MultiDiGraph:
    """Three actors, two projects, three strategies in one goal area (as graph.analysis.convert builds them).

    A runs p1, B takes part in p1 and p2, C commissions p2; p1 and p2 contribute to s1; A and B work on s2 directly;
    s3 has nothing. Hand-computed affiliations: A {p1, s1, s2}, B {p1, p2, s1, s2}, C {p2, s1}.
    """
    G = nx.MultiDiGraph()
    G.add_nodes_from(["A", "B", "C"], type="actor")
    G.add_nodes_from(["p1", "p2"], type="project")
    G.add_nodes_from(["s1", "s2", "s3"], type="strategy")
    G.add_node("g", type="goal_area")
    edges = [
        ("A", "p1", "runs", "stated"), ("B", "p1", "participatesIn", "stated"),
        ("B", "p2", "participatesIn", "interpreted"), ("C", "p2", "commissions", "stated"),
        ("p1", "s1", "contributesTo", "interpreted"), ("p2", "s1", "contributesTo", "stated"),
        ("A", "s2", "worksOn", "interpreted"), ("B", "s2", "worksOn", "stated"),
        ("s1", "g", "broader", ""), ("s2", "g", "broader", ""), ("s3", "g", "broader", ""),
    ]
    for u, v, rel, mode in edges:
        G.add_edge(u, v, key=rel, relation=rel, mode=mode, assertion=f"as:{u}-{v}", passage=f"ps:{u}-{v}",
                   text=f"{u} {rel} {v}")
    return G


def test_reach_keeps_the_route(small):
    reach = analysis.strategy_reach(small)
    assert {a: sorted(s) for a, s in reach.items()} == {"A": ["s1", "s2"], "B": ["s1", "s2"], "C": ["s1"]}
    [route] = reach["C"]["s1"]
    assert route["project"] == "p2"
    assert [(e["source"], e["relation"], e["target"], e["mode"]) for e in route["edges"]] == [
        ("C", "commissions", "p2", "stated"), ("p2", "contributesTo", "s1", "stated")]
    assert route["edges"][0]["assertion"] == "as:C-p2"
    assert [r["project"] for r in reach["B"]["s1"]] == ["p1", "p2"]
    assert reach["A"]["s2"] == [{"project": None, "edges": [
        {"source": "A", "target": "s2", "relation": "worksOn", "direction": "forward", "mode": "interpreted",
         "assertion": "as:A-s2", "passage": "ps:A-s2", "text": "A worksOn s2"}]}]


def test_actors_reaching_and_custom_relations(small):
    assert sorted(analysis.actors_reaching(small, "s1")) == ["A", "B", "C"]
    assert sorted(analysis.actors_reaching(small, "s1", via=("runs",))) == ["A"]
    assert analysis.actors_reaching(small, "s3") == {}


def test_affiliation_graph_is_bipartite_by_hand(small):
    B = analysis.affiliation_graph(small)
    assert bipartite_sets(B) == ({"A", "B", "C"}, {"p1", "p2", "s1", "s2"})
    assert sorted(set(B["A"]) & set(B["B"])) == ["p1", "s1", "s2"]  # what the pair shares (planner.shared)


def test_collaboration_network_counts_projects_and_stated_collaboration_not_strategies(small):
    C = analysis.collaboration_network(small)  # A–C share only strategy s1: no edge
    assert {tuple(sorted(e)): d["weight"] for *e, d in C.edges(data=True)} == {("A", "B"): 1, ("B", "C"): 1}
    small.add_edge("C", "B", key="collaboratesWith", relation="collaboratesWith")
    small.add_edge("B", "C", key="collaboratesWith", relation="collaboratesWith")  # both ways count once
    small.add_edge("A", "D", key="collaboratesWith", relation="collaboratesWith")
    C = analysis.collaboration_network(small)
    assert C["B"]["C"] == {"weight": 2, "explicit": True}
    assert C["A"]["D"] == {"weight": 1, "explicit": True} and "explicit" not in C["A"]["B"]


def bipartite_sets(B: nx.Graph) -> tuple[set, set]:
    return ({n for n, s in B.nodes(data="bipartite") if s == 0}, {n for n, s in B.nodes(data="bipartite") if s == 1})


def test_weighted_degree(small):
    C = analysis.collaboration_network(small)
    assert analysis.weighted_degree(C) == {"A": 1, "B": 2, "C": 1}


def test_betweenness_exact_by_hand():
    star = nx.star_graph(["hub", "a", "b", "c"])  # the hub is on all 3 shortest a-b, a-c, b-c paths
    assert analysis.betweenness(star, normalized=False) == {"hub": 3.0, "a": 0.0, "b": 0.0, "c": 0.0}
    path = nx.path_graph(["a", "b", "c", "d", "e"])
    exact = analysis.betweenness(path)  # c: 4 pairs (a-d, a-e, b-d, b-e) of 6 possible pairs not involving c
    assert exact["c"] == pytest.approx(4 / 6)
    assert exact["b"] == pytest.approx(3 / 6) and exact["a"] == 0.0


def test_betweenness_sampled_above_threshold_is_seeded():
    G = nx.path_graph([f"n{i}" for i in range(30)])
    one = analysis.betweenness(G, exact_max_nodes=10, k=5, seed=7)
    assert one == analysis.betweenness(G, exact_max_nodes=10, k=5, seed=7)
    assert one != analysis.betweenness(G)
    assert set(one) == set(G)


def test_communities_two_triangles():
    G = nx.Graph([("a", "b"), ("b", "c"), ("a", "c"), ("d", "e"), ("e", "f"), ("d", "f"), ("c", "d")])
    assert analysis.communities(G, seed=3) == [["a", "b", "c"], ["d", "e", "f"]]
    assert analysis.communities(nx.Graph()) == []


def test_shortest_connections_by_hand(small):
    paths = analysis.shortest_connections(small, "A", "C")
    # three 4-step paths; interpreted steps: A-p1-B-p2-C 1 (B-p2), A-p1-s1-p2-C 1 (p1-s1), A-s2-B-p2-C 2;
    # fewer interpreted first, then by the nodes passed
    assert [[s["target"] for s in p] for p in paths] == [
        ["p1", "B", "p2", "C"], ["p1", "s1", "p2", "C"], ["s2", "B", "p2", "C"]]
    first = paths[0]
    assert [(s["relation"], s["direction"]) for s in first] == [
        ("runs", "forward"), ("participatesIn", "inverse"), ("participatesIn", "forward"), ("commissions", "inverse")]
    assert first[1]["assertion"] == "as:B-p1" and first[1]["text"] == "B participatesIn p1"
    assert analysis.shortest_connections(small, "A", "C", max_paths=1) == [first]


def test_shortest_connections_relation_filter_and_misses(small):
    only_roles = analysis.shortest_connections(small, "A", "C", relations=analysis.VIA)
    assert [[s["target"] for s in p] for p in only_roles] == [["p1", "B", "p2", "C"]]
    assert analysis.shortest_connections(small, "A", "s3", relations=analysis.VIA) == []
    assert len(analysis.shortest_connections(small, "A", "s3")[0]) == 3  # A-s2-g-s3 through the goal area
    with pytest.raises(nx.NodeNotFound):
        analysis.shortest_connections(small, "A", "nowhere")


def test_shortest_connection_prefers_the_stated_edge():
    G = nx.MultiDiGraph()
    G.add_edge("x", "y", key="worksOn", relation="worksOn", mode="interpreted")
    G.add_edge("y", "x", key="runs", relation="runs", mode="stated")
    [[step]] = analysis.shortest_connections(G, "x", "y")
    assert (step["relation"], step["direction"], step["mode"]) == ("runs", "inverse", "stated")


def test_gaps_by_hand(small):
    small.add_node("prop", type="proposal")
    small.add_edge("prop", "s3", key="contributesTo", relation="contributesTo")  # a proposal is not a project
    assert analysis.strategies_without_projects(small) == ["s2", "s3"]
    assert analysis.strategies_without_actors(small) == ["s3"]
    assert analysis.goal_area_coverage(small) == {
        "g": {"strategies": ["s1", "s2", "s3"], "with_projects": ["s1"], "with_actors": ["s1", "s2"]}}
    assert analysis.single_strategy_actors(small) == {"C": "s1"}
