"""What the browser is sent for a view: nodes, edges and group nodes, never more than an element budget.

Nodes in scope (all that pass the filters, or the k-hop neighbourhood of the focus) are taken in priority order
(the focus, neighbours of expanded nodes and members of opened groups, then by distance, kind and degree) while
the budget lasts. Every node in scope that did not fit is summarised in a group node ("+37 organisationer")
attached to its best visible neighbour; opening a group gives its members priority.
"""

from __future__ import annotations

from collections import defaultdict, deque
from collections.abc import Mapping
from typing import Any

from graph.analysis.layout import concentric, force_positions, node_label
from graph.index.nodes import KINDS, ExploreIndex, label_of
from graph.service.model import Position, View, ViewEdge, ViewGroup, ViewNode
from graph.vocab.notation import notation_key

__all__ = ["candidates", "k_hop", "view", "element_count", "concentric_positions", "layout_positions",
           "GROUP_RESERVE"]

GROUP_RESERVE = 2 * len(KINDS) + 2  # room kept for group nodes and their edges when the budget binds
KIND_RANK = {kind: i for i, kind in enumerate(KINDS)}


def candidates(index: ExploreIndex, goals: list[str] | None, kinds: list[str] | None,
               reply: str | None = None) -> set[str]:
    """Nodes passing the filters. ``goals`` are goal-area notations or IRIs; a node tied to goal areas is kept
    when one of them is selected, a node tied to none is always kept. ``reply`` (a document IRI) keeps the nodes
    that document says something about. ``None`` means no filter."""
    if goals is None and kinds is None and reply is None:
        return set(index.nodes)
    goal_iris = None
    if goals is not None:
        wanted = set(goals)
        goal_iris = {g.iri for g in index.goal_areas() if g.notation in wanted or g.iri in wanted}
    out = set()
    for iri, node in index.nodes.items():
        if kinds is not None and node.kind not in kinds:
            continue
        if reply is not None and reply not in node.documents:
            continue
        if goal_iris is not None and node.goals and not goal_iris.intersection(node.goals):
            continue
        out.add(iri)
    return out


def k_hop(index: ExploreIndex, start: str, k: int, allowed: set[str], reply: str | None = None) -> dict[str, int]:
    """Distance of every allowed node within ``k`` relations of ``start`` (breadth first; ``start`` always in),
    along the relations ``reply`` says (all relations when ``None``)."""
    dist = {start: 0}
    queue = deque([start])
    while queue:
        current = queue.popleft()
        if dist[current] >= k:
            continue
        for other in index.neighbours(current, reply):
            if other in allowed and other not in dist:
                dist[other] = dist[current] + 1
                queue.append(other)
    return dist


def _group_members(index: ExploreIndex, group: str, scope: set[str], reply: str | None = None) -> set[str]:
    anchor, _, kind = group[len("group:"):].rpartition("|")
    pool = index.neighbours(anchor, reply) if anchor else scope
    return {n for n in pool & scope if index.nodes[n].kind == kind}


def view(index: ExploreIndex, state: Mapping[str, Any], budget: int = 400) -> View:
    """The elements of the view ``state`` describes (a :class:`~graph.service.model.ViewState`, or part of one:
    see :mod:`graph.service.explore_state`), within ``budget``: a :class:`~graph.service.model.View`.
    """
    lang = state.get("lang", "sv")
    reply = state.get("reply") or None
    allowed = candidates(index, state.get("goals"), state.get("kinds"), reply)
    focus = state.get("focus") if state.get("focus") in index.nodes else None
    if focus:
        allowed.add(focus)
        dist = k_hop(index, focus, int(state.get("k", 1)), allowed, reply)
    else:
        dist = dict.fromkeys(allowed, 0)
    scope = set(dist)
    boost: set[str] = set()
    opened = {iri for iri in state.get("expanded", []) if iri in scope}
    for iri in state.get("expanded", []):
        if iri in index.nodes:
            extra = index.neighbours(iri, reply) & allowed
            boost |= extra
            for n in extra | {iri}:
                dist.setdefault(n, dist.get(iri, 1) + 1)
            scope |= extra | ({iri} if iri in allowed else set())
    for group in state.get("groups", []):
        boost |= _group_members(index, group, scope, reply)
    hidden_by: dict[str, str] = {}
    for iri in state.get("collapsed", []):
        if iri not in scope:
            continue
        for n in index.neighbours(iri, reply) & scope:
            later = dist[n] > dist[iri] or (dist[n] == dist[iri] and
                                           KINDS.index(index.nodes[n].kind) > KINDS.index(index.nodes[iri].kind))
            if later and n != focus and n not in boost:
                hidden_by.setdefault(n, iri)

    index.sort_label("", lang)  # make sure the keys exist
    labels, nodes, adjacency = index.sort_labels[lang], index.nodes, index.adjacency

    def priority(n: str) -> tuple:
        return (n != focus, n not in opened, n not in boost, dist[n], KIND_RANK[nodes[n].kind],
                -len(adjacency.get(n, ())), labels.get(n, ""), n)

    order = sorted(scope - set(hidden_by), key=priority)
    rank = {n: i for i, n in enumerate(order)}
    included = _fill(index, order, budget, reserve=bool(hidden_by))
    edges = [e for i in sorted({i for n in included for i in index.adjacency.get(n, ())})
             if (e := index.edges[i]).source in included and e.target in included and e.said_in(reply)]
    groups = _groups(index, scope - included, included, hidden_by, rank, focus, budget - len(included) - len(edges),
                     reply)
    nodes: list[ViewNode] = [{"id": n, "label": label_of(index.nodes[n], lang), "kind": index.nodes[n].kind,
              "notation": index.nodes[n].notation, "goals": index.nodes[n].goals,
              "role": "focus" if n == focus else ""} for n in order if n in included]
    shown_ids = [n["id"] for n in nodes] + [g["id"] for g in groups]
    layout = state.get("layout")
    positions: dict[str, Position] | None
    if layout == "concentric":
        positions = concentric_positions(index, shown_ids)
    elif layout == "hierarchy":
        positions = None
    else:
        positions = layout_positions(nodes, edges, groups)
    return {
        "focus": {"id": focus, "label": label_of(index.nodes[focus], lang)} if focus else None,
        "positions": positions,
        "nodes": nodes,
        "edges": [ViewEdge(id=e.id, source=e.source, target=e.target, predicate=e.predicate, mode=e.mode)
                  for e in edges],
        "groups": groups, "total": len(scope), "shown": len(nodes),
    }


