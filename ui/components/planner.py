"""``build_*`` builders of the collaboration pages: planner results (plain dicts) in, Dash components out.

Every graph comes with a table of the same content (caption, ``th scope``), and every view with a "Visa SPARQL"
toggle holding the runnable text of the canned queries its result names (:func:`graph.service.planner.sparql_for`).
"""

from __future__ import annotations

from urllib.parse import quote

import dash_cytoscape as cyto
from dash import dcc, html

from graph.service.planner import HEAVY_ROWS, ROUTES_SHOWN, TABLE_ROWS, graph_actors, paged, sparql_for
from graph.vocab.namespaces import curie
from graph.vocab.phrasing import name_of, path_text, short_name, step_text
from graph.vocab.text import fold
from ui import ids
from ui.components.common import build_mode, build_swatch
from ui.components.table import build_twin, graph_attrs
from ui.elements.explore import KIND_STYLE
from ui.elements.planner import (
    NETWORK_STYLESHEET,
    PATH_STYLESHEET,
    PRESET,
    STRATEGY_STYLESHEET,
    community_style,
    kind_of,
    network_elements,
    paths_elements,
    strategy_elements,
)
from ui.i18n import kind_name, number, t

# ---------------------------------------------------------------- choices (from the explorer index)

ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50}


def roman_value(numeral: str) -> int:
    """``"VI"`` → 6 (strategy notations count in roman numerals; 0 when not one)."""
    values = [ROMAN.get(c, 0) for c in numeral.upper()]
    if not values or 0 in values:
        return 0
    return sum(-v if v < w else v for v, w in zip(values, [*values[1:], 0], strict=True))


def notation_key(notation: str) -> tuple[str, int, str]:
    """Sort ``DT.IX`` after ``DT.V``: goal-area code, then the roman numeral."""
    code, _, numeral = notation.partition(".")
    return code, roman_value(numeral), notation


def choices(index, kind: str) -> list[dict]:
    """``[{"iri", "notation", "label", "label_en"}]`` of the explorer index's nodes of ``kind`` (by notation, label)."""
    out = [{"iri": n.iri, "notation": n.notation, "label": n.labels.get("sv") or next(iter(n.labels.values()), n.iri),
            "label_en": n.labels.get("en") or n.labels.get("sv") or n.iri, "type": kind}
           for n in index.nodes.values() if n.kind == kind]
    return sorted(out, key=lambda c: (notation_key(c["notation"]), c["label"].casefold()))


def actor_types(index, lang: str) -> dict[str, str]:
    """``{organisation IRI: its most specific class's label in lang}`` (e.g. förvaltning, kommunalt bolag)."""
    out = {}
    for n in index.nodes.values():
        if n.kind == "organisation":
            labels = index.vocab.get(n.cls, {})
            label = labels.get(lang) or labels.get("sv") or kind_name("organisation", lang)
            out[n.iri] = label[:1].upper() + label[1:]
    return out


# ---------------------------------------------------------------- small pieces


def build_message(text: str, kind: str = "muted") -> html.P:
    """A one-line note (``muted``) or error (``error``)."""
    return html.P(text, className=kind, role="alert" if kind == "error" else None)


def build_row(cells: list, row_id: str | None = None) -> html.Tr:
    """A table row: its first cell a row header; ``row_id`` becomes its ``data-iri``."""
    return html.Tr([html.Th(cells[0], scope="row"), *(html.Td(c) for c in cells[1:])],
                   **({"data-iri": row_id} if row_id else {}))


def build_table(caption: str, headers: list[str], rows: list[list], class_name: str = "pl-table",
                row_ids: list[str] | None = None, body_id: dict | None = None) -> html.Table:
    """An accessible table: a caption, column headers with ``scope="col"``, the first cell of a row a row header;
    ``row_ids`` become ``data-iri`` attributes of the rows; ``body_id`` is the id of its body (where "Visa fler"
    adds rows)."""
    head = html.Thead(html.Tr([html.Th(h, scope="col") for h in headers]))
    body = [build_row(row, row_ids[i] if row_ids else None) for i, row in enumerate(rows)]
    return html.Table([html.Caption(caption), head, html.Tbody(body, **({"id": body_id} if body_id else {}))],
                      className=class_name)


