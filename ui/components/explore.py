"""Builders of the explorer page (/) that its layout and its callbacks share: control values, the drawn view and
the details panel."""

from __future__ import annotations

from dash import html

from graph.edit.changes import aliases
from graph.edit.form import choices
from graph.index.nodes import KINDS
from graph.service.details import node_page
from graph.service.explore_view import view
from ui.components.common import build_node_details, build_status
from ui.components.edit import build_edit_form
from ui.elements.explore import layout_for, to_elements
from ui.i18n import t

__all__ = ["build_details", "control_values", "details_key", "render_view"]


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


def build_details(ctx, state: dict) -> list | html.P:
    """The details panel of ``state``'s selected node (with the edit form when editing is on), or the hint to
    select one."""
    lang = state["lang"]
    selected = state.get("selected")
    if not selected or selected not in ctx.index.nodes:
        return html.P(t("details_empty", lang), className="muted")
    page = node_page(ctx.store, ctx.index, selected, lang, more=state.get("more"))
    if not ctx.settings.allow_edits:
        return build_node_details(page, lang)
    return [*build_node_details(page, lang, editable=True),
            build_edit_form(page, choices(ctx.store), lang, aliases(ctx.store, selected))]


def details_key(state: dict) -> list:
    """What the node details shown for ``state`` depend on: the selection, its opened pages, the language. The
    page draws them with itself (a shared link's details arrive with its graph); the callback redraws them only
    when this changes."""
    return [state.get("selected"), state.get("more") or {}, state["lang"]]
