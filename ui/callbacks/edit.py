"""Callbacks of the explorer's edit controls (issue 14): each hands the form to :func:`graph.edit.form.submit`
and shows its answer. Registered always; with the ``allow_edits`` setting off the controls are not drawn and a
request that reaches a callback anyway is refused by the core."""

from __future__ import annotations

from dash import ALL, Input, Output, State, callback_context, no_update

from graph.edit.form import submit
from graph.service.explore_state import view_part
from ui import ids
from ui.components.edit import build_edit_result
from ui.components.explore import render_view

__all__ = ["FORM_BUTTONS", "register"]

FORM_BUTTONS = {ids.EDIT_LABEL_SAVE: "label", ids.EDIT_ALIAS_ADD: "alias", ids.EDIT_RELATION_ADD: "relation"}
FIELDS = {ids.EDIT_LANG: "lang", ids.EDIT_LABEL: "label", ids.EDIT_ALIAS: "alias",
          ids.EDIT_ALIAS_OLD: "alias_old", ids.EDIT_PREDICATE: "predicate",
          ids.EDIT_TARGET: "target", ids.EDIT_DOCUMENT: "document", ids.EDIT_QUOTE: "quote",
          ids.EDIT_MODE: "mode", ids.EDIT_REASON_SV: "reason_sv", ids.EDIT_REASON_EN: "reason_en"}
REDRAWN = (Output(ids.EDIT_RESULT, "children", allow_duplicate=True),
           Output(ids.DETAILS, "children", allow_duplicate=True),
           Output(ids.GRAPH, "elements", allow_duplicate=True), Output(ids.GRAPH, "layout", allow_duplicate=True),
           Output(ids.STATUS, "children", allow_duplicate=True))


def register(app, ctx, details) -> None:
    """Register the edit callbacks; ``details(state)`` is the explorer's details panel for a state."""

    @app.callback(Output(ids.EDIT_WHO, "data"), Output(ids.EDIT_WHO_INPUT, "value"),
                  Input(ids.EDIT_WHO, "data"), Input(ids.EDIT_WHO_INPUT, "value"))
    def who(stored, typed):
        """The name is kept in this browser (localStorage): typed → stored, stored → the field on load."""
        if callback_context.triggered_id == ids.EDIT_WHO_INPUT or (typed and not stored):
            return (typed or "").strip() or None, no_update  # typed before the stored name arrived: keep it
        return no_update, stored or ""

    def answered(answer: dict, state: dict) -> tuple:
        lang = state["lang"]
        result = build_edit_result(answer, lang)
        if not answer.get("ok"):
            return result, no_update, no_update, no_update, no_update
        return (result, details(state), *render_view(ctx, view_part(state)))

    @app.callback(*REDRAWN, Input(ids.EDIT_LABEL_SAVE, "n_clicks"), Input(ids.EDIT_ALIAS_ADD, "n_clicks"),
                  Input(ids.EDIT_RELATION_ADD, "n_clicks"), *(State(f, "value") for f in FIELDS),
                  State(ids.EDIT_START, "data"), State(ids.EDIT_WHY, "value"), State(ids.EDIT_WHO, "data"),
                  State(ids.STATE, "data"), prevent_initial_call=True)
    def on_form(*args):
        *values, start, why, who_name, state = args[3:]
        if not callback_context.triggered or not callback_context.triggered[0]["value"]:
            return (no_update,) * len(REDRAWN)
        fields = {**dict(zip(FIELDS.values(), values, strict=True)), "start": start}
        answer = submit(ctx.store, state.get("selected"), FORM_BUTTONS[callback_context.triggered_id], fields,
                        who_name, why, ctx.settings.allow_edits)
        return answered(answer, state)

    @app.callback(*REDRAWN, Input({"type": ids.EDIT_DELETE, "s": ALL, "p": ALL, "o": ALL}, "n_clicks"),
                  State(ids.EDIT_WHY, "value"), State(ids.EDIT_WHO, "data"), State(ids.STATE, "data"),
                  prevent_initial_call=True)
    def on_delete(_clicks, why, who_name, state):
        trigger = callback_context.triggered_id
        if not isinstance(trigger, dict) or not callback_context.triggered[0]["value"]:
            return (no_update,) * len(REDRAWN)
        answer = submit(ctx.store, state.get("selected"), "delete", trigger, who_name, why, ctx.settings.allow_edits)
        return answered(answer, state)

    @app.callback(*REDRAWN, Input(ids.EDIT_UNDO, "n_clicks"), State(ids.EDIT_WHY, "value"),
                  State(ids.EDIT_WHO, "data"), State(ids.STATE, "data"), prevent_initial_call=True)
    def on_undo(clicks, why, who_name, state):
        if not clicks:
            return (no_update,) * len(REDRAWN)
        answer = submit(ctx.store, state.get("selected"), "undo_last", {}, who_name, why, ctx.settings.allow_edits)
        return answered(answer, state)

    @app.callback(Output(ids.EDIT_LABEL, "value"), Input(ids.EDIT_LANG, "value"), State(ids.STATE, "data"),
                  prevent_initial_call=True)
    def label_in(lang, state):
        """The label field shows the node's label in the language chosen."""
        node = ctx.index.nodes.get(state.get("selected") or "")
        return node.labels.get(lang, "") if node else no_update