# ---------------------------------------------------------------- paging ("Visa fler")


def more_id(kind: str, table: str, of: str, part: str = "") -> dict:
    """The pattern-matching id of a paged list's button (``part`` ``""``), rows (``ids.ROWS``) or count
    (``ids.STATUS_PART``); ``kind`` is the page's type (``ids.SA_MORE``…), ``of`` what the list is of."""
    return {"type": kind + part, "table": table, "of": of}


def showing_text(page: dict, lang: str) -> str:
    """``Visar 50 av 1 234``."""
    return t("pl_showing", lang, shown=number(page["shown"], lang), total=number(page["total"], lang))


def build_more(kind: str, table: str, of: str, page: dict, lang: str, what: str = "") -> html.Div | None:
    """Under a paged list: how many are shown of how many (a polite live region, so the new count is read out)
    and a real "Visa fler" button (Tab, Enter and Space work); None when the list is shown whole."""
    if page["shown"] >= page["total"]:
        return None
    label = {"aria-label": t("pl_show_more_label", lang, what=what)} if what else {}
    return html.Div([html.Span(showing_text(page, lang), id=more_id(kind, table, of, ids.STATUS_PART),
                               className="pl-more-status", **{"aria-live": "polite"}),
                     html.Button(t("pl_show_more", lang), id=more_id(kind, table, of), n_clicks=0, type="button",
                                 className="pl-more", **label)], className="pl-more-box")


def build_paged_table(kind: str, table: str, of: str, caption: str, headers: list[str], items: list, row,
                      lang: str, size: int = TABLE_ROWS, class_name: str = "pl-table") -> html.Table:
    """A table of the first ``size`` of ``items`` (``row(item)`` → a ``<tr>``) and, when there are more, its
    "Visa fler" control in the table's footer."""
    page = paged(items, size)
    head = html.Thead(html.Tr([html.Th(h, scope="col") for h in headers]))
    more = build_more(kind, table, of, page, lang, caption)
    body = html.Tbody([row(x) for x in page["items"]], **({"id": more_id(kind, table, of, ids.ROWS)} if more else {}))
    foot = [html.Tfoot(html.Tr(html.Td(more, colSpan=len(headers))))] if more else []
    return html.Table([html.Caption(caption), head, body, *foot], className=class_name)


def more_rows(items: list, size: int, clicks: int, row) -> tuple[list, dict]:
    """The rows "Visa fler" adds after ``clicks`` clicks (page ``clicks + 1`` of ``size``), and the new page."""
    page = paged(items, size * (clicks + 1), start=size * clicks)
    return [row(x) for x in page["items"]], page


def explorer_href(iri: str, lang: str) -> str:
    """The explorer focused on ``iri``."""
    return f"/?focus={curie(iri)}" + ("&lang=en" if lang == "en" else "")


def build_entity(entity: dict, lang: str) -> dcc.Link:
    """An entity's swatch and name, linking to it in the explorer."""
    name = name_of(entity, lang)
    shown = f"{entity['notation']} {name}" if entity.get("type") == "strategy" and entity.get("notation") else name
    return dcc.Link([build_swatch(kind_of(entity)), shown], href=explorer_href(entity["iri"], lang),
                    className="pl-entity", title=t("pl_open_in_explorer", lang))


def build_sparql(queries: list[dict], lang: str) -> html.Details:
    """The "Visa SPARQL" toggle: each named query with its parameters written in, runnable as it stands."""
    blocks = []
    for q in queries:
        text = sparql_for(q["name"], **q["params"])
        blocks += [html.H4([f"{q['name']}.rq ", html.A(t("pl_run_sparql", lang), href="/sparql?query=" + quote(text),
                                                        target="_blank", className="sparql-run")],
                           className="sparql-name"),
                   html.Pre(html.Code(text), className="sparql-text")]
    return html.Details([html.Summary(t("pl_show_sparql", lang), className="sparql-summary"),
                         html.P(t("pl_sparql_note", lang), className="muted"), *blocks], className="sparql-toggle")


