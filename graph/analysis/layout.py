"""Server-side node positions: deterministic, label-aware and cached, so every visitor of a link sees one picture.

A view is laid out once on the server (networkx's spring layout with a fixed seed over the nodes in sorted order),
scaled to the room its labels need, and then every pair of boxes (the node plus its label below it) is pushed
apart until none overlap. The browser is sent ``preset`` positions: no force layout runs there, nothing is random,
and no edge is ever drawn between two nodes stacked on one another.

Label boxes are estimated from the text the browser draws (:func:`node_label`, wrapped at :data:`WRAP_CHARS`) with
a generous width per character, so the estimate is never smaller than what cytoscape renders.
"""

from __future__ import annotations

import math
import threading
from collections import OrderedDict, defaultdict
from collections.abc import Iterable

import networkx as nx

__all__ = ["RINGS", "concentric", "keep_apart", "network_positions", "short_label", "wrap_label", "node_label",
           "label_box", "separate", "force_positions", "spread_positions", "overlaps", "FONT_PX", "KIND_FONT_PX",
           "WRAP_CHARS"]

MAX_LABEL = 34
STRATEGY_LABEL = 26
WRAP_CHARS = 18  # characters per label line (the stylesheet's text-max-width holds this many)
FONT_PX = 19.0  # the stylesheet's node font size (model pixels)
CHAR_EM = 0.62  # width of one character in ems: above the mean of Latin text in sans-serif fonts (0.5–0.55)
LINE_EM = 1.3
NODE_PX = {"goal": 70.0, "strategy": 36.0, "project": 42.0, "group": 30.0}
KIND_FONT_PX = {"goal": 24.0, "group": 16.0}  # font sizes that differ from FONT_PX (the stylesheet uses these)
GAP_PX = 10.0
COMPACT_ROUNDS = 0
X_BIAS = 2.0  # >1 prefers pushing sideways (screens are wide, label boxes too)
_CACHE: OrderedDict[tuple, dict[str, dict]] = OrderedDict()
_CACHE_SIZE = 256
_LOCK = threading.Lock()


def short_label(label: str, limit: int = MAX_LABEL) -> str:
    """``label`` cut at a word boundary to at most ``limit`` characters, with an ellipsis when cut.

    >>> short_label("Stadsdelsnämnden överlämnar yttrandet till kommunstyrelsen", 30)
    'Stadsdelsnämnden överlämnar…'
    """
    if len(label) <= limit:
        return label
    cut = label[:limit].rsplit(" ", 1)[0].rstrip(",;:–-")
    return (cut or label[:limit]) + "…"


def wrap_label(text: str, width: int = WRAP_CHARS) -> str:
    """``text`` broken into lines of at most ``width`` characters at spaces (a longer word keeps its own line).

    >>> wrap_label("Demokrati och trygghet", 12)
    'Demokrati\\noch trygghet'
    """
    lines: list[str] = []
    for word in text.split():
        if lines and len(lines[-1]) + 1 + len(word) <= width:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return "\n".join(lines)


def node_label(label: str, kind: str, notation: str | None = None) -> str:
    """The text drawn under a node: a strategy's code and the start of its name, anything else its short name,
    wrapped into lines (``DT.II`` / ``Fördjupa dialogen med…``).

    >>> node_label("Fördjupa dialogen med medborgare och främja ett jämlikt medskapande", "strategy", "DT.II")
    'DT.II\\nFördjupa dialogen\\nmed…'
    """
    if kind == "strategy" and notation:
        return notation + "\n" + wrap_label(short_label(label, STRATEGY_LABEL))
    return wrap_label(short_label(label))


