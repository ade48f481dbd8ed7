"""Builders of the explorer page (/) that its layout and its callbacks share: control values and the drawn view."""

from __future__ import annotations

from graph.index.nodes import KINDS
from graph.service.explore_view import view
from ui.components.common import build_status
from ui.elements.explore import layout_for, to_elements

__all__ = ["control_values", "render_view"]


ALL_SOURCES = "all"  # the source control's value for "every source" (a control's empty value is no event)


def control_values(state: dict, goal_notations: list[str]) -> dict[str, object]:
    """The value of each control for ``state``: ``{"goals", "kinds", "reply", "layout", "k"}`` (no filter = all
    ticked, every source)."""
    return {"goals": list(goal_notations) if state["goals"] is None else state["goals"],
            "kinds": list(KINDS) if state["kinds"] is None else state["kinds"],
            "reply": state.get("reply") or ALL_SOURCES, "layout": state["layout"], "k": state["k"]}


def render_view(ctx, part: dict) -> tuple[list[dict], dict, str]:
    """Elements, layout and status line of the view ``part`` (:func:`graph.service.explore_state.view_part`)."""
    result = view(ctx.index, part, ctx.settings.max_elements)
    focus_label = result["focus"]["label"] if result["focus"] else ""
    return (to_elements(result, part["lang"], result["positions"]), layout_for(part["layout"], result),
            build_status(result, part, focus_label, part["lang"], total=len(ctx.index.nodes)))