def build_passage(passage: dict | None, lang: str) -> html.Figure | html.P:
    """A step's source passage as the raw quote with its character offsets, and beside it the restored reading
    (å, ä, ö put back; marked as such) when it differs."""
    if not passage or not passage.get("text"):
        return html.P(t("no_source", lang), className="muted")
    where = t("chars", lang, start=passage["start"], end=passage["end"])
    parts = [html.Blockquote(passage["text"], className="quote-text", lang="sv")]
    restored = passage.get("restored")
    if restored and restored != passage["text"]:
        parts.append(html.P([html.Span(f"{t('restored_reading', lang)}: ", className="quote-label"),
                             html.Span(restored, lang="sv")], className="quote-restored"))
    parts.append(html.Figcaption(f"{t('source', lang)}: {where}", className="quote-source"))
    return html.Figure(parts, className="quote")


def build_step(step: dict, lang: str) -> html.Li:
    """One step: the readable relation, stated or interpreted, and its quote on demand."""
    return html.Li([html.Span(step_text(step, lang), className="step-text"), " ", build_mode(step["mode"], lang),
                    html.Details([html.Summary(t("pl_show_source", lang)), build_passage(step["passage"], lang)],
                                 className="relation-prov")], className="step")


def build_graph(graph_id: str, elements: list[dict], stylesheet: list[dict], label: str, lang: str = "sv",
                height: str = "560px", twin: bool = True) -> html.Div:
    """A cytoscape graph on preset positions, focusable and labelled for screen readers (arrow keys move between
    neighbours), followed by its table twin (:mod:`ui.components.table`) unless the page places it (``twin``)."""
    attrs = graph_attrs(graph_id, lang)
    attrs["aria-label"] = f"{label}. {attrs['aria-label']}"
    graph = html.Div(cyto.Cytoscape(id=graph_id, elements=elements, stylesheet=stylesheet, layout=PRESET,
                                    minZoom=0.2, maxZoom=3, boxSelectionEnabled=False, userZoomingEnabled=True,
                                    style={"width": "100%", "height": height}), className="pl-graph", **attrs)
    return html.Div([graph, build_twin(graph_id, lang) if twin else None], className="pl-graph-with-twin")


def build_kind_legend(kinds: list[str], lang: str) -> html.Ul:
    """Swatches of the node kinds drawn, and the two edge styles."""
    rows = [html.Li([build_swatch(k), kind_name(k, lang, 2).capitalize()]) for k in kinds if k in KIND_STYLE]
    rows += [html.Li([html.Span(className="edge-swatch solid"), t("stated", lang)]),
             html.Li([html.Span(className="edge-swatch dashed"), t("interpreted", lang)])]
    return html.Ul(rows, className="legend pl-legend")


def _heading(entity: dict, lang: str, extra: list | None = None) -> html.Header:
    title = [html.Span(entity["notation"], className="notation")] if entity.get("notation") else []
    return html.Header([html.H2([*title, name_of(entity, lang)]), *(extra or [])], className="pl-heading")


def build_page(title: str, intro: str, controls: list, body_id: str, stores: list) -> html.Div:
    """A collaboration page: title, one-line intro, its controls, and the body its callback fills."""
    return html.Div([*stores, html.Header([html.H1(title), html.P(intro, className="lead")], className="pl-top"),
                     html.Div(controls, className="pl-controls"),
                     dcc.Loading(html.Div(id=body_id, className="pl-body"), type="dot", delay_show=300)],
                    className="planner")


