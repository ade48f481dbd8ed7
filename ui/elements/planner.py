"""Planner results (:mod:`graph.service.planner`) → cytoscape elements, preset positions and stylesheets; no graph
access.

Node colours and shapes are those of :mod:`ui.elements.explore` (a planner ``type`` maps to an explorer kind by
:func:`graph.vocab.kinds.kind_of_type`); interpreted relations are dashed as in the explorer.
"""

from __future__ import annotations

import math

from graph.analysis.layout import node_label, spread_positions
from graph.vocab.kinds import kind_of_type
from graph.vocab.phrasing import name_of
from ui.elements.explore import PROJECTOR_RULES, STYLESHEET

__all__ = [
    "COMMUNITY_STYLE", "OTHER_COMMUNITY", "NODE_SIZE", "EDGE_WIDTH", "STRATEGY_FONT_PX", "NETWORK_FONT_PX", "PRESET",
    "PATH_STYLESHEET", "STRATEGY_STYLESHEET", "NETWORK_STYLESHEET", "kind_of", "step_edge", "steps_elements",
    "strategy_elements", "paths_elements", "network_elements", "community_style",
]

# Okabe–Ito (colour-blind safe) with a shape each, so groups stay apart in greyscale too.
COMMUNITY_STYLE: tuple[tuple[str, str], ...] = (
    ("#0072B2", "ellipse"), ("#E69F00", "diamond"), ("#009E73", "round-rectangle"), ("#CC79A7", "triangle"),
    ("#56B4E9", "hexagon"), ("#D55E00", "star"), ("#8C7B00", "vee"), ("#000000", "rectangle"),
)
OTHER_COMMUNITY = ("#9CA3AF", "ellipse")
NODE_SIZE = (34.0, 96.0)
EDGE_WIDTH = (1.5, 12.0)


def kind_of(entity: dict) -> str:
    """The explorer kind of a planner entity (for colour, shape and legend; ``document`` for anything else)."""
    return kind_of_type(entity.get("type", ""))


def _node(entity: dict, lang: str, extra: str = "") -> dict:
    kind = kind_of(entity)
    shown = node_label(name_of(entity, lang), kind, entity.get("notation"))
    return {"data": {"id": entity["iri"], "label": shown.replace("\n", " "), "shown": shown,
                     "full": name_of(entity, lang), "kind": kind},
            "classes": " ".join(c for c in (kind, extra) if c)}


def _spread(elements: list[dict], font_px: float | None = None) -> list[dict]:
    """Nodes moved just enough that no two labels overlap (:func:`graph.analysis.layout.spread_positions`)."""
    nodes = {el["data"]["id"]: (el["data"]["shown"], el["data"].get("kind", ""), el["data"].get("size"))
             for el in elements
             if "source" not in el["data"] and "position" in el}
    moved = spread_positions({i: el["position"] for el in elements if (i := el["data"]["id"]) in nodes}, nodes,
                             font_px)
    for el in elements:
        if el["data"]["id"] in moved:
            el["position"] = moved[el["data"]["id"]]
    return elements


def step_edge(step: dict, lang: str = "sv") -> dict:
    """The cytoscape edge of a planner step, subject → object whatever the direction the path walks it."""
    a, b = step["from"]["iri"], step["to"]["iri"]
    source, target = (a, b) if step["direction"] == "forward" else (b, a)
    relation = step["relation"]["name"]
    return {"data": {"id": f"{source}|{relation}|{target}", "source": source, "target": target,
                     "relation": relation, "label": name_of(step["relation"], lang), "mode": step["mode"]},
            "classes": step["mode"] or "stated"}


def steps_elements(steps: list[dict], lang: str, focus: tuple[str, ...] = ()) -> list[dict]:
    """Nodes and edges of ``steps`` (each node and relation once); ``focus`` IRIs get the ``focus`` class."""
    nodes: dict[str, dict] = {}
    edges: dict[str, dict] = {}
    for step in steps:
        for end in (step["from"], step["to"]):
            nodes.setdefault(end["iri"], _node(end, lang, "focus" if end["iri"] in focus else ""))
        edge = step_edge(step, lang)
        edges.setdefault(edge["data"]["id"], edge)
    return [*nodes.values(), *edges.values()]


def _ring(ids: list[str], radius: float, offset: float = 0.0) -> dict[str, dict]:
    count = max(len(ids), 1)
    return {iri: {"x": round(radius * math.cos(offset + 2 * math.pi * i / count), 1),
                  "y": round(radius * math.sin(offset + 2 * math.pi * i / count), 1)} for i, iri in enumerate(ids)}


def strategy_elements(result: dict, lang: str) -> list[dict]:
    """Strategy – projects – actors of :func:`graph.service.planner.actors_for_strategy`, placed on rings around the
    strategy (projects inside, actors outside next to their first project)."""
    strategy = result["strategy"]["iri"]
    steps = [s for a in result["actors"] for r in a["routes"] for s in r["steps"]]
    elements = steps_elements(steps, lang, focus=(strategy,))
    if not any(el["data"]["id"] == strategy for el in elements):
        elements.insert(0, _node(result["strategy"], lang, "focus"))
    projects = sorted({p["iri"] for a in result["actors"] for p in a["projects"]})
    order = {p: i for i, p in enumerate(projects)}
    actors = [a["iri"] for a in sorted(result["actors"], key=lambda a: (
        order.get(a["projects"][0]["iri"], -1) if a["projects"] else -1, a["label"].casefold()))]
    positions = {strategy: {"x": 0.0, "y": 0.0}, **_ring(projects, 160.0, -math.pi / 2),
                 **_ring(actors, 330.0, -math.pi / 2)}
    for el in elements:
        if "source" not in el["data"]:
            el["position"] = positions.get(el["data"]["id"], {"x": 0.0, "y": 0.0})
    return _spread(elements, STRATEGY_FONT_PX)


