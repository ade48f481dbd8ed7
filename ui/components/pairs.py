"""Builders of the two-actors page (/tva-aktorer): what two actors share, the shortest connections between
them step by step, and the actor pickers fed as the user types."""

from __future__ import annotations

from dash import html

from graph.errors import FardplanError
from graph.service.planner import HEAVY_ROWS, connections, shared_between
from graph.vocab.phrasing import name_of, path_text, short_name
from graph.vocab.text import fold
from ui import ids
from ui.components.common import build_mode
from ui.components.errors import failed_part
from ui.components.planner import (
    build_entity,
    build_graph,
    build_kind_legend,
    build_message,
    build_paged_table,
    build_passage,
    build_row,
    build_sparql,
    build_table,
)
from ui.components.strategy import build_actor_route, build_routes
from ui.elements.planner import (
    PATH_STYLESHEET,
    paths_elements,
)
from ui.i18n import kind_name, t

__all__ = ["ACTOR_OPTIONS", "actor_matches", "build_actor_options", "build_paths_body", "build_paths_table",
           "build_paths_view", "build_project_row", "build_shared_body", "build_shared_strategy_row",
           "build_shared_view", "pair_note"]


# ---------------------------------------------------------------- two actors


def build_actor_options(actors: list[dict], lang: str) -> list[dict]:
    """Dropdown options for ``[{"iri", "label", "label_en"}]``."""
    return [{"label": name_of(a, lang), "value": a["iri"]} for a in actors]


ACTOR_OPTIONS = 50  # options an actor dropdown holds at once (the browser indexes every option it is given)


def actor_matches(actors: list[dict], search: str | None, lang: str, chosen: tuple[str | None, ...] = (),
                  limit: int = ACTOR_OPTIONS) -> list[dict]:
    """The actors whose name contains ``search`` (case- and diacritic-insensitively; those starting with it
    first), at most ``limit``, and the ``chosen`` ones always (so a picked value keeps its label).

    Sent to the dropdown as its options while the user types: Dash 4's dropdown builds a search index of every
    option when it is drawn (4 s for the 593 actors of the 100k-triple city), so it gets a few at a time.
    """
    key = fold(search or "")
    hits = [a for a in actors if key in fold(name_of(a, lang))]
    hits.sort(key=lambda a: (not fold(name_of(a, lang)).startswith(key), fold(name_of(a, lang))))
    out = hits[:limit]
    out += [a for a in actors if a["iri"] in chosen and a not in out]
    return out


def build_shared_view(result: dict, lang: str) -> list:
    """What two actors share (:func:`graph.service.planner.shared_between`): weight, projects, strategies with
    routes."""
    a, b = result["actors"]
    head = html.Header([html.H2([name_of(a, lang), " & ", name_of(b, lang)]),
                        html.P(t("pl_weight", lang, **result["counts"]), className="lead")], className="pl-heading")
    if not result["projects"] and not result["strategies"]:
        return [head, build_message(t("pl_nothing_shared", lang)), build_sparql(result["queries"], lang)]
    body: list = [head]
    pair = " ".join(x["iri"] for x in result["actors"])
    if result["projects"]:
        body.append(build_paged_table(ids.TA_MORE, "projects", pair, t("pl_shared_projects", lang),
                                      [kind_name("project", lang).capitalize()], result["projects"],
                                      lambda p: build_project_row(p, lang), lang))
    if result["strategies"]:
        body.append(build_paged_table(ids.TA_MORE, "strategies", pair, t("pl_shared_strategies", lang),
                                      [t("pl_strategy", lang), t("pl_routes", lang)], result["strategies"],
                                      lambda x: build_shared_strategy_row(pair, x, lang), lang, size=HEAVY_ROWS))
    return [*body, build_sparql(result["queries"], lang)]


def build_project_row(project: dict, lang: str) -> html.Tr:
    """A shared project."""
    return build_row([build_entity(project, lang)], project["iri"])


def build_shared_strategy_row(pair: str, strategy: dict, lang: str) -> html.Tr:
    """A shared strategy and each actor's routes to it (paged)."""
    routes = build_routes(ids.TA_MORE, f"{pair} {strategy['iri']}", strategy["routes"], lang, build_actor_route,
                          t("pl_routes_of", lang, name=short_name(strategy, lang)))
    return build_row([build_entity(strategy, lang), html.Div(routes)], strategy["iri"])


def build_paths_table(result: dict, lang: str) -> html.Div:
    """Each shortest connection as a table of steps: from, relation, to, stated/interpreted, source."""
    tables = []
    for i, path in enumerate(result["paths"], start=1):
        rows = [[str(j), short_name(s["from"], lang), name_of(s["relation"], lang)
                 + (" ←" if s["direction"] == "inverse" else " →"), short_name(s["to"], lang),
                 build_mode(s["mode"], lang), build_passage(s["passage"], lang)]
                for j, s in enumerate(path["steps"], start=1)]
        tables.append(build_table(f"{t('pl_path', lang, i=i)}: {path_text(path['steps'], lang)}",
                                  [t("pl_step", lang), t("pl_from", lang), t("relation", lang), t("pl_to", lang),
                                   t("pl_mode", lang), t("source", lang)], rows, class_name="pl-table pl-steps"))
    return html.Div(tables)


def build_paths_view(result: dict, lang: str) -> list:
    """The shortest connections (:func:`graph.service.planner.connections`) drawn and listed as readable steps."""
    if not result["paths"]:
        return [build_message(t("pl_no_connection", lang)), build_sparql(result["queries"], lang)]
    title = t("pl_connections", lang, n=result["length"])
    lines = html.Ul([html.Li(path_text(p["steps"], lang), className="path-line") for p in result["paths"]],
                    className="path-lines")
    graph = build_graph(ids.TA_GRAPH, paths_elements(result, lang), PATH_STYLESHEET,
                        t("pl_graph_label", lang, what=title), lang, height="460px")
    return [html.H3(title), lines, graph, build_kind_legend(["strategy", "project", "organisation"], lang),
            build_paths_table(result, lang), build_sparql(result["queries"], lang)]


def pair_note(a: str | None, b: str | None, lang: str) -> str | None:
    """Why the pair cannot be compared yet, or None."""
    if not a or not b:
        return t("pl_choose_actors", lang)
    return t("pl_same_actor", lang) if a == b else None


def build_shared_body(ctx, a: str | None, b: str | None, lang: str) -> tuple[object, str | None]:
    """What the pair shares (or why it cannot be compared), and the pair it shows ("A B"; None: nothing yet).
    Drawn with the page for a link or a saved view; the callback answers only a new choice."""
    note = pair_note(a, b, lang)
    if note:
        return build_message(note), None
    try:
        return build_shared_view(shared_between(ctx.store, a, b), lang), f"{a} {b}"
    except FardplanError as exc:
        return build_message(str(exc), "error"), None
    except Exception as exc:  # noqa: BLE001 - the page still works (the pickers), and says what failed
        return failed_part(exc, "what the two actors share", lang), None


def build_paths_body(ctx, a: str | None, b: str | None, lang: str) -> tuple[object, str | None]:
    """The pair's shortest connections, and the pair they are of (as :func:`build_shared_body`)."""
    if pair_note(a, b, lang):
        return [], None
    try:
        return build_paths_view(connections(ctx.store, a, b), lang), f"{a} {b}"
    except FardplanError as exc:
        return build_message(str(exc), "error"), None
    except Exception as exc:  # noqa: BLE001 - as above
        return failed_part(exc, "the connections of the two actors", lang), None