def layout_positions(nodes: list[ViewNode], edges: list, groups: list[ViewGroup]) -> dict[str, Position]:
    """Deterministic, label-aware server positions (:func:`graph.analysis.layout.force_positions`) of a view's nodes and
    group nodes: the same view gives the same picture on every load."""
    boxes = {n["id"]: (node_label(n["label"], n["kind"], n["notation"]), n["kind"]) for n in nodes}
    boxes.update({g["id"]: (f"+{g['count']} {g['kind']}er", "group") for g in groups})
    pairs = [(e.source, e.target) for e in edges] + [(g["anchor"], g["id"]) for g in groups if g["anchor"]]
    return force_positions(boxes, pairs)


def element_count(result: View) -> int:
    """How many cytoscape elements a :func:`view` result becomes (a group attached to a node adds an edge)."""
    groups = result["groups"]
    return len(result["nodes"]) + len(result["edges"]) + len(groups) + sum(1 for g in groups if g["anchor"])


def _fill(index: ExploreIndex, order: list[str], budget: int, reserve: bool = False) -> set[str]:
    """Take nodes in order while nodes plus the edges among them fit; keep room for groups if not all fit
    (or, with ``reserve``, in any case)."""
    included: set[str] = set()
    cost = 0
    # every node costs at least 1: when they cannot all fit, keep the room for groups from the start
    limit = budget - GROUP_RESERVE if reserve or len(order) > budget else budget
    edges = index.edges
    for _ in (0, 1):
        included, cost = set(), 0
        for n in order:
            room = limit - cost - 1  # for the node's edges to those already in
            if room < 0:
                break
            new_edges = 0
            for i in index.adjacency.get(n, ()):
                e = edges[i]
                if (e.target if e.source == n else e.source) in included:
                    new_edges += 1
                    if new_edges > room:
                        break
            if new_edges <= room:
                included.add(n)
                cost += 1 + new_edges
        if len(included) == len(order) or limit == budget - GROUP_RESERVE:
            break
        limit = budget - GROUP_RESERVE
    return included


def _groups(index: ExploreIndex, left: set[str], included: set[str], hidden_by: dict[str, str],
            rank: dict[str, int], focus: str | None, room: int, reply: str | None = None) -> list[ViewGroup]:
    """Summarise the ``left`` nodes by (best visible neighbour along a relation ``reply`` says, kind), those at
    the most important nodes first while ``room`` lasts; the rest per kind (attached to the focus if any)."""
    nearest: dict[str, str] = {}  # each left node's best-ranked visible neighbour: visit the visible best first
    waiting = left - set(hidden_by)
    for m in sorted(included, key=lambda m: rank.get(m, len(rank))):
        if not waiting:
            break
        for i in index.adjacency.get(m, ()):
            e = index.edges[i]
            n = e.target if e.source == m else e.source
            if n in waiting and e.said_in(reply):
                nearest[n] = m
                waiting.discard(n)
    buckets: dict[tuple[str, str], int] = defaultdict(int)
    for n in left:
        buckets[(hidden_by[n] if n in hidden_by else nearest.get(n, ""), index.nodes[n].kind)] += 1
    kept: dict[tuple[str, str], int] = defaultdict(int)
    merged: dict[tuple[str, str], int] = defaultdict(int)
    spare = room - 2 * len(KINDS)  # what is left after the worst case of one merged group per kind
    best_first = sorted(buckets.items(), key=lambda t: (rank.get(t[0][0], len(rank)), -t[1], t[0]))
    for (anchor, kind), count in best_first:
        cost = 2 if anchor else 1
        if cost <= spare:
            kept[(anchor, kind)] = count
            spare -= cost
        else:
            merged[(focus or "", kind)] += count
    for key, count in merged.items():
        kept[key] += count
    buckets = kept
    return [{"id": f"group:{a}|{k}", "anchor": a, "kind": k, "count": c}
            for (a, k), c in sorted(buckets.items(), key=lambda t: (KINDS.index(t[0][1]), t[0][0]))]


def concentric_positions(index: ExploreIndex, ids: list[str], spacing: float = 95.0) -> dict[str, Position]:
    """Positions for "concentric by goal area" of the nodes ``ids`` (:func:`graph.analysis.layout.concentric`):
    each node's kind, goal areas and sort key read from the index."""
    placed = [(n, node.kind, node.goals, (notation_key(node.notation), label_of(node))) if (node := index.nodes.get(n))
              else (n, "", [], (notation_key("~"), n)) for n in ids]
    return concentric(placed, spacing)
