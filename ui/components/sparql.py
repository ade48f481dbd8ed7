"""Builders of the SPARQL page (/fraga) that its layout and its callbacks share: the answer as a table, a yes/no
or a small graph, the status line and the error, from the plain data of :func:`graph.service.sparql.run_query`."""

from __future__ import annotations

import warnings

import dash_cytoscape as cyto
from dash import dash_table, html

from graph.vocab.namespaces import curie
from ui import ids
from ui.components.table import build_twin, graph_attrs
from ui.i18n import TEXT, t

__all__ = ["GRAPH_STYLE", "PAGE_SIZE", "build_answer", "build_download_error", "build_error", "build_status",
           "build_table", "to_elements"]

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
    kind = error["kind"] if f"sq_err_{error['kind']}" in TEXT else "store"  # any other error is the server's
    heading = t(f"sq_err_{kind}", lang, line=error.get("line") or "?", column=error.get("column") or "?")
    if kind == "query" and error.get("line"):
        heading += f" ({error['line']}:{error.get('column') or '?'})"
    return html.Div(className="sq-error", children=[html.Strong(heading), html.Pre(error["message"])])


def build_download_error(error: dict, lang: str) -> html.Div:
    """A download that failed (the query ran before, so the store or a limit failed it): heading and message."""
    return html.Div(className="sq-error", role="alert",
                    children=[html.Strong(t("sq_err_download", lang)), html.Pre(error["message"])])
