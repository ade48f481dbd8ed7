"""Callbacks of the explorer page: each calls one function of :mod:`graph` and one builder."""

from __future__ import annotations

from dash import ALL, ClientsideFunction, Input, Output, State, callback_context, html, no_update

from graph.errors import FardplanError
from graph.index.nodes import KINDS
from graph.index.search import search
from graph.service.details import edge_page
from graph.service.explore_state import apply_event, view_part
from graph.service.explore_view import view
from ui import ids
from ui.callbacks import edit as edit_callbacks
from ui.callbacks.url_write import URL_NOW, url_write
from ui.components.common import build_edge_details, build_hits
from ui.components.explore import ALL_SOURCES, build_details, control_values, details_key, render_view
from ui.components.feedback import action_notice, selection_notice
from ui.elements.explore import highlight_stylesheet
from ui.i18n import t
from ui.urls import EXPLORE as EXPLORE_PATH
from ui.urls import decode_state, encode_state

__all__ = ["BUTTON_EVENTS", "CONTROLS", "register"]

BUTTON_EVENTS = {ids.FOCUS: "focus", ids.EXPAND: "expand", ids.COLLAPSE: "collapse", ids.UNFOCUS: "unfocus"}
CONTROLS = {ids.GOALS: "goals", ids.KINDS: "kinds", ids.SOURCE: "reply", ids.LAYOUT: "layout", ids.DEPTH: "k"}


def _all_or(values: list, everything: list) -> list | None:
    """``None`` (no filter) when every option is chosen, so the URL stays short."""
    return None if set(values or []) >= set(everything) else list(values or [])


