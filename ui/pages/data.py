"""Data (``/data``): the spreadsheet template and the graph as a spreadsheet to download, and an upload that shows
what an import would add, change and match (:func:`graph.load.sheets.preview`) before the user confirms.

Confirming writes to the store only when the explorer runs with ``allow_edits`` (``fardplan serve --allow-edits``);
otherwise the page says so and how to turn it on, and still offers the template and the preview.

The change history (:func:`graph.edit.history.history`) is listed whether or not edits are on; with them on each
change in effect has an undo button, and the editor's name is the explorer's (kept in this browser).

The next remiss reply (.txt or .pdf) is uploaded only with edits on (otherwise the page says why not); its
proposals wait in the review queue (:mod:`graph.ingest.review`), shown always, decided only with edits on.
"""

from __future__ import annotations

from dash import dcc, html

from graph.edit.history import history
from graph.ingest.review import queue
from ui import ids, urls
from ui.components.data import build_history
from ui.components.edit import build_who
from ui.components.review import build_queue
from ui.i18n import number, t

__all__ = ["PATH", "TITLE", "layout"]

PATH = urls.DATA
TITLE = {"sv": "Data", "en": "Data"}


def _size(n: int, lang: str) -> str:
    return f"{number(round(n * 3 / 4 / 1000), lang)} kB"  # an upload travels base64-encoded in the request


def layout(ctx, lang: str = "sv", **_query) -> html.Div:
    """The page: template and export downloads, the upload, the preview and the confirm button."""
    edits = ctx.settings.allow_edits
    return html.Div(className="planner data-page", children=[
        dcc.Store(id=ids.DATA_META, data={"lang": lang}),
        dcc.Download(id=ids.DATA_TEMPLATE_DOWNLOAD), dcc.Download(id=ids.DATA_EXPORT_DOWNLOAD),
        html.Header([html.H1(TITLE[lang]), html.P(t("dt_intro", lang), className="lead")], className="pl-top"),
        html.Section([
            html.H2(t("dt_template_h", lang)),
            html.P(t("dt_template_text", lang)),
            html.Div([html.Button(t("dt_template_button", lang), id=ids.DATA_TEMPLATE, className="button primary"),
                      html.Button(t("dt_export_button", lang), id=ids.DATA_EXPORT, className="button")],
                     className="data-actions"),
        ], className="data-section"),
        _who(lang) if edits else None,
        html.Section([
            html.H2(t("dt_import_h", lang)),
            html.P(t("dt_edits_on" if edits else "dt_edits_off", lang),
                   className="data-edits-on" if edits else "data-edits-off", role="note", id="data-edits"),
            dcc.Upload(id=ids.DATA_UPLOAD, accept=".xlsx,.csv", multiple=False, className="data-upload",
                       children=html.Button(t("dt_upload", lang), className="button", type="button")),
            html.P(t("dt_upload_hint", lang, size=_size(ctx.settings.max_body_bytes, lang)), className="muted"),
            dcc.Loading(html.Div(html.P(t("dt_no_file", lang), className="muted"), id=ids.DATA_PREVIEW,
                                 **{"aria-live": "polite"}), type="dot", delay_show=300),
            html.Button(t("dt_confirm", lang), id=ids.DATA_CONFIRM, className="button primary", disabled=True),
            html.Div(id=ids.DATA_RESULT, role="status"),
        ], className="data-section"),
        _reply(ctx, lang, edits),
        html.Section([
            html.H2(t("dt_history_h", lang)),
            None if edits else html.P(t("dt_history_readonly", lang), className="muted"),
            html.Div(id=ids.DATA_HISTORY_RESULT, role="status", **{"aria-live": "polite"}),
            html.Div(build_history(history(ctx.store, limit=None), lang, edits), id=ids.DATA_HISTORY),
        ], className="data-section"),
    ])


def _reply(ctx, lang: str, edits: bool) -> html.Section:
    """The next reply: the upload (with edits on; otherwise why it is not offered) and the review queue."""
    if edits:
        upload = [dcc.Upload(id=ids.DATA_REPLY_UPLOAD, accept=".txt,.pdf", multiple=False, className="data-upload",
                             children=html.Button(t("dt_reply_upload", lang), className="button", type="button")),
                  html.P(t("dt_reply_hint", lang), className="muted")]
    else:
        upload = [html.P(t("dt_reply_off", lang), className="data-edits-off", role="note", id="data-reply-off")]
    return html.Section([
        html.H2(t("dt_reply_h", lang)),
        html.P(t("dt_reply_text", lang)),
        *upload,
        dcc.Loading(html.Div(id=ids.DATA_REVIEW_RESULT, role="status", **{"aria-live": "polite"}), type="dot",
                    delay_show=300),
        html.H3(t("dt_review_h", lang)),
        html.Div(build_queue(queue(ctx.store, status=None), lang, edits), id=ids.DATA_REVIEW),
    ], className="data-section data-reply")


def _who(lang: str) -> html.Section:
    """Who imports, undoes or decides (the explorer's name field, kept in this browser) and why."""
    return html.Section([
        html.H2(t("dt_who_h", lang)),
        html.P(t("dt_who_note", lang), className="muted"),
        *build_who(lang),
        html.Div([html.Label(t("dt_why", lang), htmlFor=ids.DATA_WHY, className="edit-label"),
                  dcc.Input(id=ids.DATA_WHY, type="text", maxLength=2000, className="edit-input")],
                 className="edit-field"),
    ], className="data-section data-who")
