"""Shared pieces of the collaboration pages' builders: planner results (plain dicts) in, Dash components out.

Here: choices from the explorer index, tables and their paging ("Visa fler"), entities, passages, steps, graphs,
the page frame. Each page's own builders: :mod:`ui.components.strategy` (/strategi), :mod:`ui.components.pairs`
(/tva-aktorer), :mod:`ui.components.network` (/natverk), :mod:`ui.components.gaps` (/luckor).

Every graph comes with a table of the same content (caption, ``th scope``), and every view with a "Visa SPARQL"
toggle holding the runnable text of the canned queries its result names (:func:`graph.service.planner.sparql_for`).
"""

from __future__ import annotations

from urllib.parse import quote

import dash_cytoscape as cyto
from dash import dcc, html

from graph.service.planner import TABLE_ROWS, paged, sparql_for
from graph.vocab.namespaces import curie
from graph.vocab.notation import notation_key
from graph.vocab.phrasing import name_of, step_text
from ui import ids
from ui.components.common import build_mode, build_swatch
from ui.components.table import build_twin, graph_attrs
from ui.elements.explore import KIND_STYLE
from ui.elements.planner import (
    PRESET,
    kind_of,
)
from ui.i18n import kind_name, number, t

__all__ = ["actor_types", "build_heading", "build_entity", "build_graph", "build_kind_legend", "build_message",
           "build_more", "build_page", "build_paged_table", "build_passage", "build_picker", "build_row",
           "build_sparql", "build_step", "build_table", "choices", "explorer_href", "more_id", "more_rows",
           "showing_text"]

# ---------------------------------------------------------------- choices (from the explorer index)

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


def build_heading(entity: dict, lang: str, extra: list | None = None) -> html.Header:
    title = [html.Span(entity["notation"], className="notation")] if entity.get("notation") else []
    return html.Header([html.H2([*title, name_of(entity, lang)]), *(extra or [])], className="pl-heading")


def build_page(title: str, intro: str, controls: list, body_id: str, stores: list, body=None) -> html.Div:
    """A collaboration page: title, one-line intro, its controls, and the body its callback fills (or ``body``,
    drawn with the page)."""
    return html.Div([*stores, html.Header([html.H1(title), html.P(intro, className="lead")], className="pl-top"),
                     html.Div(controls, className="pl-controls"),
                     dcc.Loading(html.Div(body, id=body_id, className="pl-body"), type="dot", delay_show=300)],
                    className="planner")


def build_picker(label: str, picker) -> html.Label:
    """A labelled control (the label wraps it, so screen readers name it)."""
    return html.Label([html.Span(label, className="pl-label"), picker], className="pl-picker")
