"""``build_*`` component builders: plain data in, Dash components out (tested by their props, no browser)."""

from __future__ import annotations

from urllib.parse import urlencode

from dash import dcc, html

from ui import ids, urls
from ui.elements.explore import KIND_STYLE
from ui.i18n import kind_name, number, t

__all__ = ["build_delete", "build_edge_details", "build_hits", "build_legend", "build_mode", "build_nav",
           "build_node_details", "build_quote", "build_relation_group", "build_relation_item", "build_status",
           "build_swatch"]


def build_nav(pages: list[dict], current: str, lang: str, toggle_href: str) -> html.Nav:
    """The top bar: title, one link per page (``{"path", "title"}``) and the language toggle."""
    links = [dcc.Link(p["title"][lang], href=f"{p['path']}?lang={lang}" if lang != "sv" else p["path"],
                      className="nav-link active" if p["path"] == current else "nav-link") for p in pages]
    return html.Nav(className="navbar", **{"aria-label": t("a11y_main_nav", lang), "data-page-lang": lang}, children=[
        html.Div([html.Span(t("app_title", lang), className="brand"),
                  html.Span(t("tagline", lang), className="tagline")], className="brand-box"),
        html.Div(links, className="nav-links"),
        dcc.Link(t("other_lang", lang), id=ids.LANG_TOGGLE, href=toggle_href, className="lang-toggle"),
    ])


def build_swatch(kind: str) -> html.Span:
    """A small coloured shape for ``kind`` (as drawn in the graph)."""
    style = KIND_STYLE[kind]
    return html.Span(className=f"swatch shape-{style['shape']}", style={"backgroundColor": style["color"]})


def build_legend(lang: str) -> html.Div:
    """Node kinds with their colour and shape, the two edge styles, and the group node."""
    rows = [html.Li([build_swatch(k), kind_name(k, lang, 2).capitalize()]) for k in KIND_STYLE]
    rows += [
        html.Li([html.Span(className="edge-swatch solid"), t("stated", lang)]),
        html.Li([html.Span(className="edge-swatch dashed"), t("interpreted", lang)]),
        html.Li([html.Span("+n", className="swatch group-swatch"), t("group_legend", lang)]),
    ]
    return html.Div([html.H3(t("legend", lang)), html.Ul(rows, className="legend")], id=ids.LEGEND)


def build_hits(hits: list[dict], lang: str, query: str) -> list:
    """Search suggestions: one button per hit (kind swatch, notation, label); a note when nothing matches."""
    if not query.strip():
        return []
    if not hits:
        return [html.Div(t("no_hits", lang), className="no-hits")]
    return [html.Button([build_swatch(h["kind"]),
                         html.Span(h["notation"], className="notation") if h["notation"] else None,
                         html.Span(h["label"], className="hit-label")],
                        id={"type": ids.HIT, "iri": h["iri"]}, className="hit", n_clicks=0, title=h["label"])
            for h in hits]


def build_quote(passage: dict, lang: str) -> html.Figure:
    """A source passage as a block quote with the relevant words marked, and where it is: the document and the
    characters, or the spreadsheet, sheet and row (and the source document the row names)."""
    pieces = [html.Mark(text) if marked else text for text, marked in passage["segments"]]
    if passage.get("sheet"):
        where = t("sheet_row", lang, file=passage["file_label"], sheet=passage["sheet"], row=passage["row"])
        where += f" · {passage['document_label']}" if passage["document_label"] else ""
    else:
        where = f"{passage['document_label']}, {t('chars', lang, start=passage['start'], end=passage['end'])}"
    restored = passage.get("restored")
    reading = ([html.P([html.Span(f"{t('restored_reading', lang)}: ", className="quote-label"),
                        html.Span(restored, lang="sv")], className="quote-restored")]
               if restored and restored != passage["text"] else [])
    # data-doc and data-start let assets/edit.js turn a text selection into the passage's offsets (a spreadsheet
    # row's quote has no offsets into a source text, so it has neither).
    offsets = {} if passage.get("sheet") else {"data-doc": passage.get("document") or "",
                                               "data-start": str(passage["start"])}
    quote = [html.Blockquote(pieces, className="quote-text", lang="sv", **offsets)] if pieces else []
    return html.Figure(className="quote", children=[*quote, *reading, html.Figcaption(where, className="quote-source")])


def build_mode(mode: str, lang: str) -> html.Span | None:
    """A badge: stated in the source, or an interpretation."""
    if not mode:
        return None
    return html.Span(t(mode, lang), className=f"badge {mode}")


def _provenance(item: dict, lang: str) -> list:
    parts = []
    if item.get("reason"):
        parts.append(html.P([html.Strong(t("reason", lang) + ": "), item["reason"]], className="reason"))
    parts += [build_quote(p, lang) for p in item.get("passages", [])]
    return parts or [html.P(t("no_source", lang), className="muted")]


def build_delete(triple: tuple[str, str, str], what: str, lang: str) -> html.Button:
    """The button that deletes the relation ``triple`` (subject, predicate, object IRIs), named for what it is."""
    s, p, o = triple
    return html.Button(t("edit_delete", lang), id={"type": ids.EDIT_DELETE, "s": s, "p": p, "o": o},
                       className="button small danger", n_clicks=0,
                       **{"aria-label": t("edit_delete_label", lang, what=what)})


