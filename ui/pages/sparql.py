"""Fråga (``/fraga``): a SPARQL editor (CodeMirror 6, ``assets/sparql-editor.js``) with the canned queries as
examples; the answer as a sortable table with CSV/JSON downloads, a yes/no, or a small graph for CONSTRUCT and
DESCRIBE. The query lives in the URL (``?query=…``): opening such a link fills the editor and runs it.

Its answer's builders are in :mod:`ui.components.sparql`.
"""

from __future__ import annotations

from pathlib import Path

from dash import dcc, html

from graph.service.sparql import examples, starter_text
from ui import ids, urls
from ui.i18n import t

__all__ = ["PATH", "TITLE", "editor_src", "layout"]

PATH = urls.SPARQL
TITLE = {"sv": "SPARQL", "en": "SPARQL"}
EDITOR_FILE = Path(__file__).resolve().parent.parent / "assets" / "sparql-editor.js"


def editor_src() -> str:
    """The editor's URL below the app's prefix, with its version (assets/sparql-loader.js loads it on demand)."""
    return f"assets/{EDITOR_FILE.name}?m={int(EDITOR_FILE.stat().st_mtime)}"


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
                 **{"data-store": ids.SQ_TEXT, "data-run": ids.SQ_RUN, "data-label": t("sq_editor_label", lang),
                    "data-src": editor_src()}),
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