def register(app, ctx) -> None:
    """Register the explorer's callbacks on ``app``."""

    @app.callback(Output(ids.SEARCH_HITS, "children"), Input(ids.SEARCH, "value"), State(ids.STATE, "data"))
    def suggest(text, state):
        lang = state["lang"]
        return build_hits(search(ctx.index, text or "", lang), lang, text or "")

    @app.callback(
        Output(ids.STATE, "data"),
        Input(ids.GRAPH, "tapNodeData"), Input({"type": ids.HIT, "iri": ALL}, "n_clicks"),
        Input({"type": ids.REL_LINK, "iri": ALL}, "n_clicks"), Input({"type": ids.REL_MORE, "key": ALL}, "n_clicks"),
        Input(ids.SEARCH, "n_submit"), Input(ids.DESELECT, "n_clicks"),
        *(Input(b, "n_clicks") for b in BUTTON_EVENTS), *(Input(c, "value") for c in CONTROLS),
        State(ids.STATE, "data"), State(ids.SEARCH, "value"), prevent_initial_call=True)
    def on_event(*args):
        new = _on_event(*args)
        if new is no_update:
            return new
        return {**new, "notice": _notice(args[-2], new)}

    def _notice(old: dict, new: dict) -> str:
        """What the event did, in words (shown and announced by :func:`feedback`)."""
        lang = new["lang"]
        trigger = callback_context.triggered_id
        if isinstance(trigger, dict):  # a search hit or a relation link focuses; "Visa fler" only pages
            event = "focus" if trigger["type"] != ids.REL_MORE else ""
        else:
            event = BUTTON_EVENTS.get(trigger, "focus" if trigger == ids.SEARCH else "")
        if event:
            limit = ctx.settings.max_elements
            target = new.get("focus") if event == "focus" else (old.get("selected") or old.get("focus"))
            return action_notice(ctx.index, event, target, view(ctx.index, old, limit), view(ctx.index, new, limit),
                                 lang, k=int(new.get("k", 1)))
        if new.get("selected") != old.get("selected"):
            return selection_notice(ctx.index, new.get("selected"), lang)
        return ""

    def _on_event(tap, _hits, _links, _more, _submit, _deselect, *rest):
        *_, state, text = rest
        trigger = callback_context.triggered_id
        value = callback_context.triggered[0]["value"] if callback_context.triggered else None
        if not value:
            return no_update
        if isinstance(trigger, dict):
            if trigger["type"] == ids.REL_MORE:
                return apply_event(state, "more", trigger["key"])
            return apply_event(state, "focus", trigger["iri"])
        if trigger == ids.GRAPH:
            return apply_event(state, "open_group" if tap.get("group") else "select", tap["id"])
        if trigger == ids.DESELECT:
            return apply_event(state, "select", None)
        if trigger == ids.SEARCH:
            hits = search(ctx.index, text or "", state["lang"], limit=1)
            return apply_event(state, "focus", hits[0]["iri"]) if hits else no_update
        if trigger in BUTTON_EVENTS:
            target = state.get("selected") or state.get("focus")
            if trigger != ids.UNFOCUS and not target:
                return no_update
            return apply_event(state, BUTTON_EVENTS[trigger], target)
        key = CONTROLS[trigger]
        goals = [g.notation for g in ctx.index.goal_areas()]
        chosen = {"goals": _all_or(value, goals), "kinds": _all_or(value, list(KINDS)),
                  "reply": None if value == ALL_SOURCES else value}.get(key, value)
        return apply_event(state, "controls", {key: chosen})

    @app.callback(Output(ids.STATE, "data", allow_duplicate=True), Input(ids.GOALS, "value"),
                  Input(ids.KINDS, "value"), State(ids.STATE, "data"), prevent_initial_call=True)
    def on_emptied(goals, kinds, state):
        """An emptied checklist is a filter too (the event callback ignores empty values)."""
        trigger = callback_context.triggered_id
        chosen = goals if trigger == ids.GOALS else kinds
        if chosen:
            return no_update
        return apply_event(state, "controls", {"goals" if trigger == ids.GOALS else "kinds": []})

    @app.callback(Output(ids.VIEW_STATE, "data"), Input(ids.STATE, "data"), State(ids.VIEW_STATE, "data"))
    def derive(state, current):
        part = view_part(state)
        return no_update if part == current else part

    @app.callback(Output(ids.GRAPH, "elements"), Output(ids.GRAPH, "layout"), Output(ids.STATUS, "children"),
                  Input(ids.VIEW_STATE, "data"), prevent_initial_call=True)
    def render(state):
        return render_view(ctx, state)

    selection_buttons = (ids.FOCUS, ids.EXPAND, ids.COLLAPSE, ids.DESELECT)

    @app.callback(Output(ids.ANNOUNCE, "children"),
                  *(Output(b, "disabled") for b in (*selection_buttons, ids.UNFOCUS)),
                  *(Output(b, "title") for b in selection_buttons), Input(ids.STATE, "data"))
    def feedback(state):
        """Say what the last action did; disable (and explain) the buttons that need a selection."""
        none = not state.get("selected")
        hint = t("need_selection", state["lang"]) if none else None
        return (state.get("notice") or "", *([none] * len(selection_buttons)), not state.get("focus"),
                *([hint] * len(selection_buttons)))

    app.clientside_callback(ClientsideFunction("fardplanA11y", "syncSelection"), Output(ids.TWIN_SYNC, "data"),
                            Input(ids.STATE, "data"), Input(ids.GRAPH, "elements"))

    @app.callback(Output(ids.GRAPH, "stylesheet"), Input(ids.STATE, "data"), Input(ids.GRAPH, "elements"))
    def highlight(state, elements):
        return highlight_stylesheet(elements or [], (state or {}).get("selected"))

    @app.callback(Output(ids.URL, "search"), Input(ids.STATE, "data"), *URL_NOW, prevent_initial_call=True)
    def to_url(state, pathname, current):
        return url_write(EXPLORE_PATH, encode_state(state), pathname, current)

    @app.callback(Output(ids.STATE, "data", allow_duplicate=True),
                  *(Output(c, "value", allow_duplicate=True) for c in CONTROLS),
                  Input(ids.URL, "search"), State(ids.URL, "pathname"), State(ids.STATE, "data"),
                  prevent_initial_call=True)
    def from_url(search, pathname, state):
        """Back and forward: a URL the page did not write itself becomes the state, controls included."""
        if state is None or (pathname or "/") != EXPLORE_PATH:  # leaving the explorer: not a state of it
            return (no_update,) * (1 + len(CONTROLS))
        wanted = decode_state(search or "")
        if wanted["lang"] != state["lang"] or encode_state(wanted) == encode_state(state):
            return (no_update,) * (1 + len(CONTROLS))  # the page's own write, or a language switch (re-routed)
        values = control_values(wanted, [g.notation for g in ctx.index.goal_areas()])
        return wanted, *(values[key] for key in CONTROLS.values())

    @app.callback(Output(ids.DETAILS, "children"), Output(ids.DETAILS_SHOWN, "data"), Input(ids.STATE, "data"),
                  Input(ids.GRAPH, "tapEdgeData"), State(ids.DETAILS_SHOWN, "data"))
    def details(state, edge, shown):
        """A tapped relation's details, or the selected node's when what they depend on has changed (the page
        drew the first ones itself)."""
        lang = state["lang"]
        try:
            if callback_context.triggered_id == ids.GRAPH and edge and edge.get("predicate"):
                page = edge_page(ctx.store, ctx.index, edge["source"], edge["predicate"], edge["target"], lang)
                return build_edge_details(page, lang), None
            key = details_key(state)
            if key == shown:
                return no_update, no_update
            return build_details(ctx, state), key
        except FardplanError as exc:
            return html.P(str(exc), className="error"), None

    edit_callbacks.register(app, ctx, lambda state: build_details(ctx, state))

    @app.callback(Output(ids.GRAPH, "generateImage"), Input(ids.EXPORT_PNG, "n_clicks"),
                  Input(ids.EXPORT_SVG, "n_clicks"), prevent_initial_call=True)
    def export(_png, _svg):
        kind = "svg" if callback_context.triggered_id == ids.EXPORT_SVG else "png"
        return {"type": kind, "action": "download", "filename": "fardplan-vy",
                "options": {"full": True, "bg": "#ffffff", "scale": 2} if kind == "png" else {"full": True}}