def paths_elements(result: dict, lang: str, spacing: tuple[float, float] = (270.0, 150.0)) -> list[dict]:
    """The paths of :func:`graph.service.planner.connections`: one row per path, source left, target right."""
    source, target = result["source"]["iri"], result["target"]["iri"]
    elements = steps_elements([s for p in result["paths"] for s in p["steps"]], lang, focus=(source, target))
    length = result["length"] or 0
    positions = {source: {"x": 0.0, "y": 0.0}, target: {"x": length * spacing[0], "y": 0.0}}
    rows = len(result["paths"])
    for i, path in enumerate(result["paths"]):
        y = (i - (rows - 1) / 2) * spacing[1]
        for j, step in enumerate(path["steps"][:-1], start=1):
            positions.setdefault(step["to"]["iri"], {"x": j * spacing[0], "y": y})
    for el in elements:
        if "source" not in el["data"]:
            el["position"] = positions.get(el["data"]["id"], {"x": 0.0, "y": 0.0})
    return _spread(elements)


def _scale(value: float, low: float, high: float, out: tuple[float, float]) -> float:
    if high <= low:
        return round((out[0] + out[1]) / 2, 1)
    return round(out[0] + (out[1] - out[0]) * (value - low) / (high - low), 1)


def network_elements(result: dict, measure: str, lang: str) -> list[dict]:
    """Actors of :func:`graph.service.planner.network` sized by ``measure`` (``weighted_degree`` or ``betweenness``),
    coloured by community, at the server's positions; edges as wide as their weight."""
    values = [a[measure] for a in result["actors"]] or [0]
    weights = [e["weight"] for e in result["edges"]] or [1]
    positions = result.get("positions") or {}
    out = []
    for a in result["actors"]:
        size = _scale(a[measure], min(values), max(values), NODE_SIZE)
        community = a["community"] if a["community"] is not None and a["community"] < len(COMMUNITY_STYLE) else None
        shown = node_label(name_of(a, lang), "organisation")
        element = {"data": {"id": a["iri"], "label": shown.replace("\n", " "), "shown": shown,
                            "full": name_of(a, lang), "kind": "organisation", "size": size, "value": a[measure],
                            "community": a["community"]},
                   "classes": f"actor community-{'other' if community is None else community}"}
        if a["iri"] in positions:
            element["position"] = positions[a["iri"]]
        out.append(element)
    for e in result["edges"]:
        out.append({"data": {"id": f"{e['source']}|{e['target']}", "source": e["source"], "target": e["target"],
                             "weight": e["weight"], "width": _scale(e["weight"], min(weights), max(weights),
                                                                    EDGE_WIDTH)},
                    "classes": "collaboration"})
    return _spread(out, NETWORK_FONT_PX)


STRATEGY_FONT_PX = 22.0
NETWORK_FONT_PX = 22.0  # 20 px bold: measured as wide as 22 px regular
PRESET: dict = {"name": "preset", "fit": True, "padding": 40, "animate": False}

PATH_STYLESHEET: list[dict] = [
    *STYLESHEET,
    {"selector": "edge", "style": {"label": "data(label)", "font-size": 16, "color": "#374151",
                                   "text-background-color": "#ffffff", "text-background-opacity": 0.9,
                                   "text-background-padding": 2, "text-rotation": "autorotate"}},
    *PROJECTOR_RULES,
]

STRATEGY_STYLESHEET: list[dict] = [
    *STYLESHEET,
    {"selector": "node", "style": {"font-size": STRATEGY_FONT_PX}},
    {"selector": "node.strategy.focus", "style": {"width": 120, "height": 60, "font-size": 28}},
    *PROJECTOR_RULES,
]

NETWORK_STYLESHEET: list[dict] = [
    *STYLESHEET,
    {"selector": "node.actor", "style": {"width": "data(size)", "height": "data(size)", "font-size": 20,
                                         "font-weight": "bold", "border-width": 3, "border-color": "#ffffff"}},
    *({"selector": f"node.community-{i}", "style": {"background-color": color, "shape": shape}}
      for i, (color, shape) in enumerate(COMMUNITY_STYLE)),
    {"selector": "node.community-other", "style": {"background-color": OTHER_COMMUNITY[0],
                                                   "shape": OTHER_COMMUNITY[1]}},
    {"selector": "edge.collaboration", "style": {"width": "data(width)", "target-arrow-shape": "none",
                                                 "curve-style": "straight", "line-color": "#94A3B8", "opacity": 0.7}},
    *PROJECTOR_RULES,
]


def community_style(index: int | None) -> tuple[str, str]:
    """Colour and shape of community ``index`` in the network."""
    if index is None or index >= len(COMMUNITY_STYLE):
        return OTHER_COMMUNITY
    return COMMUNITY_STYLE[index]