def build_relation_item(item: dict, lang: str, delete: tuple[str, str, str] | None = None,
                        what: str = "") -> html.Li:
    """One related node: a link that moves the focus, its mode, its provenance folded away, and with ``delete``
    (the relation's subject, predicate and object) a button that deletes it."""
    link = html.Button([build_swatch(item["kind"]), item["label"]], id={"type": ids.REL_LINK, "iri": item["iri"]},
                       className="rel-link", n_clicks=0)
    return html.Li(className="relation", children=[
        html.Div([link, build_mode(item.get("mode", ""), lang),
                  build_delete(delete, what or item["label"], lang) if delete else None], className="relation-head"),
        html.Details([html.Summary(t("source", lang)), *_provenance(item, lang)], className="relation-prov"),
    ])


def build_relation_group(group: dict, lang: str, node: str | None = None, node_label: str = "") -> html.Div:
    """One relation group of the details panel: its heading with the full count, the listed relations, and when
    some are left out how many, a "Visa fler" button (the next page) and a link to all of them as a table on the
    SPARQL page. With ``node`` (the selected node's IRI: editing is on) each relation has a delete button."""
    arrow = f"{group['label']} →" if group["direction"] == "out" else f"← {group['label']}"

    def item(i: dict) -> html.Li:
        if node is None:
            return build_relation_item(i, lang)
        out = group["direction"] == "out"
        triple = (node, group["predicate"], i["iri"]) if out else (i["iri"], group["predicate"], node)
        what = (f"{node_label} {group['label']} {i['label']}" if out else f"{i['label']} {group['label']} {node_label}")
        return build_relation_item(i, lang, triple, what)

    children = [html.H4(f"{arrow} ({number(group['count'], lang)})"), html.Ul([item(i) for i in group["items"]])]
    if group.get("rest"):
        shown = t("rel_shown", lang, shown=number(len(group["items"]), lang), count=number(group["count"], lang))
        query = {"query": group["sparql"], **({"lang": lang} if lang != "sv" else {})}
        children.append(html.Div(className="rel-more", children=[
            html.Span(f"{shown}, {t('rel_order_' + group.get('order', 'degree'), lang)}", className="muted"),
            html.Button(t("show_more", lang, n=number(group["next"], lang)),
                        id={"type": ids.REL_MORE, "key": group["key"]}, className="button small", n_clicks=0)
            if group.get("more") else None,
            dcc.Link(t("rel_all_sparql", lang, count=number(group["count"], lang)),
                     href=f"{urls.SPARQL}?{urlencode(query)}", className="rel-all"),
        ]))
    return html.Div(children, className="relation-group")


def build_node_details(page: dict, lang: str, editable: bool = False) -> list:
    """The details panel for a node (:func:`graph.service.details.node_page`); ``editable`` adds a delete button
    to each relation (the edit form itself is :func:`ui.components.edit.build_edit_form`)."""
    header = [html.Div([build_swatch(page["kind"]), html.Span(page["type_label"], className="type-label"),
                        html.Span(page["notation"], className="notation") if page["notation"] else None],
                       className="details-type"),
              html.H2(page["label"], className="details-title")]
    other = [v for k, v in page["labels"].items() if k != lang and v != page["label"]]
    if other or page["alt_labels"]:
        header.append(html.P(f"{t('also_called', lang)}: {', '.join(other + page['alt_labels'])}", className="muted"))
    if page["description"]:
        header.append(html.P(page["description"], className="description"))
    body = header
    if page["mentions"]:
        body += [html.H3(t("source", lang)), *[build_quote(p, lang) for p in page["mentions"]]]
    if page["relations"]:
        body.append(html.H3(t("relations", lang)))
        body += [build_relation_group(group, lang, page["iri"] if editable else None, page["label"])
                 for group in page["relations"]]
    if page["facts"]:
        body.append(html.H3(t("facts", lang)))
        body.append(html.Ul([html.Li([html.Div([html.Strong(f"{f['label']}: "), f["value"], " ",
                                                build_mode(f["mode"], lang)]),
                                      html.Details([html.Summary(t("source", lang)), *_provenance(f, lang)],
                                                   className="relation-prov")], className="relation")
                             for f in page["facts"]]))
    return body


def build_edge_details(page: dict, lang: str) -> list:
    """The details panel for a relation (:func:`graph.service.details.edge_page`): both ends and its provenance."""
    def end(ref: dict) -> html.Button:
        return html.Button([build_swatch(ref["kind"]), ref["label"]], id={"type": ids.REL_LINK, "iri": ref["iri"]},
                           className="rel-link", n_clicks=0)

    return [
        html.Div(t("relation", lang), className="details-type"),
        html.Div([end(page["source"]), html.Span(f" {page['label']} → ", className="predicate"), end(page["target"])],
                 className="edge-title"),
        html.Div(build_mode(page["mode"], lang)),
        html.H3(t("source", lang)),
        *_provenance(page, lang),
    ]


def build_status(view: dict, state: dict, focus_label: str, lang: str, total: int | None = None) -> str:
    """One line under the graph: how many nodes are shown of how many exist (``total``: the whole graph's count;
    the view's scope when not given), how many are in scope when that is fewer, what is in groups, the focus."""
    exist = view["total"] if total is None else total
    parts = [t("status", lang, shown=number(view["shown"], lang), total=number(exist, lang))]
    if view["total"] != exist:
        parts.append(t("status_scope", lang, n=number(view["total"], lang)))
    grouped = sum(g["count"] for g in view["groups"])
    if grouped:
        parts.append(t("status_groups", lang, n=grouped))
    if state.get("focus"):
        parts.append(t("status_focus", lang, label=focus_label, k=state.get("k", 1)))
    return " · ".join(parts)