def label_box(text: str, kind: str = "", font_px: float | None = None,
              node_px: float | None = None) -> tuple[float, float, float]:
    """``(width, height, dy)`` of a node (``node_px`` tall, else its kind's size) and its label below it, in
    model pixels; ``dy`` is how far the box's centre lies below the node's centre."""
    font_px = font_px or KIND_FONT_PX.get(kind, FONT_PX)
    lines = text.split("\n") if text else []
    node = node_px or NODE_PX.get(kind, 34.0)
    width = max([70.0 if kind == "strategy" else node] + [len(line) * CHAR_EM * font_px for line in lines])
    label_h = len(lines) * LINE_EM * font_px + (6.0 if lines else 0.0)
    height = node + label_h
    return width, height, label_h / 2


def overlaps(positions: dict[str, dict], boxes: dict[str, tuple[float, float, float]]) -> list[tuple[str, str]]:
    """Pairs of ids whose boxes intersect (a check for tests and for :func:`separate`)."""
    ids = sorted(positions)
    out = []
    for i, a in enumerate(ids):
        wa, ha, da = boxes[a]
        xa, ya = positions[a]["x"], positions[a]["y"] + da
        for b in ids[i + 1:]:
            wb, hb, db = boxes[b]
            if abs(xa - positions[b]["x"]) * 2 < wa + wb and abs(ya - positions[b]["y"] - db) * 2 < ha + hb:
                out.append((a, b))
    return out


def separate(centres, sizes, gap: float = GAP_PX, max_rounds: int = 400):
    """Push boxes apart until no two intersect: ``centres`` (n×2) and ``sizes`` (n×2 full width/height) as
    numpy arrays; returns new centres. Each round moves both boxes of every intersecting pair half the overlap
    along the axis where it is smaller (ties broken by index, so the result is deterministic)."""
    import numpy as np

    p = np.array(centres, dtype=float)
    half = np.asarray(sizes, dtype=float) / 2 + gap / 2
    n = len(p)
    if n < 2:
        return p
    upper = np.triu(np.ones((n, n), dtype=bool), 1)
    order = np.arange(n, dtype=float)
    for _ in range(max_rounds):
        d = p[:, None, :] - p[None, :, :]  # d[i, j] = p_i - p_j
        reach = half[:, None, :] + half[None, :, :]
        over = reach - np.abs(d)
        hit = (over[..., 0] > 0) & (over[..., 1] > 0) & upper
        if not hit.any():
            break
        i, j = np.nonzero(hit)
        ox, oy = over[i, j, 0], over[i, j, 1]
        use_x = ox <= oy * X_BIAS
        amount = np.where(use_x, ox, oy) / 2 + 0.5
        axis = np.where(use_x, 0, 1)
        sign = np.sign(d[i, j, axis])
        sign = np.where(sign == 0, np.sign(order[i] - order[j] + 0.5), sign)  # same spot: lower index first
        move = np.zeros_like(p)
        np.add.at(move, (i, axis), sign * amount)
        np.add.at(move, (j, axis), -sign * amount)
        p += move
    return p


def _fit(ids: list[str], raw: dict[str, tuple[float, float]], boxes: dict[str, tuple[float, float, float]],
         aspect: float, density: float) -> dict[str, dict]:
    """Scale raw positions so the boxes fill ``density`` of a ``aspect``-shaped area, then separate them."""
    import numpy as np

    xs = np.array([raw[i][0] for i in ids], dtype=float)
    ys = np.array([raw[i][1] for i in ids], dtype=float)
    area = sum(boxes[i][0] * boxes[i][1] for i in ids)
    height = math.sqrt(area / density / aspect)
    width = height * aspect
    span_x = float(xs.max() - xs.min()) or 1.0
    span_y = float(ys.max() - ys.min()) or 1.0
    centres = np.stack([(xs - xs.min()) / span_x * width, (ys - ys.min()) / span_y * height], axis=1)
    centres[:, 1] += np.array([boxes[i][2] for i in ids])  # separate the label boxes, not the node centres
    sizes = np.array([[boxes[i][0], boxes[i][1]] for i in ids])
    done = separate(centres, sizes)
    for _ in range(COMPACT_ROUNDS):  # pull everything in and push the boxes apart again: a tighter picture
        middle = done.mean(axis=0)
        done = separate(middle + (done - middle) * 0.85, sizes)
    cx, cy = float(done[:, 0].mean()), float(done[:, 1].mean())
    return {n: {"x": round(float(done[k, 0]) - cx, 1), "y": round(float(done[k, 1] - boxes[n][2]) - cy, 1)}
            for k, n in enumerate(ids)}


