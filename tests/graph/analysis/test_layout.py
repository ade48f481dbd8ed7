"""Server-side positions (graph/layout.py): deterministic, cached, and free of label overlaps."""

from __future__ import annotations

import pytest

from graph.analysis import layout
from graph.index.nodes import build_index
from graph.service.explore_state import default_state
from graph.service.explore_view import view


@pytest.fixture(scope="module")
def index(seed_store):
    return build_index(seed_store)


def _boxes(result: dict) -> dict:
    boxes = {n["id"]: layout.label_box(layout.node_label(n["label"], n["kind"], n["notation"]), n["kind"])
             for n in result["nodes"]}
    boxes.update({g["id"]: layout.label_box(f"+{g['count']} {g['kind']}er", "group") for g in result["groups"]})
    return boxes


@pytest.mark.parametrize("state", [default_state(), {**default_state(), "goals": ["DT"]},
                                   {**default_state(), "focus": "https://w3id.org/fardplan/id/org/polisen", "k": 2}])
def test_views_get_the_same_positions_every_time_and_no_label_overlaps(index, state):
    first = view(index, state)
    layout._CACHE.clear()  # computed again, not read from the cache: still the same picture
    again = view(index, state)
    assert first["positions"] == again["positions"]
    shown = {n["id"] for n in first["nodes"]} | {g["id"] for g in first["groups"]}
    assert set(first["positions"]) == shown
    assert layout.overlaps(first["positions"], _boxes(first)) == []


def test_cached_positions_are_reused(index):
    layout._CACHE.clear()
    view(index, default_state())
    size = len(layout._CACHE)
    view(index, default_state())
    assert len(layout._CACHE) == size == 1


def test_separate_pushes_stacked_boxes_apart():
    import numpy as np

    placed = layout.separate(np.zeros((3, 2)), np.array([[100.0, 40.0]] * 3))
    boxes = {str(i): (100.0, 40.0, 0.0) for i in range(3)}
    assert layout.overlaps({str(i): {"x": p[0], "y": p[1]} for i, p in enumerate(placed)}, boxes) == []


def test_spread_positions_keeps_separate_boxes_in_place():
    nodes = {"a": ("Alfa", "organisation"), "b": ("Beta", "organisation"), "c": ("Gamma", "organisation")}
    far = {"a": {"x": 0.0, "y": 0.0}, "b": {"x": 1000.0, "y": 0.0}, "c": {"x": 0.0, "y": 1000.0}}
    assert layout.spread_positions(far, nodes) == far
    stacked = dict.fromkeys(nodes, {"x": 0.0, "y": 0.0})
    moved = layout.spread_positions(stacked, nodes)
    assert layout.overlaps(moved, {i: layout.label_box(*nodes[i]) for i in nodes}) == []


def test_strategies_show_code_and_a_short_label():
    text = layout.node_label("Främja trygghet i det offentliga rummet genom brottspreventiva åtgärder", "strategy",
                             "DT.VI")
    code, *rest = text.split("\n")
    assert code == "DT.VI" and " ".join(rest).startswith("Främja trygghet") and text.endswith("…")
    assert all(len(line) <= layout.WRAP_CHARS for line in rest)
    assert layout.node_label("Polisen", "organisation") == "Polisen"
