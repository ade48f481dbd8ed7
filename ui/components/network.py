"""Builders of the collaboration network page (/natverk): the graph, its status line, the community legend
and the ranked tables."""

from __future__ import annotations

from dash import html

from graph.vocab.phrasing import name_of
from ui import ids
from ui.components.planner import build_entity, build_graph, build_paged_table, build_row, build_sparql
from ui.elements.planner import (
    NETWORK_STYLESHEET,
    community_style,
    network_elements,
)
from ui.i18n import number, t

__all__ = ["MEMBERS_NAMED", "build_community_legend", "build_network_actor_row", "build_network_edge_row",
           "build_network_status", "build_network_tables", "build_network_view", "ranked_actors"]


# ---------------------------------------------------------------- network


def build_network_status(result: dict, lang: str) -> str:
    """How much of the network is drawn."""
    shown = {"actors": len(result["actors"]), "edges": len(result["edges"])}
    text = t("pl_network_status", lang, actors=shown["actors"], edges=shown["edges"],
             communities=len(result["communities"]))
    if shown != result["total"]:
        text += " · " + t("pl_network_cut", lang, actors=shown["actors"], total_actors=result["total"]["actors"],
                          edges=shown["edges"], total_edges=result["total"]["edges"])
    return text


MEMBERS_NAMED = 12  # names listed per community in the legend; the rest counted


def build_community_legend(result: dict, lang: str) -> html.Ul:
    """One row per community: its colour and shape, and its first members by name (the rest counted)."""
    rows = []
    for c in result["communities"]:
        color, shape = community_style(c["index"])
        names = ", ".join(name_of(m, lang) for m in c["members"][:MEMBERS_NAMED])
        rest = len(c["members"]) - MEMBERS_NAMED
        rows.append(html.Li([html.Span(className=f"swatch shape-{shape}", style={"backgroundColor": color}),
                             html.Strong(f"{t('pl_community', lang)} {c['index'] + 1}: "),
                             names + (" " + t("pl_and_more", lang, n=number(rest, lang)) if rest > 0 else "")]))
    return html.Ul(rows, className="legend pl-legend")


def ranked_actors(result: dict, measure: str, lang: str) -> list[tuple[int, dict]]:
    """The network's actors ranked by ``measure`` (then name), with their rank."""
    return list(enumerate(sorted(result["actors"], key=lambda a: (-a[measure], name_of(a, lang).casefold())), 1))


def build_network_actor_row(ranked: tuple[int, dict], lang: str) -> html.Tr:
    """An actor of the network: name, rank, weighted degree, betweenness, community."""
    i, a = ranked
    return build_row([build_entity(a, lang), str(i), str(a["weighted_degree"]), f"{a['betweenness']:.3f}",
                      "" if a["community"] is None else str(a["community"] + 1)], a["iri"])


def build_network_edge_row(edge: dict, names: dict[str, str]) -> html.Tr:
    """A collaboration link: its two actors and its weight."""
    return build_row([names[edge["source"]], names[edge["target"]], str(edge["weight"])])


def build_network_tables(result: dict, measure: str, lang: str) -> html.Div:
    """The network as two tables: actors ranked by ``measure``, and the links by weight, a page at a time."""
    names = {a["iri"]: name_of(a, lang) for a in result["actors"]}
    return html.Div([
        build_paged_table(ids.NET_MORE, "actors", measure, t("pl_network_nodes_caption", lang),
                          [t("pl_actor", lang), t("pl_rank", lang), t("pl_degree_col", lang),
                           t("pl_between_col", lang), t("pl_community", lang)],
                          ranked_actors(result, measure, lang), lambda r: build_network_actor_row(r, lang), lang),
        build_paged_table(ids.NET_MORE, "edges", measure, t("pl_network_edges_caption", lang),
                          [t("pl_actor_a", lang), t("pl_actor_b", lang), t("pl_weight_col", lang)],
                          result["edges"], lambda e: build_network_edge_row(e, names), lang),
    ], className="pl-tables")


def build_network_view(result: dict, measure: str, lang: str) -> list:
    """The collaboration network (:func:`graph.service.planner.network`): graph, communities, tables, SPARQL."""
    status = build_network_status(result, lang)
    graph = build_graph(ids.NET_GRAPH, network_elements(result, measure, lang), NETWORK_STYLESHEET,
                        t("pl_graph_label", lang, what=status), lang, height="620px")
    return [html.P(status, className="lead"),
            html.Div([graph, html.Div([html.H2(t("pl_community", lang)), build_community_legend(result, lang)],
                                      className="pl-side")], className="pl-split wide-graph"),
            html.H2(t("pl_as_table", lang)), build_network_tables(result, measure, lang),
            build_sparql(result["queries"], lang)]
