"""Builders of the strategy page (/strategi): who works on a strategy, directly or through which project, a
page at a time, and the graph within the element budget."""

from __future__ import annotations

from dash import html

from graph.errors import FardplanError
from graph.service.planner import HEAVY_ROWS, ROUTES_SHOWN, actors_for_strategy, graph_actors, paged
from graph.vocab.phrasing import name_of, short_name
from ui import ids
from ui.components.errors import failed_part
from ui.components.planner import (
    build_entity,
    build_graph,
    build_heading,
    build_kind_legend,
    build_message,
    build_more,
    build_paged_table,
    build_row,
    build_sparql,
    build_step,
    more_id,
)
from ui.elements.planner import (
    STRATEGY_STYLESHEET,
    strategy_elements,
)
from ui.i18n import number, t

__all__ = ["build_actor_route", "build_actor_row", "build_actors_table", "build_route", "build_routes",
           "build_strategy_body", "build_strategy_options", "build_strategy_view"]


# ---------------------------------------------------------------- strategy → actors


def build_strategy_options(strategies: list[dict], lang: str) -> list[dict]:
    """Dropdown options ``DT.VI – Främja trygghet …`` for ``[{"iri", "notation", "label", "label_en"}]``."""
    return [{"label": f"{s['notation']} – {name_of(s, lang)}", "value": s["iri"]} for s in strategies]


def _how(actor: dict, lang: str) -> list:
    parts: list = [html.Strong(t("pl_direct", lang))] if actor["direct"] else []
    if actor["projects"]:
        parts.append(html.Span(f"{t('pl_via', lang)} ", className="muted"))
        parts.append(html.Ul([html.Li(build_entity(p, lang)) for p in actor["projects"]], className="pl-inline"))
    return parts


def build_route(route: dict, lang: str) -> html.Li:
    """One route, step by step, each step with its source."""
    return html.Li(html.Ul([build_step(s, lang) for s in route["steps"]], className="steps"), className="route")


def build_actor_route(route: dict, lang: str) -> html.Li:
    """One route of a shared strategy: whose it is, then its steps."""
    return html.Li([html.Strong(name_of(route["actor"], lang)), ": ",
                    html.Ul([build_step(x, lang) for x in route["steps"]], className="steps")], className="route")


def build_routes(kind: str, of: str, routes: list[dict], lang: str, item=build_route, what: str = "") -> list:
    """The first :data:`~graph.service.planner.ROUTES_SHOWN` routes as a numbered list and, when there are more, their
    "Visa fler" control."""
    page = paged(routes, ROUTES_SHOWN)
    rows_id = {"id": more_id(kind, "routes", of, ids.ROWS)} if page["shown"] < page["total"] else {}
    return [html.Ol([item(r, lang) for r in page["items"]], className="routes", **rows_id),
            build_more(kind, "routes", of, page, lang, what)]


def build_actor_row(result: dict, actor: dict, lang: str, types: dict[str, str]) -> html.Tr:
    """One actor of :func:`graph.service.planner.actors_for_strategy`: name, type, how, its routes (paged)."""
    of = f"{result['strategy']['iri']} {actor['iri']}"
    routes = build_routes(ids.SA_MORE, of, actor["routes"], lang,
                          what=t("pl_routes_of", lang, name=name_of(actor, lang)))
    return build_row([build_entity(actor, lang), types.get(actor["iri"], ""), html.Div(_how(actor, lang)),
                      html.Div(routes)], actor["iri"])


def build_actors_table(result: dict, lang: str, types: dict[str, str]) -> html.Table:
    """Actor, organisation type, directly or via which projects, and every route step by step with its source;
    :data:`~graph.service.planner.HEAVY_ROWS` actors at a time."""
    caption = t("pl_actors_caption", lang, strategy=short_name(result["strategy"], lang))
    return build_paged_table(ids.SA_MORE, "actors", result["strategy"]["iri"], caption,
                             [t("pl_actor", lang), t("pl_type", lang), t("pl_how", lang), t("pl_routes", lang)],
                             result["actors"], lambda a: build_actor_row(result, a, lang, types), lang,
                             size=HEAVY_ROWS)


def build_strategy_view(result: dict, lang: str, types: dict[str, str], max_elements: int = 400) -> list:
    """The strategy page's body for :func:`graph.service.planner.actors_for_strategy`; the graph holds the actors
    that fit in ``max_elements`` (:func:`graph.service.planner.graph_actors`), the table all of them, a page at a
    time."""
    actors = result["actors"]
    direct = sum(bool(a["direct"]) for a in actors)
    via = sum(not a["direct"] and bool(a["projects"]) for a in actors)  # each actor counted once: the parts add up
    goals = ", ".join(short_name(g, lang) + " " + name_of(g, lang) for g in result["goal_areas"])
    summary = t("pl_actor_split", lang, n=len(actors), direct=direct, via=via) if actors else t("pl_no_actors", lang)
    drawn = graph_actors(result, max_elements)
    cut = [html.P(t("pl_graph_cut", lang, shown=number(len(drawn), lang), total=number(len(actors), lang),
                    max=max_elements), className="muted pl-graph-cut")] if len(drawn) < len(actors) else []
    head = build_heading(result["strategy"], lang, [html.P(goals, className="muted"), html.P(summary, className="lead"),
                                               *cut])
    if not actors:
        return [head, build_sparql(result["queries"], lang)]
    graph = build_graph(ids.SA_GRAPH, strategy_elements({**result, "actors": drawn}, lang), STRATEGY_STYLESHEET,
                        t("pl_graph_label", lang, what=summary), lang,
                        twin=False)  # the page holds the twin, outside the body's tables of actors
    return [head, html.Div([html.Div(build_actors_table(result, lang, types), className="pl-table-box"),
                            html.Div([graph, build_kind_legend(["strategy", "project", "organisation"], lang)],
                                     className="pl-graph-box")], className="pl-split"),
            build_sparql(result["queries"], lang)]


def build_strategy_body(ctx, strategy: str | None, lang: str, types: dict[str, str]) -> tuple[object, str | None]:
    """The page's body for ``strategy`` (its actors, graph and table; or the hint to choose one) and the strategy
    it shows. Drawn with the page, a link or a saved view shows its answer without a second round trip; the
    callback answers only a new choice. None as the second value: nothing shown yet (the callback tries)."""
    if not strategy:
        return build_message(t("pl_choose_strategy", lang)), None
    try:
        return build_strategy_view(actors_for_strategy(ctx.store, strategy), lang, types,
                                   ctx.settings.max_elements), strategy
    except FardplanError as exc:
        return build_message(str(exc), "error"), None
    except Exception as exc:  # noqa: BLE001 - the page still works (the picker), and says what failed
        return failed_part(exc, "the strategy's actors", lang), None
