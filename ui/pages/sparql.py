"""Fråga (``/fraga``): a SPARQL editor (CodeMirror 6, ``assets/sparql-editor.js``) with the canned queries as
examples; the answer as a sortable table with CSV/JSON downloads, a yes/no, or a small graph for CONSTRUCT and
DESCRIBE. The query lives in the URL (``?query=…``): opening such a link fills the editor and runs it.

The builders here turn the plain data of :func:`graph.service.sparql.run_query` into components.
"""

from __future__ import annotations

import warnings

import dash_cytoscape as cyto
from dash import dash_table, dcc, html

from graph.service.sparql import examples, starter_text
from graph.vocab.namespaces import curie
from ui import ids
from ui.components.table import build_twin, graph_attrs
from ui.i18n import t

PATH = "/fraga"
TITLE = {"sv": "SPARQL", "en": "SPARQL"}
PAGE_SIZE = 100
FONT = 'Inter, "Segoe UI", Roboto, Arial, sans-serif'

GRAPH_STYLE = [
    {"selector": "node", "style": {"label": "data(label)", "font-size": 11, "text-wrap": "ellipsis",
                                   "text-max-width": 160, "text-valign": "bottom", "text-margin-y": 4,
                                   "background-color": "#1f78b4", "width": 22, "height": 22, "color": "#111827"}},
    {"selector": "node.literal", "style": {"shape": "round-rectangle", "background-color": "#fde68a",
                                           "border-width": 1, "border-color": "#b45309", "width": 16, "height": 12}},
    {"selector": "node.bnode", "style": {"background-color": "#9ca3af"}},
    {"selector": "edge", "style": {"label": "data(label)", "font-size": 9, "color": "#4b5563", "width": 1.5,
                                   "curve-style": "bezier", "target-arrow-shape": "triangle",
                                   "line-color": "#94a3b8", "target-arrow-color": "#94a3b8",
                                   "text-rotation": "autorotate", "text-background-color": "#fff",
                                   "text-background-opacity": 0.8}},
]


def _example_options(lang: str) -> list[dict]:
    """Dropdown options; a title that two queries share gets the query's name to tell them apart."""
    items = examples(lang)
    titles = [e["title"] for e in items]
    return [{"label": e["title"] if titles.count(e["title"]) == 1 else f"{e['title']} ({e['name']})",
             "value": e["name"]} for e in sorted(items, key=lambda e: e["title"].casefold())]


def layout(ctx, lang: str = "sv", query: str | None = None, **_query) -> html.Div:
    """The page; ``query`` (from ``?query=``) fills the editor and is run on load."""
    text = query if query and query.strip() else starter_text()
    downloads = [html.Button(label, id=id_, className="button", disabled=True)
                 for label, id_ in (("CSV", ids.SQ_CSV), ("JSON", ids.SQ_JSON), ("Turtle", ids.SQ_TTL))]
    return html.Div(className="sq-page", children=[
        dcc.Store(id=ids.SQ_TEXT, data=text),
        dcc.Store(id=ids.SQ_AUTORUN, data={"run": bool(query and query.strip()), "lang": lang}),
        dcc.Store(id=ids.SQ_RAN), dcc.Store(id=ids.SQ_ERROR_POS), dcc.Store(id=ids.SQ_SYNCED),
        dcc.Store(id=ids.SQ_MARKED), dcc.Download(id=ids.SQ_DOWNLOAD),
        html.H1("SPARQL"),
        html.P(t("sq_intro", lang), className="lead"),
        html.Div(className="sq-examples", children=[
            html.Label(t("sq_examples", lang), htmlFor=ids.SQ_EXAMPLE, className="pl-label"),
            dcc.Dropdown(id=ids.SQ_EXAMPLE, options=_example_options(lang), placeholder=t("sq_pick_example", lang),
                         clearable=False, searchable=True, className="sq-dropdown"),
            html.P(id=ids.SQ_EXAMPLE_INFO, className="sq-example-info muted"),
        ]),
        html.Div(id=ids.SQ_EDITOR, className="sparql-editor-mount sq-editor",
                 **{"data-store": ids.SQ_TEXT, "data-run": ids.SQ_RUN, "data-label": t("sq_editor_label", lang)}),
        html.Div(className="sq-actions", children=[
            html.Button(t("sq_run", lang), id=ids.SQ_RUN, className="button primary sq-run-button"),
            html.Span(t("sq_run_hint", lang), className="muted sq-hint"),
            html.Span(id=ids.SQ_STATUS, className="sq-status", role="status"),
            html.Span([html.Span(t("sq_download", lang) + ":", className="muted"), *downloads],
                      className="sq-downloads"),
        ]),
        html.Div(id=ids.SQ_ERROR, role="alert"),
        html.Div(html.P(t("sq_not_run", lang), className="muted"), id=ids.SQ_RESULT, className="sq-result"),
    ])


def _show(cell: dict | None) -> str:
    """A cell as text: IRIs shortened to CURIEs, literals as their value, unbound empty."""
    if cell is None:
        return ""
    if cell["type"] == "uri":
        return curie(cell["value"])
    if cell["type"] == "bnode":
        return "_:" + cell["value"]
    return cell["value"]