def build_picker(label: str, picker) -> html.Label:
    """A labelled control (the label wraps it, so screen readers name it)."""
    return html.Label([html.Span(label, className="pl-label"), picker], className="pl-picker")


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
    head = _heading(result["strategy"], lang, [html.P(goals, className="muted"), html.P(summary, className="lead"),
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


# ---------------------------------------------------------------- gaps


def _notations(items: list[dict], lang: str) -> list:
    if not items:
        return [html.Span(t("pl_none", lang), className="muted")]
    return [html.Span(s["notation"] or name_of(s, lang), className="chip", title=name_of(s, lang)) for s in items]


def _share(part: int, whole: int) -> html.Span:
    pct = round(100 * part / whole) if whole else 0
    return html.Span([f"{part} / {whole}", html.Span(html.Span(style={"width": f"{pct}%"}), className="bar")],
                     className="share")


def build_coverage_table(coverage: list[dict], lang: str) -> html.Table:
    """The strategy × goal-area matrix: per goal area its strategies, those with projects and with actors, and
    which strategies lack projects or actors."""
    rows = [[html.Span([html.Span(g["notation"], className="notation"), name_of(g, lang)]), str(g["strategies"]),
             _share(g["with_projects"], g["strategies"]), _share(g["with_actors"], g["strategies"]),
             html.Div(_notations(g["without_projects"], lang)), html.Div(_notations(g["without_actors"], lang))]
            for g in coverage]
    total = {k: sum(g[k] for g in coverage) for k in ("strategies", "with_projects", "with_actors")}
    rows.append([html.Strong(t("pl_total", lang)), str(total["strategies"]),
                 _share(total["with_projects"], total["strategies"]), _share(total["with_actors"], total["strategies"]),
                 str(sum(len(g["without_projects"]) for g in coverage)),
                 str(sum(len(g["without_actors"]) for g in coverage))])
    headers = [t("pl_goal_area", lang), t("pl_strategies", lang), t("pl_with_projects", lang),
               t("pl_with_actors", lang), t("pl_without_projects", lang), t("pl_without_actors", lang)]
    return build_table(t("pl_coverage_caption", lang), headers, rows, class_name="pl-table coverage",
                       row_ids=[g["iri"] for g in coverage] + ["total"])


GAP_LISTS = {"without_projects": "strategies_without_projects", "without_actors": "strategies_without_actors",
             "single": "single_strategy_actors"}  # paged table → its list in graph.service.planner.gaps


def build_gap_row(table: str, item: dict, lang: str) -> html.Tr:
    """A row of a gap list: a strategy and its goal areas, or an actor and its one strategy."""
    if table == "single":
        return build_row([build_entity(item, lang), build_entity(item["strategy"], lang)], item["iri"])
    return build_row([build_entity(item, lang), ", ".join(short_name(g, lang) for g in item.get("goal_areas", []))],
                     item["iri"])


def _gap_table(table: str, caption: str, headers: list[str], items: list[dict], lang: str) -> html.Table | html.Section:
    if not items:
        return html.Section([html.H3(caption), build_message(t("pl_none", lang))])
    return build_paged_table(ids.GAPS_MORE, table, table, f"{caption} ({number(len(items), lang)})", headers,
                             items, lambda x: build_gap_row(table, x, lang), lang)


def build_gaps_view(result: dict, lang: str) -> list:
    """The gaps page (:func:`graph.service.planner.gaps`): the coverage matrix and three lists, a page at a time."""
    strategy_cols = [t("pl_strategy", lang), t("pl_goal_area", lang)]
    return [build_coverage_table(result["coverage"], lang),
            html.Div([_gap_table("without_projects", t("pl_without_projects", lang), strategy_cols,
                                 result[GAP_LISTS["without_projects"]], lang),
                      _gap_table("without_actors", t("pl_without_actors", lang), strategy_cols,
                                 result[GAP_LISTS["without_actors"]], lang),
                      _gap_table("single", t("pl_single_strategy", lang), [t("pl_actor", lang), t("pl_strategy", lang)],
                                 result[GAP_LISTS["single"]], lang)], className="pl-columns"),
            build_sparql(result["queries"], lang)]
