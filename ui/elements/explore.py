"""Plain view data → cytoscape elements, layouts and the stylesheet. No graph access here."""

from __future__ import annotations

from graph.analysis.layout import FONT_PX, KIND_FONT_PX, node_label
from graph.analysis.layout import short_label as _short_label
from ui.i18n import kind_name

# One colour and one shape per node kind (colour-blind-safe hues, distinct shapes for greyscale projectors).
KIND_STYLE: dict[str, dict[str, str]] = {
    "goal": {"color": "#6A3D9A", "shape": "hexagon"},
    "strategy": {"color": "#1F78B4", "shape": "round-rectangle"},
    "project": {"color": "#E66100", "shape": "ellipse"},
    "organisation": {"color": "#1B9E77", "shape": "diamond"},
    "document": {"color": "#5F6B7A", "shape": "rectangle"},
    "stance": {"color": "#B8860B", "shape": "triangle"},
    "proposal": {"color": "#C2185B", "shape": "vee"},
    "consultation": {"color": "#00838F", "shape": "round-triangle"},
    "outcome": {"color": "#8D6E63", "shape": "star"},
}
SELECTED_COLOR = "#F5B700"
MAX_LABEL = 34


def short_label(label: str, limit: int = MAX_LABEL) -> str:
    """``label`` cut at a word boundary to at most ``limit`` characters, with an ellipsis when cut."""
    return _short_label(label, limit)


def group_label(kind: str, count: int, lang: str) -> str:
    """The label of a group node: ``+37 organisationer``."""
    return f"+{count} {kind_name(kind, lang, count)}"


def to_elements(view: dict, lang: str = "sv", positions: dict[str, dict] | None = None) -> list[dict]:
    """Cytoscape elements for a :func:`graph.service.explore_view.view` result; ``positions`` for a preset layout."""
    out: list[dict] = []
    for n in view["nodes"]:
        shown = node_label(n["label"], n["kind"], n["notation"])
        element = {"data": {"id": n["id"], "label": shown.replace("\n", " "), "shown": shown, "full": n["label"],
                            "kind": n["kind"], "rank": len(out)},
                   "classes": " ".join(c for c in (n["kind"], n["role"]) if c)}
        if positions and n["id"] in positions:
            element["position"] = positions[n["id"]]
        out.append(element)
    for e in view["edges"]:
        out.append({"data": {"id": e["id"], "source": e["source"], "target": e["target"],
                             "predicate": e["predicate"], "mode": e["mode"]},
                    "classes": e["mode"] or "stated"})
    for g in view["groups"]:
        text = group_label(g["kind"], g["count"], lang)
        group = {"data": {"id": g["id"], "label": text, "shown": text, "kind": g["kind"], "group": True,
                          "count": g["count"], "rank": 10_000 + len(out)}, "classes": "group"}
        if positions and g["id"] in positions:
            group["position"] = positions[g["id"]]
        out.append(group)
        if g["anchor"]:
            out.append({"data": {"id": f"{g['id']}~edge", "source": g["anchor"], "target": g["id"]},
                        "classes": "group-edge"})
    return out


def layout_for(name: str, view: dict) -> dict:
    """The cytoscape layout for ``name``: fcose, a breadth-first hierarchy from the goal areas, or preset."""
    if name == "hierarchy":
        roots = [n["id"] for n in view["nodes"] if n["role"] == "focus"] or \
            [n["id"] for n in view["nodes"] if n["kind"] == "goal"]
        return {"name": "breadthfirst", "roots": roots, "directed": False, "spacingFactor": 0.95,
                "animate": False, "nodeDimensionsIncludeLabels": True, "avoidOverlap": True}
    return {"name": "preset", "fit": True, "padding": 30, "animate": False}


def _node_rules() -> list[dict]:
    rules = []
    for kind, style in KIND_STYLE.items():
        rules.append({"selector": f"node.{kind}", "style": {"background-color": style["color"],
                                                            "shape": style["shape"]}})
    return rules


