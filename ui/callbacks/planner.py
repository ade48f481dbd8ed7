"""Callbacks of the collaboration pages: each calls one function of :mod:`graph.service.planner` and one builder.

The URL keeps each page's state (``strategy``, ``actors``, ``measure`` and ``lang``), written with
``allow_duplicate`` since the explorer writes ``ids.URL.search`` too; the shell does not rebuild a page for it.
"""

from __future__ import annotations

from dash import MATCH, Input, Output, Patch, State, callback_context, html, no_update

from graph.errors import FardplanError
from graph.service.planner import (
    HEAVY_ROWS,
    ROUTES_SHOWN,
    TABLE_ROWS,
    actors_for_strategy,
    gaps,
    network,
    shared_between,
)
from graph.vocab.namespaces import curie
from graph.vocab.phrasing import name_of
from ui import ids
from ui.callbacks.url_write import URL_NOW, url_write
from ui.components.gaps import GAP_LISTS, build_gap_row, build_gaps_view
from ui.components.network import build_network_actor_row, build_network_edge_row, build_network_view, ranked_actors
from ui.components.pairs import (
    actor_matches,
    build_actor_options,
    build_paths_body,
    build_project_row,
    build_shared_body,
    build_shared_strategy_row,
)
from ui.components.planner import build_message, choices, more_rows, showing_text
from ui.components.strategy import build_actor_route, build_actor_row, build_route, build_strategy_body
from ui.urls import NETWORK, STRATEGY, TWO_ACTORS, url_query


def _error(exc: FardplanError) -> html.P:
    return build_message(str(exc), "error")


def register_more(app, kind: str, meta_id: str, rows_for) -> None:
    """"Visa fler" of the page whose lists have the pattern type ``kind``: the next page of rows is appended to
    the list (a ``Patch``: the rows already drawn are not sent again), the count updated, the button hidden once
    all are shown. ``rows_for(table, of, meta, clicks)`` → (the new rows, :func:`graph.service.planner.paged` page)."""
    key = {"table": MATCH, "of": MATCH}

    @app.callback(Output({"type": kind + ids.ROWS, **key}, "children"),
                  Output({"type": kind + ids.STATUS_PART, **key}, "children"),
                  Output({"type": kind, **key}, "hidden"),
                  Input({"type": kind, **key}, "n_clicks"), State(meta_id, "data"), prevent_initial_call=True)
    def more(clicks, meta):
        which = callback_context.triggered_id
        if not clicks or not which:
            return no_update, no_update, no_update
        try:
            rows, page = rows_for(which["table"], which["of"], meta, clicks)
        except (FardplanError, KeyError, ValueError) as exc:  # a stale list (the store was reloaded)
            return no_update, str(exc), True
        patch = Patch()
        patch.extend(rows)
        return patch, showing_text(page, meta["lang"]), page["shown"] >= page["total"]


def register_strategy_actors(app, ctx) -> None:
    """Strategy chosen → actors table and graph; the choice kept in the URL; "Visa fler" of actors and routes."""

    @app.callback(Output(ids.SA_BODY, "children"), Output(ids.SA_SHOWN, "data"), Input(ids.SA_STRATEGY, "value"),
                  State(ids.SA_META, "data"), State(ids.SA_SHOWN, "data"))
    def show(strategy, meta, shown):
        if strategy and strategy == shown:  # the page drew it (a link, a saved view)
            return no_update, no_update
        return build_strategy_body(ctx, strategy, meta["lang"], meta["types"])

    def rows_for(table: str, of: str, meta: dict, clicks: int):
        lang, types = meta["lang"], meta["types"]
        if table == "actors":
            result = actors_for_strategy(ctx.store, of)
            return more_rows(result["actors"], HEAVY_ROWS, clicks, lambda a: build_actor_row(result, a, lang, types))
        strategy, actor = of.split(" ")
        found = next(a for a in actors_for_strategy(ctx.store, strategy)["actors"] if a["iri"] == actor)
        return more_rows(found["routes"], ROUTES_SHOWN, clicks, lambda r: build_route(r, lang))

    register_more(app, ids.SA_MORE, ids.SA_META, rows_for)

    @app.callback(Output(ids.URL, "search", allow_duplicate=True), Input(ids.SA_STRATEGY, "value"),
                  State(ids.SA_META, "data"), *URL_NOW, prevent_initial_call=True)
    def to_url(strategy, meta, pathname, current):
        return url_write(STRATEGY, url_query(meta["lang"], strategy=curie(strategy) if strategy else None),
                         pathname, current)


