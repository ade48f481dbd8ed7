"""Export as a graph file: GEXF and GraphML (networkx writers of the analysis view) and CSV (one s,p,o triple a row).

GEXF and GraphML hold the combined view of :func:`graph.analysis.convert.to_nx` (actors, projects, strategies,
goal areas and their relations with mode and assertion), for Gephi, Cytoscape or yEd.
CSV holds every triple of the store.
"""

from __future__ import annotations

import csv
import io

import networkx as nx
import pyoxigraph as ox

from graph.analysis.convert import to_nx
from graph.errors import FardplanError
from graph.store import Store

__all__ = ["GRAPH_FORMATS", "export_graph", "writable", "triples_csv"]

GRAPH_FORMATS = ("gexf", "graphml", "csv")


def writable(G: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """A copy of ``G`` the GEXF/GraphML writers accept: lists joined with ``|``, ``label`` set, no graph dicts."""
    H = nx.MultiDiGraph()
    for node, attrs in G.nodes(data=True):
        plain = {k: "|".join(v) if isinstance(v, list) else v for k, v in attrs.items() if v is not None}
        H.add_node(node, **plain, label=attrs.get("label_sv") or node)
    for u, v, key, attrs in G.edges(keys=True, data=True):
        plain = {k: "|".join(x) if isinstance(x, list) else x for k, x in attrs.items() if x is not None}
        H.add_edge(u, v, key=key, **plain, label=attrs.get("relation", key))
    return H


def triples_csv(quads: list[ox.Quad]) -> str:
    """Every triple as a CSV row ``s,p,o`` (IRIs, ``_:`` blank nodes, literal values), with a header row."""
    def text(term: ox.NamedNode | ox.BlankNode | ox.Literal) -> str:
        return str(term) if isinstance(term, ox.BlankNode) else term.value

    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(["s", "p", "o"])
    for q in sorted(quads, key=lambda q: (str(q.subject), str(q.predicate), str(q.object))):
        writer.writerow([text(q.subject), text(q.predicate), text(q.object)])
    return buffer.getvalue()


def export_graph(store: Store, fmt: str) -> bytes:
    """The store as ``fmt`` (one of :data:`GRAPH_FORMATS`), UTF-8 encoded."""
    if fmt == "csv":
        return triples_csv(store.quads()).encode("utf-8")
    if fmt not in GRAPH_FORMATS:
        raise FardplanError(f"unknown graph format {fmt!r}; use one of {', '.join(GRAPH_FORMATS)}")
    H = writable(to_nx(store))
    lines = nx.generate_gexf(H) if fmt == "gexf" else nx.generate_graphml(H)
    return ('<?xml version="1.0" encoding="utf-8"?>\n' + "\n".join(lines) + "\n").encode("utf-8")