def _cached(key: tuple, build) -> dict[str, dict]:
    with _LOCK:
        if key in _CACHE:
            _CACHE.move_to_end(key)
            return _CACHE[key]
    value = build()
    with _LOCK:
        _CACHE[key] = value
        while len(_CACHE) > _CACHE_SIZE:
            _CACHE.popitem(last=False)
    return value


def force_positions(nodes: dict[str, tuple[str, str]], edges: Iterable[tuple[str, str]], aspect: float = 1.6,
                    density: float = 0.3, seed: int = 13) -> dict[str, dict]:
    """Deterministic positions ``{id: {"x", "y"}}`` for ``nodes`` (``{id: (label text, kind)}``) joined by
    ``edges``: a seeded spring layout over the sorted ids, scaled and separated so no two label boxes
    overlap. Cached by the nodes, labels and edges (the same view → the same positions, computed once)."""
    ids = sorted(nodes)
    pairs = sorted({(a, b) if a < b else (b, a) for a, b in edges if a in nodes and b in nodes and a != b})
    key = ("force", tuple((i, nodes[i]) for i in ids), tuple(pairs), aspect, density, seed)

    def build() -> dict[str, dict]:
        import networkx as nx

        if not ids:
            return {}
        g = nx.Graph()
        g.add_nodes_from(ids)
        g.add_edges_from(pairs)
        raw = nx.spring_layout(g, seed=seed, iterations=80, k=2.2 / math.sqrt(len(ids)))
        boxes = {i: label_box(*nodes[i]) for i in ids}
        return _fit(ids, {i: (float(raw[i][0]), float(raw[i][1])) for i in ids}, boxes, aspect, density)

    return _cached(key, build)


def spread_positions(positions: dict[str, dict], nodes: dict[str, tuple],
                     font_px: float | None = None) -> dict[str, dict]:
    """``positions`` made free of label overlaps with the least movement (for layouts drawn by rule, e.g. rings
    or rows); ``nodes`` is ``{id: (label text, kind[, node size])}``; nodes without a position are left out;
    ``font_px`` when the page draws labels in another size.
    Deterministic and cached."""
    import numpy as np

    ids = sorted(i for i in nodes if i in positions)
    key = ("spread", font_px, tuple((i, nodes[i], positions[i]["x"], positions[i]["y"]) for i in ids))

    def build() -> dict[str, dict]:
        if not ids:
            return {}
        boxes = {i: label_box(nodes[i][0], nodes[i][1], font_px, nodes[i][2] if len(nodes[i]) > 2 else None)
                 for i in ids}
        centres = np.array([[positions[i]["x"], positions[i]["y"] + boxes[i][2]] for i in ids])
        done = separate(centres, np.array([[boxes[i][0], boxes[i][1]] for i in ids]))
        return {n: {"x": round(float(done[k, 0]), 1), "y": round(float(done[k, 1] - boxes[n][2]), 1)}
                for k, n in enumerate(ids)}

    return _cached(key, build)


RINGS = {"goal": 0, "strategy": 1, "project": 2, "organisation": 3}