def register_two_actors(app, ctx) -> None:
    """Two actors chosen → what they share, and their shortest connections; the pair kept in the URL; "Visa fler"
    of the shared lists and routes."""
    pair = (Input(ids.TA_A, "value"), Input(ids.TA_B, "value"), State(ids.TA_META, "data"))

    @app.callback(Output(ids.TA_SHARED, "children"), Output(ids.TA_SHARED_SHOWN, "data"), *pair,
                  State(ids.TA_SHARED_SHOWN, "data"))
    def shared(a, b, meta, shown):
        if shown and shown == f"{a} {b}":  # the page drew it (a link, a saved view)
            return no_update, no_update
        return build_shared_body(ctx, a, b, meta["lang"])

    @app.callback(Output(ids.TA_PATHS, "children"), Output(ids.TA_PATHS_SHOWN, "data"), *pair,
                  State(ids.TA_PATHS_SHOWN, "data"))
    def paths(a, b, meta, shown):
        if shown and shown == f"{a} {b}":
            return no_update, no_update
        return build_paths_body(ctx, a, b, meta["lang"])

    for picker in (ids.TA_A, ids.TA_B):
        @app.callback(Output(picker, "options"), Input(picker, "search_value"), State(picker, "value"),
                      State(ids.TA_META, "data"), prevent_initial_call=True)
        def options(search, value, meta):
            actors = choices(ctx.index, "organisation")
            return build_actor_options(actor_matches(actors, search, meta["lang"], (value,)), meta["lang"])

    @app.callback(Output(ids.URL, "search", allow_duplicate=True), *pair, *URL_NOW, prevent_initial_call=True)
    def to_url(a, b, meta, pathname, current):
        return url_write(TWO_ACTORS, url_query(meta["lang"], actors=",".join(curie(x) for x in (a, b) if x)),
                         pathname, current)

    def rows_for(table: str, of: str, meta: dict, clicks: int):
        lang = meta["lang"]
        a, b, *strategy = of.split(" ")
        result = shared_between(ctx.store, a, b)
        if table == "projects":
            return more_rows(result["projects"], TABLE_ROWS, clicks, lambda p: build_project_row(p, lang))
        if table == "strategies":
            pair = f"{a} {b}"
            return more_rows(result["strategies"], HEAVY_ROWS, clicks,
                             lambda x: build_shared_strategy_row(pair, x, lang))
        found = next(x for x in result["strategies"] if x["iri"] == strategy[0])
        return more_rows(found["routes"], ROUTES_SHOWN, clicks, lambda r: build_actor_route(r, lang))

    register_more(app, ids.TA_MORE, ids.TA_META, rows_for)


def register_network(app, ctx) -> None:
    """Measure chosen → the network drawn within the element budget; the measure kept in the URL; "Visa fler" of
    its tables."""

    @app.callback(Output(ids.NET_BODY, "children"), Output(ids.NET_META, "data"), Input(ids.NET_MEASURE, "value"),
                  Input(ids.NET_REPLY, "value"), State(ids.NET_META, "data"))
    def show(measure, reply, meta):
        meta = {**meta, "reply": reply or None}  # "Visa fler" pages the network of the same source
        try:
            result = network(ctx.store, max_elements=ctx.settings.max_elements, reply=meta["reply"])
        except FardplanError as exc:
            return _error(exc), meta
        return build_network_view(result, measure, meta["lang"]), meta

    @app.callback(Output(ids.URL, "search", allow_duplicate=True), Input(ids.NET_MEASURE, "value"),
                  Input(ids.NET_REPLY, "value"), State(ids.NET_META, "data"), *URL_NOW, prevent_initial_call=True)
    def to_url(measure, reply, meta, pathname, current):
        return url_write(NETWORK, url_query(meta["lang"], measure=None if measure == "weighted_degree" else measure,
                                            reply=curie(reply) if reply else None), pathname, current)

    def rows_for(table: str, of: str, meta: dict, clicks: int):
        lang = meta["lang"]
        result = network(ctx.store, max_elements=ctx.settings.max_elements, reply=meta.get("reply"))
        if table == "actors":
            return more_rows(ranked_actors(result, of, lang), TABLE_ROWS, clicks,
                             lambda r: build_network_actor_row(r, lang))
        names = {a["iri"]: name_of(a, lang) for a in result["actors"]}
        return more_rows(result["edges"], TABLE_ROWS, clicks, lambda e: build_network_edge_row(e, names))

    register_more(app, ids.NET_MORE, ids.NET_META, rows_for)


def register_gaps(app, ctx) -> None:
    """Page opened → the coverage matrix and the gap lists; "Visa fler" of the lists."""

    @app.callback(Output(ids.GAPS_BODY, "children"), Input(ids.GAPS_META, "data"))
    def show(meta):
        try:
            return build_gaps_view(gaps(ctx.store), meta["lang"])
        except FardplanError as exc:
            return _error(exc)

    def rows_for(table: str, of: str, meta: dict, clicks: int):
        lang = meta["lang"]
        return more_rows(gaps(ctx.store)[GAP_LISTS[table]], TABLE_ROWS, clicks,
                         lambda x: build_gap_row(table, x, lang))

    register_more(app, ids.GAPS_MORE, ids.GAPS_META, rows_for)
