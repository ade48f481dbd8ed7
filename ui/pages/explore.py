"""The explorer page ("/"): search, filters, layouts, the graph, and the details panel with provenance."""

from __future__ import annotations

import dash_cytoscape as cyto
from dash import dcc, html

from graph.index.nodes import KINDS
from graph.service.compare import replies
from graph.service.explore_state import view_part
from ui import ids, urls
from ui.components.common import build_legend, build_swatch
from ui.components.compare import build_source_choice
from ui.components.edit import build_edit_panel
from ui.components.errors import failed_part
from ui.components.explore import ALL_SOURCES, build_details, control_values, details_key, render_view
from ui.components.table import build_twin, graph_attrs
from ui.elements.explore import highlight_stylesheet
from ui.i18n import kind_name, t
from ui.urls import decode_state

__all__ = ["PATH", "TITLE", "layout"]

PATH = urls.EXPLORE
TITLE = {"sv": "Utforska", "en": "Explore"}


def _section(title: str, *children) -> html.Section:
    return html.Section([html.H2(title, className="panel-title"), *children], className="panel-section")


def layout(ctx, lang: str = "sv", **query) -> html.Div:
    """The page for the view state in ``query`` (see :mod:`graph.service.explore_state`)."""
    state = decode_state({**query, "lang": lang})
    part = view_part(state)  # drawn with the page: no callback round trips before the first picture (issue 13)
    try:
        elements, graph_layout, status = render_view(ctx, part)
    except Exception as exc:  # noqa: BLE001 - the page still works (search, filters) and says what failed
        elements, graph_layout, status = [], {"name": "preset"}, failed_part(exc, "the explorer's first view", lang)
    try:  # the selection's details with the page too (a shared link): no second round trip
        details, shown = build_details(ctx, state), details_key(state)
    except Exception as exc:  # noqa: BLE001 - the graph still works, and the details callback tries again
        details, shown = failed_part(exc, "the details panel", lang), None
    goals = ctx.index.goal_areas()
    values = control_values(state, [g.notation for g in goals])
    goal_options = [{"label": html.Span([html.Span(g.notation, className="notation"),
                                         g.labels.get(lang) or g.labels.get("sv", g.notation)]), "value": g.notation}
                    for g in goals]
    kind_options = [{"label": html.Span([build_swatch(k), kind_name(k, lang, 2).capitalize()]), "value": k}
                    for k in KINDS]
    sidebar = html.Aside(className="sidebar", **{"aria-label": t("a11y_sidebar", lang)}, children=[
        _section(t("search", lang),
                 dcc.Input(id=ids.SEARCH, type="search", placeholder=t("search_placeholder", lang), debounce=False,
                           autoComplete="off", className="search-input"),
                 html.Div(id=ids.SEARCH_HITS, className="hits")),
        _section(t("goal_areas", lang), dcc.Checklist(
            id=ids.GOALS, options=goal_options, className="checklist",
            value=values["goals"])),
        _section(t("node_types", lang), dcc.Checklist(
            id=ids.KINDS, options=kind_options, className="checklist",
            value=values["kinds"])),
        _section(t("net_reply", lang), build_source_choice(ids.SOURCE, str(values["reply"]), replies(ctx.store), lang,
                                                           ALL_SOURCES)),
        _section(t("layout", lang), dcc.RadioItems(
            id=ids.LAYOUT, value=values["layout"], className="radios",
            options=[{"label": t(f"layout_{name}", lang), "value": name}
                     for name in ("force", "hierarchy", "concentric")])),
        _section(t("depth", lang), dcc.RadioItems(id=ids.DEPTH, value=values["k"], inline=True, className="radios",
                                                  options=[{"label": str(k), "value": k} for k in (1, 2, 3)])),
        _section(t("export", lang), html.Div([html.Button("PNG", id=ids.EXPORT_PNG, className="button"),
                                              html.Button("SVG", id=ids.EXPORT_SVG, className="button")],
                                             className="button-row")),
        build_legend(lang),
        build_edit_panel(lang) if ctx.settings.allow_edits else None,  # issue 14: only with --allow-edits
    ])
    none = not state.get("selected")  # the buttons that act on the selection are disabled until there is one
    hint = t("need_selection", lang) if none else None
    toolbar = html.Div(className="toolbar", children=[
        html.Button(t("focus", lang), id=ids.FOCUS, className="button primary", disabled=none, title=hint),
        html.Button(t("expand", lang), id=ids.EXPAND, className="button", disabled=none, title=hint),
        html.Button(t("collapse", lang), id=ids.COLLAPSE, className="button", disabled=none, title=hint),
        html.Button(t("deselect", lang), id=ids.DESELECT, className="button", disabled=none, title=hint),
        html.Button(t("unfocus", lang), id=ids.UNFOCUS, className="button", disabled=not state.get("focus")),
        html.Span(id=ids.ANNOUNCE, className="feedback", role="status", **{"aria-live": "polite"}),
        html.Span(status, id=ids.STATUS, className="status", role="status", **{"aria-live": "polite"}),
    ])
    graph = cyto.Cytoscape(id=ids.GRAPH, elements=elements, layout=graph_layout,
                           stylesheet=highlight_stylesheet(elements, state.get("selected")),
                           minZoom=0.1, maxZoom=4, boxSelectionEnabled=False, className="graph",
                           style={"width": "100%", "height": "100%"})
    return html.Div(className="explore", children=[
        dcc.Store(id=ids.STATE, data=state), dcc.Store(id=ids.VIEW_STATE, data=part), dcc.Store(id=ids.LAST_VIEW),
        dcc.Store(id=ids.TWIN_SYNC),
        html.H1(t("explore_h1", lang), className="sr-only"),
        sidebar,
        html.Section([toolbar, html.Div(graph, className="graph-box", **graph_attrs(ids.GRAPH, lang, ids.DESELECT)),
                      build_twin(ids.GRAPH, lang, select="tap", clear_button=ids.DESELECT)],
                     className="graph-area", **{"aria-label": t("a11y_graph_area", lang)}),
        dcc.Store(id=ids.DETAILS_SHOWN, data=shown),
        html.Aside(details, id=ids.DETAILS, className="details", **{"aria-label": t("a11y_details", lang)}),
    ])
