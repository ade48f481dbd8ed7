"""Notation order (graph.vocab.notation): ``DT.IX`` after ``DT.V`` wherever the core lists strategies by notation."""

from __future__ import annotations

import networkx as nx

from graph.analysis.algorithms import goal_area_coverage
from graph.index.resolve import named_nodes
from graph.vocab.notation import normalize_notation, notation_key, roman_value


def test_numerals_sort_by_value():
    notations = ["DT.X", "DT.IX", "DT.V", "DT.IV", "DT.I", "AF.XII", "DT"]
    assert sorted(notations, key=notation_key) == ["AF.XII", "DT", "DT.I", "DT.IV", "DT.V", "DT.IX", "DT.X"]
    assert [roman_value(n) for n in ("I", "IV", "IX", "XII", "iv")] == [1, 4, 9, 12, 4]
    assert notation_key("DT.10") > notation_key("DT.9")  # arabic numbers by value too
    assert normalize_notation("dt 9") == "DT.IX"


def _strategies(*notations: str) -> nx.DiGraph:
    G = nx.DiGraph()
    G.add_node("g", type="goal_area", notation="DT", label_sv="Demokrati och trygghet", names=[])
    for n in notations:  # IRIs in string order, the opposite of notation order
        G.add_node(f"s/{n}", type="strategy", notation=n, label_sv=f"Strategi {n}", names=[])
        G.add_edge(f"s/{n}", "g", relation="broader")
    return G


def test_the_core_lists_strategies_in_notation_order():
    G = _strategies("DT.IX", "DT.V", "DT.X")
    assert goal_area_coverage(G)["g"]["strategies"] == ["s/DT.V", "s/DT.IX", "s/DT.X"]
    assert [n.notation for n in named_nodes(G, types=["strategy"])] == ["DT.V", "DT.IX", "DT.X"]