def build_table(columns: list[str], rows: list[list], lang: str, table_id: str = ids.SQ_TABLE) -> dash_table.DataTable:
    """A sortable, filterable, paged table of ``rows`` (cells of :func:`graph.service.sparql.run_query`)."""
    data = [{str(i): _show(cell) for i, cell in enumerate(row)} for row in rows]
    with warnings.catch_warnings():  # DataTable is deprecated in Dash 4 in favour of dash-ag-grid (not installed)
        warnings.simplefilter("ignore", DeprecationWarning)
        return dash_table.DataTable(
            id=table_id, columns=[{"name": name, "id": str(i)} for i, name in enumerate(columns)], data=data,
            sort_action="native", filter_action="native", page_action="native", page_size=PAGE_SIZE,
            filter_options={"placeholder_text": t("sq_filter", lang), "case": "insensitive"},
            style_table={"overflowX": "auto"}, style_as_list_view=True,
            style_header={"fontWeight": 700, "backgroundColor": "#f1f5f9", "borderBottom": "2px solid #94a3b8"},
            style_filter={"fontFamily": FONT},
            style_cell={"textAlign": "left", "padding": "6px 10px", "fontFamily": FONT, "fontSize": "0.95rem",
                        "whiteSpace": "normal", "height": "auto", "maxWidth": 520},
            style_data_conditional=[{"if": {"row_index": "odd"}, "backgroundColor": "#f8fafc"}])


def to_elements(triples: list[dict], labels: dict[str, str]) -> list[dict]:
    """Cytoscape elements for ``triples``: IRIs and blank nodes once each, every literal its own node."""
    nodes: dict[str, dict] = {}
    edges = []
    for i, triple in enumerate(triples):
        ends = []
        for cell in (triple["s"], triple["o"]):
            if cell["type"] == "literal":
                node_id = f"literal:{i}"
                label = _show(cell)
                label = label if len(label) <= 40 else label[:39] + "…"
            else:
                node_id = cell["value"]
                label = labels.get(node_id) or _show(cell)
            nodes.setdefault(node_id, {"data": {"id": node_id, "label": label, "iri": cell["value"]},
                                       "classes": "literal" if cell["type"] == "literal" else cell["type"]})
            ends.append(node_id)
        edges.append({"data": {"id": f"edge:{i}", "source": ends[0], "target": ends[1],
                               "label": curie(triple["p"]["value"])}})
    return list(nodes.values()) + edges


def build_answer(result: dict, lang: str) -> list:
    """The answer part of the page: a table, a yes/no, or a graph with its triples as a table."""
    if result["kind"] == "ask":
        return [html.P(t("sq_true" if result["boolean"] else "sq_false", lang),
                       className=f"sq-boolean {'yes' if result['boolean'] else 'no'}")]
    if result["kind"] == "select":
        if not result["rows"]:
            return [html.P(t("sq_no_rows", lang), className="muted"),
                    build_table(result["columns"], [], lang)]
        return [build_table(result["columns"], result["rows"], lang)]
    triples = result["triples"]
    graph = cyto.Cytoscape(id=ids.SQ_GRAPH, elements=to_elements(triples, result["labels"]), stylesheet=GRAPH_STYLE,
                           layout={"name": "fcose", "animate": False, "nodeRepulsion": 6000, "idealEdgeLength": 90},
                           minZoom=0.2, maxZoom=3, boxSelectionEnabled=False, className="sq-graph",
                           style={"width": "100%", "height": "520px"})
    rows = [[tr["s"], tr["p"], tr["o"]] for tr in triples]
    graph = html.Div(graph, **graph_attrs(ids.SQ_GRAPH, lang))  # a11y: focusable canvas and its table twin
    return [graph, build_twin(ids.SQ_GRAPH, lang), build_table(["s", "p", "o"], rows, lang)]


def build_status(result: dict, settings, lang: str) -> list:
    """Rows or triples, time taken, and whether the answer was cut at a limit."""
    parts: list[tuple[str, str]] = []
    if result["kind"] == "select":
        n = len(result["rows"])
        parts.append((t("sq_one_row", lang) if n == 1 else t("sq_rows", lang, n=n), ""))
    elif result["kind"] == "graph":
        parts.append((t("sq_triples", lang, n=result["triple_count"]), ""))
    parts.append((t("sq_time", lang, ms=f"{result['elapsed_ms']:.0f}"), ""))
    if result["truncated"]:
        parts.append((t("sq_truncated", lang, max=settings.max_rows), " warn"))
    note = result.get("note")
    if note:
        parts.append((t("sq_graph_note", lang, shown=note["shown"], total=note["total"], max=note["max_elements"]),
                      " warn"))
    return [html.Span(text, className="sq-status-part" + extra) for text, extra in parts]


def build_error(error: dict, lang: str) -> html.Div:
    """An error: what kind, where (line and column when known) and the engine's message."""
    kind = error["kind"]
    heading = t(f"sq_err_{kind}", lang, line=error.get("line") or "?", column=error.get("column") or "?")
    if kind == "query" and error.get("line"):
        heading += f" ({error['line']}:{error.get('column') or '?'})"
    return html.Div(className="sq-error", children=[html.Strong(heading), html.Pre(error["message"])])


def register_callbacks(app, ctx) -> None:
    """The page's callbacks (:mod:`ui.callbacks.sparql`)."""
    from ui.callbacks.sparql import register

    register(app, ctx)
