"""Callbacks of the SPARQL page: read the inputs, call :mod:`graph.service.sparql`, map the plain data to components.

The editor itself is client-side (``assets/sparql-editor.js``): it writes its text into the ``ids.SQ_TEXT`` store
on every edit, and two clientside callbacks push text (an example, the URL's query) and error positions into it.
"""

from __future__ import annotations

from dash import ClientsideFunction, Input, Output, State, callback_context, html, no_update
from dash.exceptions import PreventUpdate

from graph.errors import FardplanError
from graph.service.sparql import download, examples, run_query
from ui import ids
from ui.callbacks.url_write import URL_NOW, url_write
from ui.components.sparql import build_answer, build_download_error, build_error, build_status
from ui.urls import SPARQL, share_search

__all__ = ["DOWNLOAD_FORMATS", "register"]

DOWNLOAD_FORMATS = {ids.SQ_CSV: "csv", ids.SQ_JSON: "json", ids.SQ_TTL: "ttl"}


def register(app, ctx) -> None:
    """Register the SPARQL page's callbacks on ``app``."""
    app.clientside_callback(ClientsideFunction("sparql_editor", "sync"), Output(ids.SQ_SYNCED, "data"),
                            Input(ids.SQ_TEXT, "data"), State(ids.SQ_EDITOR, "id"))
    app.clientside_callback(ClientsideFunction("sparql_editor", "mark"), Output(ids.SQ_MARKED, "data"),
                            Input(ids.SQ_ERROR_POS, "data"), State(ids.SQ_EDITOR, "id"), prevent_initial_call=True)

    @app.callback(Output(ids.SQ_TEXT, "data"), Output(ids.SQ_EXAMPLE_INFO, "children"),
                  Input(ids.SQ_EXAMPLE, "value"), State(ids.SQ_AUTORUN, "data"), prevent_initial_call=True)
    def load_example(name, page):
        chosen = next((e for e in examples(page["lang"]) if e["name"] == name), None)
        if chosen is None:
            raise PreventUpdate
        return chosen["text"], chosen["description"]

    @app.callback(
        Output(ids.SQ_RESULT, "children"), Output(ids.SQ_STATUS, "children"), Output(ids.SQ_ERROR, "children"),
        Output(ids.SQ_ERROR_POS, "data"), Output(ids.SQ_RAN, "data"),
        Output(ids.SQ_CSV, "disabled"), Output(ids.SQ_JSON, "disabled"), Output(ids.SQ_TTL, "disabled"),
        Input(ids.SQ_RUN, "n_clicks"), Input(ids.SQ_AUTORUN, "data"), State(ids.SQ_TEXT, "data"),
        running=[(Output(ids.SQ_RUN, "disabled"), True, False)])
    def run(clicks, page, text):
        if callback_context.triggered_id != ids.SQ_RUN and not page["run"]:
            raise PreventUpdate
        lang = page["lang"]
        result = run_query(ctx.store, text or "", ctx.settings)
        ran = {"text": text or "", "lang": lang}
        if not result["ok"]:
            error = result["error"]
            return ([], build_status(result, ctx.settings, lang), build_error(error, lang),
                    {"line": error["line"], "column": error["column"]}, ran, True, True, True)
        kind = result["kind"]
        return (build_answer(result, lang), build_status(result, ctx.settings, lang), html.Div(),
                {"line": None, "column": None}, ran, kind == "ask", False, kind != "graph")

    @app.callback(Output(ids.URL, "search", allow_duplicate=True), Input(ids.SQ_RAN, "data"), *URL_NOW,
                  prevent_initial_call=True)
    def to_url(ran, pathname, current):
        if not ran or not ran["text"].strip():
            raise PreventUpdate
        return url_write(SPARQL, share_search(ran["text"], ran["lang"]), pathname, current)

    @app.callback(Output(ids.SQ_DOWNLOAD, "data"), Output(ids.SQ_ERROR, "children", allow_duplicate=True),
                  *(Input(b, "n_clicks") for b in DOWNLOAD_FORMATS), State(ids.SQ_RAN, "data"),
                  prevent_initial_call=True)
    def save(*args):
        ran = args[-1]
        trigger = callback_context.triggered_id
        if not ran or trigger not in DOWNLOAD_FORMATS or not callback_context.triggered[0]["value"]:
            raise PreventUpdate
        try:
            return download(ctx.store, ran["text"], ctx.settings, DOWNLOAD_FORMATS[trigger]), html.Div()
        except FardplanError as exc:  # said in the page, never swallowed
            return no_update, build_download_error(exc.to_dict(), ran["lang"])
