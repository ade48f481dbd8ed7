"""Callbacks of the compare page (/jamfor): the choice of rows → the comparison; the choice kept in the URL."""

from __future__ import annotations

from dash import Input, Output, State

from graph.errors import FardplanError
from graph.service.compare import compare
from ui import ids
from ui.callbacks.url_write import URL_NOW, url_write
from ui.components.compare import build_compare_view
from ui.components.planner import build_message
from ui.urls import COMPARE, url_query

__all__ = ["register"]


def register(app, ctx) -> None:
    """Register the page's callbacks."""

    @app.callback(Output(ids.CMP_BODY, "children"), Input(ids.CMP_WHICH, "value"), State(ids.CMP_META, "data"))
    def show(which, meta):
        try:
            return build_compare_view(compare(ctx.store), which, meta["lang"])
        except FardplanError as exc:
            return build_message(str(exc), "error")

    @app.callback(Output(ids.URL, "search", allow_duplicate=True), Input(ids.CMP_WHICH, "value"),
                  State(ids.CMP_META, "data"), *URL_NOW, prevent_initial_call=True)
    def to_url(which, meta, pathname, current):
        return url_write(COMPARE, url_query(meta["lang"], which=None if which == "mentioned" else which),
                         pathname, current)
