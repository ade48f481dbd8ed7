"""Callbacks of the collaboration pages: each calls one function of :mod:`graph.service.planner` and one builder.

The URL keeps each page's state (``strategy``, ``actors``, ``measure`` and ``lang``), written with
``allow_duplicate`` since the explorer writes ``ids.URL.search`` too; the shell does not rebuild a page for it.
"""

from __future__ import annotations

from dash import Input, Output, State, html

from graph.errors import FardplanError
from graph.service.planner import actors_for_strategy, connections, gaps, network, shared_between
from graph.vocab.namespaces import curie
from ui import ids
from ui.components.planner import (
    build_gaps_view,
    build_message,
    build_network_view,
    build_paths_view,
    build_shared_view,
    build_strategy_view,
)
from ui.i18n import t
from ui.urls import url_query


def _error(exc: FardplanError) -> html.P:
    return build_message(str(exc), "error")


def register_strategy_actors(app, ctx) -> None:
    """Strategy chosen → actors table and graph; the choice kept in the URL."""

    @app.callback(Output(ids.SA_BODY, "children"), Input(ids.SA_STRATEGY, "value"), State(ids.SA_META, "data"))
    def show(strategy, meta):
        if not strategy:
            return build_message(t("pl_choose_strategy", meta["lang"]))
        try:
            return build_strategy_view(actors_for_strategy(ctx.store, strategy), meta["lang"], meta["types"])
        except FardplanError as exc:
            return _error(exc)

    @app.callback(Output(ids.URL, "search", allow_duplicate=True), Input(ids.SA_STRATEGY, "value"),
                  State(ids.SA_META, "data"), prevent_initial_call=True)
    def to_url(strategy, meta):
        return url_query(meta["lang"], strategy=curie(strategy) if strategy else None)


def _pair(a: str | None, b: str | None, lang: str) -> str | None:
    """Why the pair cannot be compared yet, or None."""
    if not a or not b:
        return t("pl_choose_actors", lang)
    return t("pl_same_actor", lang) if a == b else None


def register_two_actors(app, ctx) -> None:
    """Two actors chosen → what they share, and their shortest connections; the pair kept in the URL."""
    pair = (Input(ids.TA_A, "value"), Input(ids.TA_B, "value"), State(ids.TA_META, "data"))

    @app.callback(Output(ids.TA_SHARED, "children"), *pair)
    def shared(a, b, meta):
        note = _pair(a, b, meta["lang"])
        if note:
            return build_message(note)
        try:
            return build_shared_view(shared_between(ctx.store, a, b), meta["lang"])
        except FardplanError as exc:
            return _error(exc)

    @app.callback(Output(ids.TA_PATHS, "children"), *pair)
    def paths(a, b, meta):
        if _pair(a, b, meta["lang"]):
            return []
        try:
            return build_paths_view(connections(ctx.store, a, b), meta["lang"])
        except FardplanError as exc:
            return _error(exc)

    @app.callback(Output(ids.URL, "search", allow_duplicate=True), *pair, prevent_initial_call=True)
    def to_url(a, b, meta):
        return url_query(meta["lang"], actors=",".join(curie(x) for x in (a, b) if x))


def register_network(app, ctx) -> None:
    """Measure chosen → the network drawn within the element budget; the measure kept in the URL."""

    @app.callback(Output(ids.NET_BODY, "children"), Input(ids.NET_MEASURE, "value"), State(ids.NET_META, "data"))
    def show(measure, meta):
        try:
            result = network(ctx.store, max_elements=ctx.settings.max_elements)
        except FardplanError as exc:
            return _error(exc)
        return build_network_view(result, measure, meta["lang"])

    @app.callback(Output(ids.URL, "search", allow_duplicate=True), Input(ids.NET_MEASURE, "value"),
                  State(ids.NET_META, "data"), prevent_initial_call=True)
    def to_url(measure, meta):
        return url_query(meta["lang"], measure=None if measure == "weighted_degree" else measure)


def register_gaps(app, ctx) -> None:
    """Page opened → the coverage matrix and the gap lists."""

    @app.callback(Output(ids.GAPS_BODY, "children"), Input(ids.GAPS_META, "data"))
    def show(meta):
        try:
            return build_gaps_view(gaps(ctx.store), meta["lang"])
        except FardplanError as exc:
            return _error(exc)