def concentric(nodes: list[tuple[str, str, list[str], tuple]], spacing: float = 95.0) -> dict[str, dict]:
    """Positions for "concentric by goal area" of ``nodes`` given as ``(id, kind, goal areas, sort key)``: one
    sector per goal area (plus one for nodes tied to none), and rings from the centre: goal areas, strategies,
    projects, organisations, everything else. A ring too crowded for ``spacing`` pixels between nodes spills
    onto extra rings."""
    sectors: dict[str, list[tuple[str, str, list[str], tuple]]] = defaultdict(list)
    for node in nodes:
        goals = node[2]
        sectors[sorted(goals)[0] if goals else ""].append(node)
    keys = sorted(sectors, key=lambda g: (g == "", g))
    total = sum(len(v) for v in sectors.values()) or 1
    positions: dict[str, dict] = {}
    start = -math.pi / 2
    radius_step = 2.6 * spacing
    for key in keys:
        members = sectors[key]
        width = 2 * math.pi * len(members) / total
        rings: dict[int, list[tuple[str, str, list[str], tuple]]] = defaultdict(list)
        for node in members:
            rings[RINGS.get(node[1], 4)].append(node)
        radius = 0.0
        for ring in sorted(rings):
            items = [n[0] for n in sorted(rings[ring], key=lambda n: n[3])]
            radius = max(radius + radius_step, (ring + 0.6) * radius_step)
            while items:
                fits = max(1, int(radius * width * 0.9 / spacing))
                chunk, items = items[:fits], items[fits:]
                for i, n in enumerate(chunk):
                    angle = start + width * (i + 0.5) / len(chunk)
                    positions[n] = {"x": round(radius * math.cos(angle), 1), "y": round(radius * math.sin(angle), 1)}
                if items:
                    radius += spacing
        start += width
    return positions


def keep_apart(points: dict[str, tuple[float, float]], min_distance: float = 100.0,
             rounds: int = 100) -> dict[str, tuple[float, float]]:
    """``points`` moved apart until no two are closer than ``min_distance`` pixels (or ``rounds`` are spent), so
    labels do not overlap on a projector; points already far enough apart keep their place.

    >>> out = keep_apart({"a": (0.0, 0.0), "b": (10.0, 0.0), "c": (500.0, 0.0)})
    >>> round(out["b"][0] - out["a"][0]), out["c"]
    (100, (500.0, 0.0))
    """
    moved = dict(points)
    names = sorted(moved)
    for _ in range(rounds):
        changed = False
        for i, a in enumerate(names):
            for b in names[i + 1:]:
                (ax, ay), (bx, by) = moved[a], moved[b]
                dx, dy = bx - ax, by - ay
                distance = (dx * dx + dy * dy) ** 0.5
                if distance >= min_distance - 1e-9:
                    continue
                if distance < 1e-9:  # the same place: part them along a fixed direction
                    dx, dy, distance = 1.0, 0.0, 1.0
                push = (min_distance - distance) / 2 / distance
                moved[a] = (ax - dx * push, ay - dy * push)
                moved[b] = (bx + dx * push, by + dy * push)
                changed = True
        if not changed:
            break
    return moved


def network_positions(nodes: list[str], edges: list[dict], seed: int = 0) -> dict[str, dict]:
    """Pixel positions of a collaboration network (``edges`` as ``{"source", "target", "weight"}``): Kamada–Kawai
    for up to 300 nodes, a seeded spring layout beyond, scaled with the node count and kept apart
    (:func:`keep_apart`) so labels do not overlap on a projector. Deterministic for the same input."""
    sub = nx.Graph()
    sub.add_nodes_from(nodes)
    sub.add_weighted_edges_from((e["source"], e["target"], e["weight"]) for e in edges)
    scale = 140 * max(len(nodes), 1) ** 0.5
    placed = (nx.kamada_kawai_layout(sub, weight=None) if 2 < len(nodes) <= 300
              else nx.spring_layout(sub, seed=seed, weight="weight"))
    pixels = keep_apart({n: (float(x) * scale, float(y) * scale) for n, (x, y) in placed.items()})
    return {n: {"x": round(x, 1), "y": round(y, 1)} for n, (x, y) in pixels.items()}