FONT = "Arial, Helvetica, sans-serif"
STYLESHEET: list[dict] = [
    {"selector": "node", "style": {
        "label": "data(shown)", "font-size": FONT_PX, "font-family": FONT,
        "color": "#111827", "text-valign": "bottom", "text-halign": "center", "text-margin-y": 5,
        "text-wrap": "wrap", "text-max-width": 400, "text-outline-color": "#ffffff", "text-outline-width": 3,
        "width": 34, "height": 34, "border-width": 2, "border-color": "#ffffff", "min-zoomed-font-size": 6}},
    *_node_rules(),
    {"selector": "node.goal", "style": {"width": 70, "height": 70, "font-size": KIND_FONT_PX["goal"],
                                        "font-weight": "bold", "color": "#3b1d5c"}},
    {"selector": "node.strategy", "style": {"width": 70, "height": 36, "color": "#0b3a63"}},
    {"selector": "node.project", "style": {"width": 42, "height": 42}},
    {"selector": "node.group", "style": {
        "shape": "round-rectangle", "background-color": "#F3F4F6", "border-style": "dashed", "border-width": 2,
        "border-color": "#6B7280", "width": 40, "height": 30, "color": "#374151",
        "font-size": KIND_FONT_PX["group"]}},
    {"selector": "node.focus", "style": {"border-width": 5, "border-color": "#111827"}},
    {"selector": "edge", "style": {
        "width": 2.5, "line-color": "#9CA3AF", "target-arrow-color": "#9CA3AF", "target-arrow-shape": "triangle",
        "arrow-scale": 0.9, "curve-style": "bezier", "opacity": 0.85}},
    {"selector": "edge.interpreted", "style": {"line-style": "dashed", "line-dash-pattern": [7, 5],
                                               "line-color": "#7C8DA6", "target-arrow-color": "#7C8DA6"}},
    {"selector": "edge.group-edge", "style": {"line-style": "dotted", "target-arrow-shape": "none"}},
    {"selector": "node:selected", "style": {"border-width": 5, "border-color": SELECTED_COLOR}},
    {"selector": "edge:selected", "style": {"width": 5, "line-color": SELECTED_COLOR,
                                            "target-arrow-color": SELECTED_COLOR}},
]
# The projector profile (presentation mode, assets/presentation.js adds the ``projector`` class): black labels
# with a white halo whose size the script keeps at least 18 rendered pixels (``pfont``), Okabe–Ito colours that
# keep every kind apart with its shape, and labels that would overlap a more important one hidden (``culled``).
PROJECTOR_COLORS: dict[str, str] = {
    "goal": "#CC79A7", "strategy": "#0072B2", "project": "#E69F00", "organisation": "#009E73",
    "document": "#999999", "stance": "#F0E442", "proposal": "#D55E00", "consultation": "#56B4E9",
    "outcome": "#000000",
}
PROJECTOR_RULES: list[dict] = [
    {"selector": "node.projector", "style": {"font-size": "data(pfont)", "color": "#000000",
                                             "text-outline-color": "#ffffff", "text-outline-width": 4,
                                             "font-weight": "bold", "min-zoomed-font-size": 0,
                                             "border-color": "#000000", "border-width": 2}},
    *({"selector": f"node.projector.{kind}", "style": {"background-color": color}}
      for kind, color in PROJECTOR_COLORS.items()),
    {"selector": "node.projector.culled", "style": {"text-opacity": 0}},
    {"selector": "edge.projector", "style": {"line-color": "#333333", "target-arrow-color": "#333333",
                                             "width": 3, "opacity": 1}},
]
STYLESHEET += PROJECTOR_RULES

# What "faded" means: shapes and edges pale, labels still legible (never a blank pale box).
DIMMED_NODE = {"background-opacity": 0.28, "border-opacity": 0.28, "text-opacity": 0.72}
DIMMED_EDGE = {"opacity": 0.12}


def highlight_stylesheet(elements: list[dict], selected: str | None) -> list[dict]:
    """The stylesheet with ``selected`` and its neighbourhood (its edges and their other ends) standing out and
    everything else faded; the plain stylesheet when nothing visible is selected."""
    if not selected or not any(el["data"].get("id") == selected for el in elements):
        return STYLESHEET
    keep = {selected}
    for el in elements:
        d = el["data"]
        if selected in (d.get("source"), d.get("target")):
            keep |= {d["id"], d["source"], d["target"]}
    outside = "".join(f'[id != "{i}"]' for i in sorted(keep))
    return STYLESHEET + [
        {"selector": f"node{outside}", "style": DIMMED_NODE},
        {"selector": f"edge{outside}", "style": DIMMED_EDGE},
        {"selector": f'node[id = "{selected}"]', "style": {"border-width": 6, "border-color": SELECTED_COLOR,
                                                           "z-index": 10}},
    ]
